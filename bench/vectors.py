"""Vectors that look like real embeddings, for the scale benchmark.

Real ones first: the reference model embeds the sentences of SQuAD 2.0's dev paragraphs
(the "passages") and a spread of its questions (the queries), cached under
``bench/.cache``. Large collections are then drawn from the real passages: each synthetic
vector blends two real passage vectors (the larger share from the first) and adds
Gaussian noise with the real vectors' own covariance, so it stays in the directions real
embeddings vary in (unlike uniform or isotropic noise), then is renormalised. Blending
spreads the collection between real passages instead of piling copies around each one,
which would make approximate search look easier than it is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .questions import SQUAD_DEV

CACHE = Path(__file__).resolve().parent / ".cache"
# Scale of the added noise relative to the real vectors' spread.
NOISE = 0.5
BLOCK = 50_000
QUESTION_STRIDE = 6  # about 2,000 questions across all 35 articles: plenty of queries


@dataclass(frozen=True)
class RealEmbeddings:
    """Reference-model vectors of real SQuAD sentences (passages) and questions."""

    passages: np.ndarray
    questions: np.ndarray


def squad_texts(path: Path = SQUAD_DEV) -> tuple[list[str], list[str]]:
    """(sentences of every dev paragraph, every QUESTION_STRIDE-th dev question), deduplicated."""
    from rag.squad import load_squad
    from rag.text import split_sentences

    squad = load_squad(path)
    sentences = [s.text for p in squad.paragraphs for s in split_sentences(p.doc_id, p.context)]
    return list(dict.fromkeys(sentences)), list(dict.fromkeys(q.question for q in squad.questions[::QUESTION_STRIDE]))


def real_embeddings(path: Path = SQUAD_DEV, cache: Path = CACHE) -> RealEmbeddings:
    """Embeddings of SQuAD sentences and questions, computed once and cached."""
    sentences, questions = squad_texts(path)
    digest = hashlib.sha256(json.dumps([sentences, questions]).encode("utf-8")).hexdigest()[:16]
    target = cache / f"squad-embeddings-{digest}.npz"
    if not target.is_file():
        from rag.embedding import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder()
        cache.mkdir(parents=True, exist_ok=True)
        passages = encoder.encode(sentences, batch_size=64, progress=True)
        queries = encoder.encode(questions, batch_size=64, progress=True)
        tmp = target.with_name(f".{target.name}.tmp.npz")
        np.savez(tmp, passages=passages, questions=queries, model=np.array(encoder.weights_sha256))
        tmp.replace(target)
    with np.load(target) as data:
        return RealEmbeddings(data["passages"], data["questions"])


def noise_basis(real: np.ndarray) -> np.ndarray:
    """Matrix turning standard normal rows into noise with the covariance of ``real``."""
    centered = real - real.mean(axis=0)
    _, singular, components = np.linalg.svd(centered, full_matrices=False)
    return (singular[:, None] / np.sqrt(len(real))) * components


def synthetic_vectors(real: np.ndarray, n: int, *, seed: int = 0, noise: float = NOISE) -> np.ndarray:
    """``n`` unit vectors drawn from the rows of ``real`` (see the module docstring)."""
    rng = np.random.default_rng(seed)
    basis = noise_basis(real).astype(np.float32)
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    for start in range(0, n, BLOCK):
        size = min(BLOCK, n - start)
        share = rng.uniform(0.5, 1.0, size=(size, 1)).astype(np.float32)
        blend = share * real[rng.integers(len(real), size=size)] + (1 - share) * real[rng.integers(len(real), size=size)]
        block = blend + noise * (rng.standard_normal((size, len(basis)), dtype=np.float32) @ basis)
        out[start : start + size] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def cached_synthetic(real: np.ndarray, n: int, *, seed: int = 0, cache: Path = CACHE) -> np.ndarray:
    """``synthetic_vectors`` saved once under ``cache`` and memory-mapped afterwards."""
    digest = hashlib.sha256(real.tobytes()).hexdigest()[:12]
    target = cache / f"synthetic-v2-{digest}-{n}-{seed}-{NOISE}.npy"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp.npy")
        np.save(tmp, synthetic_vectors(real, n, seed=seed))
        tmp.replace(target)
    return np.load(target, mmap_mode="r")
