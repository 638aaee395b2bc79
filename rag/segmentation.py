"""Titles, sentences and chunks of a corpus; titles and sentences of unchanged articles
come from the previous build.

Splitting into sentences (pysbd plus the fixes in ``rag.text``) is the costliest step of
a build that embeds nothing: about 4 ms an article. Sentences and titles depend only on
an article's text (and, for titles, on whether it is Markdown) and on the splitting code,
so a build takes them from the previous build for every article whose text hash is
unchanged, as long as the splitting code is the same (``splitter_fingerprint``: a hash of
``rag/text.py``, ``rag/markup.py``, ``rag/documents.py``, the pysbd, Python and Unicode versions). Titles are
reused only from a build that worked them out itself (``TITLES_DERIVED``), not from one
given its documents with their own titles. Adding one article to a large corpus then
splits one article. Chunks are always cut afresh (cheap, and they depend on the settings).
"""

from __future__ import annotations

import hashlib
import json
import platform
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import documents as documents_module
from . import markup as markup_module
from . import text as text_module
from .chunking import ChunkingSettings, FitsModel, chunk_document
from .documents import is_markdown, make_title
from .text import split_sentences
from .types import Chunk, Document, Sentence

SENTENCE_KINDS = ("sentence", "heading", "question", "boilerplate", "fragment", "markup", "byline")  # stored by position: add at the end
TITLES_DERIVED = "derived"  # the manifest's "titles" when the build worked them out from the texts


SPLITTING_CODE = (text_module, markup_module, documents_module)  # the modules that make titles and sentences


@lru_cache(maxsize=1)
def splitter_fingerprint() -> str:
    """A hash of the code that makes titles and sentences: reuse is safe only under the same one."""
    digest = hashlib.sha256()
    for module in SPLITTING_CODE:
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no readable source (a zip import, say): fall back to the package version
            digest.update(package_version("rag-quotes").encode())
    for part in (package_version("pysbd"), platform.python_version(), unicodedata.unidata_version):
        digest.update(part.encode())
    return digest.hexdigest()[:16]


def package_version(package: str) -> str:
    """The installed version of ``package``, or "not installed"."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


@dataclass
class KnownSegmentation:
    """Titles (by text hash and whether Markdown) and sentence spans ``(start, end, kind)``
    (by text hash) of articles already split."""

    titles: dict[tuple[str, bool], str] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    @classmethod
    def from_build(cls, folder: Path | None) -> KnownSegmentation:
        """What the build in ``folder`` split, if it used the same splitting code; else nothing.

        Anything unreadable or inconsistent in that build means starting afresh, never failing.
        """
        if folder is None:
            return cls()
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("segmentation") != splitter_fingerprint():
                return cls()
            raw = (folder / "store.json").read_bytes()
            if hashlib.sha256(raw).hexdigest() != manifest["files"]["store.json"]["sha256"]:
                return cls()  # damaged since it was written
            store = json.loads(raw.decode("utf-8"))
            known = cls()
            docs = store["documents"]
            first_with_text: dict[str, int] = {}
            for i, d in enumerate(docs):  # documents given to a build may repeat a text: keep the first
                first_with_text.setdefault(d["sha256"], i)
            for sha256, i in first_with_text.items():
                known.spans[sha256] = []
                if manifest.get("titles") == TITLES_DERIVED:
                    known.titles[(sha256, is_markdown(docs[i]["path"]))] = docs[i]["title"]
            for d, start, end, kind in store["sentences"]:
                if first_with_text[docs[d]["sha256"]] == d:
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
    titled = []
    for d in documents:
        markdown = is_markdown(d.path)
        titled.append(d if d.title else replace(d, title=known.titles.get((d.sha256, markdown)) or make_title(d.text, markdown=markdown)))
    return titled


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
