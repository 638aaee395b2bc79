"""The question encoder without torch: an ONNX export of the model, run by onnxruntime.

The export is made once per model weights (by ``rag build``, or on first need) from the
same weights the passages were embedded with: the MiniLM transformer followed by mean
pooling and L2 normalisation, traced with ``torch.onnx.export``. Every index built with
those weights shares it, in the user's cache (``RAG_CACHE_DIR``, default
``$XDG_CACHE_HOME/rag-quotes``, else ``~/.cache/rag-quotes``)::

    onnx/<first 16 hex of the weights sha256>-v<EXPORT_FORMAT>/
      model.onnx          float32, attention and layer norms fused: the product's question encoder
      model-int8.onnx     dynamically int8-quantised (per channel), for comparison
      tokenizer.json      the model's word-piece tokenizer
      export.json         source model and weights sha256, each file's sha256, probe cosines

Answering needs only onnxruntime and ``tokenizers``: no torch, transformers or
sentence-transformers import. Each file's sha256 is checked against ``export.json``; a
check that passed is remembered (``verified.json``, keyed by size, mtime and inode) so a
fresh process does not re-read 90 MB to start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from .embedding import file_sha256, no_loading_bar, read_max_seq_length, resolve_model_dir, verified_weights_sha256
from .errors import IndexCorruptError, RagError
from .types import StrPath

ONNX_DIR = "onnx"
CACHE_ENV = "RAG_CACHE_DIR"
THREADS_ENV = "RAG_ENCODER_THREADS"
# A question is a dozen tokens: two threads cut its encode by about 40% on the 2-core
# development machine (results are bitwise the same as on one); more were not measured.
MAX_DEFAULT_THREADS = 2
EXPORT_FILE = "export.json"
VERIFIED_FILE = "verified.json"
TOKENIZER_FILE = "tokenizer.json"
VARIANT_FILES = {"fp32": "model.onnx", "int8": "model-int8.onnx"}
DEFAULT_VARIANT = "fp32"
# 2: model.onnx has BERT's attention, GELU and layer norms fused into single operators
# (onnxruntime's transformer optimizer): the same numbers, about 10% less time a question.
EXPORT_FORMAT = 2
# fp32 must reproduce the reference encoder; anything below this is a broken export.
MIN_FP32_COSINE = 0.9999
_PROBE_TEXTS = (
    "Who wrote the blog post?",
    "What did the company say about the pause, and why does it matter for safety research?",
    "A short one.",
    "The recommendation was set out in a blog post by two researchers, who argued that "
    "frontier laboratories should coordinate before training systems that can improve themselves.",
)

log = logging.getLogger(__name__)


def cache_root() -> Path:
    """The user's cache folder for this package: ``RAG_CACHE_DIR``, else ``$XDG_CACHE_HOME/rag-quotes``, else ``~/.cache/rag-quotes``."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rag-quotes"


def encoder_threads() -> int:
    """Threads for one encode: ``RAG_ENCODER_THREADS``, else up to 2 of the machine's cores.

    A server answering several questions at once should set 1 (``app.py`` does): threads
    of concurrent encodes would only contend for the same cores.
    """
    configured = os.environ.get(THREADS_ENV, "").strip()
    if not configured:
        return min(MAX_DEFAULT_THREADS, os.cpu_count() or 1)
    if not configured.isdecimal() or int(configured) < 1:  # isdigit() would pass "²", which int() refuses
        raise RagError(f"{THREADS_ENV}={configured!r} must be a whole number of at least 1")
    return int(configured)


def export_folder(weights_sha256: str) -> Path:
    """Where the export of the weights with ``weights_sha256`` lives (under ``cache_root()``)."""
    return cache_root() / ONNX_DIR / f"{weights_sha256[:16]}-v{EXPORT_FORMAT}"


@dataclass(frozen=True)
class ExportInfo:
    """What ``export.json`` records about one export."""

    model_name: str
    weights_sha256: str
    dimension: int
    max_seq_length: int
    files: dict[str, str]
    probe_cosine: dict[str, float]

    @classmethod
    def read(cls, folder: Path) -> ExportInfo:
        """Read ``export.json`` in ``folder``; raises IndexCorruptError if unreadable."""
        path = folder / EXPORT_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != EXPORT_FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {EXPORT_FORMAT}")
            return cls(**{name: data[name] for name in cls.__dataclass_fields__})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexCorruptError(f"the ONNX export record {path} is unreadable ({exc}); delete {folder} to re-export") from exc


