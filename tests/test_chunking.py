"""Chunks: sentence-aligned windows of an article, sized in cl100k tokens, overlapping by
one sentence, each indexing the article exactly and fitting the embedding model whole."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generated_text import news_text
from rag.chunking import MODEL_SAFE_MAX_TOKENS, ChunkingSettings, chunk_document, model_fit
from rag.documents import load_corpus
from rag.markup import FRONT_MATTER
from rag.text import count_tokens, split_sentences
from rag.types import Chunk, Document

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def document(text: str, doc_id: str = "doc") -> Document:
    """A document of ``text`` (hash and title are not used by chunking)."""
    return Document(doc_id=doc_id, title="", text=text, sha256="")


def chunked(doc: Document, chunking: ChunkingSettings = ChunkingSettings(), fits_model=None) -> tuple[list, list[Chunk]]:
    """(sentences, chunks) of one document, numbered from 0."""
    sentences = split_sentences(doc.doc_id, doc.text)
    return sentences, chunk_document(doc, sentences, 0, 0, chunking, fits_model)


def assert_well_formed(doc: Document, sentences, chunks: list[Chunk], chunking: ChunkingSettings, encoder=None) -> None:
    """Exact spans, both token limits, every sentence covered, steady progress, bounded overlap."""
    for n, chunk in enumerate(chunks):
        assert chunk.chunk_id == n and chunk.doc_id == doc.doc_id
        assert doc.text[chunk.start : chunk.end] == chunk.text and chunk.start < chunk.end
        assert chunk.n_tokens == count_tokens(chunk.text) <= chunking.max_tokens
        if encoder is not None:
            assert encoder.count_model_tokens(chunk.text) <= encoder.max_seq_length
        assert list(chunk.sentence_ids) == sorted(set(chunk.sentence_ids))
        first, last = sentences[chunk.sentence_ids[0]], sentences[chunk.sentence_ids[-1]]
        assert first.start <= chunk.start < first.end and last.start < chunk.end <= last.end
    for before, after in zip(chunks, chunks[1:]):
        assert before.start < after.start and before.end < after.end
        assert len(set(before.sentence_ids) & set(after.sentence_ids)) <= max(1, chunking.overlap_sentences)
    front = FRONT_MATTER.match(doc.text)
    passed = {sid for sid, sentence in enumerate(sentences) if sentence.kind != "markup" and not (front and sentence.end <= front.end())}
    covered = {sid for chunk in chunks for sid in chunk.sentence_ids}
    assert covered == passed  # markup (and front matter's author line) starts and ends none
    for sid, sentence in enumerate(sentences):  # every character of every other sentence is in a chunk
        if sid not in passed:
            continue
        holders = [c for c in chunks if sid in c.sentence_ids]
        assert min(c.start for c in holders) <= sentence.start and max(c.end for c in holders) >= sentence.end


def test_no_passage_opens_on_front_matter_and_none_is_only_code():
    story = document(
        "---\ntitle: Lakeview picks a superintendent\nauthor: Ben Castillo\n---\n\nThe board voted 6-1 to hire Dr. Angela Reyes.\n\n"
        "```bash\nrag build --corpus x\n```\n\nShe starts in July.\n"
    )
    sentences, chunks = chunked(story)
    assert [c.text for c in chunks] == [story.text[story.text.index("The board") :].rstrip("\n")]  # the code between stays
    assert_well_formed(story, sentences, chunks, ChunkingSettings())
    assert chunked(document("---\ntitle: Only code\n---\n\n```\nprint(1)\n```\n"))[1] == []


@pytest.fixture(scope="module")
def articles(corpus_dir) -> list[Document]:
    """The bundled articles."""
    return load_corpus(corpus_dir).documents


@pytest.mark.parametrize(
    "chunking",
    [ChunkingSettings(), ChunkingSettings(max_tokens=16), ChunkingSettings(max_tokens=MODEL_SAFE_MAX_TOKENS, overlap_sentences=3)],
    ids=["default", "smallest", "largest"],
)
def test_chunks_of_the_real_articles_are_well_formed(articles, encoder, chunking):
    for doc in articles:
        sentences, chunks = chunked(doc, chunking, model_fit(encoder))
        assert_well_formed(doc, sentences, chunks, chunking, encoder)


def test_neighbouring_chunks_share_one_sentence(articles):
    for doc in articles:
        sentences, chunks = chunked(doc)
        assert len(chunks) >= 3
        for before, after in zip(chunks, chunks[1:]):
            assert after.sentence_ids[0] == before.sentence_ids[-1]
            assert all(sentences[sid].end <= sentences[after.sentence_ids[1]].start for sid in before.sentence_ids)


def test_without_overlap_chunks_tile_the_article(articles):
    sentences, chunks = chunked(articles[0], ChunkingSettings(overlap_sentences=0))
    assert [sid for chunk in chunks for sid in chunk.sentence_ids] == list(range(len(sentences)))


def test_a_sentence_longer_than_a_chunk_is_cut_into_pieces_that_cover_it():
    words = " ".join(f"clause{n} of the never-ending statement" for n in range(200)) + "."
    doc = document(words)
    sentences, chunks = chunked(doc, ChunkingSettings(max_tokens=32))
    assert len(sentences) == 1 and len(chunks) > 10
    assert all(chunk.sentence_ids == (0,) for chunk in chunks)
    assert_well_formed(doc, sentences, chunks, ChunkingSettings(max_tokens=32))


def test_text_the_model_reads_as_more_word_pieces_is_cut_to_fit_it(encoder):
    # Cyrillic takes about two word pieces per cl100k token: 160 cl100k tokens overflow
    # the model's 256, which would silently drop the end of the chunk.
    sentence = "Компания Anthropic призвала приостановить разработку искусственного интеллекта, и заявила об этом в понедельник, "
    doc = document(sentence * 6 + ".")
    chunking = ChunkingSettings(max_tokens=MODEL_SAFE_MAX_TOKENS)
    _, cl100k_only = chunked(doc, chunking)
    assert max(encoder.count_model_tokens(c.text) for c in cl100k_only) > encoder.max_seq_length
    sentences, chunks = chunked(doc, chunking, model_fit(encoder))
    assert_well_formed(doc, sentences, chunks, chunking, encoder)


@PROPERTY
@given(
    text=news_text,
    max_tokens=st.integers(16, MODEL_SAFE_MAX_TOKENS),
    overlap=st.integers(0, 3),
)
def test_generated_articles_chunk_into_exact_spans_within_both_limits(encoder, text, max_tokens, overlap):
    chunking = ChunkingSettings(max_tokens=max_tokens, overlap_sentences=overlap)
    doc = document(text)
    sentences, chunks = chunked(doc, chunking, model_fit(encoder))
    assert_well_formed(doc, sentences, chunks, chunking, encoder)
    assert bool(chunks) == bool(sentences)


@PROPERTY
@given(words=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=120), max_tokens=st.integers(16, 64))
def test_arbitrary_unicode_chunks_into_exact_spans_within_both_limits(encoder, words, max_tokens):
    chunking = ChunkingSettings(max_tokens=max_tokens)
    doc = document(" ".join(words))
    sentences, chunks = chunked(doc, chunking, model_fit(encoder))
    assert_well_formed(doc, sentences, chunks, chunking, encoder)


def test_global_ids_continue_from_the_numbers_given(articles):
    doc = articles[1]
    sentences = split_sentences(doc.doc_id, doc.text)
    chunks = chunk_document(doc, sentences, first_sentence_id=100, first_chunk_id=7)
    assert chunks[0].chunk_id == 7 and chunks[0].sentence_ids[0] == 100
    assert chunks[-1].sentence_ids[-1] == 100 + len(sentences) - 1


@pytest.mark.parametrize("max_tokens, overlap", [(15, 1), (MODEL_SAFE_MAX_TOKENS + 1, 1), (128, -1), (128, 4)])
def test_settings_out_of_range_are_refused(max_tokens, overlap):
    with pytest.raises(ValueError):
        ChunkingSettings(max_tokens=max_tokens, overlap_sentences=overlap)


def test_model_fit_uses_the_encoders_own_tokenizer_and_limit(encoder):
    fits = model_fit(encoder)
    assert fits("A short sentence.")
    assert not fits("word " * (encoder.max_seq_length + 1))
    assert model_fit(object()) is None


def test_word_pieces_are_counted_as_sentence_transformers_counts_them(articles, encoder):
    # Chunking counts with the model's tokenizer.json so that building needs no torch;
    # the counts must be the ones the model itself sees.
    odd = ["Ünïcödé — “curly” naïve café 東京 🙂 \u200b x\x00y", "Компания Anthropic призвала", "", "   ", "U.S.-based A.I.[1, 2]"]
    texts = [doc.text for doc in articles] + [s.text for doc in articles for s in split_sentences(doc.doc_id, doc.text)] + odd
    reference = encoder.model.tokenizer
    assert [encoder.count_model_tokens(t) for t in texts] == [len(reference(t, add_special_tokens=True)["input_ids"]) for t in texts]
