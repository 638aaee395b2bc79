"""Incremental builds: adding an article embeds and splits only its text, rebuilding an
unchanged corpus embeds nothing, and the result equals a full build; the manifest
records the vector index type."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import rag.segmentation
from rag.documents import LoadReport, sha256_text
from rag.build import BuildReport, build_index
from rag.embedding_cache import context_windows
from rag.index import CACHE_FILE, CorpusIndex, load_index, manifest_checksum
from rag.text import split_sentences
from rag.types import Document
from rag.vectorstore import EXACT_MAX_VECTORS, TARGET_RECALL


@dataclass(frozen=True)
class IncrementalRun:
    """An index built without the last article, then with it, then again unchanged."""

    index_dir: Path
    corpus_dir: Path
    added: str
    before: CorpusIndex
    first: BuildReport
    second: BuildReport
    third: BuildReport
    told: dict[str, list[tuple[int, int]]]  # what the second and third builds told ``on_embedded``


@pytest.fixture(scope="module")
def incremental(tmp_path_factory, corpus_dir, encoder) -> IncrementalRun:
    """Build the bundled corpus minus one article, add the article, rebuild unchanged."""
    root = tmp_path_factory.mktemp("incremental")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    articles = sorted(corpus_dir.glob("*.txt"))
    for article in articles[:-1]:
        shutil.copy(article, corpus / article.name)
    first = build_index(corpus, index, encoder=encoder, progress=False)
    before = load_index(index)
    shutil.copy(articles[-1], corpus / articles[-1].name)
    told: dict[str, list[tuple[int, int]]] = {"second": [], "third": []}
    second = build_index(corpus, index, encoder=encoder, progress=False, on_embedded=lambda *done: told["second"].append(done))
    third = build_index(corpus, index, encoder=encoder, progress=False, on_embedded=lambda *done: told["third"].append(done))
    return IncrementalRun(index, corpus, articles[-1].stem, before, first, second, third, told)


def texts_of(index: CorpusIndex) -> set[str]:
    """Every text a build embeds: sentences, chunks and each sentence read after the one before it."""
    return {s.text for s in index.sentences} | {c.text for c in index.chunks} | set(windows_of(index).values())


def windows_of(index: CorpusIndex) -> dict[int, str]:
    """The context windows a build of ``index``'s articles embeds (the bundled sentences all fit the model)."""
    return context_windows(index.documents, index.sentences, lambda window: True, index.leads, index.attributions)


def test_adding_an_article_embeds_only_its_new_texts(incremental, index_dir):
    full = load_index(index_dir)
    new_texts = texts_of(full) - texts_of(incremental.before)
    added_texts = {s.text for s in full.sentences if s.doc_id == incremental.added} | {c.text for c in full.chunks if c.doc_id == incremental.added}
    added_texts |= {window for sid, window in windows_of(full).items() if full.sentences[sid].doc_id == incremental.added}
    assert incremental.added not in incremental.before.documents
    assert new_texts and new_texts <= added_texts
    assert incremental.second.embedded == len(new_texts)
    assert incremental.second.reused == incremental.second.sentences + incremental.second.chunks + len(windows_of(full)) - len(new_texts)
    assert incremental.first.embedded > incremental.second.embedded


