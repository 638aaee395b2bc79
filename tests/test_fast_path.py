"""The fast query path (ONNX question encoder, lazy imports) answers exactly like the
reference path (sentence-transformers on torch), never imports torch, and refuses a
tampered or mismatched export."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.answer import Answerer
from rag.embedding import ENCODER_ENV, SentenceTransformerEncoder, load_query_encoder
from rag.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, RagError
from rag.gold import load_gold
from rag.index import CURRENT_FILE, manifest_checksum
from rag.onnx_encoder import CACHE_ENV, EXPORT_FILE, THREADS_ENV, VARIANT_FILES, OnnxEncoder, encoder_threads, ensure_export
from rag.retrieve import Retriever

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
HEAVY = ("torch", "transformers", "sentence_transformers", "gradio")


@pytest.fixture(scope="module", autouse=True)
def onnx_cache(tmp_path_factory):
    """A private export cache, so this module makes (and checks) its own export."""
    path = tmp_path_factory.mktemp("onnx-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(path))
    patch.delenv(ENCODER_ENV, raising=False)
    yield path
    patch.undo()


@pytest.fixture(scope="module")
def fast_encoder(index_dir, onnx_cache):
    """The query encoder `rag ask` uses by default."""
    return load_query_encoder(index_dir)


@pytest.fixture(scope="module")
def fast_answerer(index_dir, fast_encoder, answerer):
    """An answerer on the fast path with the reference answerer's settings."""
    return Answerer(Retriever.load(index_dir, encoder=fast_encoder), answerer.settings, answerer.answerability)


def comparable(result) -> tuple:
    """Everything a user sees of an answer, except scores' last digits and timings."""
    return (
        result.abstained,
        result.answer,
        [(q.doc_id, q.start, q.end, q.text, q.also_in) for q in result.quotes],
        [(p.doc_id, p.start, p.end) for p in result.passages],
    )


def test_the_default_query_encoder_is_the_fp32_onnx_export_of_the_index_model(fast_encoder, encoder, onnx_cache):
    assert isinstance(fast_encoder, OnnxEncoder)
    assert fast_encoder.variant == "fp32"
    assert (fast_encoder.model_name, fast_encoder.weights_sha256, fast_encoder.dimension) == (encoder.model_name, encoder.weights_sha256, encoder.dimension)
    assert fast_encoder.folder.parent.parent == onnx_cache
    record = json.loads((fast_encoder.folder / EXPORT_FILE).read_text(encoding="utf-8"))
    assert record["weights_sha256"] == encoder.weights_sha256
    assert record["probe_cosine"]["fp32"] >= 0.9999


def test_onnx_vectors_equal_the_reference_vectors(fast_encoder, encoder, corpus_dir):
    long_text = next(iter(sorted(corpus_dir.glob("*.txt")))).read_text(encoding="utf-8")  # far over 256 word pieces
    texts = [q.question for q in load_gold(GOLD)] + [long_text, "a", "Anthropic — “pause” (2026)?"]
    expected = encoder.encode(texts)
    one_by_one = np.concatenate([fast_encoder.encode([t]) for t in texts])
    batched = fast_encoder.encode(texts, batch_size=16)  # padded batches, sorted by length
    assert np.linalg.norm(one_by_one, axis=1) == pytest.approx(1.0, abs=1e-5)
    assert (one_by_one * expected).sum(axis=1).min() >= 0.9999
    assert (batched * expected).sum(axis=1).min() >= 0.9999


def test_fast_path_gives_the_reference_answers_on_the_whole_gold_set(fast_answerer, answerer):
    questions = load_gold(GOLD)
    differing = []
    for question in questions:
        fast, reference = fast_answerer.answer(question.question), answerer.answer(question.question)
        if comparable(fast) != comparable(reference) or abs(fast.answerability - reference.answerability) > 1e-4:
            differing.append(question.id)
    assert len(questions) >= 90
    assert differing == []


def test_rag_ask_imports_neither_torch_nor_gradio(index_dir, fast_encoder):
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "--index", str(index_dir), "--json", "Who wrote the blog post?"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, flags=re.MULTILINE))
    assert "onnxruntime" in imported and "rag.onnx_encoder" in imported
    assert sorted(m for m in imported if m.split(".")[0] in HEAVY) == []
    assert json.loads(done.stdout)["quotes"]


