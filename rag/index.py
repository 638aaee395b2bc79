"""Building, saving, loading and verifying the on-disk index.

Layout of an index folder::

    index/
      CURRENT                  name of the live build (replaced atomically)
      build-<time>-<id>/       manifest.json, store.json, chunks.faiss,
                               sentences.npy, bm25/
      embedding-cache.npz      vectors keyed by content hash (incremental builds)

A build writes a new ``build-*`` folder and only then points ``CURRENT`` at it with an
atomic rename, so an interrupted or failed build leaves the previous index in use.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shlex
import shutil
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from .chunking import ChunkingSettings, FitsModel, model_fit, model_pieces
from .documents import ARTICLE_SUFFIXES, LoadReport, article_id, article_stats, is_markdown, load_corpus, read_article, sha256_text
from .embedding import Encoder, file_sha256
from .errors import CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError, IndexWriteError, RagError, SkippedFileWarning, StaleIndexWarning, require_type, warn_caller
from .lexical import terms
from .markup import without_markup_spans
from .text import block_quote_attributions, sentence_leads
from .segmentation import SENTENCE_KINDS, TITLES_DERIVED, KnownSegmentation, package_version, segment, splitter_fingerprint, with_titles
from .scripts import scripts_used
from .spelling import lexicon
from .types import Chunk, Document, Sentence, StrPath
from .vectorstore import FaissStore, VectorKind, VectorStore, check_kind

INDEX_FORMAT = 17  # 2: store.json carries the lexicon (sentence terms, article word counts); 3: NFKC words, names, whole long sentences; 4: wrapped lines joined, markup kind; 5: manifest checksum, article stats; 6: sentence context vectors; 7: word counts without markup, table rows; 8: rows and list items read under their header or lead-in; 9: the leads stored; 10: block quotes read with who said them; names not taken from words only capitalised where a sentence, line or cell opens; 11: markup (front matter, code) has no terms and starts or ends no chunk; 12: an initialism with full stops is one word ("U.S." is "us"); 13: a noun in -ation meets its verb ("valuation", "valuing"); 14: lower-case abbreviations ("e.g.", "p.m.") are no words; 15: a line of bold-labelled fields is quotable, "Posted by" a byline, a footnote's label no part of its sentence; 16: no names read from title-case lines or after an opening quotation mark; 17: title-case lines are headings only (no byline, colon or sentence end), a bold label opens what follows it
CURRENT_FILE = "CURRENT"
log = logging.getLogger(__name__)
_BUILD_NAME = re.compile(r"build-[0-9T]+-[0-9a-f]+")  # the folder names build_index gives (never a path)
CACHE_FILE = "embedding-cache.npz"
LOCK_FILE = ".build.lock"  # held by the build writing to the folder: builds of one index take turns
MANIFEST_FILE = "manifest.json"


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

    def summary(self) -> str:
        """Readable lines for the CLI."""
        lines = [
            f"indexed {counted(self.documents, 'article')}: {counted(self.sentences, 'sentence')}, {counted(self.chunks, 'chunk')} "
            f"({self.vector_index} vector index) in {self.seconds:.1f} s",
            *([_describe_build_changes(self.changes)] if self.changes else []),
            f"embedded {counted(self.embedded, 'new text')}"
            + (f"; {self.reused} {'was' if self.reused == 1 else 'were'} embedded before (in an earlier build, or earlier in this one) and reused" if self.reused else ""),
            f"index written to {self.index_dir}",
        ]
        lines += [f"skipped {path}: {why}" for path, why in self.skipped]
        lines += [f"warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def counted(number: int, noun: str) -> str:
    """"1 article", "2 articles"."""
    return f"{number} {noun}{'s' * (number != 1)}"


def _listed(ids: list[str]) -> str:
    """The first five doc ids, and "…" when there are more."""
    return ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")


def _describe_build_changes(changes: dict[str, list[str]]) -> str:
    """One line on what changed since the build before ("articles since the last build: 1 added (x), 2 removed (a, b)")."""
    return f"articles since the last build: {describe_changes(changes) or 'none added, changed or removed'}"


def corpus_changes(manifest: dict, documents: list[Document]) -> dict[str, list[str]]:
    """The doc ids of ``documents`` added, changed and removed since the build with ``manifest``.

    An article renamed from .txt to .md (or back) has changed: its title is read otherwise.
    """
    indexed, now = manifest["documents"], {d.doc_id: d.sha256 for d in documents}
    changed = {d for d in now.keys() & indexed.keys() if now[d] != indexed[d]}
    if "markdown" in manifest:
        changed |= ({d.doc_id for d in documents if is_markdown(d.path)} ^ set(manifest["markdown"])) & now.keys() & indexed.keys()
    return {"added": sorted(now.keys() - indexed.keys()), "changed": sorted(changed), "removed": sorted(indexed.keys() - now.keys())}


def _changes_since(previous: Path | None, documents: list[Document]) -> dict[str, list[str]]:
    """``corpus_changes`` since the build in ``previous`` ({} if none, or its manifest is unreadable)."""
    try:
        manifest = json.loads((previous / MANIFEST_FILE).read_text(encoding="utf-8")) if previous else None
        return corpus_changes(manifest, documents) if isinstance(manifest, dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _rebuild_hint(index_dir: Path, corpus_dir: str | None) -> str:
    """How to rebuild the index in ``index_dir``: from ``corpus_dir``, or, when it is not known
    (an unreadable manifest), from the folder of its articles, which the user must name."""
    if corpus_dir:
        return f"rebuild it with `rag build --corpus {shlex.quote(str(corpus_dir))} --index {shlex.quote(str(index_dir))}`"
    return f"rebuild it with `rag build --corpus DIR --index {shlex.quote(str(index_dir))}`, DIR being the folder of its articles"


def _library_versions() -> dict[str, str]:
    return {p: package_version(p) for p in ("rag-quotes", "faiss-cpu", "sentence-transformers", "torch", "bm25s", "tiktoken", "numpy", "pysbd")}


def _content_key(weights_sha256: str, text: str) -> str:
    import hashlib

    return hashlib.sha256(f"{weights_sha256}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


class EmbeddingCache:
    """Vectors of texts already embedded, keyed by a hash of model weights and text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        self.problem: str | None = None  # why a cache file there could not be read (it is then started afresh)
        try:
            with open(path, "rb") as file, np.load(file, allow_pickle=False) as data:  # the file is closed even when np.load fails
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
        except FileNotFoundError:
            pass  # no cache yet
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            self.vectors = {}
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it holds no embedding cache this program wrote"  # not numpy's words: they suggest unpickling it
            self.problem = f"the embedding cache {path} could not be read ({why}), so every text was embedded again"

    def missing(self, encoder: Encoder, texts: list[str]) -> int:
        """How many of ``texts`` (each counted once) ``encoder`` has no vector for in the cache."""
        return len({key for text in texts if (key := _content_key(encoder.weights_sha256, text)) not in self.vectors})

    def save(self, keep: set[str]) -> None:
        """Atomically write the entries in ``keep``; raises OSError, leaving no partial file."""
        keys = sorted(k for k in keep if k in self.vectors)
        if not keys:
            return
        tmp = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp.npz")
        try:
            np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise


