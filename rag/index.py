"""Loading and verifying the on-disk index (``rag.build`` writes it).

Layout of an index folder::

    index/
      CURRENT                  name of the live build (replaced atomically)
      build-<time>-<id>/       manifest.json, store.json, chunks.faiss,
                               sentences.npy, sentence-contexts.npy, bm25/
      embedding-cache.npz      vectors keyed by content hash (incremental builds)

A build writes a new ``build-*`` folder and only then points ``CURRENT`` at it with an
atomic rename, so an interrupted or failed build leaves the previous index in use.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import regex

from .dates import article_date
from .documents import ARTICLE_SUFFIXES, article_id, article_stats, is_markdown, load_corpus, read_article, sha256_text
from .embedding import file_sha256
from .errors import IndexCorruptError, IndexMismatchError, IndexMissingError, RagError, StaleIndexWarning, require_type, warn_caller
from .lexical import name_key, stem, terms
from .segmentation import SENTENCE_KINDS
from .text import LEANING_REACH, LEANS_ON_PREVIOUS, ORDINALS, item_number, opens_a_quotation
from .writing_systems import scripts_used
from .officer_titles import title_counts
from .types import Chunk, Citation, Document, Sentence, StrPath
from .vectorstore import FaissStore, VectorStore

INDEX_FORMAT = 46  # 2: store.json carries the lexicon (sentence terms, article word counts); 3: NFKC words, names, whole long sentences; 4: wrapped lines joined, markup kind; 5: manifest checksum, article stats; 6: sentence context vectors; 7: word counts without markup, table rows; 8: rows and list items read under their header or lead-in; 9: the leads stored; 10: block quotes read with who said them; names not taken from words only capitalised where a sentence, line or cell opens; 11: markup (front matter, code) has no terms and starts or ends no chunk; 12: an initialism with full stops is one word ("U.S." is "us"); 13: a noun in -ation meets its verb ("valuation", "valuing"); 14: lower-case abbreviations ("e.g.", "p.m.") are no words; 15: a line of bold-labelled fields is quotable, "Posted by" a byline, a footnote's label no part of its sentence; 16: no names read from title-case lines or after an opening quotation mark; 17: title-case lines are headings only (no byline, colon or sentence end), a bold label opens what follows it; 18: "Related coverage:", "More coverage:", "Also read:" footers are boilerplate; 19: "Related:" only before a footer noun ("Related stories:", not "Related costs:"); 20: nouns meet their verbs ("decision", "decided"); 21: emphasis marks a sentence does not close and block-level HTML tags left out of sentences, a Markdown image's caption boilerplate; 22: a correction's retracted claim ("An earlier version of this story said …") boilerplate; 23: words read without soft hyphens and other invisible characters ("may\u00ador" is "mayor"); 24: an HTML attribute value written without quotes may hold a quote mark ("onerror=alert('x')"); 25: a hard wrap's width read past a few wider lines and by eye, a footnote reference kept with the sentence it marks; 26: those wrap rules narrowed (short texts and lines wider than the wrap never joined; a title at a line's end joined), a numbered reference kept too; 27: a wire story's editor's note ("(Corrects …)") boilerplate, its credit line ("(Reporting by …)") a byline, its exchange rate ("($1 = 7.1750 Danish crowns)") a sentence; 28: the author named in front matter a byline; 29: a dateline credited to any paper or agency ("ARDLOW (Meridian Wire) — "), or the credit alone, kept out of its sentence; 30: a dateline dated day first, with its weekday ("CARROW, Tuesday 19 November 2024 - "); 31: a credit in brackets only a paper's ("(Meridian Wire)"), not a ticker or an expansion ("TSMC (Taiwan Semiconductor) — "); 32: a name after "Hon." or "Mx." read as a name, not a word opening a sentence; 33: British spellings stemmed as American ones ("centres", "centers"); 34: but not breame's pairs of two words ("tyres", "tired"); 35: a time of day dated after it is one sentence ("at 2 a.m. Thursday"); 36: but not before a weekday's or month's possessive ("Friday's …") or "IT"; 37: a dateline set in bold or italics ("**PORT HALLEN, March 12 (The Ledger)** — ") kept out of its sentence; 38: an interview's answer ("A: …") read under the question before it ("Q: …"); 39: a clarification's or editor's note's retracted claim ("Clarification, 14 June: A previous version …") boilerplate, "*Comment by …*" a byline; 40: an interview's turns labelled by who speaks ("DELACROIX: …", "**MK:** …"), the first to speak asking; 41: "Analysis by" and the like a byline only before a name ("- Analysis by Moody's shows …" is prose), an answer under no other article's question; 42: an FAQ's answers and a live blog's entries read under their question or time stamp ("## Is there a deadline?", "Updated 10:25 p.m."), a timeline's time stamp kept with its item ("9:42 p.m. A passing taxi …"), a list's lead-in however short ("The board rejected:"); 43: a time of day and its zone spelt out one sentence ("at 9:42 a.m. Eastern Time"); 44: only a zone's words, not "Extra Time" or "The Time Machine"; 45: a list's items written as prose under its lead-in: paragraphs opening with an ordinal ("Second, …"), lines ending in a semicolon (no heading); 46: a list's items all written alike, bulleted or in prose (no line ending in a semicolon after a bulleted list)
CURRENT_FILE = "CURRENT"
# Two capitalised words in a row ("Little Sowerby", "Élise Moreau", across a non-breaking space or a
# wrapped line); overlapping. A capitalised word alone.
_CAPITALISED_PAIR = regex.compile(r"(?<![\w'’.-])(?P<first>\p{Lu}[\w'’-]*)\s+(?=(?P<second>\p{Lu}[\w'’-]*))")
_CAPITALISED = regex.compile(r"(?<![\w'’.-])\p{Lu}[\w'’-]*")
_BUILD_NAME = re.compile(r"build-[0-9T]+-[0-9a-f]+")  # the folder names build_index gives (never a path)
CACHE_FILE = "embedding-cache.npz"
LOCK_FILE = ".build.lock"  # held by the build writing to the folder: builds of one index take turns
MANIFEST_FILE = "manifest.json"


def _listed(ids: list[str]) -> str:
    """The first five doc ids, and "…" when there are more."""
    return ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")


def corpus_changes(manifest: dict, documents: list[Document]) -> dict[str, list[str]]:
    """The doc ids of ``documents`` added, changed and removed since the build with ``manifest``.

    An article renamed from .txt to .md (or back) has changed: its title is read otherwise.
    """
    indexed, now = manifest["documents"], {d.doc_id: d.sha256 for d in documents}
    changed = {d for d in now.keys() & indexed.keys() if now[d] != indexed[d]}
    if "markdown" in manifest:
        changed |= ({d.doc_id for d in documents if is_markdown(d.path)} ^ set(manifest["markdown"])) & now.keys() & indexed.keys()
    return {"added": sorted(now.keys() - indexed.keys()), "changed": sorted(changed), "removed": sorted(indexed.keys() - now.keys())}


def _rebuild_hint(index_dir: Path, corpus_dir: str | None) -> str:
    """How to rebuild the index in ``index_dir``: from ``corpus_dir``, or, when it is not known
    (an unreadable manifest), from the folder of its articles, which the user must name."""
    if corpus_dir:
        return f"rebuild it with `rag build --corpus {shlex.quote(str(corpus_dir))} --index {shlex.quote(str(index_dir))}`"
    return f"rebuild it with `rag build --corpus DIR --index {shlex.quote(str(index_dir))}`, DIR being the folder of its articles"


def manifest_checksum(manifest: dict) -> str:
    """sha256 of a manifest's content but its own ``checksum``: a manifest damaged in a field that
    nothing else checks (its counts, say) is refused like any other damaged file."""
    body = {key: value for key, value in manifest.items() if key != "checksum"}
    return sha256_text(json.dumps(body, sort_keys=True, ensure_ascii=False))


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


@dataclass(eq=False)  # an index is itself (its arrays have no equality): hashable, so per-index reads can be kept beside it
class CorpusIndex:
    """A loaded index: documents, sentences, chunks, vectors (``context_vectors``: each sentence
    read after the one before it, see ``rag.embedding_cache.context_windows``), the BM25 index and
    the lexicon (``sentence_terms``: stemmed content words of each sentence; ``word_counts``: how often
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
        the words a quote of it holds, for the coverage of a question's words, and for an item of a
        numbered list its place ("2. Stella Chesang …" is "second"). (``sentence_terms``, the
        sentence's own, weigh each term: a header counts once, not once per row.)"""
        as_quoted = list(self.sentence_terms)
        for sid in self.leads:
            as_quoted[sid] = as_quoted[sid].union(*(self.sentence_terms[lead] for lead in self.read_under(sid)))
        for sid, attribution in self.attributions.items():
            as_quoted[sid] = as_quoted[sid] | self.sentence_terms[attribution]
        for sid, sentence in enumerate(self.sentences):
            number = item_number(self.documents[sentence.doc_id].text, sentence)
            if number is not None and 1 <= number <= len(ORDINALS):
                as_quoted[sid] = as_quoted[sid] | {stem(ORDINALS[number - 1])}
        return as_quoted

    @cached_property
    def terms_leant_on(self) -> dict[int, frozenset[str]]:
        """For each sentence leaning on the one before it in its paragraph (``LEANS_ON_PREVIOUS``:
        "He was sentenced to three years." after "Carl Ingersoll admitted to taking $240,000."),
        the terms of that one it lacks, and of those it leans on in turn, up to ``LEANING_REACH``
        sentences back ("It replaced a car ferry." after "It is 1.2 kilometres long …" after "The
        Harbour Link opened in 1998."): what it tells of, which its quote holds too where the
        chain ends within that reach and one answer's budget (``rag.spans``), else the sentence
        before it only. Not for a sentence opening a quotation, whose "This" is the speaker's own."""
        leant: dict[int, frozenset[str]] = {}
        depth: dict[int, int] = {}  # how many sentences back each leaning sentence's terms reach
        for sid, sentence in enumerate(self.sentences):
            if sid and self.sentences[sid - 1].kind == "sentence" and LEANS_ON_PREVIOUS.match(sentence.text) and not opens_a_quotation(sentence.text) and self.same_paragraph(sid - 1, sid):
                further = depth.get(sid - 1, LEANING_REACH) < LEANING_REACH
                leant[sid] = (self.sentence_terms[sid - 1] | (leant[sid - 1] if further else frozenset())) - self.terms_as_quoted[sid]
                depth[sid] = depth[sid - 1] + 1 if further else 1
        return leant

    def read_under(self, sid: int) -> list[int]:
        """The sentences sentence ``sid`` is read and quoted under (``leads``): its table's header
        row, its list's lead-in, or every sentence of the interview question it answers ("Q: Your
        Series A was A$18 million in 2021. Was this round harder?", the sentences of the question's
        paragraph from its lead on); none for any other."""
        lead = self.leads.get(sid)
        if lead is None:
            return []
        under = [lead]
        if self.sentences[lead].kind == "question":
            while under[-1] + 1 < sid and self.sentences[under[-1] + 1].kind == "question" and self.same_paragraph(under[-1], under[-1] + 1):
                under.append(under[-1] + 1)
        return under

    @cached_property
    def written_before(self) -> dict[str, frozenset[str]]:
        """Each word the articles write capitalised after another capitalised word (``name_key``) ->
        those words: "sowerby" -> {"little"} of "Little Sowerby", "okafor" -> {"danielle"}: the full
        names a name's later words are written with."""
        return self._capitalised[0]

    @cached_property
    def capitalised_in(self) -> dict[str, frozenset[str]]:
        """Each word the articles write capitalised (``name_key``) -> the articles that do."""
        return self._capitalised[1]

    @cached_property
    def named_after_in(self) -> dict[str, frozenset[str]]:
        """Each word the articles write capitalised after another (``name_key``) -> the articles that do."""
        return self._capitalised[2]

    @cached_property
    def _capitalised(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """``written_before``, ``capitalised_in`` and ``named_after_in``, read in one pass over the articles."""
        before: dict[str, set[str]] = {}
        written: dict[str, set[str]] = {}
        after: dict[str, set[str]] = {}
        for doc_id, document in self.documents.items():
            for word in _CAPITALISED.findall(document.text):
                written.setdefault(name_key(word), set()).add(doc_id)
            for pair in _CAPITALISED_PAIR.finditer(document.text):
                first, second = name_key(pair["first"]), name_key(pair["second"])
                before.setdefault(second, set()).add(first)
                after.setdefault(second, set()).add(doc_id)
        return tuple({key: frozenset(value) for key, value in found.items()} for found in (before, written, after))  # type: ignore[return-value]

    @cached_property
    def title_terms(self) -> dict[str, frozenset[str]]:
        """Each article's title terms (stemmed content words): what its sentences need not repeat."""
        return {doc_id: frozenset(terms(document.title)) for doc_id, document in self.documents.items()}

    @cached_property
    def title_counts(self) -> Counter[str]:
        """How often the articles write each title a person holds (``rag.officer_titles.title_counts``)."""
        return title_counts(sentence.text for sentence in self.sentences)

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
        """Each sentence's vector read after the sentence before it
        (``rag.embedding_cache.embed_contexts``), centered as ``centered_sentence_vectors`` is (on
        the mean sentence vector)."""
        return _centered(self.context_vectors, self.sentence_mean)

    @cached_property
    def scripts(self) -> frozenset[str]:
        """The scripts the articles are written in ("LATIN", "CYRILLIC"; ``rag.writing_systems.scripts_used``)."""
        return scripts_used(self.word_counts)

    @cached_property
    def term_sentences(self) -> dict[str, frozenset[int]]:
        """The ids of the sentences holding each term."""
        postings: dict[str, list[int]] = {}
        for sid, ts in enumerate(self.sentence_terms):
            for t in ts:
                postings.setdefault(t, []).append(sid)
        return {t: frozenset(ids) for t, ids in postings.items()}

    @cached_property
    def term_idf(self) -> dict[str, float]:
        """Inverse document frequency of each term, counting sentences as documents."""
        n = len(self.sentences) + 1
        return {t: float(np.log(n / (len(ids) + 0.5))) for t, ids in self.term_sentences.items()}

    def idf(self, term: str) -> float:
        """IDF of ``term``; terms absent from the corpus get the highest weight."""
        return self.term_idf.get(term, float(np.log((len(self.sentences) + 1) / 0.5)))

    def documents_with(self, term: str) -> frozenset[str]:
        """The ids of the articles whose text has ``term`` (a stemmed content word), read from
        the BM25 index's postings: as quick on a million sentences as on five articles."""
        return frozenset(self.chunks[chunk].doc_id for chunk in self.bm25.chunks_with(term).tolist())

    @cached_property
    def article_bylines(self) -> dict[str, int]:
        """The sentence id of the first byline of each article that has one, by doc id."""
        bylines: dict[str, int] = {}
        for sid, sentence in enumerate(self.sentences):
            if sentence.kind == "byline":
                bylines.setdefault(sentence.doc_id, sid)
        return bylines

    @cached_property
    def article_dates(self) -> dict[str, Citation]:
        """The date each article is dated with, as a span of its text (``rag.dates.article_date``):
        its dateline's, else its front matter's; an article with neither is left out."""
        dates = {doc_id: article_date(self.documents[doc_id], [self.sentences[i] for i in ids]) for doc_id, ids in self.document_sentences.items()}
        return {doc_id: date for doc_id, date in dates.items() if date is not None}

    def same_paragraph(self, earlier: int, later: int) -> bool:
        """Whether sentences ``earlier`` and ``later`` stand in one paragraph of one article (no
        line break between them)."""
        first, second = self.sentences[earlier], self.sentences[later]
        return first.doc_id == second.doc_id and "\n" not in self.documents[first.doc_id].text[first.end : second.start]

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
        try:
            intact = path.stat().st_size == expected.get("bytes") and file_sha256(path) == expected.get("sha256")
        except OSError as exc:  # unreadable (permissions): the library says so as it does any damage
            raise IndexCorruptError(f"{path} cannot be read ({exc.strerror or exc}); {hint}") from exc
        if not intact:
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
