"""The vector store behind a small interface, with a FAISS implementation.

Only this module touches FAISS. Another backend (a distributed one, say) would implement
``VectorStore``.

The index type is chosen by size: exact inner-product search (``flat``) up to
``EXACT_MAX_VECTORS``, where it answers in a few milliseconds; above it an inverted-file
index (``ivf``: k-means cells, exact vectors inside each cell) whose number of probed
cells is calibrated at build time, on a sample of the collection, to the smallest that
keeps recall@10 against exact search at ``TARGET_RECALL``. ``hnsw`` is available on request.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Literal, Protocol, get_args

import numpy as np

from .errors import IndexCorruptError, SettingsError

# Exact search costs about 2 ms per question per 10,000 384-d vectors here (22 ms at 100k,
# 150-330 ms at 1M), which would soon outweigh the rest of an answer; above this size the
# calibrated IVF index answers in 1-2 ms with recall@10 about 0.98.
EXACT_MAX_VECTORS = 10_000
VectorKind = Literal["auto", "flat", "ivf", "hnsw"]  # what build_index's vector_kind may be
KINDS: tuple[VectorKind, ...] = get_args(VectorKind)
TARGET_RECALL = 0.95  # on calibration queries harder than real questions (see calibrate)
CALIBRATION_QUERIES = 300
NPROBE_CHOICES = (8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 80, 96
ADD_BLOCK = 20_000
TRAINING_POINTS_PER_CELL = 64  # k-means sample: enough for stable cells, minutes less than all


class VectorStore(Protocol):
    """Inner-product search over unit vectors."""

    kind: str

    def __len__(self) -> int:
        """Number of stored vectors."""
        ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, ids) for each query row; ids are -1 where fewer exist."""
        ...

    def save(self, path: Path) -> None:
        """Write the store to ``path`` (a single file)."""
        ...

    def describe(self) -> dict:
        """Type and parameters, recorded in the index manifest."""
        ...


def check_kind(kind: object) -> None:
    """Raise SettingsError unless ``kind`` is one of KINDS."""
    if kind not in KINDS:
        raise SettingsError(f"vector_kind must be one of {', '.join(KINDS)}, not {kind!r}")


def choose_kind(n: int, exact_max: int = EXACT_MAX_VECTORS) -> VectorKind:
    """The index type for ``n`` vectors: flat up to ``exact_max``, else ivf."""
    return "flat" if n <= exact_max else "ivf"


def ivf_cells(n: int) -> int:
    """Number of k-means cells for ``n`` vectors: about 4 sqrt(n), a power of two."""
    return int(2 ** round(math.log2(max(1.0, 4 * math.sqrt(n)))))


def recall_at_k(found: np.ndarray, exact: np.ndarray) -> float:
    """Mean share of each row of ``exact`` ids that the same row of ``found`` contains."""
    hits = sum(len(set(f[f >= 0].tolist()) & set(e[e >= 0].tolist())) for f, e in zip(found, exact))
    return hits / max(1, int((exact >= 0).sum()))


def _add(index, vectors: np.ndarray, progress: bool) -> None:
    """Add ``vectors`` in blocks, with a progress bar (rate, time left) when asked."""
    from tqdm.auto import tqdm

    with tqdm(total=len(vectors), unit="vec", desc="vector index", disable=not progress or len(vectors) <= ADD_BLOCK) as bar:
        for start in range(0, len(vectors), ADD_BLOCK):
            block = np.ascontiguousarray(vectors[start : start + ADD_BLOCK], dtype=np.float32)
            index.add(block)
            bar.update(len(block))