Embedded = Callable[[int], None]
"""Told, after each batch a build embeds, how many texts the batch held."""
OnEmbedded = Callable[[int, int], None]
"""``build_index``'s ``on_embedded``: told (texts embedded so far, texts to embed) after each batch."""


def embed_with_cache(
    encoder: Encoder, texts: list[str], cache: EmbeddingCache, *, embedded: Embedded | None = None
) -> tuple[np.ndarray, int, set[str]]:
    """Vectors for ``texts``, encoding only those not in ``cache`` (``embedded`` is told of each
    batch encoded); returns (vectors, n_new, keys)."""
    keys = [_content_key(encoder.weights_sha256, t) for t in texts]
    missing = list(dict.fromkeys(k for k in keys if k not in cache.vectors))
    text_of = dict(zip(keys, texts))
    batch = 64
    for i in range(0, len(missing), batch):
        part = missing[i : i + batch]
        for key, vector in zip(part, encoder.encode([text_of[k] for k in part], batch_size=batch)):
            cache.vectors[key] = vector
        if embedded is not None:
            embedded(len(part))
    vectors = np.stack([cache.vectors[k] for k in keys]) if keys else np.zeros((0, encoder.dimension), np.float32)
    return vectors.astype(np.float32), len(missing), set(keys)


@dataclass(frozen=True)
class SentencePieces:
    """The texts that stand for the sentences in the model: a sentence whole, or, when it is longer
    than the model reads (it would drop the rest), its parts that fit; ``owners[i]`` is the
    sentence that ``texts[i]`` is (part of)."""

    texts: list[str]
    owners: list[int]
    sentences: int

    @classmethod
    def of(cls, documents: list[Document], sentences: list[Sentence], fits_model: FitsModel | None) -> SentencePieces:
        """The pieces of ``sentences`` (of ``documents``)."""
        text_of = {d.doc_id: d.text for d in documents}
        texts: list[str] = []
        owners: list[int] = []
        for i, s in enumerate(sentences):
            whole = [(s.start, s.end)]
            for start, end in whole if fits_model is None or fits_model(s.text) else model_pieces(text_of[s.doc_id], s.start, s.end, fits_model):
                texts.append(text_of[s.doc_id][start:end])
                owners.append(i)
        return cls(texts, owners, len(sentences))


