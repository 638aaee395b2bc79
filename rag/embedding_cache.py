"""What a build embeds (sentences whole or in parts, sentences in context) and the cache of
vectors, keyed by a hash of the model's weights and the text, that embeds each text once."""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chunking import FitsModel, model_pieces
from .embedding import Encoder
from .types import Document, Sentence


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
