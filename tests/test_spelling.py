"""Typos in questions are read as the articles' words, and only typos are."""

from __future__ import annotations

import random

import pytest

from eval.typos import score, with_typos, without_spelling
from rag.gold import load_gold
from rag.spelling import Speller, capitalised_words, proper_names, word_counts

from conftest import ROOT

GOLD = ROOT / "eval" / "gold.jsonl"


@pytest.fixture(scope="module")
def words_of_articles(retriever) -> set[str]:
    return set(word_counts(d.text for d in retriever.index.documents.values()))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("who acused anthropic of regulatry capture", "who accused anthropic of regulatory capture"),
        ("Which univeristy is Azizi Othmann from?", "Which university is Azizi Othman from?"),
        ("What anualized revenu run rate is Anthropc projecting?", "What annualized revenue run rate is Anthropic projecting?"),
        ("what does opneai want a fedral framework to do", "what does openai want a federal framework to do"),
        ("when did Anthropic aanounce the PAUSSE", "when did Anthropic announce the PAUSE"),
        ("Which university is Azizzi Othman from?", "Which university is Azizi Othman from?"),  # a name only written first in a sentence
        ("Whó wróte the blóg post?", "Whó wrote the blog post?"),  # accents typed by mistake on the articles' words
        ("Waht did Anthropic propose?", "What did Anthropic propose?"),  # a question word: too short for the rules above
        ("Hw much revenue does Anthropic expect, and wich company said so?", "How much revenue does Anthropic expect, and which company said so?"),
    ],
)
def test_typos_are_read_as_the_words_meant(retriever, typed, meant):
    assert retriever.read(typed) == meant


@pytest.mark.parametrize(
    "question",
    [
        "Hwo wrote the blog post?",  # as near "who" as "how": left as typed
        "Were there critics, and then what?",  # real words one letter from "where" and "when"
        "Wat did Anthropic say?",  # a real word, if a rare one
        "What did Hwat say?",  # a capitalised word after the first is a name
    ],
)
def test_a_question_word_is_read_only_where_it_can_be_no_other_word(retriever, question):
    assert retriever.read(question) == question


def test_an_accent_left_out_of_a_name_or_typed_by_mistake_is_read_as_the_articles_write_it():
    articles = ["Workers in Zürich went on strike at the cafe on Monday, Renée Dubois wrote in her résumé. Ángel Gurría agreed."]
    model_words = {"zurich", "renee", "resume", "beyonce", "uber", "cafe", "angel", "a", "la", "carte", "who", "is", "was", "it", "write", "why", "did", "at", "an", "the", "there", "on", "strike"}  # uncased, no accents
    speller = Speller(word_counts(articles), known_words=model_words, names=capitalised_words(articles))
    assert speller.correct("Why did Zurich workers meet at the café?") == "Why did Zürich workers meet at the cafe?"
    assert speller.correct("What did Renee write?") == "What did Renée write?"
    assert speller.correct("Who is Rénee?") == "Who is Renée?"  # another accent on the name
    for kept in ("Why did Zürich workers strike?", "When will the talks resume?", "Who is Beyoncé?", "Was it à la carte?", "Was sagt sie über Zürich?",
                 "Was an angel investor there?", "Was ZURICH on strike?"):
        assert speller.correct(kept) == kept  # as the articles write it, a real word, or a name or word they lack


def test_a_typo_is_read_but_not_a_short_real_word_another_form_nor_an_acronym():
    articles = ["They salt the food at the open table, agree on a price and bring the money."]
    speller = Speller(word_counts(articles), known_words={"did", "is", "in", "who", "what", "meet", "scored", "decide", "will", "court", "overture"}, names=capitalised_words(articles))
    assert speller.correct("who will brng the moey to the tabe") == "who will bring the money to the table"  # a letter dropped
    assert speller.correct("Is silt in the food?") == "Is silt in the food?"  # English has "silt", one letter from "salt"
    assert speller.correct("Who scored in the decider?") == "Who scored in the decider?"  # another form of "decide", not a typo of it
    assert speller.correct("Will the court overturn it?") == "Will the court overturn it?"  # a word too, not a typo of "overture"
    recurrent = Speller(word_counts(["Recurrent strokes were rare."]), known_words={"what", "was", "the", "rate"})
    assert recurrent.correct("What was the rekurrant rate?") == "What was the recurrent rate?"  # two edits, a word no dictionary has
    assert recurrent.correct("What was the recurrence rate?") == "What was the recurrence rate?"  # two edits from a word English has
    assert speller.correct("Did OPEC meet?") == "Did OPEC meet?"  # an acronym, one letter from "open"