def embed_sentences(
    encoder: Encoder, pieces: SentencePieces, cache: EmbeddingCache, *, embedded: Embedded | None = None
) -> tuple[np.ndarray, int, set[str]]:
    """Sentence vectors, as ``embed_with_cache``: a sentence in parts is the normalised mean of its
    parts' vectors. n_new counts the distinct sentences embedded (a sentence an article repeats
    once, as ``on_embedded`` does; one in parts once, not each part)."""
    parts: dict[int, list[str]] = {}
    for owner, text in zip(pieces.owners, pieces.texts):
        parts.setdefault(owner, []).append(text)
    fresh = {tuple(parts[owner]) for owner, text in zip(pieces.owners, pieces.texts) if _content_key(encoder.weights_sha256, text) not in cache.vectors}
    vectors, _, keys = embed_with_cache(encoder, pieces.texts, cache, embedded=embedded)
    if len(pieces.texts) == pieces.sentences:
        return vectors, len(fresh), keys
    summed = np.zeros((pieces.sentences, vectors.shape[1]), dtype=np.float32)
    np.add.at(summed, pieces.owners, vectors)
    summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
    return summed, len(fresh), keys


def context_windows(
    documents: Mapping[str, Document],
    sentences: list[Sentence],
    fits_model: FitsModel | None,
    leads: Mapping[int, int],
    attributions: Mapping[int, int],
) -> dict[int, str]:
    """Each sentence read in context, by sentence id: the article's text from the sentence before
    it through it ("Anthropic's warning ... The company says it has observed ..."), so that a
    sentence naming its subject only as "the company" or "it" still matches a question naming
    it. A table row or list item is read from its header or lead-in (``leads``, of ``sentence_leads``), or
    from the sentence before when that is longer than the model reads. A sentence of a block
    quote is read with the line naming who said it (``attributions``, of
    ``block_quote_attributions``) after it, when that fits. Left out (the
    sentence's own vector stands for it): an article's first sentence, a
    sentence whose text with the one before is longer than the model reads, and every
    sentence when the model's input cannot be measured (``fits_model`` None), since the
    model would drop the end of a window too long for it: the sentence itself."""
    windows: dict[int, str] = {}
    for i in range(len(sentences)):
        sentence = sentences[i]
        text = documents[sentence.doc_id].text
        said_by = f"\n{sentences[attributions[i]].text}" if i in attributions else ""
        befores = [sentences[leads[i]]] if i in leads else []
        befores += [sentences[i - 1]] if i > 0 and sentences[i - 1].doc_id == sentence.doc_id else []
        for start in [before.start for before in befores] + ([sentence.start] if said_by else []):
            window = text[start : sentence.end] + said_by
            if fits_model is not None and fits_model(window):
                windows[i] = window
                break
    return windows


