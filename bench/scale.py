"""FAISS search at scale: latency, memory and recall@10 of the index type the product picks."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from rag.metrics import latency_summary
from rag.vectorstore import FaissStore, recall_at_k

from .memory import status_mb
from .vectors import cached_synthetic, real_embeddings

LATENCY_QUERIES = 500
EXACT_LATENCY_QUERIES = 50
K = 10


def _anonymous_rss_mb() -> float:
    """Resident memory this process allocated itself (memory-mapped vector files excluded)."""
    return status_mb("RssAnon")


def _single_query_ms(store: FaissStore, queries: np.ndarray) -> list[float]:
    times = []
    for row in queries:
        started = time.perf_counter()
        store.search(row[None, :], K)
        times.append(1000 * (time.perf_counter() - started))
    return times


def measure_size(n: int, real, *, progress: bool = True) -> dict:
    """Build the auto-chosen index over ``n`` synthetic vectors and measure it against exact search."""
    vectors = cached_synthetic(real.passages, n)
    queries = np.ascontiguousarray(real.questions, dtype=np.float32)
    rss_before = _anonymous_rss_mb()
    started = time.perf_counter()
    store = FaissStore.build(vectors, "auto", progress=progress)
    build_seconds = time.perf_counter() - started
    rss_after = _anonymous_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.faiss"
        store.save(path)
        file_mb = path.stat().st_size / 2**20
    store.search(queries[:20], K)  # warm-up
    latency = _single_query_ms(store, queries[:LATENCY_QUERIES])
    _, found = store.search(queries, K)
    described = store.describe()
    del store
    exact = FaissStore.build(vectors, "flat")
    _, truth = exact.search(queries, K)
    exact_latency = _single_query_ms(exact, queries[:EXACT_LATENCY_QUERIES])
    return {
        "vectors": n,
        "index": described,
        "build_seconds": round(build_seconds, 2),
        "index_file_mb": round(file_mb, 1),
        "rss_growth_mb": round(rss_after - rss_before, 1),
        "latency": latency_summary(latency),
        "exact_latency": latency_summary(exact_latency),
        "recall_at_10": round(recall_at_k(found, truth), 4),
        "queries": len(queries),
    }


def run_scale(sizes: list[int], *, progress: bool = True) -> list[dict]:
    """``measure_size`` for each size, on vectors drawn around real SQuAD embeddings."""
    real = real_embeddings()
    return [measure_size(n, real, progress=progress) for n in sizes]
