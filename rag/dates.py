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

from .markup import FRONT_MATTER
from .text import dateline_date
from .types import Citation, Document, Sentence

# A front matter's date field and its value, quotes aside: "date: 2024-11-27", 'published = "Nov. 27, 2024"'.
_FRONT_MATTER_DATE = re.compile(
    r"""^(?:date|published|pubdate|publish_?date|published_?(?:at|on)|date_?published)[ \t]*[:=][ \t]*"""
    r"""(?P<quote>["']?)(?P<date>[^\n"'#]*?\d[^\n"'#]*?)(?P=quote)[ \t]*(?:#[^\n]*)?$""",
    re.M | re.I,
)


def front_matter_date(text: str) -> tuple[int, int] | None:
    """Where in ``text`` its front matter's date is (the value of "date:", "published:" …), or None."""
    front = FRONT_MATTER.match(text)
    found = _FRONT_MATTER_DATE.search(text, 0, front.end()) if front else None
    return found.span("date") if found else None


def article_date(document: Document, sentences: Sequence[Sentence]) -> Citation | None:
    """The date ``document`` is dated with, as a span of its text: its dateline's, among its
    ``sentences`` (in reading order) before the first that is prose, which dates the story it
    opens ("on Monday"); else its front matter's."""
    span = None
    for sentence in sentences:
        if sentence.kind == "sentence":
            break
        found = dateline_date(sentence.text) if sentence.kind == "fragment" else None
        if found is not None:
            span = (sentence.start + found[0], sentence.start + found[1])
            break
    span = span or front_matter_date(document.text)
    if span is None:
        return None
    start, end = span
    return Citation(document.doc_id, start, end, document.text[start:end])
