"""The vector store behind a small interface, with a FAISS implementation.

Only this module touches FAISS. Another backend (a distributed one, say) implements
``VectorStore`` and registers a loader in ``STORES``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import IndexCorruptError

# Below this many vectors exact search is fast enough (well under a millisecond per
# thousand vectors); above it an approximate index is used.
EXACT_MAX_VECTORS = 50_000


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


class FaissStore:
    """FAISS index: exact (flat) for small collections, HNSW for large ones."""

    def __init__(self, index, kind: str) -> None:
        self._index = index
        self.kind = kind

    @classmethod
    def build(cls, vectors: np.ndarray, kind: str = "auto") -> "FaissStore":
        """Index ``vectors`` (n, d) float32; ``kind`` is flat, hnsw or auto (by size)."""
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = vectors.shape
        if kind == "auto":
            kind = "flat" if n <= EXACT_MAX_VECTORS else "hnsw"
        if kind == "flat":
            index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 96
        else:
            raise ValueError(f"unknown vector index kind {kind!r} (flat, hnsw or auto)")
        if n:
            index.add(vectors)
        return cls(index, kind)

    @classmethod
    def load(cls, path: Path, kind: str) -> "FaissStore":
        """Read a store written by ``save``; raises IndexCorruptError if unreadable."""
        import faiss

        try:
            index = faiss.read_index(str(path))
        except Exception as exc:  # FAISS raises RuntimeError with C++ text on bad files
            raise IndexCorruptError(f"cannot read vector index {path}: {str(exc).splitlines()[0]}") from exc
        if kind == "hnsw":
            index.hnsw.efSearch = 96
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
            info.update(M=32, efConstruction=80, efSearch=int(self._index.hnsw.efSearch))
        return info
