"""Hybrid retrieval: dense (FAISS) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .acronyms import spelled_out
from .details import quarters_as_written
from .embedding import Encoder
from .errors import require_type
from .index import CorpusIndex, load_index
from .lexical import terms
from .question import check_passage_count, clean_question, without_markup
from .settings import set_whole_numbers
from .spelling import Speller
from .officer_titles import as_written
from .types import Passage, StrPath

MOST_CANDIDATES = 100_000  # a bound on a ranking's candidates and the RRF constant


@dataclass(frozen=True)
class RetrievalSettings:
    """How many candidates each ranking contributes, and the RRF constant; SettingsError for a
    value that is not a whole number in range (each ranking gives at least one candidate)."""

    dense_candidates: int = 50
    lexical_candidates: int = 50
    rrf_k: int = 60

    def __post_init__(self) -> None:
        set_whole_numbers(self, (("dense_candidates", 1, MOST_CANDIDATES), ("lexical_candidates", 1, MOST_CANDIDATES), ("rrf_k", 0, MOST_CANDIDATES)))


@dataclass(frozen=True)
class ChunkHit:
    """One chunk in the fused ranking, with the scores that put it there."""

    chunk_id: int
    fused: float
    dense: float
    lexical: float


class Retriever:
    """Finds the passages of an index that best match a question.

    >>> retriever = Retriever.load("index")
    >>> [p.doc_id for p in retriever.search("Who wrote the blog post?", k=3)]  # doctest: +SKIP
    """

    def __init__(
        self, index: CorpusIndex, encoder: Encoder, settings: RetrievalSettings = RetrievalSettings(), *, spelling: bool = True
    ) -> None:
        require_type(index, CorpusIndex, "index", "load one with load_index(index_dir), or use Retriever.load(index_dir)")
        require_type(settings, RetrievalSettings, "settings")
        if not callable(getattr(encoder, "encode", None)):
            raise TypeError(f"encoder must be an Encoder (with an encode method), not {type(encoder).__name__}")
        self.index = index
        self.encoder = encoder
        self.settings = settings
        self.spelling = spelling  # read misspelt question words as the articles' words

    def __repr__(self) -> str:
        return f"Retriever(index={self.index!r}, encoder={type(self.encoder).__name__}, spelling={self.spelling})"

    def __reduce__(self) -> tuple:
        """Refuse pickling with what to do instead (its ONNX session and FAISS index cannot be pickled)."""
        raise TypeError("a Retriever cannot be pickled (it holds an ONNX session and a FAISS index); load one in each process with Retriever.load(index_dir)")

    @classmethod
    def load(
        cls,
        index_dir: StrPath = "index",
        *,
        corpus_dir: StrPath | None = None,
        encoder: Encoder | None = None,
        settings: RetrievalSettings = RetrievalSettings(),
    ) -> Retriever:
        """Load the index in ``index_dir`` and the encoder it was built with.

        With ``corpus_dir``, refuses an index whose articles changed since it was built.
        """
        require_type(index_dir, (str, os.PathLike), "index_dir", "the folder of an index, such as 'index'")
        if encoder is None:
            from .embedding import load_query_encoder

            encoder = load_query_encoder(index_dir)
        index = load_index(index_dir, corpus_dir=corpus_dir, model_name=encoder.model_name, weights_sha256=encoder.weights_sha256)
        return cls(index, encoder, settings)

    @cached_property
    def _texts(self) -> list[str]:
        """The articles' whole texts: where a quarter may be written short ("Audi Q3")."""
        return [document.text for document in self.index.documents.values()]

    @cached_property
    def _prose(self) -> list[str]:
        """The articles' sentences of prose, headlines and headings aside: where an acronym is spelt out."""
        return [sentence.text for sentence in self.index.sentences if sentence.kind == "sentence"]

    @cached_property
    def speller(self) -> Speller:
        """Reads misspelt question words as the articles' words (see ``rag.spelling``)."""
        return Speller(
            self.index.word_counts,
            known_words=self.encoder.whole_words(),
            names=self.index.capitalised,
        )

    def read(self, question: str) -> str:
        """``question`` as it is searched: without pasted HTML or Markdown marks, an acronym the
        articles only spell out as they spell it ("FDA" where they say "Food and Drug
        Administration", ``rag.acronyms.spelled_out``), its typos read as the articles' words (if
        ``spelling``), an officer's title as they write it ("CEO" where they only say "chief
        executive", ``rag.officer_titles.as_written``), a quarter as they write it ("Q3" where they
        say "third quarter", ``rag.details.quarters_as_written``)."""
        question = quarters_as_written(spelled_out(without_markup(question), self.index.word_counts, self._prose), self._texts)
        return as_written(self.speller.correct(question) if self.spelling else question, self.index.title_counts)

    def encode(self, text: str) -> np.ndarray:
        """Unit vector of a question (1-D)."""
        return self.encoder.encode([text])[0]

    def rank_chunks(self, text: str, vector: np.ndarray) -> list[ChunkHit]:
        """Chunks ranked by reciprocal-rank fusion of dense and BM25 rankings."""
        s = self.settings
        dense_scores, dense_ids = self.index.chunk_store.search(vector[None, :], s.dense_candidates)
        dense = {int(i): float(v) for i, v in zip(dense_ids[0], dense_scores[0]) if i >= 0}
        lexical = self._bm25(text, s.lexical_candidates)
        fused: dict[int, float] = {}
        for ranking in (list(dense), list(lexical)):
            for rank, chunk_id in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (s.rrf_k + rank + 1)
        order = sorted(fused, key=lambda c: (-fused[c], c))
        missing = [c for c in order if c not in dense]
        if missing:  # dense cosine of lexical-only hits, for the answer composer's features
            chunk_vectors = self._chunk_vectors(missing)
            dense.update({c: float(v @ vector) for c, v in zip(missing, chunk_vectors)})
        return [ChunkHit(c, fused[c], dense[c], lexical.get(c, 0.0)) for c in order]

    def _chunk_vectors(self, chunk_ids: list[int]) -> np.ndarray:
        sentence_rows = [list(self.index.chunks[c].sentence_ids) for c in chunk_ids]
        # Mean of the chunk's sentence vectors approximates its own vector without re-encoding.
        vectors = np.stack([self.index.sentence_vectors[rows].mean(axis=0) for rows in sentence_rows]) if sentence_rows else np.zeros((0, self.index.sentence_vectors.shape[1]), np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)

    def _bm25(self, text: str, k: int) -> dict[int, float]:
        query = [t for t in dict.fromkeys(terms(text)) if t in self.index.bm25.vocab]
        if not query:
            return {}
        scores = self.index.bm25.scores(query)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def passages(self, hits: list[ChunkHit], k: int) -> list[Passage]:
        """The first ``k`` hits as citable passages."""
        out = []
        for hit in hits[:k]:
            chunk = self.index.chunks[hit.chunk_id]
            out.append(
                Passage(
                    doc_id=chunk.doc_id,
                    title=self.index.documents[chunk.doc_id].title,
                    start=chunk.start,
                    end=chunk.end,
                    text=chunk.text,
                    score=hit.fused,
                    chunk_id=chunk.chunk_id,
                )
            )
        return out

    def search(self, question: str, k: int | None = 5) -> list[Passage]:
        """The ``k`` passages (None: 5) that best match ``question``, best first (QuestionError for an unusable question or ``k``)."""
        count = 5 if k is None else check_passage_count(k)
        text = self.read(clean_question(question))
        return self.passages(self.rank_chunks(text, self.encode(text)), count)
