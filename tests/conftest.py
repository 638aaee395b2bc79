"""Shared fixtures: the real model, a real index built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled articles."""
    return CORPUS


@pytest.fixture(scope="session")
def encoder():
    """The reference encoder (sentence-transformers, all-MiniLM-L6-v2), loaded once."""
    from rag.embedding import SentenceTransformerEncoder

    return SentenceTransformerEncoder()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, encoder, corpus_dir) -> Path:
    """A real index of the bundled articles, built once into a temporary folder."""
    from rag.build import build_index

    path = tmp_path_factory.mktemp("index")
    build_index(corpus_dir, path, encoder=encoder, progress=False)
    return path


@pytest.fixture(scope="session")
def retriever(index_dir, encoder):
    """A retriever over the bundled articles."""
    from rag.retrieve import Retriever

    return Retriever.load(index_dir, encoder=encoder)


@pytest.fixture(scope="session")
def answerer(retriever):
    """An answerer over the bundled articles with the shipped settings."""
    from rag.answer import Answerer

    return Answerer(retriever)