class FaissStore:
    """FAISS index: exact (flat) for small collections, IVF (or HNSW) for large ones."""

    def __init__(self, index, kind: str, calibration: dict | None = None) -> None:
        self._index = index
        self.kind = kind
        self.calibration = calibration or {}

    @classmethod
    def build(
        cls, vectors: np.ndarray, kind: str = "auto", *, exact_max: int = EXACT_MAX_VECTORS, progress: bool = False, seed: int = 0
    ) -> "FaissStore":
        """Index ``vectors`` (n, d) unit rows; ``kind`` is one of KINDS (auto: by size)."""
        import faiss

        check_kind(kind)
        n, dim = vectors.shape
        kind = choose_kind(n, exact_max) if kind == "auto" else kind
        index: faiss.Index
        if kind == "flat":
            index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            hnsw = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            hnsw.hnsw.efSearch = HNSW_EF_SEARCH
            index = hnsw
        else:
            cells = min(ivf_cells(n), max(1, n // 39))  # FAISS wants >= 39 training points per cell
            ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
            ivf.cp.seed = seed
            index = ivf
            rng = np.random.default_rng(seed)
            sample = np.sort(rng.choice(n, size=min(n, cells * TRAINING_POINTS_PER_CELL), replace=False))
            index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        if n:
            _add(index, vectors, progress)
        store = cls(index, kind)
        if kind == "ivf" and n:
            store.calibrate(vectors, seed=seed)
        return store

    def calibrate(self, vectors: np.ndarray, *, seed: int = 0, target: float = TARGET_RECALL) -> None:
        """Set nprobe to the smallest choice whose recall@10 on calibration queries reaches ``target``.

        Each calibration query is the normalised sum of three random stored vectors: it sits
        between clusters, which makes it harder for an inverted file than real questions
        (measured on SQuAD questions against 100k and 1M embedding-like vectors). Recall is
        measured against exact search over all of ``vectors``.
        """
        import faiss

        rng = np.random.default_rng(seed + 1)
        picks = rng.integers(len(vectors), size=(CALIBRATION_QUERIES, 3))
        queries = sum(np.asarray(vectors[picks[:, j]], dtype=np.float32) for j in range(3))
        queries = np.ascontiguousarray(queries / np.linalg.norm(queries, axis=1, keepdims=True), dtype=np.float32)
        _, truth = faiss.knn(queries, np.ascontiguousarray(vectors, dtype=np.float32), 10, faiss.METRIC_INNER_PRODUCT)
        ivf = faiss.extract_index_ivf(self._index)
        for nprobe in [p for p in NPROBE_CHOICES if p < ivf.nlist] + [ivf.nlist]:
            ivf.nprobe = nprobe
            recall = recall_at_k(self._index.search(queries, 10)[1], truth)
            if recall >= target:
                break
        self.calibration = {"calibration_recall_at_10": round(recall, 4), "calibration_queries": len(queries)}

    @classmethod
    def load(cls, path: Path, kind: str) -> "FaissStore":
        """Read a store written by ``save`` (search parameters included); raises IndexCorruptError if unreadable."""
        import faiss

        try:
            index = faiss.read_index(str(path))
        except Exception as exc:  # FAISS raises RuntimeError with C++ text on bad files
            raise IndexCorruptError(f"cannot read vector index {path}: {str(exc).splitlines()[0]}") from exc
        return cls(index, kind)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, ids) per query row."""
        k = max(1, min(k, len(self)))
        scores, ids = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return scores, ids

    def save(self, path: Path) -> None:
        """Write the FAISS index to one file."""
        import faiss

        faiss.write_index(self._index, str(path))

    def describe(self) -> dict:
        """Type and parameters for the manifest."""
        info = {"backend": "faiss", "kind": self.kind, "count": len(self), "dimension": int(self._index.d)}
        if self.kind == "hnsw":
            info.update(M=HNSW_M, efConstruction=HNSW_EF_CONSTRUCTION, efSearch=int(self._index.hnsw.efSearch))
        elif self.kind == "ivf":
            import faiss

            ivf = faiss.extract_index_ivf(self._index)
            info.update(nlist=int(ivf.nlist), nprobe=int(ivf.nprobe), **self.calibration)
        return info
