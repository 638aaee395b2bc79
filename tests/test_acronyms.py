"""An acronym the articles only spell out is read as they spell it, and only then: a well-known
one only as what it is known to stand for."""

from __future__ import annotations

from rag.acronyms import spelled_out
from rag.spelling import word_counts

ARTICLES = [
    "Corvane plans to ask the Food and Drug Administration to approve the pill. The European Union has not ruled.",
    "Anna Ivanova, a neurologist, said the results were strong. The National Health Service will pay for it.",
    "Corvane has filed paperwork for an initial public offering.",
]
LOCAL_NAMES = [
    "The Sports and Events Centre will host the final. Carrow District Council approved the plan.",
    "The Millbrook Planning Board and the Northcastle Health Service both backed it.",
]
WORDS = word_counts(ARTICLES)


def test_an_acronym_the_articles_only_spell_out_is_read_as_they_spell_it():
    assert spelled_out("Is the pill approved by the FDA?", WORDS, ARTICLES) == "Is the pill approved by the Food and Drug Administration?"
    assert spelled_out("Will the NHS pay for it?", WORDS, ARTICLES) == "Will the National Health Service pay for it?"
    assert spelled_out("Has the EU ruled?", WORDS, ARTICLES) == "Has the European Union ruled?"  # two letters, an organisation
    assert spelled_out("Has Corvane filed for an IPO?", WORDS, ARTICLES) == "Has Corvane filed for an initial public offering?"  # known, in lower case
    local = word_counts(LOCAL_NAMES)
    assert spelled_out("Did the MPB back it?", local, LOCAL_NAMES) == "Did the Millbrook Planning Board back it?"  # a local body's initials


def test_a_well_known_acronym_is_never_read_as_a_local_name_with_its_initials():
    words = word_counts(LOCAL_NAMES)
    for asked in ("Did the SEC fine the company?", "What did the CDC say about the flood?", "Will the NHS pay for it?"):
        assert spelled_out(asked, words, LOCAL_NAMES) == asked  # not the Sports and Events Centre, Carrow District Council, Northcastle Health Service


def test_an_acronym_is_left_as_asked_when_the_articles_write_it_or_cannot_tell_what_it_stands_for():
    for asked in (
        "What did AI researchers find?",  # well known, and spelt out nowhere ("Anna Ivanova" is no "artificial intelligence")
        "Did the WHO comment?",  # spelt out nowhere
        "What does FDA stand for?",  # asks for the spelling itself
        "IS THE PILL APPROVED BY THE FDA?",  # all in capitals: any word may look like an acronym
    ):
        assert spelled_out(asked, WORDS, ARTICLES) == asked
    both = [*LOCAL_NAMES, "The Marlow Paddling Board objected."]  # "MPB" spelt out two ways
    assert spelled_out("Did the MPB back it?", word_counts(both), both) == "Did the MPB back it?"
    assert spelled_out("Did the TWG meet?", word_counts(["The Working Group met on Monday."]), ["The Working Group met on Monday."]) == "Did the TWG meet?"  # an article opens no name
    written = [*ARTICLES, "The FDA said nothing."]
    assert spelled_out("Is the pill approved by the FDA?", word_counts(written), written) == "Is the pill approved by the FDA?"
