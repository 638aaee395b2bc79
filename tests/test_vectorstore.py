"""The vector store: exact search is exact, the index type follows the collection's size,
the approximate index keeps recall@10 against exact search, and saving keeps its settings."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rag.errors import IndexCorruptError, SettingsError
from rag.vectorstore import ADD_BLOCK, EXACT_MAX_VECTORS, TARGET_RECALL, FaissStore, choose_kind, ivf_cells, recall_at_k


def embedding_like(real: np.ndarray, n: int, seed: int) -> np.ndarray:
    """``n`` unit vectors mixing two real embeddings plus a little noise: clustered like real ones."""
    rng = np.random.default_rng(seed)
    first, second = real[rng.integers(len(real), size=n)], real[rng.integers(len(real), size=n)]
    weight = rng.uniform(0.6, 1.0, size=(n, 1)).astype(np.float32)
    mixed = weight * first + (1 - weight) * second + rng.normal(0, 0.15 / np.sqrt(real.shape[1]), size=first.shape).astype(np.float32)
    return (mixed / np.linalg.norm(mixed, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def real_vectors(retriever) -> np.ndarray:
    """Sentence embeddings of the bundled articles (the real model's output)."""
    return retriever.index.sentence_vectors


def test_flat_search_is_exact():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3000, 48)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[:20] + rng.normal(0, 0.1, size=(20, 48)).astype(np.float32)
    store = FaissStore.build(vectors, "flat")
    scores, ids = store.search(queries, 10)
    brute = queries @ vectors.T
    assert (ids == np.argsort(-brute, axis=1)[:, :10]).all()
    assert np.allclose(scores, np.sort(brute, axis=1)[:, ::-1][:, :10], atol=1e-4)


def test_the_index_type_follows_the_size():
    assert choose_kind(10) == "flat"
    assert choose_kind(EXACT_MAX_VECTORS) == "flat"
    assert choose_kind(EXACT_MAX_VECTORS + 1) == "ivf"
    assert choose_kind(2_000, exact_max=1_000) == "ivf"
    assert ivf_cells(1_000_000) == 4096 and ivf_cells(100_000) == 1024
    with pytest.raises(SettingsError, match="vector_kind must be one of auto, flat, ivf, hnsw"):
        FaissStore.build(np.zeros((3, 4), np.float32), "annoy")


def test_the_approximate_index_keeps_recall_at_10_against_exact_search(real_vectors):
    vectors = embedding_like(real_vectors, 4 * EXACT_MAX_VECTORS, seed=1)
    queries = embedding_like(real_vectors, 300, seed=2)  # not stored vectors: like new questions
    store = FaissStore.build(vectors)  # auto: above EXACT_MAX_VECTORS
    exact = FaissStore.build(vectors, "flat")
    described = store.describe()
    assert store.kind == "ivf" and described["kind"] == "ivf"
    assert described["nprobe"] < described["nlist"]  # really approximate, not a full scan
    assert described["calibration_recall_at_10"] >= TARGET_RECALL
    assert recall_at_k(store.search(queries, 10)[1], exact.search(queries, 10)[1]) >= 0.95


def test_saving_and_loading_keeps_kind_and_search_settings(real_vectors, tmp_path):
    vectors = embedding_like(real_vectors, 8_000, seed=3)
    store = FaissStore.build(vectors, exact_max=1_000)
    path = tmp_path / "chunks.faiss"
    store.save(path)
    loaded = FaissStore.load(path, "ivf")
    assert len(loaded) == len(vectors)
    assert loaded.describe()["nprobe"] == store.describe()["nprobe"]
    queries = embedding_like(real_vectors, 50, seed=4)
    assert (loaded.search(queries, 10)[1] == store.search(queries, 10)[1]).all()


def test_an_unreadable_index_file_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "chunks.faiss"
    path.write_bytes(b"not a faiss index")
    with pytest.raises(IndexCorruptError, match="cannot read vector index"):
        FaissStore.load(path, "flat")


def test_a_large_build_shows_a_progress_bar_with_rate_and_time_left(capsys):
    vectors = np.random.default_rng(5).normal(size=(3 * ADD_BLOCK, 8)).astype(np.float32)
    FaissStore.build(vectors, "flat", progress=True)
    bar = capsys.readouterr().err
    assert "vector index" in bar and "vec/s" in bar
    assert re.search(r"\d\d:\d\d<\d\d:\d\d", bar)  # elapsed<remaining
