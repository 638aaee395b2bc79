"""`rag eval beir DIR`: retrieval-only evaluation on a small BEIR folder the test writes."""

from __future__ import annotations

import json

import pytest

from rag.beir import load_beir, run_beir_eval
from rag.cli import build_parser
from rag.errors import CorpusError, RagError

CORPUS = [
    {"_id": "bees", "title": "How honeybees make honey", "text": "Worker bees collect nectar from flowers, store it in wax cells and fan it with their wings until the water evaporates and it thickens into honey."},
    {"_id": "volcano", "title": "Why volcanoes erupt", "text": "Magma rises because it is lighter than the surrounding rock; dissolved gases expand near the surface and blast the molten rock out of the crater."},
    {"_id": "tides", "title": "Ocean tides", "text": "The gravitational pull of the Moon, and to a lesser degree the Sun, raises two bulges of sea water, so most coasts see two high tides a day."},
    {"_id": "bread", "title": "Sourdough bread", "text": "A sourdough starter holds wild yeast and lactic acid bacteria; the yeast makes the dough rise and the bacteria give the bread its sour taste."},
    {"_id": "chess", "title": "The rules of chess", "text": "Each player starts with sixteen pieces; the game is won by checkmating the opposing king so that it cannot escape capture."},
    {"_id": "bees-2", "title": "", "text": "Beekeepers harvest honey by removing frames from the hive and spinning them in an extractor that flings the honey out of the comb."},
    {"_id": "empty", "title": "", "text": "   "},
]
QUERIES = [
    {"_id": "q1", "text": "how is honey made and harvested"},
    {"_id": "q2", "text": "what makes a volcano erupt"},
    {"_id": "q3", "text": "why are there two high tides every day"},
    {"_id": "q4", "text": "a query nobody judged"},
]
QRELS = "query-id\tcorpus-id\tscore\nq1\tbees\t1\nq1\tbees-2\t1\nq1\tbread\t0\nq2\tvolcano\t1\nq3\ttides\t2\n"


@pytest.fixture(scope="module")
def beir_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny-beir")
    (folder / "corpus.jsonl").write_text("".join(json.dumps(d) + "\n" for d in CORPUS), encoding="utf-8")
    (folder / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUERIES), encoding="utf-8")
    (folder / "qrels").mkdir()
    (folder / "qrels" / "test.tsv").write_text(QRELS, encoding="utf-8")
    return folder


def test_load_beir_reads_titles_queries_and_judgements(beir_folder):
    collection = load_beir(beir_folder)
    by_id = {d.doc_id: d for d in collection.documents}
    assert set(by_id) == {"bees", "volcano", "tides", "bread", "chess", "bees-2"}
    assert collection.skipped_documents == 1
    assert by_id["bees"].text.startswith("How honeybees make honey\n\nWorker bees")
    assert by_id["bees"].title == "How honeybees make honey"
    assert by_id["bees-2"].text == CORPUS[5]["text"]
    assert collection.queries["q3"] == "why are there two high tides every day"
    assert collection.qrels == {"q1": {"bees": 1, "bees-2": 1, "bread": 0}, "q2": {"volcano": 1}, "q3": {"tides": 2}}


def test_a_missing_split_is_named(beir_folder):
    with pytest.raises(CorpusError, match="dev.tsv is missing"):
        load_beir(beir_folder, split="dev")