def embed_contexts(
    encoder: Encoder, windows: dict[int, str], sentence_vectors: np.ndarray, cache: EmbeddingCache, *, embedded: Embedded | None = None
) -> tuple[np.ndarray, int, set[str]]:
    """The vectors of ``context_windows``, the sentence's own vector where it has none; returns
    (vectors, n_new, keys) as ``embed_with_cache``."""
    vectors = sentence_vectors.copy()
    encoded, new, keys = embed_with_cache(encoder, list(windows.values()), cache, embedded=embedded)
    if windows:
        vectors[list(windows)] = encoded
    return vectors, new, keys


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


def manifest_checksum(manifest: dict) -> str:
    """sha256 of a manifest's content but its own ``checksum``: a manifest damaged in a field that
    nothing else checks (its counts, say) is refused like any other damaged file."""
    body = {key: value for key, value in manifest.items() if key != "checksum"}
    return sha256_text(json.dumps(body, sort_keys=True, ensure_ascii=False))


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


def _no_index_in(index_dir: Path) -> str:
    """Why there is no index in ``index_dir``, and what to do: build one, or point at the index a
    build folder or the articles were taken for."""
    where = shlex.quote(str(index_dir))
    try:
        if index_dir.exists() and not index_dir.is_dir():
            return f"{index_dir} is a file, not an index folder; point at the folder `rag build --index DIR` built"
        if (index_dir / MANIFEST_FILE).is_file() and index_dir.name.startswith("build-"):
            return f"{index_dir} is one build inside an index; point at the index folder above it, {index_dir.parent}"
        if index_dir.is_dir() and any(path.suffix.lower() in ARTICLE_SUFFIXES for path in index_dir.iterdir()):
            return f"no index in {index_dir}, which holds articles; build an index of them with `rag build --corpus {where} --index index`"
    except OSError:  # a folder that cannot be read: what it holds cannot be told
        pass
    return f"no index in {index_dir}; build one with `rag build --corpus DIR --index {where}`"


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


def _current_pointer(index_dir: Path) -> str | None:
    """What ``CURRENT`` says, or None if there is no ``CURRENT`` to read."""
    try:
        return (index_dir / CURRENT_FILE).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def current_build_name(index_dir: Path) -> str | None:
    """The live build's folder name, or None if ``CURRENT`` is missing or names no build folder of ``index_dir``."""
    name = _current_pointer(index_dir)
    return name if name and _BUILD_NAME.fullmatch(name) else None


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
    for another build of the same index says so as a warning of the ``rag.index`` logger
    (printed to stderr when logging is not set up). Built with the default encoder
    (``encoder=None``), it also makes the ONNX question encoder now (once per model), so
    that the first ``Answerer.load`` of the index does not.
    """
    started = time.perf_counter()
    require_type(corpus_dir, (str, os.PathLike), "corpus_dir", "the folder of the articles, such as 'data/articles'")
    require_type(index_dir, (str, os.PathLike), "index_dir", "the folder to write the index to, such as 'index'")
    require_type(chunking, ChunkingSettings, "chunking", "e.g. ChunkingSettings(max_tokens=64)")
    require_type(documents, (LoadReport, type(None)), "documents", "load_corpus(folder) gives one")
    check_kind(vector_kind)  # settings first: before the articles are read or the model loads
    index_dir = Path(index_dir)
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
    with _build_lock(index_dir):
        report = _build_locked(corpus_dir, index_dir, loaded, stats, encoder, chunking, vector_kind, progress, on_embedded=on_embedded, given_titles=documents is not None, started=started)
    if encoder is None:
        from .embedding import prepare_query_encoder

        prepare_query_encoder(index_dir)
    return report


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


@dataclass(frozen=True, eq=False)
class Bm25Scores:
    """The BM25 index that bm25s wrote at build time, read without importing bm25s (whose
    import loads scipy, a tenth of a second of every cold start): each term's precomputed
    score in each chunk (a CSC matrix), summed over a query's terms as bm25s's numpy backend does."""

    vocab: dict[str, int]
    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    num_docs: int
    dtype: np.dtype

    @classmethod
    def load(cls, folder: Path) -> Bm25Scores:
        """Read the files ``bm25s.BM25.save`` wrote in ``folder``."""
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        arrays = {name: np.load(folder / f"{name}.csc.index.npy", allow_pickle=False) for name in ("data", "indices", "indptr")}
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        return cls({str(t): int(i) for t, i in vocab.items()}, num_docs=int(params["num_docs"]), dtype=np.dtype(params["dtype"]), **arrays)

    def chunks_with(self, term: str) -> np.ndarray:
        """The ids of the chunks that hold ``term`` (none when it is not in the vocabulary)."""
        if term not in self.vocab:
            return self.indices[:0]
        return self.indices[self.indptr[self.vocab[term]] : self.indptr[self.vocab[term] + 1]]

    def scores(self, terms: list[str]) -> np.ndarray:
        """Every chunk's BM25 score for the query ``terms`` (in the vocabulary, each once)."""
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for term in terms:
            start, end = self.indptr[self.vocab[term]], self.indptr[self.vocab[term] + 1]
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores


