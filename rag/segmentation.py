"""Titles, sentences and chunks of a corpus, reusing the previous build's where unchanged.

Splitting into sentences (pysbd plus the fixes in ``rag.text``) is the costliest step of
a build that embeds nothing: about 4 ms an article. Sentences and titles depend only on
an article's text and on the splitting code, so a build takes them from the previous
build for every article whose text hash is unchanged, as long as the splitting code is
the same (``splitter_fingerprint``: a hash of ``rag/text.py``, ``rag/documents.py`` and
the pysbd version). Adding one article to a large corpus then splits one article.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import documents as documents_module
from . import text as text_module
from .chunking import ChunkingSettings, FitsModel, chunk_document
from .documents import make_title
from .embedding import file_sha256
from .text import split_sentences
from .types import Chunk, Document, Sentence

SENTENCE_KINDS = ("sentence", "heading", "question", "boilerplate", "fragment")


@lru_cache(maxsize=1)
def splitter_fingerprint() -> str:
    """A hash of the code that makes titles and sentences: reuse is safe only under the same one."""
    digest = hashlib.sha256()
    for module in (text_module, documents_module):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no readable source (a zip import, say): fall back to the package version
            digest.update(_version("rag-quotes").encode())
    digest.update(_version("pysbd").encode())
    return digest.hexdigest()[:16]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


@dataclass
class KnownSegmentation:
    """Titles and sentence spans ``(start, end, kind)`` of articles already split, by text hash."""

    titles: dict[str, str] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    @classmethod
    def from_build(cls, folder: Path | None) -> "KnownSegmentation":
        """What the build in ``folder`` split, if it used the same splitting code; else nothing.

        Anything unreadable or inconsistent in that build means starting afresh, never failing.
        """
        if folder is None:
            return cls()
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("segmentation") != splitter_fingerprint():
                return cls()
            if file_sha256(folder / "store.json") != manifest["files"]["store.json"]["sha256"]:
                return cls()  # damaged since it was written
            store = json.loads((folder / "store.json").read_text(encoding="utf-8"))
            known = cls()
            docs = store["documents"]
            for d in docs:
                known.titles[d["sha256"]] = d["title"]
                known.spans[d["sha256"]] = []
            for d, start, end, kind in store["sentences"]:
                known.spans[docs[d]["sha256"]].append((int(start), int(end), SENTENCE_KINDS[kind]))
            return known
        except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError, AttributeError):
            return cls()

    def sentences(self, document: Document) -> list[Sentence] | None:
        """The article's sentences as split before, or None if it was not (or the spans do not fit its text)."""
        spans = self.spans.get(document.sha256)
        if spans is None or not all(0 <= start < end <= len(document.text) for start, end, _ in spans):
            return None
        text = document.text
        return [Sentence(document.doc_id, start, end, text[start:end], kind == "sentence", kind) for start, end, kind in spans]


def with_titles(documents: list[Document], known: KnownSegmentation) -> list[Document]:
    """The documents, each untitled one given its title (reused when its text is unchanged)."""
    return [d if d.title else replace(d, title=known.titles.get(d.sha256) or make_title(d.text)) for d in documents]


def segment(
    documents: list[Document], chunking: ChunkingSettings, fits_model: FitsModel | None, known: KnownSegmentation
) -> tuple[list[Sentence], list[Chunk]]:
    """Sentences and chunks of every document, numbered across the corpus; returns (sentences, chunks)."""
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    for document in documents:
        doc_sentences = known.sentences(document)
        if doc_sentences is None:
            doc_sentences = split_sentences(document.doc_id, document.text)
        chunks += chunk_document(document, doc_sentences, len(sentences), len(chunks), chunking, fits_model)
        sentences += doc_sentences
    return sentences, chunks
