"""Building an index and writing it atomically: a new build folder, then ``CURRENT`` pointed at it
(``rag.index`` loads it)."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .chunking import ChunkingSettings, model_fit
from .documents import LoadReport, article_stats, is_markdown, load_corpus
from .embedding import Encoder, file_sha256
from .embedding_cache import EmbeddingCache, Embedded, SentencePieces, context_windows, embed_contexts, embed_sentences, embed_with_cache
from .errors import CorpusError, IndexWriteError, RagError, SkippedFileWarning, require_type, warn_caller
from .index import CACHE_FILE, CURRENT_FILE, INDEX_FORMAT, LOCK_FILE, MANIFEST_FILE, corpus_changes, current_build_name, describe_changes, load_index, manifest_checksum
from .lexical import terms
from .markup import without_markup_spans
from .text import block_quote_attributions, sentence_leads
from .segmentation import SENTENCE_KINDS, TITLES_DERIVED, KnownSegmentation, package_version, segment, splitter_fingerprint, with_titles
from .spelling import lexicon
from .types import Chunk, Document, Sentence, StrPath
from .vectorstore import FaissStore, VectorKind, VectorStore, check_kind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts, what it embedded, what it skipped, where it wrote."""

    index_dir: str
    documents: int
    sentences: int
    chunks: int
    embedded: int
    reused: int
    seconds: float
    skipped: list[tuple[str, str]] = field(default_factory=list)
    vector_index: str = "flat"
    warnings: list[str] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)  # added/changed/removed doc ids since the build before ({} for a first build)
    written: bool = True  # False: the index folder could not be written, and its index needed no change

    def summary(self) -> str:
        """Readable lines for the CLI."""
        lines = [
            f"indexed {counted(self.documents, 'article')}: {counted(self.sentences, 'sentence')}, {counted(self.chunks, 'chunk')} "
            f"({self.vector_index} vector index) in {self.seconds:.1f} s",
            *([_describe_build_changes(self.changes)] if self.changes else []),
            f"embedded {counted(self.embedded, 'new text')}"
            + (f"; {self.reused} {'was' if self.reused == 1 else 'were'} embedded before (in an earlier build, or earlier in this one) and reused" if self.reused else ""),
            f"index written to {self.index_dir}" if self.written else f"the index in {self.index_dir} is up to date: nothing written (the folder cannot be written to)",
        ]
        lines += [f"skipped {path}: {why}" for path, why in self.skipped]
        lines += [f"warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def counted(number: int, noun: str) -> str:
    """"1 article", "2 articles"."""
    return f"{number} {noun}{'s' * (number != 1)}"


def _describe_build_changes(changes: dict[str, list[str]]) -> str:
    """One line on what changed since the build before ("articles since the last build: 1 added (x), 2 removed (a, b)")."""
    return f"articles since the last build: {describe_changes(changes) or 'none added, changed or removed'}"


def _changes_since(previous: Path | None, documents: list[Document]) -> dict[str, list[str]]:
    """``corpus_changes`` since the build in ``previous`` ({} if none, or its manifest is unreadable)."""
    try:
        manifest = json.loads((previous / MANIFEST_FILE).read_text(encoding="utf-8")) if previous else None
        return corpus_changes(manifest, documents) if isinstance(manifest, dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _library_versions() -> dict[str, str]:
    return {p: package_version(p) for p in ("rag-quotes", "faiss-cpu", "sentence-transformers", "torch", "bm25s", "tiktoken", "numpy", "pysbd")}


OnEmbedded = Callable[[int, int], None]
"""``build_index``'s ``on_embedded``: told (texts embedded so far, texts to embed) after each batch."""


def _lexicon_payload(documents: list[Document], sentences: list[Sentence], leads: Mapping[int, int], attributions: Mapping[int, int]) -> dict:
    """What the answerer and the speller read from the words of the articles and their
    structure, worked out once at build time rather than on a loaded index's first question."""
    sentence_terms = [sorted(set(terms(s.text))) if s.kind != "markup" else [] for s in sentences]  # code's words are no article's
    vocabulary = sorted({t for ts in sentence_terms for t in ts})
    number = {t: i for i, t in enumerate(vocabulary)}
    counts, names, capitalised = lexicon(without_markup_spans(d.text) for d in documents)  # a word only in code or a comment is never quoted
    return {
        "terms": vocabulary,
        "sentence_terms": [[number[t] for t in ts] for ts in sentence_terms],
        "word_counts": dict(sorted(counts.items())),
        "names": sorted(names),
        "capitalised": sorted(capitalised),
        "leads": sorted(leads.items()),
        "attributions": sorted(attributions.items()),
    }


def _store_payload(
    documents: list[Document], sentences: list[Sentence], chunks: list[Chunk], leads: Mapping[int, int], attributions: Mapping[int, int]
) -> dict:
    doc_index = {d.doc_id: i for i, d in enumerate(documents)}
    return {
        "documents": [asdict(d) for d in documents],
        "sentences": [[doc_index[s.doc_id], s.start, s.end, SENTENCE_KINDS.index(s.kind)] for s in sentences],
        "chunks": [[doc_index[c.doc_id], c.start, c.end, list(c.sentence_ids), c.n_tokens] for c in chunks],
        "lexicon": _lexicon_payload(documents, sentences, leads, attributions),
    }


def _write_build(
    folder: Path, manifest: dict, store: dict, chunk_store: VectorStore, sentence_vectors: np.ndarray, context_vectors: np.ndarray, chunk_terms
) -> None:
    import bm25s

    folder.mkdir(parents=True)
    (folder / "store.json").write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    try:
        chunk_store.save(folder / "chunks.faiss")
    except RuntimeError as exc:  # FAISS reports a failed write (a full disk, say) as RuntimeError
        raise OSError(f"writing {folder / 'chunks.faiss'} failed ({str(exc).splitlines()[0][-120:]})") from exc
    np.save(folder / "sentences.npy", sentence_vectors)
    np.save(folder / "sentence-contexts.npy", context_vectors)
    bm25 = bm25s.BM25()
    bm25.index(chunk_terms, show_progress=False)
    bm25.save(str(folder / "bm25"), show_progress=False)
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    manifest["files"] = {name: {"sha256": file_sha256(folder / name), "bytes": (folder / name).stat().st_size} for name in names}
    manifest["checksum"] = manifest_checksum(manifest)
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _point_current_at(index_dir: Path, folder: Path) -> None:
    tmp = index_dir / f".{CURRENT_FILE}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(folder.name + "\n", encoding="utf-8")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / CURRENT_FILE)


def _remove_stale_builds(index_dir: Path, keep: set[str]) -> None:
    for path in index_dir.iterdir():
        if path.name.startswith(("build-", ".build-")) and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f".{CURRENT_FILE}.") or path.name.startswith(f".{CACHE_FILE}."):
            with contextlib.suppress(OSError):
                path.unlink()


def _cannot_write(index_dir: Path, exc: OSError) -> str:
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # a file where the index folder (or one above it) goes
        blocker = next((p for p in (index_dir, *index_dir.parents) if p.exists() and not p.is_dir()), index_dir)
        return f"cannot write the index to {index_dir}: {blocker} is not a folder; choose another folder for the index."
    remedy = "Choose a folder you may write to" if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else "Free disk space or choose another folder"
    return f"cannot write the index to {index_dir}: {exc.strerror or exc}; the previous index (if any) is unchanged. {remedy}."


@contextlib.contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    """Hold ``index_dir``'s build lock, waiting for a build already writing there to finish.

    Builds of one index take turns, so none deletes another's files while it writes them;
    the later one then reuses what the earlier one embedded.
    """
    import fcntl

    try:
        handle = open(index_dir / LOCK_FILE, "a")
    except OSError as exc:  # a folder we cannot write to fails here, before the model loads
        raise IndexWriteError(_cannot_write(index_dir, exc)) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("waiting for another build of %s to finish ...", index_dir)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build_index(
    corpus_dir: StrPath,
    index_dir: StrPath,
    *,
    encoder: Encoder | None = None,
    chunking: ChunkingSettings = ChunkingSettings(),
    vector_kind: VectorKind = "auto",
    progress: bool = False,
    on_embedded: OnEmbedded | None = None,
    documents: LoadReport | None = None,
) -> BuildReport:
    """Index every article under ``corpus_dir`` into ``index_dir``, atomically.

    Only texts not already in the embedding cache are embedded, and only articles the
    previous build did not split are split into sentences, so rebuilding an unchanged
    corpus embeds nothing and adding an article embeds and splits only its text.
    ``progress=True`` shows progress bars on stderr (none by default); ``on_embedded`` is called
    with (texts embedded so far, texts to embed) after each batch the build embeds (an exception
    it raises ends the build, leaving the index as it was). A build that waits
    for another build of the same index says so as a warning of the ``rag.build`` logger
    (printed to stderr when logging is not set up). Built with the default encoder
    (``encoder=None``), it also makes the ONNX question encoder now (once per model), so
    that the first ``Answerer.load`` of the index does not.
    """
    started = time.perf_counter()
    require_type(corpus_dir, (str, os.PathLike), "corpus_dir", "the folder of the articles, such as 'data/articles'")
    require_type(index_dir, (str, os.PathLike), "index_dir", "the folder to write the index to, such as 'index'")
    require_type(chunking, ChunkingSettings, "chunking", "e.g. ChunkingSettings(max_tokens=64)")
    require_type(documents, (LoadReport, type(None)), "documents", "load_corpus(folder) gives one")
    if on_embedded is not None and not callable(on_embedded):
        raise TypeError(f"on_embedded must be a function of (texts embedded so far, texts to embed) or None, not {type(on_embedded).__name__}")
    check_kind(vector_kind)  # settings first: before the articles are read or the model loads
    index_dir = Path(index_dir)
    if documents is None and index_dir.resolve() == Path(corpus_dir).resolve():
        raise IndexWriteError(f"the index folder {index_dir} is the corpus folder: the index would lie among the articles; name another folder, such as 'index'")
    # Sizes and times before the texts are read: a file that changes while the build runs then
    # differs from what the manifest records, so the next load still notices the change.
    stats = {} if documents is not None else article_stats(corpus_dir)
    loaded = documents or load_corpus(corpus_dir, titles=False)
    for path, why in loaded.skipped:  # a library user reads no summary: each skipped file is a warning
        warn_caller(f"skipped {path}: {why}", SkippedFileWarning)
    ids = Counter(d.doc_id for d in loaded.documents)
    if ids and ids.most_common(1)[0][1] > 1:
        raise CorpusError(f"two documents have the id {ids.most_common(1)[0][0]!r}; give each document its own id")
    try:  # before the model loads, so a folder that cannot be made fails at once
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexWriteError(_cannot_write(index_dir, exc)) from exc
    try:
        with _build_lock(index_dir):
            report = _build_locked(corpus_dir, index_dir, loaded, stats, encoder, chunking, vector_kind, progress, on_embedded=on_embedded, given_titles=documents is not None, started=started)
    except IndexWriteError:
        unchanged = None if encoder is not None or documents is not None else _up_to_date(corpus_dir, index_dir, loaded, chunking, vector_kind, started)
        if unchanged is None:
            raise
        return unchanged  # a folder it cannot write to (a read-only image, say) whose index needs no change
    if encoder is None:
        from .embedding import prepare_query_encoder

        prepare_query_encoder(index_dir)
    return report


def _up_to_date(corpus_dir: StrPath, index_dir: Path, loaded: LoadReport, chunking: ChunkingSettings, vector_kind: VectorKind, started: float) -> BuildReport | None:
    """The report of a build that writes nothing, when the index in ``index_dir`` is one of the
    articles under ``corpus_dir`` as they are, made with ``chunking`` and ``vector_kind`` by the
    default model; else None."""
    try:
        index = load_index(index_dir, corpus_dir=corpus_dir)
    except RagError:
        return None
    built_kind = (index.manifest.get("vector_index") or {}).get("kind")
    if index.manifest.get("chunking") != asdict(chunking) or vector_kind not in ("auto", built_kind):
        return None
    return BuildReport(
        index_dir=str(index_dir),
        documents=len(index.documents),
        sentences=len(index.sentences),
        chunks=len(index.chunks),
        embedded=0,
        reused=0,
        seconds=time.perf_counter() - started,
        skipped=list(loaded.skipped),
        vector_index=str(built_kind or "flat"),
        written=False,
    )


def _build_locked(
    corpus_dir: StrPath,
    index_dir: Path,
    loaded: LoadReport,
    stats: dict[str, list[int]],
    encoder: Encoder | None,
    chunking: ChunkingSettings,
    vector_kind: VectorKind,
    progress: bool,
    *,
    on_embedded: OnEmbedded | None,
    given_titles: bool,
    started: float,
) -> BuildReport:
    """``build_index`` once it holds the folder's build lock (``stats``: the articles' sizes and
    times as they were before ``loaded`` was read)."""
    if encoder is None:
        from .embedding import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder()
    previous = current_build_name(index_dir)
    known = KnownSegmentation.from_build(index_dir / previous if previous else None)
    changes = _changes_since(index_dir / previous if previous else None, loaded.documents)
    loaded = LoadReport(with_titles(loaded.documents, known), loaded.skipped)
    fits_model = model_fit(encoder)
    sentences, chunks = segment(loaded.documents, chunking, fits_model, known)
    chunk_terms = [terms(c.text) for c in chunks]
    if not any(chunk_terms):
        raise CorpusError(
            f"nothing to index in {corpus_dir}: the articles have no searchable words "
            "(only stop words, symbols or emoji); add articles with text"
        )
    try:
        cache = EmbeddingCache(index_dir / CACHE_FILE)
        pieces = SentencePieces.of(loaded.documents, sentences, fits_model)
        texts = {d.doc_id: d.text for d in loaded.documents}
        leads, attributions = sentence_leads(texts, sentences), block_quote_attributions(texts, sentences)
        windows = context_windows({d.doc_id: d for d in loaded.documents}, sentences, fits_model, leads, attributions)
        to_embed = cache.missing(encoder, [c.text for c in chunks] + pieces.texts + list(windows.values()))
        with embedding_progress(to_embed, progress, on_embedded) as embedded:
            chunk_vectors, new_chunks, chunk_keys = embed_with_cache(encoder, [c.text for c in chunks], cache, embedded=embedded)
            sentence_vectors, new_sentences, sentence_keys = embed_sentences(encoder, pieces, cache, embedded=embedded)
            context_vectors, new_contexts, context_keys = embed_contexts(encoder, windows, sentence_vectors, cache, embedded=embedded)
        chunk_store = FaissStore.build(chunk_vectors, vector_kind, progress=progress)
        manifest = {
            "format": INDEX_FORMAT,
            "model": {"name": encoder.model_name, "weights_sha256": encoder.weights_sha256, "dimension": encoder.dimension},
            "chunking": asdict(chunking),
            "segmentation": splitter_fingerprint(),
            "titles": "given" if given_titles else TITLES_DERIVED,
            "vector_index": chunk_store.describe(),
            "corpus_dir": str(Path(corpus_dir).resolve()),
            "article_stats": stats,
            "documents": {d.doc_id: d.sha256 for d in loaded.documents},
            "markdown": sorted(d.doc_id for d in loaded.documents if is_markdown(d.path)),
            "counts": {"documents": len(loaded.documents), "sentences": len(sentences), "chunks": len(chunks)},
            "skipped": [list(item) for item in loaded.skipped],
            "versions": _library_versions(),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        folder = index_dir / f"build-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        staging = index_dir / f".{folder.name}"
        _write_build(staging, manifest, _store_payload(loaded.documents, sentences, chunks, leads, attributions), chunk_store, sentence_vectors, context_vectors, chunk_terms)
        staging.rename(folder)
        replaced = current_build_name(index_dir)
        _point_current_at(index_dir, folder)
    except OSError as exc:
        for path in index_dir.glob(".build-*") if index_dir.is_dir() else []:
            shutil.rmtree(path, ignore_errors=True)
        raise IndexWriteError(_cannot_write(index_dir, exc)) from exc
    warnings = [cache.problem] if cache.problem else []
    try:  # the new index is live: a cache that cannot be saved only costs time next build
        cache.save(chunk_keys | sentence_keys | context_keys)
    except OSError as exc:
        warnings.append(f"could not save the embedding cache {cache.path} ({exc.strerror or exc}); the next build embeds everything again")
    _remove_stale_builds(index_dir, keep={folder.name, replaced or ""})
    return BuildReport(
        index_dir=str(index_dir),
        documents=len(loaded.documents),
        sentences=len(sentences),
        chunks=len(chunks),
        embedded=new_chunks + new_sentences + new_contexts,
        reused=len(chunks) + len(sentences) + len(windows) - new_chunks - new_sentences - new_contexts,
        seconds=time.perf_counter() - started,
        skipped=list(loaded.skipped),
        vector_index=chunk_store.kind,
        warnings=warnings,
        changes=changes,
    )


@contextlib.contextmanager
def embedding_progress(total: int, bar: bool, on_embedded: OnEmbedded | None) -> Iterator[Embedded]:
    """What is told of each batch embedded, out of ``total`` texts (a build's, or SQuAD's
    questions'): a progress bar on stderr when ``bar``, and a call of ``on_embedded`` (done, total)."""
    from tqdm.auto import tqdm

    with tqdm(total=total, unit="text", desc="embedding", disable=not bar or not total) as shown:
        done = 0

        def embedded(texts: int) -> None:
            nonlocal done
            done += texts
            shown.update(texts)
            if on_embedded is not None:
                on_embedded(done, total)

        yield embedded


def ensure_built(corpus_dir: StrPath, index_dir: StrPath, *, encoder: Encoder | None = None, progress: bool = False) -> bool:
    """Build the index of ``corpus_dir`` in ``index_dir`` unless one that loads and matches
    the articles is already there (missing, stale or older-format indexes are rebuilt;
    the embedding cache makes that cheap). Returns whether it built."""
    try:
        load_index(index_dir, corpus_dir=corpus_dir, verify_files=False)
        return False
    except RagError:
        build_index(corpus_dir, index_dir, encoder=encoder, progress=progress)
        return True
