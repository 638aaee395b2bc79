"""The date an article is dated with (``rag.dates``): quoted from its dateline or front matter as
the article writes it, an exact span of its text, never worked out."""

from __future__ import annotations

import datetime

from rag.dates import article_date, dated_later, day_named, front_matter_date
from rag.text import dateline_date, split_sentences
from rag.types import Document


def date_of(text: str) -> str | None:
    """The date ``text``, read as an article, is dated with, as it writes it."""
    document = Document("story", text.split("\n", 1)[0], text, "")  # its first line its title, as a headline is
    found = article_date(document, split_sentences("story", text))
    if found is None:
        return None
    assert text[found.start : found.end] == found.text and found.doc_id == "story"
    return found.text


def test_a_datelines_date_is_quoted_as_the_dateline_writes_it():
    for dateline, date in [
        ("CARROW, Wednesday 27 November 2024 -", "Wednesday 27 November 2024"),  # the weekday is the date's, not a state's
        ("OSLO, 24 October 2024 (Thursday) -", "24 October 2024 (Thursday)"),
        ("MILLBROOK, Oct. 16 -", "Oct. 16"),
        ("SAN JOSE, Calif., Oct. 24 (Reuters) —", "Oct. 24"),
        ("BOSTON, Tuesday, March 4, 2025 —", "Tuesday, March 4, 2025"),
        ("**PORT HALLEN, March 12 (The Ledger)** —", "March 12"),  # set in bold in a Markdown article
    ]:
        span = dateline_date(dateline)
        assert span is not None and dateline[span[0] : span[1]] == date, dateline
    for undated in ("BALLARAT, Vic. —", "LONDON —", "LONDON, Tuesday —", "(Meridian Wire) —", "The council met on March 4 -"):
        assert dateline_date(undated) is None, undated  # no date, only a weekday, or no dateline


def test_an_article_is_dated_by_its_dateline_or_front_matter_and_only_there():
    assert date_of("Council backs flood wall\n\nCARROW, Wednesday 27 November 2024 - The council voted on Tuesday.\n") == "Wednesday 27 November 2024"
    assert date_of("---\ntitle: Council backs flood wall\ndate: 2024-11-27\n---\nThe council voted on Tuesday.\n") == "2024-11-27"
    assert date_of('+++\npublished = "Nov. 27, 2024"\n+++\nThe council voted on Tuesday.\n') == "Nov. 27, 2024"
    assert date_of("Council backs flood wall\n\nBALLARAT, Vic. — The council voted on Tuesday.\n") is None  # a dateline with no date
    assert date_of("Council backs flood wall\n\nThe council voted on March 4. CARROW, May 2 - It met again.\n") is None  # a date in the prose is no dateline
    assert date_of("Council backs flood wall\n\nThe council voted to raise the wall.\n\nCARROW, May 2 - It met again on Friday.\n") is None  # past the opening: not the article's
    assert front_matter_date("The council voted.\ndate: 2024-11-27\n") is None  # no front matter, no field of it
    assert date_of("Budget vote postponed\n\nAshcombe Herald, Wednesday 15 January 2025\n\nThe council met on Tuesday.\n") == "Wednesday 15 January 2025"
    assert date_of("Budget vote postponed\n\nUpdated Tuesday, March 4, 2025\n\nThe council met on Monday.\n") == "Tuesday, March 4, 2025"
    assert date_of("Budget vote postponed\n\nPublished: 4 March 2025\n\nThe council met on Monday.\n") == "4 March 2025"
    assert date_of("Budget vote postponed\n\nBy Jane Fry | 3 March 2025\n\nThe council met on Monday.\n") == "3 March 2025"
    assert date_of("Budget vote postponed\n\nThe council met on Tuesday.\n\nAshcombe Herald, Wednesday 15 January 2025\n") is None  # past the opening
    assert date_of("Budget vote postponed\n\nBudget day, a week on\n\nThe council met on Tuesday.\n") is None  # a line with no full date
    assert date_of("Jane Fry obituary\n\nJane Fry, 12 June 1950\n\nJane Fry, who has died aged 74, taught for 40 years.\n") is None  # a birth date
    assert date_of("Election day: Thursday 1 May 2025\n\nVoters go to the polls next month.\n") is None  # the headline itself
    both = "---\ntitle: Council backs flood wall\ndate: 2024-11-27 # draft\n---\nCARROW, Monday 2 December 2024 - The council voted on Monday.\n"
    assert date_of(both) == "Monday 2 December 2024"  # the dateline dates the story it opens ("on Monday")
    assert date_of(both.replace("CARROW, Monday 2 December 2024 - ", "")) == "2024-11-27"  # the front matter's, without its comment


def test_the_day_an_article_is_dated_is_read_with_or_without_its_year():
    assert day_named("Wednesday 15 January 2025") == (datetime.date(2025, 1, 15), True)
    assert day_named("2024-11-27") == day_named("Nov. 27, 2024") == (datetime.date(2024, 11, 27), True)
    assert day_named("March 12") == (datetime.date(1, 3, 12), False)  # a dateline's day without its year
    for no_day in ("Tuesday", "2025", "Updated 10:05 p.m.", "soon"):
        assert day_named(no_day) is None, no_day
    assert dated_later("Thursday 12 March 2026", "Monday 9 March 2026") and not dated_later("Monday 9 March 2026", "Thursday 12 March 2026")
    assert dated_later("March 12", "March 9")
    assert not dated_later("March 12", "9 March 2026")  # one year named, the other not: not compared
    assert day_named("03/04/2026") is None  # 3 April or March 4: no day to be sure of
