"""The date an article is dated with, as an exact span of it: what "on Thursday" or "last week"
in a quote of it counts from.

An article gives it in its dateline ("CARROW, Wednesday 27 November 2024 - ", "PORT HALLEN,
March 12 (Herald) - ") or, without one, its front matter ("date: 2024-11-27"); an article with neither,
or a dateline with no date ("BALLARAT, Vic. — "), has none. The date is never worked out or
rewritten: it is quoted as the article writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from .markup import FRONT_MATTER
from .text import MONTH_NAME, WEEKDAYS, dateline_date
from .types import Citation, Document, Sentence

# A front matter's date field and its value, quotes aside: "date: 2024-11-27", 'published = "Nov. 27, 2024"'.
_FRONT_MATTER_DATE = re.compile(
    r"""^(?:date|published|pubdate|publish_?date|published_?(?:at|on)|date_?published)[ \t]*[:=][ \t]*"""
    r"""(?P<quote>["']?)(?P<date>[^\n"'#]*?\d[^\n"'#]*?)(?P=quote)[ \t]*(?:#[^\n]*)?$""",
    re.M | re.I,
)


# A line of its own under the headline ending in a full date, alone, after a word of publishing
# or after a paper's name with the date's weekday: "15 January 2025", "Published: March 4, 2025",
# "Ashcombe Herald, Wednesday 15 January 2025"; not "Jane Fry, 12 June 1950" over an obituary.
_DATED_LINE = re.compile(
    rf"(?:(?P<lead>[A-Z][^\n.!?:;,]{{0,60}})(?:,|:|\s[-—–|·])\s*)?"
    rf"(?P<date>(?:(?P<weekday>{WEEKDAYS}),?\s+)?(?:\d{{1,2}}\s+(?:{MONTH_NAME})\s+\d{{4}}|(?:{MONTH_NAME})\s+\d{{1,2}},\s+\d{{4}}))"
)

_DATED_LINE_KINDS = frozenset({"heading", "byline", "boilerplate"})  # "Ashcombe Herald, …", "By Jane Fry | 3 March 2025", "Published: …"
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{WEEKDAYS}),?\s+$")
_PUBLISHING = re.compile(r"(?:first\s+)?(?:published|updated|posted|last\s+updated|issued|by\s)", re.I)


def dated_line_date(text: str) -> tuple[int, int] | None:
    """Where in ``text``, a line of its own ("Ashcombe Herald, Wednesday 15 January 2025"), its
    date is ("Wednesday 15 January 2025"); None for anything else (``_DATED_LINE``)."""
    found = _DATED_LINE.fullmatch(text.strip())
    if found is None:
        return None
    offset = len(text) - len(text.lstrip())
    weekday = _WEEKDAY_BEFORE.search(text, 0, offset + found.start("date"))  # "Updated Tuesday, March 4, 2025": the weekday is the date's
    if found["lead"] and not weekday and not found["weekday"] and not _PUBLISHING.match(found["lead"]):
        return None
    return weekday.start() if weekday else offset + found.start("date"), offset + found.end("date")


_FIGURES_ONLY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")  # "03/04/2026": 3 April or March 4


def day_named(text: str) -> tuple[date, bool] | None:
    """The day ``text`` (an article's date as it writes it: "Wednesday 15 January 2025", "March 12",
    "2024-11-27") names, and whether it names its year; None where it names no day and month.
    Read twice with two different defaults, so a field the text leaves out shows by changing
    (python-dateutil's parser). A date written in figures alone, day and month either way round
    ("03/04/2026"), names no day it can be sure of; a year first ("2024-11-27") does."""
    if _FIGURES_ONLY.fullmatch(text.strip()):
        return None
    try:
        first, second = (dateutil_parser.parse(text, fuzzy=True, default=datetime(year, year, year)) for year in (1, 2))
    except (ValueError, OverflowError):
        return None
    if first.month != second.month or first.day != second.day:
        return None
    return first.date(), first.year == second.year


def dated_later(text: str, than: str) -> bool:
    """Whether the day ``text`` names comes after the one ``than`` names (both an article's date as
    it writes it, ``day_named``): only where both name a year or neither does."""
    later, earlier = day_named(text), day_named(than)
    return later is not None and earlier is not None and later[1] == earlier[1] and later[0] > earlier[0]


def front_matter_date(text: str) -> tuple[int, int] | None:
    """Where in ``text`` its front matter's date is (the value of "date:", "published:" …), or None."""
    front = FRONT_MATTER.match(text)
    found = _FRONT_MATTER_DATE.search(text, 0, front.end()) if front else None
    return found.span("date") if found else None


def article_date(document: Document, sentences: Sequence[Sentence]) -> Citation | None:
    """The date ``document`` is dated with, as a span of its text: its dateline's, or a dated line's
    under its headline (not the headline: "Ashcombe Herald, Wednesday 15 January 2025",
    ``dated_line_date``), among
    its ``sentences`` (in reading order) before the first that is prose, which dates the story it
    opens ("on Monday"); else its front matter's."""
    span = None
    for sentence in sentences:
        if sentence.kind == "sentence":
            break
        if sentence.text.strip() == document.title:
            continue  # the headline itself: "Election day: Thursday 1 May 2025" over a preview
        found = dateline_date(sentence.text) if sentence.kind == "fragment" else dated_line_date(sentence.text) if sentence.kind in _DATED_LINE_KINDS else None
        if found is not None:
            span = (sentence.start + found[0], sentence.start + found[1])
            break
    span = span or front_matter_date(document.text)
    if span is None:
        return None
    start, end = span
    return Citation(document.doc_id, start, end, document.text[start:end])