def _centered(vectors: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """``vectors`` minus ``mean``, each renormalised to unit length."""
    centered = vectors - mean
    return (centered / np.maximum(np.linalg.norm(centered, axis=1, keepdims=True), 1e-9)).astype(np.float32)


@dataclass
class CorpusIndex:
    """A loaded index: documents, sentences, chunks, vectors (``context_vectors``: each sentence
    read after the one before it, see ``context_windows``), the BM25 index and the lexicon
    (``sentence_terms``: stemmed content words of each sentence; ``word_counts``: how often
    each lower-case word occurs in the articles; ``names``: the words they only write
    capitalised, and not only where a sentence, line or cell opens, see
    ``rag.spelling.proper_names``; ``capitalised``: the words they only write capitalised,
    wherever, see ``rag.spelling.capitalised_words``; ``leads``: the header or lead-in each table
    row or list item is read and quoted under, see ``rag.text.sentence_leads``; ``attributions``:
    the line naming who said each sentence of a block quote, read and quoted with it, see
    ``rag.text.block_quote_attributions``)."""

    path: Path
    manifest: dict
    documents: dict[str, Document]
    sentences: list[Sentence]
    chunks: list[Chunk]
    chunk_store: VectorStore
    sentence_vectors: np.ndarray
    context_vectors: np.ndarray
    bm25: Bm25Scores
    sentence_terms: list[frozenset[str]]
    word_counts: dict[str, int]
    names: frozenset[str]
    capitalised: frozenset[str]
    leads: dict[int, int]
    attributions: dict[int, int]

    def __repr__(self) -> str:
        model = self.manifest.get("model", {}).get("name")
        return (
            f"CorpusIndex(path={str(self.path)!r}, documents={len(self.documents)}, sentences={len(self.sentences)}, "
            f"chunks={len(self.chunks)}, model={model!r})"
        )

    @cached_property
    def terms_as_quoted(self) -> list[frozenset[str]]:
        """Each sentence's terms, with its header's or lead-in's for a row or item (``leads``) and
        those of the line naming who said it for a sentence of a block quote (``attributions``):
        the words a quote of it holds, for the coverage of a question's words. (``sentence_terms``,
        the sentence's own, weigh each term: a header counts once, not once per row.)"""
        as_quoted = list(self.sentence_terms)
        for sid, lead in self.leads.items():
            as_quoted[sid] = as_quoted[sid] | self.sentence_terms[lead]
        for sid, attribution in self.attributions.items():
            as_quoted[sid] = as_quoted[sid] | self.sentence_terms[attribution]
        return as_quoted

    @cached_property
    def sentence_mean(self) -> np.ndarray:
        """Mean sentence vector: the direction every article of a topical corpus shares."""
        return self.sentence_vectors.mean(axis=0) if len(self.sentence_vectors) else np.zeros(self.sentence_vectors.shape[1], np.float32)

    @cached_property
    def centered_sentence_vectors(self) -> np.ndarray:
        """Sentence vectors minus the mean, renormalised: what sets each sentence apart."""
        return _centered(self.sentence_vectors, self.sentence_mean)

    @cached_property
    def centered_context_vectors(self) -> np.ndarray:
        """Each sentence's vector read after the sentence before it (``embed_contexts``), centered as
        ``centered_sentence_vectors`` is (on the mean sentence vector)."""
        return _centered(self.context_vectors, self.sentence_mean)

    @cached_property
    def scripts(self) -> frozenset[str]:
        """The scripts the articles are written in ("LATIN", "CYRILLIC"; ``rag.scripts.scripts_used``)."""
        return scripts_used(self.word_counts)

    @cached_property
    def term_idf(self) -> dict[str, float]:
        """Inverse document frequency of each term, counting sentences as documents."""
        df = Counter(t for ts in self.sentence_terms for t in ts)
        n = len(self.sentences) + 1
        return {t: float(np.log(n / (c + 0.5))) for t, c in df.items()}

    def idf(self, term: str) -> float:
        """IDF of ``term``; terms absent from the corpus get the highest weight."""
        return self.term_idf.get(term, float(np.log((len(self.sentences) + 1) / 0.5)))

    def documents_with(self, term: str) -> frozenset[str]:
        """The ids of the articles whose text has ``term`` (a stemmed content word), read from
        the BM25 index's postings: as quick on a million sentences as on five articles."""
        return frozenset(self.chunks[chunk].doc_id for chunk in self.bm25.chunks_with(term).tolist())

    @cached_property
    def document_sentences(self) -> dict[str, list[int]]:
        """Sentence ids of each document, in reading order."""
        by_doc: dict[str, list[int]] = {}
        for i, sentence in enumerate(self.sentences):
            by_doc.setdefault(sentence.doc_id, []).append(i)
        return by_doc


def _read_json(path: Path, what: str, hint: str) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"the index is missing its {what} ({path}); {hint}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorruptError(f"the index's {what} ({path}) is unreadable: {exc}; {hint}") from exc


def _check_files(folder: Path, manifest: dict, hint: str) -> None:
    files = manifest.get("files")
    if not isinstance(files, dict) or not files or not all(isinstance(e, dict) for e in files.values()):
        raise IndexCorruptError(f"the manifest in {folder} has no file checksums, so the index cannot be verified; {hint}")
    for name, expected in files.items():
        path = folder / name
        if not path.is_file():
            raise IndexCorruptError(f"the index is missing {path}; {hint}")
        if path.stat().st_size != expected.get("bytes") or file_sha256(path) != expected.get("sha256"):
            raise IndexCorruptError(f"{path} is truncated or corrupted (its checksum does not match the manifest); {hint}")


def check_corpus_unchanged(manifest: dict, corpus_dir: StrPath, index_dir: StrPath) -> None:
    """Raise IndexMismatchError, saying how to rebuild, if the articles under ``corpus_dir``
    differ from those the index in ``index_dir`` (with ``manifest``) was built from. When
    the index was built from another folder that is still there, the remedy is a new index
    folder, never a rebuild over the index of that folder."""
    hint = _rebuild_hint(Path(index_dir), str(corpus_dir))
    documents = load_corpus(corpus_dir, titles=False).documents  # CorpusError (no such folder, ...) says what is wrong
    if not isinstance(manifest.get("documents"), dict) or not isinstance(manifest.get("markdown", []), list):
        raise IndexCorruptError(f"the index's manifest does not list its articles as an index manifest does; {hint}")
    changes = corpus_changes(manifest, documents)
    if not any(changes.values()):
        return
    parts = "; ".join(f"{label}: {_listed(ids)}" for label in ("changed", "added", "removed") if (ids := changes[label]))
    built_from = manifest.get("corpus_dir")
    if built_from and Path(built_from).resolve() != Path(corpus_dir).resolve() and Path(built_from).is_dir():  # not a moved folder: another one
        raise IndexMismatchError(
            f"the index in {index_dir} was built from {built_from}, whose articles differ from those in {corpus_dir} ({parts}); "
            f"name that folder as the corpus, or build an index of {corpus_dir} in a new folder with "
            f"`rag build --corpus {shlex.quote(str(corpus_dir))} --index NEW-FOLDER`"
        )
    raise IndexMismatchError(f"the articles in {corpus_dir} changed since the index was built ({parts}); {hint}")


def _only_touched(manifest: dict, folder: Path, then: dict, now: dict) -> bool:
    """Whether the article files under ``folder`` are those of ``then`` and every one whose size
    or time changed still holds the text the index holds (or is still one it skipped, and was
    not indexed)."""
    if then.keys() != now.keys():
        return False
    for relative in (name for name in now if now[name] != then[name]):
        path = folder / relative
        doc_id = article_id(path, folder)
        document, _ = read_article(path, doc_id, title=False)
        if document is None and doc_id in manifest["documents"]:
            return False  # an indexed article that became empty or unreadable
        if document is not None and document.sha256 != manifest["documents"].get(doc_id):
            return False
    return True


def articles_unchanged(manifest: dict, folder: StrPath, stats: dict[str, list[int]]) -> bool:
    """Whether the articles under ``folder``, whose sizes and times are ``stats`` (``article_stats``),
    are those the index with ``manifest`` holds, reading only the files whose size or time moved
    since the build (False when the manifest records no sizes and times)."""
    then = manifest.get("article_stats")
    return isinstance(then, dict) and bool(then) and _only_touched(manifest, Path(folder), then, stats)


def describe_changes(changes: dict[str, list[str]]) -> str:
    """The changes of ``corpus_changes`` (the non-empty ones) in words: "1 changed (kettle-recall), 2 added (a, b)"."""
    return ", ".join(f"{len(ids)} {label} ({_listed(ids)})" for label, ids in changes.items() if ids)


def _warn_if_articles_changed(manifest: dict, index_dir: Path) -> None:
    """Warn (StaleIndexWarning) when the articles of the folder the index was built from changed
    since; quick when no file's size or time did (the manifest's ``article_stats``)."""
    built_from, stats = manifest.get("corpus_dir"), manifest.get("article_stats")
    if not built_from or not stats or not Path(built_from).is_dir():
        return  # given its documents, or moved elsewhere
    if articles_unchanged(manifest, built_from, article_stats(built_from)):
        return  # no file changed but for its time (touched, checked out again): read only those
    try:
        check_corpus_unchanged(manifest, built_from, index_dir)
    except IndexMismatchError as exc:
        warn_caller(f"{exc}. Until then, quotes come from the articles as they were indexed.", StaleIndexWarning)
    except RagError as exc:
        warn_caller(f"cannot check the articles in {built_from} against the index: {exc}", StaleIndexWarning)


def built_from(index_dir: StrPath) -> str | None:
    """The corpus folder the index in ``index_dir`` was built from, as its manifest names it
    (an absolute path; None when there is no readable index there). The folder may since have
    moved or gone."""
    build = current_build_name(Path(index_dir))
    if build is None:
        return None
    try:
        manifest = _read_json(Path(index_dir) / build / MANIFEST_FILE, "manifest", "")
    except IndexCorruptError:
        return None
    folder = manifest.get("corpus_dir") if isinstance(manifest, dict) else None
    return folder if isinstance(folder, str) else None


def load_index(
    index_dir: StrPath,
    *,
    corpus_dir: StrPath | None = None,
    model_name: str | None = None,
    weights_sha256: str | None = None,
    verify_files: bool = True,
) -> CorpusIndex:
    """Load and verify the index in ``index_dir``.

    Refuses (with a message saying how to rebuild) an index that is missing, corrupt,
    of another format, built with another model than ``model_name``/``weights_sha256``,
    or built from articles that differ from those now in ``corpus_dir``. Without
    ``corpus_dir``, warns (StaleIndexWarning) if the folder it was built from changed since.
    """
    require_type(index_dir, (str, os.PathLike), "index_dir", "the folder of an index, such as 'index'")
    require_type(corpus_dir, (str, os.PathLike, type(None)), "corpus_dir", "the folder of the index's articles, or None")
    index_dir = Path(index_dir)
    build = current_build_name(index_dir)
    if build is None:
        if _current_pointer(index_dir):  # a CURRENT that names no build folder: damaged, or edited by hand
            raise IndexCorruptError(f"{index_dir / CURRENT_FILE} does not name a build folder of the index; {_rebuild_hint(index_dir, None)}")
        raise IndexMissingError(_no_index_in(index_dir))
    folder = index_dir / build
    manifest = _read_json(folder / MANIFEST_FILE, "manifest", _rebuild_hint(index_dir, None))
    if not isinstance(manifest, dict) or not isinstance(manifest.get("model", {}), dict):
        raise IndexCorruptError(f"the index's manifest ({folder / MANIFEST_FILE}) is not an index manifest; {_rebuild_hint(index_dir, None)}")
    hint = _rebuild_hint(index_dir, manifest.get("corpus_dir"))
    if manifest.get("format") != INDEX_FORMAT:
        raise IndexMismatchError(f"the index in {index_dir} has format {manifest.get('format')!r}, this version reads format {INDEX_FORMAT}; {hint}")
    if manifest.get("checksum") != manifest_checksum(manifest):
        raise IndexCorruptError(f"the index's manifest ({folder / MANIFEST_FILE}) was changed or damaged since it was written; {hint}")
    model = manifest.get("model", {})
    if model_name and model.get("name") != model_name:
        raise IndexMismatchError(f"the index in {index_dir} was built with model {model.get('name')!r}, not {model_name!r}; {hint}")
    if weights_sha256 and model.get("weights_sha256") != weights_sha256:
        raise IndexMismatchError(f"the index in {index_dir} was built with other weights of {model.get('name')!r} than the installed ones; {hint}")
    if verify_files:
        _check_files(folder, manifest, hint)
    if corpus_dir is not None:
        check_corpus_unchanged(manifest, corpus_dir, index_dir)
    else:
        _warn_if_articles_changed(manifest, index_dir)
    store = _read_json(folder / "store.json", "store", hint)
    try:
        documents = [Document(**d) for d in store["documents"]]
        sentences = [
            Sentence(documents[d].doc_id, s, e, documents[d].text[s:e], SENTENCE_KINDS[k] == "sentence", SENTENCE_KINDS[k])
            for d, s, e, k in store["sentences"]
        ]
        chunks = [
            Chunk(i, documents[d].doc_id, s, e, documents[d].text[s:e], tuple(ids), n)
            for i, (d, s, e, ids, n) in enumerate(store["chunks"])
        ]
        vocabulary = store["lexicon"]["terms"]
        sentence_terms = [frozenset(vocabulary[i] for i in ids) for ids in store["lexicon"]["sentence_terms"]]
        word_counts = {str(w): int(n) for w, n in store["lexicon"]["word_counts"].items()}
        names = frozenset(str(w) for w in store["lexicon"]["names"])
        capitalised = frozenset(str(w) for w in store["lexicon"]["capitalised"])
        leads = {int(sid): int(lead) for sid, lead in store["lexicon"]["leads"]}
        attributions = {int(sid): int(line) for sid, line in store["lexicon"]["attributions"]}
        sentence_vectors = np.load(folder / "sentences.npy", allow_pickle=False)
        context_vectors = np.load(folder / "sentence-contexts.npy", allow_pickle=False)
        bm25 = Bm25Scores.load(folder / "bm25")
        chunk_store = FaissStore.load(folder / "chunks.faiss", manifest.get("vector_index", {}).get("kind", "flat"))
    except IndexCorruptError as exc:
        raise IndexCorruptError(f"{exc}; {hint}") from exc
    except (KeyError, IndexError, TypeError, AttributeError, ValueError, OSError, EOFError) as exc:
        raise IndexCorruptError(f"the index in {index_dir} is damaged ({exc.__class__.__name__}: {exc}); {hint}") from exc
    if len(chunk_store) != len(chunks) or sentence_vectors.shape[0] != len(sentences) or len(sentence_terms) != len(sentences) or context_vectors.shape != sentence_vectors.shape:
        raise IndexCorruptError(f"the index in {index_dir} is inconsistent (vector counts differ from the store); {hint}")
    return CorpusIndex(
        path=folder,
        manifest=manifest,
        documents={d.doc_id: d for d in documents},
        sentences=sentences,
        chunks=chunks,
        chunk_store=chunk_store,
        sentence_vectors=sentence_vectors,
        context_vectors=context_vectors,
        bm25=bm25,
        sentence_terms=sentence_terms,
        word_counts=word_counts,
        names=names,
        capitalised=capitalised,
        leads=leads,
        attributions=attributions,
    )


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