def test_rag_eval_beir_reports_retrieval_metrics(beir_folder, encoder, tmp_path, capsys):
    args = build_parser().parse_args(["eval", "beir", str(beir_folder), "--out", str(tmp_path), "--name", "tiny", "--json"])
    assert run_beir_eval(args, encoder=encoder) == 0
    printed = json.loads(capsys.readouterr().out)
    metrics = printed["summary"]["all"]["retrieval"]["documents"]
    assert printed["counts"]["judged_queries"] == 3 and printed["counts"]["documents"] == 6
    # Each query names its topic plainly: the judged article must come first, and both honey
    # articles must be in the top 3 (recall@1 of q1 is 1/2: two relevant, one slot).
    assert metrics["mrr@10"] == pytest.approx(1.0)
    assert metrics["recall@1"] == pytest.approx((0.5 + 1 + 1) / 3)
    assert metrics["recall@3"] == pytest.approx(1.0)
    for name in ("tiny.json", "tiny.md", "tiny-recall.png"):
        assert (tmp_path / name).stat().st_size > 0
    assert not (tmp_path / "tiny-abstention.png").exists()
    report = json.loads((tmp_path / "tiny.json").read_text(encoding="utf-8"))
    assert report["summary"]["all"]["retrieval"]["documents"] == metrics
    assert "| recall@10" in (tmp_path / "tiny.md").read_text(encoding="utf-8")


def test_an_unwritable_report_folder_is_refused_before_anything_is_indexed(beir_folder, tmp_path):
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    args = build_parser().parse_args(["eval", "beir", str(beir_folder), "--out", str(tmp_path / "a-file"), "--build-dir", str(tmp_path / "index")])
    with pytest.raises(RagError, match="cannot write the reports to .*a-file is not a folder"):
        run_beir_eval(args)  # no encoder given: the refusal comes before the model would load
    assert not (tmp_path / "index").exists()


def test_records_with_a_repeated_id_are_skipped_with_a_warning_naming_each(tmp_path, encoder, capsys):
    folder = tmp_path / "dup"
    (folder / "qrels").mkdir(parents=True)
    corpus = [CORPUS[0], CORPUS[1], CORPUS[0] | {"title": "Bananas", "text": "Completely different text about bananas."}, CORPUS[2]]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(d) + "\n" for d in corpus), encoding="utf-8")
    (folder / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in [*QUERIES, QUERIES[0] | {"text": "bananas"}]), encoding="utf-8")
    (folder / "qrels" / "test.tsv").write_text(QRELS, encoding="utf-8")
    collection = load_beir(folder)
    assert [d.doc_id for d in collection.documents] == ["bees", "volcano", "tides"]
    assert next(d for d in collection.documents if d.doc_id == "bees").title == CORPUS[0]["title"]  # the first record is kept
    assert collection.queries["q1"] == QUERIES[0]["text"]
    args = build_parser().parse_args(["eval", "beir", str(folder), "--out", str(tmp_path / "out"), "--build-dir", str(tmp_path / "index"), "--json"])
    assert run_beir_eval(args, encoder=encoder) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [
        f"warning: skipped {folder / 'corpus.jsonl'} line 3: same _id 'bees' as line 1",
        f"warning: skipped {folder / 'queries.jsonl'} line 5: same _id 'q1' as line 1",
    ]
    from rag.index import load_index

    index = load_index(tmp_path / "index")
    assert all(s.text == index.documents[s.doc_id].text[s.start:s.end] for s in index.sentences)
    assert "bananas" not in " ".join(s.text for s in index.sentences).lower()


def test_judgements_of_a_query_not_in_queries_jsonl_are_skipped_with_a_warning_naming_it(beir_folder, tmp_path, encoder, capsys):
    import shutil

    folder = tmp_path / "unknown-query"
    shutil.copytree(beir_folder, folder)
    (folder / "qrels" / "test.tsv").write_text(QRELS + "q9\ttides\t1\n", encoding="utf-8")
    collection = load_beir(folder)
    assert "q9" not in collection.queries
    args = build_parser().parse_args(["eval", "beir", str(folder), "--out", str(tmp_path / "out"), "--json"])
    assert run_beir_eval(args, encoder=encoder) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"warning: skipped the judgements of query 'q9' ({folder / 'qrels' / 'test.tsv'} line 7): no line of {folder / 'queries.jsonl'} has that _id"]
    assert json.loads(captured.out)["counts"]["judged_queries"] == 3