def test_a_tampered_export_is_refused(fast_encoder, tmp_path):
    copy = tmp_path / "export"
    shutil.copytree(fast_encoder.folder, copy)
    model = copy / VARIANT_FILES["fp32"]
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="sha256"):
        OnnxEncoder(copy)
    OnnxEncoder(fast_encoder.folder, "int8")  # the untouched export still loads


def test_rag_encoder_forces_the_choice(index_dir, fast_encoder, monkeypatch):
    monkeypatch.setenv(ENCODER_ENV, "onnx-int8")
    quantised = load_query_encoder(index_dir)
    assert isinstance(quantised, OnnxEncoder) and quantised.variant == "int8"
    assert quantised.weights_sha256 == fast_encoder.weights_sha256
    monkeypatch.setenv(ENCODER_ENV, "torch")
    assert isinstance(load_query_encoder(index_dir), SentenceTransformerEncoder)
    monkeypatch.setenv(ENCODER_ENV, "tensorflow")
    with pytest.raises(RagError, match="torch"):
        load_query_encoder(index_dir)


def test_the_encoder_thread_count_does_not_change_a_vector(fast_encoder):
    questions = [q.question for q in load_gold(GOLD)]
    one, two = OnnxEncoder(fast_encoder.folder, threads=1), OnnxEncoder(fast_encoder.folder, threads=2)
    for question in questions:
        assert np.array_equal(one.encode([question]), two.encode([question])), question


def test_rag_encoder_threads_sets_the_threads(fast_encoder, monkeypatch):
    monkeypatch.setenv(THREADS_ENV, "1")
    assert OnnxEncoder(fast_encoder.folder).threads == 1
    monkeypatch.delenv(THREADS_ENV)
    assert OnnxEncoder(fast_encoder.folder).threads == min(2, os.cpu_count() or 1)
    for bad in ("0", "two", "-1", "²"):  # "²" is a digit to str.isdigit, not to int()
        monkeypatch.setenv(THREADS_ENV, bad)
        with pytest.raises(RagError, match=THREADS_ENV):
            encoder_threads()


def _copy_live_build(index_dir: Path, target: Path) -> Path:
    build = (index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
    shutil.copytree(index_dir / build, target / build)
    (target / CURRENT_FILE).write_text(build + "\n", encoding="utf-8")
    return target / build


def test_an_index_built_with_other_weights_gets_no_export(index_dir, tmp_path, fast_encoder):
    build = _copy_live_build(index_dir, tmp_path / "index")
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    manifest["model"]["weights_sha256"] = "0" * 64
    (build / "manifest.json").write_text(json.dumps({**manifest, "checksum": manifest_checksum(manifest)}), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="other weights"):
        ensure_export(tmp_path / "index")


def test_a_missing_index_is_reported_as_missing(tmp_path):
    with pytest.raises(IndexMissingError, match="rag build"):
        load_query_encoder(tmp_path / "nothing-here")


@pytest.mark.timeout(300)
def test_a_library_build_makes_the_question_encoder_so_the_first_load_does_not(tmp_path, corpus_dir, monkeypatch, caplog):
    """build_index with the default encoder leaves the ONNX export in the cache, as `rag build` does,
    and logs that it is making it (the 20 s wait is not silent)."""
    from rag.build import build_index
    from rag.index import load_index
    from rag.onnx_encoder import export_folder

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "fresh-cache"))
    (tmp_path / "corpus").mkdir()
    shutil.copyfile(corpus_dir / "000_1eb8a4053cc42a55.txt", tmp_path / "corpus" / "000_1eb8a4053cc42a55.txt")
    with caplog.at_level("INFO", logger="rag"):
        build_index(tmp_path / "corpus", tmp_path / "index")
    assert any(m.startswith(f"making the ONNX question encoder in {tmp_path / 'fresh-cache'}") for m in caplog.messages)
    weights = load_index(tmp_path / "index").manifest["model"]["weights_sha256"]
    assert (export_folder(weights) / EXPORT_FILE).is_file()
