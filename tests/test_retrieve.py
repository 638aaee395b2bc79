"""Retrieval: the passages that best match a question, each an exact, citable span."""

from __future__ import annotations

import numpy as np
import pytest

from rag.errors import QuestionError

SACKS = "000_1eb8a4053cc42a55"
NINE_MODELS = "003_d04b17a40513e639"


@pytest.mark.parametrize(
    "question, doc_id, words",
    [
        ("Who accused Anthropic of pursuing a regulatory capture agenda?", SACKS, "David Sacks"),
        ("Which security researcher warned about backdoors in self-modifying systems?", SACKS, "Azizi Othman"),
        ("How much faster did Claude models solve a core safety problem than human researchers?", NINE_MODELS, "four times faster"),
    ],
)
def test_the_passage_that_answers_comes_first(retriever, question, doc_id, words):
    best = retriever.search(question, k=3)[0]
    assert best.doc_id == doc_id and words in best.text


def test_passages_are_exact_spans_best_first_with_their_titles(retriever):
    passages = retriever.search("Why does Anthropic want a pause on frontier AI development?", k=5)
    assert len(passages) == 5
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    assert len({p.chunk_id for p in passages}) == 5
    documents = retriever.index.documents
    for passage in passages:
        assert documents[passage.doc_id].text[passage.start : passage.end] == passage.text
        assert passage.title == documents[passage.doc_id].title
        assert retriever.index.chunks[passage.chunk_id].text == passage.text


def test_k_larger_than_the_index_returns_every_chunk_once(retriever):
    passages = retriever.search("Anthropic pause", k=10_000)
    assert sorted(p.chunk_id for p in passages) == list(range(len(retriever.index.chunks)))


@pytest.mark.parametrize("k", [0, -3, 2.5, "3", True])
def test_a_passage_count_that_is_not_a_whole_number_of_at_least_one_is_refused(retriever, k):
    with pytest.raises(QuestionError, match="whole number of at least 1"):  # as Answerer.answer and `rag search -k` refuse it
        retriever.search("Who is David Sacks?", k=k)


def test_words_the_articles_never_use_still_get_the_closest_passages(retriever):
    passages = retriever.search("zxqv blorf quux", k=3)
    assert len(passages) == 3


def test_control_and_invisible_characters_are_ignored(retriever):
    clean = retriever.search("Who accused Anthropic of a regulatory capture agenda?", k=3)
    messy = retriever.search("\x00Who\u200b accused\tAnthropic\x1b of a\r\nregulatory capture\x7f agenda?\x07", k=3)
    assert [p.chunk_id for p in messy] == [p.chunk_id for p in clean]


@pytest.mark.parametrize(
    "question, words",
    [("", "empty"), ("   \n\t ", "empty"), ("\x00\x01\x1b\x7f", "empty"), ("?!", "no words"), ("x" * 100_000, "too long"), (None, "must be text")],
    ids=["empty", "whitespace", "control-characters", "punctuation", "100k-characters", "not-text"],
)
def test_unusable_questions_get_a_clear_error(retriever, question, words):
    with pytest.raises(QuestionError, match=words):
        retriever.search(question)


@pytest.mark.parametrize("question", ["Who wrote the blog post?", "regulatory capture agenda of Anthropic", "pause pause frontier models safety"])
def test_bm25_scores_read_without_bm25s_are_bm25s_own(retriever, question):
    import bm25s
    from rag.lexical import terms

    reference = bm25s.BM25.load(str(retriever.index.path / "bm25"))
    query = [t for t in dict.fromkeys(terms(question)) if t in reference.vocab_dict]
    ours, theirs = retriever.index.bm25.scores(query), reference.get_scores(query)
    assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs) and ours.any()


def test_the_stop_words_are_bm25s_english_ones():
    import bm25s.stopwords
    from rag.lexical import STOPWORDS_EN

    assert STOPWORDS_EN == bm25s.stopwords.STOPWORDS_EN