def test_a_plural_no_dictionary_knows_nor_another_language_s_word_is_not_read_as_a_typo():
    articles = ["Councilmember Dana Ortiz said the critics of the budget were wrong."]
    speller = Speller(word_counts(articles), known_words={"how", "many", "voted", "for", "the", "a"}, names=capitalised_words(articles))
    for kept in ("How many councilmembers voted for the budget?",  # the articles' "councilmember", another form: its stem
                 "¿Quién criticó a Ortiz?"):  # Spanish, one letter from "critics"
        assert speller.correct(kept) == kept
    assert speller.correct("What did the critcs say?") == "What did the critics say?"  # still a typo
    accented = ["Jürgen Müller and Ana Martínez met at the café on Monday."]
    speller = Speller(word_counts(accented), known_words={"where", "did", "and", "meet"}, names=capitalised_words(accented))
    assert speller.correct("Where did Mülller and Martínex meet?") == "Where did Müller and Martínez meet?"  # typos of accented words


def test_real_words_and_names_the_articles_lack_are_left_alone(retriever, words_of_articles):
    question = "Why did Demis Hassabis praise the headquarters in 2024?"
    assert {"praise", "hassabis", "headquarters"}.isdisjoint(words_of_articles)  # else this test shows nothing
    assert "raise" in words_of_articles  # "praise" is one letter from an article word, and still kept
    assert retriever.read(question) == question


@pytest.mark.parametrize(
    "question",
    [
        "Is Anthropic calling for halting frontier AI development?",
        "Were the rules tiered or blunted?",
        "Which benchmark would researchers agree on?",  # the articles say "benchmarks"
        "Are chatbots covered by the pause?",  # the articles say "chatbot"
    ],
)
def test_other_forms_of_real_words_are_not_typos(retriever, words_of_articles, question):
    assert {"halting", "tiered", "blunted", "benchmark", "chatbots"}.isdisjoint(words_of_articles | retriever.encoder.whole_words())
    assert retriever.read(question) == question  # not "hating", "tired", "blurted", "benchmarks", "chatbot": one edit away, but not typos


def test_a_capitalised_word_is_read_only_as_a_name_of_the_articles(retriever, words_of_articles):
    assert "like" in words_of_articles and "leike" not in words_of_articles
    assert retriever.read("What did Jan Leike warn about?") == "What did Jan Leike warn about?"
    assert retriever.read("What did Othmn warn about?") == "What did Othman warn about?"


def test_a_name_the_articles_lack_is_not_read_away_so_the_bot_abstains(answerer):
    assert answerer.answer("What did Jan Leike warn about self-improvement?").abstained


def test_a_typo_changes_neither_the_quotes_nor_the_verdict(answerer):
    clean = answerer.answer("who accused anthropic of regulatory capture")
    typed = answerer.answer("who acused anthropic of regulatry capture")
    assert clean.read_as is None and clean.to_dict()["read_as"] is None
    assert typed.read_as == "who accused anthropic of regulatory capture"
    assert typed.question == "who acused anthropic of regulatry capture"  # the user's words are kept as asked
    assert [q.text for q in typed.quotes] == [q.text for q in clean.quotes] and not typed.abstained


def test_typod_gold_questions_answer_like_the_clean_ones(answerer):
    """Over the gold set with two typos a question, most are read back exactly, and the
    needed facts come back where the spelling step is off they mostly do not."""
    gold = [g for g in load_gold(GOLD) if g.answerable]
    rng = random.Random(11)
    typed = [with_typos(g.question, rng) for g in gold]
    read_back = [answerer.retriever.read(t) == g.question for g, t in zip(gold, typed)]
    # 45 of 65 (seed 11); a typo that spells another word ("models" -> "motels") stays as typed by design
    assert sum(read_back) >= 0.65 * len(gold)

    clean = score(answerer, gold, [g.question for g in gold])["must_contain hit"]
    with_spelling = score(answerer, gold, typed)["must_contain hit"]
    without = score(without_spelling(answerer), gold, typed)["must_contain hit"]
    assert with_spelling >= clean - 0.1
    assert with_spelling >= 1.5 * without


@pytest.mark.parametrize("title", ["Dr.", "Hon.", "Mx.", "Sen."])
def test_a_name_after_an_abbreviated_title_is_a_name_not_a_word_opening_a_sentence(title):
    """The full stop of "Hon." opens no sentence: "Ana" after it is capitalised as a name is."""
    assert "ana" in proper_names([f"The inquiry is led by {title} Ana Reyes, the council said."])