def test_a_build_tells_how_far_its_embedding_is_after_each_batch(incremental, index_dir):
    new_texts = texts_of(load_index(index_dir)) - texts_of(incremental.before)
    told = incremental.told["second"]
    assert told[-1] == (len(new_texts), len(new_texts)) and len(told) >= -(-len(new_texts) // 64)  # batches of at most 64
    assert [done for done, _ in told] == sorted({done for done, _ in told}) and {total for _, total in told} == {len(new_texts)}
    assert incremental.told["third"] == []  # nothing to embed: nothing to tell


def test_a_sentence_an_article_repeats_is_embedded_and_counted_once(tmp_path, encoder):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    refrain = "Read the council's full statement on its website."
    (corpus / "budget.txt").write_text(f"The council passed its budget on Monday. {refrain}\n\nThe vote was eight to three. {refrain}\n", encoding="utf-8")
    told: list[tuple[int, int]] = []
    report = build_index(corpus, tmp_path / "index", encoder=encoder, progress=False, on_embedded=lambda *done: told.append(done))
    index = load_index(tmp_path / "index")
    assert [s.text for s in index.sentences].count(refrain) == 2
    assert report.embedded == told[-1][0] == told[-1][1] == len(texts_of(index))  # each distinct text once, as the progress said
    assert report.reused == report.sentences + report.chunks + len(windows_of(index)) - report.embedded


def test_a_build_says_which_articles_changed_since_the_one_before(incremental, tmp_path, encoder):
    assert incremental.first.changes == {}  # a first build
    assert incremental.second.changes == {"added": [incremental.added], "changed": [], "removed": []}
    assert f"articles since the last build: 1 added ({incremental.added})" in incremental.second.summary()
    assert incremental.third.changes == {"added": [], "changed": [], "removed": []}
    assert "none added, changed or removed" in incremental.third.summary()
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(incremental.corpus_dir, corpus)
    shutil.copytree(incremental.index_dir, index)
    first, *_, last = sorted(corpus.glob("*.txt"))
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    last.unlink()
    changes = build_index(corpus, index, encoder=encoder, progress=False).changes
    assert changes == {"added": [], "changed": [first.stem], "removed": [last.stem]}
    first.rename(first.with_suffix(".md"))  # same text, read as Markdown: as `rag ask`'s corpus check says, it changed
    assert build_index(corpus, index, encoder=encoder, progress=False).changes == {"added": [], "changed": [first.stem], "removed": []}


def test_rebuilding_an_unchanged_corpus_embeds_nothing(incremental):
    assert incremental.third.embedded == 0
    assert incremental.third.reused == incremental.third.sentences + incremental.third.chunks + len(windows_of(load_index(incremental.index_dir)))
    assert (incremental.index_dir / CACHE_FILE).is_file()


def test_rebuilding_an_unchanged_corpus_never_loads_torch(index_dir, corpus_dir, tmp_path):
    # Every vector comes from the embedding cache, so the model (and torch with it) stays
    # unloaded: a fresh process rebuilds in about a second instead of ten.
    shutil.copytree(index_dir, tmp_path / "index")
    script = (
        "import json, sys; from rag.build import build_index; "
        "report = build_index(sys.argv[1], sys.argv[2], progress=False); "
        "print(json.dumps({'embedded': report.embedded, 'loaded': sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules)}))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(corpus_dir), str(tmp_path / "index")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {"embedded": 0, "loaded": []}
    assert load_index(tmp_path / "index").sentences == load_index(index_dir).sentences


def test_the_incremental_build_equals_a_full_build(incremental, index_dir):
    full, grown = load_index(index_dir), load_index(incremental.index_dir)
    assert grown.manifest["documents"] == full.manifest["documents"]
    assert grown.manifest["counts"] == full.manifest["counts"]
    assert grown.manifest["vector_index"] == full.manifest["vector_index"]
    assert {d.doc_id: (d.title, d.text, d.sha256) for d in grown.documents.values()} == {d.doc_id: (d.title, d.text, d.sha256) for d in full.documents.values()}
    assert grown.sentences == full.sentences
    assert grown.chunks == full.chunks
    np.testing.assert_allclose(grown.sentence_vectors, full.sentence_vectors, atol=1e-5)
    queries = full.sentence_vectors[:: max(1, len(full.sentence_vectors) // 40)]
    full_scores, full_ids = full.chunk_store.search(queries, 10)
    grown_scores, grown_ids = grown.chunk_store.search(queries, 10)
    np.testing.assert_allclose(grown_scores, full_scores, atol=1e-5)
    agreeing = (grown_ids == full_ids) | np.isclose(grown_scores, full_scores, atol=1e-5)  # ties may swap
    assert agreeing.all()


@pytest.fixture
def split_articles(monkeypatch) -> list[str]:
    """The ids of the articles a build runs the sentence splitter on (the real splitter runs)."""
    split: list[str] = []
    real = rag.segmentation.split_sentences

    def recording(doc_id: str, text: str):
        split.append(doc_id)
        return real(doc_id, text)

    monkeypatch.setattr(rag.segmentation, "split_sentences", recording)
    return split


def grown_copy(incremental: IncrementalRun, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the incremental run's corpus and index to change."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(incremental.corpus_dir, corpus)
    shutil.copytree(incremental.index_dir, index)
    return corpus, index


def test_a_build_splits_only_the_articles_that_are_new_or_changed(incremental, tmp_path, encoder, split_articles):
    corpus, index = grown_copy(incremental, tmp_path)
    articles = sorted(corpus.glob("*.txt"))
    changed = articles[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRegulators in Brussels said they would study the proposal.\n", encoding="utf-8")
    (corpus / "zz_new.txt").write_text("Pause talks stall\n\nNo lab has agreed to the pause so far. Talks continue next month.\n", encoding="utf-8")
    build_index(corpus, index, encoder=encoder, progress=False)
    assert sorted(split_articles) == sorted([changed.stem, "zz_new"])
    grown = load_index(index)
    assert grown.documents["zz_new"].title == "Pause talks stall"
    assert any(s.text == "No lab has agreed to the pause so far." for s in grown.sentences)
    assert any(s.doc_id == changed.stem and s.text.startswith("Regulators in Brussels") for s in grown.sentences)

    fresh = tmp_path / "fresh-index"
    fresh.mkdir()
    shutil.copy(index / CACHE_FILE, fresh / CACHE_FILE)
    build_index(corpus, fresh, encoder=encoder, progress=False)
    full = load_index(fresh)
    assert grown.sentences == full.sentences and grown.chunks == full.chunks
    assert {d: doc.title for d, doc in grown.documents.items()} == {d: doc.title for d, doc in full.documents.items()}


def test_a_build_splits_everything_again_when_the_splitting_code_changed_or_the_store_is_damaged(incremental, tmp_path, encoder, split_articles):
    corpus, index = grown_copy(incremental, tmp_path)
    build = index / (index / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    manifest["segmentation"] = "made-by-other-code"
    (build / "manifest.json").write_text(json.dumps({**manifest, "checksum": manifest_checksum(manifest)}), encoding="utf-8")
    build_index(corpus, index, encoder=encoder, progress=False)
    assert sorted(split_articles) == sorted(p.stem for p in corpus.glob("*.txt"))

    split_articles.clear()
    build = index / (index / "CURRENT").read_text(encoding="utf-8").strip()
    store = json.loads((build / "store.json").read_text(encoding="utf-8"))
    store["sentences"] = [[d, s + 1, e, k] for d, s, e, k in store["sentences"]]  # offsets shifted: must not be trusted
    (build / "store.json").write_text(json.dumps(store), encoding="utf-8")
    build_index(corpus, index, encoder=encoder, progress=False)
    assert sorted(split_articles) == sorted(p.stem for p in corpus.glob("*.txt"))
    assert load_index(index).sentences == load_index(incremental.index_dir).sentences


def test_the_splitting_fingerprint_covers_every_module_that_splits_or_titles():
    """A change to any of them must make the next build split every article again."""
    fingerprinted = {Path(module.__file__).name for module in rag.segmentation.SPLITTING_CODE}
    data_only = {"types.py", "errors.py"}  # data classes and exceptions: no splitting rule lives there
    for name in fingerprinted:
        source = (Path(rag.segmentation.__file__).parent / name).read_text(encoding="utf-8")
        imported = {f"{node.module}.py" for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
        assert imported - data_only <= fingerprinted, (name, imported - data_only - fingerprinted)


ARTICLE = "Harbour reopens after repairs\n\nThe harbour reopened on Monday after six weeks of repairs. Ferries resumed at noon.\n"


def given(doc_id: str, title: str, text: str = ARTICLE) -> Document:
    """A document handed to ``build_index`` by a caller (as the BEIR runner does), with its own title."""
    return Document(doc_id=doc_id, title=title, text=text, sha256=sha256_text(text))


def test_documents_given_twice_with_one_text_are_split_once_and_rebuilds_stay_the_same(tmp_path, encoder):
    index = tmp_path / "index"
    documents = LoadReport([given("a", "A"), given("b", "B")])
    counts = [build_index(tmp_path, index, encoder=encoder, documents=documents, progress=False).sentences for _ in range(3)]
    assert counts[0] == counts[1] == counts[2] == 2 * len(split_sentences("a", ARTICLE))


def test_titles_given_by_a_caller_are_not_reused_for_articles_read_from_a_folder(tmp_path, encoder):
    index, corpus = tmp_path / "index", tmp_path / "corpus"
    build_index(tmp_path, index, encoder=encoder, documents=LoadReport([given("a", "A caller's own title")]), progress=False)
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    build_index(corpus, index, encoder=encoder, progress=False)
    assert load_index(index).documents["a"].title == "Harbour reopens after repairs"


def test_the_manifest_records_the_vector_index_chosen_by_size(index_dir):
    index = load_index(index_dir)
    described = index.manifest["vector_index"]
    assert len(index.chunks) <= EXACT_MAX_VECTORS
    assert described == {"backend": "faiss", "kind": "flat", "count": len(index.chunks), "dimension": index.sentence_vectors.shape[1]}
    assert index.chunk_store.kind == "flat"


def test_an_ivf_build_records_its_cells_and_calibration_and_reuses_every_vector(incremental, tmp_path, encoder):
    target = tmp_path / "ivf-index"
    target.mkdir()
    shutil.copy(incremental.index_dir / CACHE_FILE, target / CACHE_FILE)
    report = build_index(incremental.corpus_dir, target, encoder=encoder, vector_kind="ivf", progress=False)
    ivf, flat = load_index(target), load_index(incremental.index_dir)
    described = ivf.manifest["vector_index"]
    assert report.embedded == 0 and report.vector_index == "ivf"
    assert described["kind"] == "ivf" and ivf.chunk_store.kind == "ivf"
    assert {"nlist", "nprobe", "calibration_recall_at_10", "calibration_queries"} <= set(described)
    assert described["calibration_recall_at_10"] >= TARGET_RECALL
    assert described["nprobe"] == ivf.chunk_store.describe()["nprobe"]  # saved with the index
    queries = flat.sentence_vectors[::25]
    assert (ivf.chunk_store.search(queries, 5)[1] == flat.chunk_store.search(queries, 5)[1]).mean() >= 0.95
