"""Re-indexing the chat's articles when their folder changes: ``ArticleWatch`` keeps the
answerer up to date with the folder and says on the page what it is doing."""

import logging
import math
import threading
import time
from datetime import datetime
from pathlib import Path

from rag import Answerer, CorpusError, RagError, Retriever, build_index
from rag.chunking import ChunkingSettings
from rag.documents import article_stats, load_corpus
from rag.embedding import Encoder, SentenceTransformerEncoder
from rag.eval_report import markdown_escaped
from rag.index import articles_unchanged, corpus_changes, current_build_name, describe_changes
from rag.types import StrPath
from rag.vectorstore import VectorKind

log = logging.getLogger("rag.app")  # the web chat's logger, as the server's log names it

ARTICLES_CHECK_SECONDS = 2.0  # an open page (and a question) looks at the articles' folder for changes this often
LOOK_SLACK_SECONDS = 0.25  # how much sooner than ``every`` seconds a look may come


class ArticleWatch:
    """Keeps the chat's answerer up to date with its articles' folder.

    An open page (every ``ARTICLES_CHECK_SECONDS``) and a page load let the watch look at the
    folder, at most every ``every`` seconds, and a question (on the page or through ``/ask``)
    always does; never while a look is running, in a background thread that a question waits for
    at most ``FRESH_WAIT_SECONDS`` (``look``). When an article was added, changed or removed, it
    re-indexes them into the same index folder (an incremental build: only new text is
    embedded, with ``encoder``, default the model the index was built with, loaded for the
    build and let go after it), loads the new index and swaps it in. A build someone ran by hand
    that already matches the folder is swapped in without building again. Until then answers
    quote the articles as they were indexed; a re-index that fails leaves the chat answering
    from the index it has, and is tried again after ``RETRY_SECONDS``. ``note()`` says all this
    on the page, ``reindexing`` whether a re-index is running, and ``skipped`` lists the files of
    the folder it does not search, as last read."""

    RETRY_SECONDS = 60.0
    FRESH_WAIT_SECONDS = 2.0  # how long a question waits for a look and a re-index to end
    DONE_NOTE_SECONDS = 600.0  # how long the page says the articles were re-indexed

    def __init__(self, answerer: Answerer, folder: StrPath | None = None, every: float = ARTICLES_CHECK_SECONDS, encoder: Encoder | None = None) -> None:
        self.answerer = answerer
        built_from = answerer.index.manifest.get("corpus_dir")
        self.folder = Path(folder) if folder is not None else Path(built_from) if built_from else None
        self.every = every
        self._encoder = encoder
        self.skipped: list[tuple[str, str]] = [(str(path), str(why)) for path, why in answerer.index.manifest.get("skipped", [])]
        self._next_look = -math.inf
        self._seen: tuple[bool, dict[str, list[int]]] | None = None  # whether the folder was there, and its files' sizes and times, when last compared (None: compare at the next look)
        self._retry_at = math.inf  # when a failed re-index is tried again though the files did not change
        self.reindexing = False  # whether the articles are being re-indexed now
        self._note, self._note_until, self._failed = "", math.inf, False
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def look(self, wait: float = 0.0) -> None:
        """Look at the folder, in the background, when a look is due (every ``every`` seconds) and
        none is running. With ``wait`` (a question), a look is always due, and the question waits
        up to ``wait`` seconds for it, and for a re-index it starts, to end (after any look already
        running, which may have begun before the change): a question asked right after a small
        change is answered from the changed articles."""
        deadline = time.monotonic() + wait
        for _ in range(2):
            started = self._start_look(due=wait > 0)
            if wait <= 0 or not self.wait(max(0.0, deadline - time.monotonic())) or started:
                return

    def _start_look(self, *, due: bool) -> bool:
        """Start a look unless one is running or, when not ``due``, one ran less than ``every`` seconds ago; whether it did."""
        try:
            with self._lock:
                now = time.monotonic()
                idle = self._worker is None or not self._worker.is_alive()
                if self.folder is None or not idle or not (due or now >= self._next_look):
                    return False
                self._next_look = now + max(0.0, self.every - LOOK_SLACK_SECONDS)  # a page's 2 s timer, a little early or late, still looks
                self._worker = threading.Thread(target=self._look, name="article-watch", daemon=True)
                self._worker.start()
                return True
        except Exception:  # a question must be answered whatever befalls the look
            log.exception("could not look at the articles of %s", self.folder)
            return False

    def note(self) -> str:
        """A sentence for the page's line on the articles (Markdown) while they are re-indexed, for a
        while after they were, or once they could not be (or their folder is gone); else ""."""
        with self._lock:
            if time.monotonic() > self._note_until:
                self._note, self._note_until = "", math.inf
            return self._note

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a look (and any re-index it started) to end; whether it did within ``timeout`` seconds."""
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.join(timeout)
        return worker is None or not worker.is_alive()

    def _say(self, note: str, *, lasting: float = math.inf, failed: bool = False) -> None:
        with self._lock:
            self._note, self._note_until, self._failed = note, time.monotonic() + lasting, failed

    def _look(self) -> None:
        """``_look_once``, its failures logged (the next look compares again)."""
        try:
            self._look_once()
        except Exception:
            self._seen = None
            log.exception("could not look at the articles of %s", self.folder)

    def _look_once(self) -> None:
        """Compare the folder with the index; re-index it when its articles changed."""
        assert self.folder is not None
        there = self.folder.is_dir()
        seen = (there, article_stats(self.folder) if there else {})
        if seen == self._seen and time.monotonic() < self._retry_at:
            return
        self._seen, self._retry_at = seen, math.inf  # compared now: looked at again once the files or their times change
        if not there:
            self._say(f"The articles' folder {markdown_escaped(str(self.folder))} is gone: answers quote the articles as they were indexed.", failed=True)
            return
        manifest = self.answerer.index.manifest
        if articles_unchanged(manifest, self.folder, seen[1]):
            changes: dict[str, list[str]] = {}  # read only the files whose time moved
        else:
            read = load_corpus(self.folder, titles=False, empty_ok=True)
            for path, why in sorted(set(read.skipped) - set(self.skipped)):
                log.warning("not in the index: %s: %s", path, why)
            with self._lock:
                self.skipped = read.skipped
            changes = {label: ids for label, ids in corpus_changes(manifest, read.documents).items() if ids}
        if not changes:
            if self._failed:  # put back as they were: nothing is wrong any more
                self._say("")
            return
        described = describe_changes(changes)
        if not read.documents:
            log.warning("no readable article is left in %s: the chat answers from the articles as they were indexed", self.folder)
            self._cannot_reindex(described, "no readable article is left")
            return
        self._say(self._reindexing(described))
        self.reindexing = True
        try:
            if not self._swapped_in(described):
                self._retry_at = time.monotonic() + self.RETRY_SECONDS
        finally:
            self.reindexing = False

    def _cannot_reindex(self, described: str, why: str) -> None:
        self._say(f"The articles changed: {markdown_escaped(described)}. They could not be re-indexed ({why}): answers quote them as they were.", failed=True)

    @staticmethod
    def _reindexing(described: str, embedded: int = 0, to_embed: int = 0) -> str:
        """The note while the articles are re-indexed, with how far the embedding is once it began."""
        done = f" ({embedded:,} of {to_embed:,} new passages and sentences read by the model)" if to_embed else ""
        return f"The articles changed: {markdown_escaped(described)}. Re-indexing them{done}; until that is done, answers quote them as they were."

    def _swapped_in(self, described: str) -> bool:
        """Swap in an index of the folder as it is (built now, or by hand meanwhile); whether it was."""
        assert self.folder is not None  # _look runs only for a watch with a folder
        old = self.answerer
        index_dir = old.index.path.parent
        try:
            new = self._built_by_hand(index_dir)
            if new is None:
                log.info("the articles in %s changed (%s): re-indexing them into %s …", self.folder, described, index_dir)
                manifest = old.index.manifest
                kind: VectorKind = "hnsw" if manifest.get("vector_index", {}).get("kind") == "hnsw" else "auto"  # auto never picks hnsw: it was asked for
                report = build_index(
                    self.folder, index_dir, encoder=self._encoder or SentenceTransformerEncoder(manifest["model"]["name"]),
                    chunking=ChunkingSettings(**manifest.get("chunking", {})), vector_kind=kind,
                    on_embedded=lambda done, total: self._say(self._reindexing(described, done, total)),
                )
                log.info(report.summary())
        except CorpusError as exc:  # the articles are unusable (no searchable words …): said as they are
            log.warning("could not re-index the changed articles of %s: %s", self.folder, exc)
            self._cannot_reindex(described, markdown_escaped(str(exc)))
            return False
        except Exception:
            log.exception("could not re-index the changed articles of %s", self.folder)
            self._cannot_reindex(described, "the server's log says why")
            return False
        try:
            new = new or Answerer(Retriever.load(index_dir, encoder=old.retriever.encoder), old.settings, old.answerability)
            new.answer("What do the articles say?")  # fills its lazy caches before a visitor waits for them
        except Exception:
            log.exception("the articles of %s were re-indexed, but the new index could not be loaded", self.folder)
            self._say(f"The articles changed: {markdown_escaped(described)}. They were re-indexed, but the new index could not be loaded "
                      "(the server's log says why): answers quote them as they were.", failed=True)
            return False
        with self._lock:
            self.answerer = new
        self._say(f"Answers quote the articles as changed at {datetime.now().astimezone().strftime('%H:%M:%S %Z')}: {markdown_escaped(described)}.", lasting=self.DONE_NOTE_SECONDS)
        log.info("the chat now answers from the re-indexed articles")
        return True

    def _built_by_hand(self, index_dir: Path) -> Answerer | None:
        """The answerer of a newer build in ``index_dir`` (``rag build`` run by hand) when it
        matches the folder as it is now; else None."""
        old = self.answerer
        if current_build_name(index_dir) in (None, old.index.path.name):
            return None
        try:
            retriever = Retriever.load(index_dir, corpus_dir=self.folder, encoder=old.retriever.encoder)
        except RagError:
            return None  # of other articles, or of another model: build
        log.info("the index in %s was rebuilt meanwhile from the articles as they are: answering from it", index_dir)
        return Answerer(retriever, old.settings, old.answerability)
