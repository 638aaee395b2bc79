"""An acronym the articles only spell out is read as they spell it, and only then."""

from __future__ import annotations

from rag.acronyms import spelled_out
from rag.spelling import word_counts

ARTICLES = [
    "Corvane plans to ask the Food and Drug Administration to approve the pill. The European Union has not ruled.",
    "Anna Ivanova, a neurologist, said the results were strong. The National Health Service will pay for it.",
]
WORDS = word_counts(ARTICLES)


def test_an_acronym_the_articles_only_spell_out_is_read_as_they_spell_it():
    assert spelled_out("Is the pill approved by the FDA?", WORDS, ARTICLES) == "Is the pill approved by the Food and Drug Administration?"
    assert spelled_out("Will the NHS pay for it?", WORDS, ARTICLES) == "Will the National Health Service pay for it?"
    assert spelled_out("Has the EU ruled?", WORDS, ARTICLES) == "Has the European Union ruled?"  # two letters, an organisation


def test_an_acronym_is_left_as_asked_when_the_articles_write_it_or_cannot_tell_what_it_stands_for():
    for asked in (
        "What did AI researchers find?",  # two letters spelling out a person's name ("Anna Ivanova"), not an organisation
        "Did the WHO comment?",  # spelt out nowhere
        "What does FDA stand for?",  # asks for the spelling itself
        "IS THE PILL APPROVED BY THE FDA?",  # all in capitals: any word may look like an acronym
    ):
        assert spelled_out(asked, WORDS, ARTICLES) == asked
    both = [*ARTICLES, "The Fairfax Dental Association backed it."]  # "FDA" spelt out two ways
    assert spelled_out("Is the pill approved by the FDA?", word_counts(both), both) == "Is the pill approved by the FDA?"
    written = [*ARTICLES, "The FDA said nothing."]
    assert spelled_out("Is the pill approved by the FDA?", word_counts(written), written) == "Is the pill approved by the FDA?"