def _verified_sha256(folder: Path, name: str) -> str:
    """sha256 of ``folder/name``, re-hashed only when its size, mtime or inode changed."""
    path = folder / name
    stat = path.stat()
    stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
    record_path = folder / VERIFIED_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    entry = record.get(name)
    if isinstance(entry, dict) and entry.get("stamp") == stamp:
        return str(entry.get("sha256"))
    digest = file_sha256(path)
    record[name] = {"stamp": stamp, "sha256": digest}
    tmp = record_path.with_name(f".{VERIFIED_FILE}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, record_path)
    except OSError:  # a read-only cache: verify again next time
        tmp.unlink(missing_ok=True)
    return digest


class OnnxEncoder:
    """Encodes texts with an ONNX export of the embedding model (onnxruntime, no torch).

    >>> encoder = OnnxEncoder(ensure_export("index"))  # doctest: +SKIP
    >>> encoder.encode(["Who wrote the blog post?"]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(self, folder: StrPath, variant: str = DEFAULT_VARIANT, *, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        if variant not in VARIANT_FILES:
            raise ValueError(f"unknown ONNX variant {variant!r} ({', '.join(VARIANT_FILES)})")
        self.folder = Path(folder)
        self.variant = variant
        info = ExportInfo.read(self.folder)
        model_file = VARIANT_FILES[variant]
        for name in (model_file, TOKENIZER_FILE):
            if name not in info.files or not (self.folder / name).is_file():
                raise IndexCorruptError(f"the ONNX export in {self.folder} has no {name}; delete the folder to re-export")
            if _verified_sha256(self.folder, name) != info.files[name]:
                raise IndexCorruptError(f"{self.folder / name} does not match its recorded sha256; delete {self.folder} to re-export")
        self.model_name = info.model_name
        self.weights_sha256 = info.weights_sha256
        self.dimension = int(info.dimension)
        self.max_seq_length = int(info.max_seq_length)
        self._tokenizer = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=self.max_seq_length)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        self.threads = threads or encoder_threads()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(str(self.folder / model_file), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode ``texts`` to unit vectors (float32), ``batch_size`` at a time."""
        if len(texts) <= batch_size:
            return self._run(list(texts)) if texts else np.zeros((0, self.dimension), dtype=np.float32)
        from tqdm.auto import tqdm

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([len(t) for t in texts], kind="stable")  # similar lengths pad less
        with tqdm(total=len(texts), unit="text", desc="embedding", disable=not progress) as bar:
            for start in range(0, len(texts), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self._run([texts[i] for i in rows])
                bar.update(len(rows))
        return out

    def whole_words(self) -> frozenset[str]:
        """The words the model's tokenizer knows whole (its common English words)."""
        from .spelling import whole_words

        return whole_words(self._tokenizer.get_vocab())

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        }
        return self._session.run(None, feeds)[0]


def _index_error(index_dir: Path, **checks: str) -> RagError:
    """The error loading the index in ``index_dir`` raises (with its rebuild hint)."""
    from .index import load_index

    try:
        load_index(index_dir, verify_files=False, **checks)
    except RagError as exc:
        return exc
    return IndexCorruptError(f"cannot read the manifest of the index in {index_dir}")


def indexed_model(index_dir: StrPath) -> tuple[str, str]:
    """(model name, weights sha256) the live index in ``index_dir`` was built with.

    Reads only ``CURRENT`` and the manifest; raises the index's own error otherwise.
    """
    from .index import MANIFEST_FILE, current_build_name

    index_dir = Path(index_dir)
    build = current_build_name(index_dir)
    if build is None:
        raise _index_error(index_dir)
    try:
        model = json.loads((index_dir / build / MANIFEST_FILE).read_text(encoding="utf-8"))["model"]
        name, sha = model["name"], model["weights_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        raise _index_error(index_dir) from None
    if not (isinstance(name, str) and isinstance(sha, str) and len(sha) == 64):
        raise _index_error(index_dir)
    return name, sha


def ensure_export(index_dir: StrPath) -> Path:
    """Folder of the ONNX export of the model the index was built with, exported if missing.

    Exporting needs torch and the installed model, whose weights must be the index's
    (IndexMismatchError otherwise); reading an existing export needs neither.
    """
    name, sha = indexed_model(index_dir)
    folder = export_folder(sha)
    if not (folder / EXPORT_FILE).is_file():
        model_dir = resolve_model_dir(name)
        installed = verified_weights_sha256(model_dir, name)
        if installed != sha:
            raise _index_error(Path(index_dir), model_name=name, weights_sha256=installed)
        log.info("making the ONNX question encoder in %s (once for these model weights; about 20 s)", folder)
        export_onnx(model_dir, folder, model_name=name, weights_sha256=sha)
    return folder


def _pooled_module(model_dir: Path):
    """The transformer plus mean pooling and L2 normalisation, as one torch module."""
    import torch
    from transformers import AutoModel

    # Eager attention traces to plain MatMul/Softmax that onnxruntime fuses well.
    with no_loading_bar():
        transformer = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", local_files_only=True).eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return MeanPooled().eval()


def _fuse_transformer_operators(traced: Path, fused: Path, config) -> None:
    """Write ``traced`` with its BERT attention, GELU and layer norms fused, as ``fused``."""
    from onnxruntime.transformers.optimizer import optimize_model

    model = optimize_model(str(traced), model_type="bert", num_heads=config.num_attention_heads, hidden_size=config.hidden_size, opt_level=1)
    model.save_model_to_file(str(fused))


class _NoHandlerYet(logging.Handler):
    """Stands in on a root logger without handlers, so that the quantiser's ``logging.warning()``
    does not call ``basicConfig()`` and leave the program a root handler: a record no other
    handler sees goes to ``logging.lastResort``, as it would without this one."""

    def emit(self, record: logging.LogRecord) -> None:
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None:
            if any(handler is not self for handler in logger.handlers):
                return
            logger = logger.parent if logger.propagate else None
        if logging.lastResort is not None and record.levelno >= logging.lastResort.level:
            logging.lastResort.handle(record)


@contextlib.contextmanager
def _quiet_export_chatter() -> Iterator[None]:
    """Drop what the export libraries say while exporting (the tracer's warnings about
    shape-dependent branches, torch.onnx's notes, the quantiser's advice to pre-process the
    model, which it logs on the root logger), and only that: the rest of the program's
    warnings and log records pass as usual."""
    import onnxruntime
    from torch.jit import TracerWarning

    onnxruntime_code = str(Path(onnxruntime.__file__).parent)

    def not_onnxruntime(record: logging.LogRecord) -> bool:
        return not record.pathname.startswith(onnxruntime_code)

    stand_in = _NoHandlerYet() if not logging.root.handlers else None
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=TracerWarning)
        warnings.filterwarnings("ignore", module=r"torch\.onnx")
        warnings.filterwarnings("ignore", message="You are using the legacy TorchScript-based ONNX export", category=DeprecationWarning)
        if stand_in:
            logging.root.addHandler(stand_in)
        handlers = list(logging.root.handlers)  # filtered at the handlers: a logger's own filter misses
        for handler in handlers:  # what onnxruntime's named loggers ("fusion_base", ...) pass up
            handler.addFilter(not_onnxruntime)
        try:
            yield
        finally:
            for handler in handlers:
                handler.removeFilter(not_onnxruntime)
            if stand_in:
                logging.root.removeHandler(stand_in)


def export_onnx(model_dir: StrPath, folder: StrPath, *, model_name: str, weights_sha256: str) -> Path:
    """Export the model in ``model_dir`` to ``folder`` (fused fp32 and int8) and check it.

    The fp32 export must reproduce the torch model (cosine at least MIN_FP32_COSINE on
    probe texts) or RuntimeError is raised. The folder appears atomically; if another
    process finished the same export first, that one is kept.
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    model_dir, folder = Path(model_dir), Path(folder)
    if (folder / EXPORT_FILE).is_file():
        return folder
    staging = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}.tmp")
    staging.mkdir(parents=True)  # OSError on an unwritable cache: the caller falls back
    try:
        module = _pooled_module(model_dir)
        tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        sample = tokenizer.encode_batch(list(_PROBE_TEXTS[:2]))  # a padded batch: the mask is traced as an input
        traced = staging / "traced.onnx"
        with _quiet_export_chatter():
            torch.onnx.export(
                module,
                (torch.tensor([e.ids for e in sample]), torch.tensor([e.attention_mask for e in sample])),
                str(traced),
                dynamo=False,
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}},
                opset_version=17,
            )
            _fuse_transformer_operators(traced, staging / VARIANT_FILES["fp32"], module.transformer.config)
            quantize_dynamic(str(traced), str(staging / VARIANT_FILES["int8"]), weight_type=QuantType.QInt8, per_channel=True)
        traced.unlink()
        shutil.copyfile(model_dir / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        record: dict[str, Any] = {
            "format": EXPORT_FORMAT,
            "model_name": model_name,
            "weights_sha256": weights_sha256,
            "dimension": int(module.transformer.config.hidden_size),
            "max_seq_length": read_max_seq_length(model_dir),
            "files": {name: file_sha256(staging / name) for name in (*VARIANT_FILES.values(), TOKENIZER_FILE)},
            "probe_cosine": {},
        }
        (staging / EXPORT_FILE).write_text(json.dumps(record), encoding="utf-8")
        record["probe_cosine"] = _probe_cosines(staging, module)
        if record["probe_cosine"]["fp32"] < MIN_FP32_COSINE:
            raise RuntimeError(f"the ONNX export does not reproduce the model (cosine {record['probe_cosine']['fp32']:.5f})")
        record["exported_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        record["versions"] = {"torch": torch.__version__, "onnxruntime": version("onnxruntime")}
        (staging / EXPORT_FILE).write_text(json.dumps(record, indent=2), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:  # another process finished the same export first
            if not (folder / EXPORT_FILE).is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _probe_cosines(folder: Path, module) -> dict[str, float]:
    """Lowest cosine, over probe texts, between each exported variant and the torch module."""
    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    tokenizer.no_padding()
    with torch.no_grad():
        expected = np.concatenate([
            module(torch.tensor([e.ids]), torch.tensor([e.attention_mask])).numpy()
            for e in (tokenizer.encode(text) for text in _PROBE_TEXTS)
        ])
    cosines = {}
    for variant in VARIANT_FILES:
        vectors = OnnxEncoder(folder, variant).encode(list(_PROBE_TEXTS))
        cosines[variant] = round(float((vectors * expected).sum(axis=1).min()), 6)
    return cosines
