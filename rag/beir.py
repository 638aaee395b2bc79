"""`rag eval beir DIR`: retrieval-only evaluation on a BEIR-format folder.

A BEIR folder holds ``corpus.jsonl`` (``{"_id", "title", "text"}`` per line),
``queries.jsonl`` (``{"_id", "text"}``) and ``qrels/<split>.tsv`` (``query-id``,
``corpus-id``, ``score``, tab-separated, with a header line). A record whose ``_id``
an earlier line of its file has is skipped with a warning that names it, as are the
judgements of a query that ``queries.jsonl`` lacks. The corpus is indexed
with ``build_index`` (title and text as one article), each query goes through
``Retriever.search``, and documents are ranked by their best passage.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CorpusError, QuestionError, RagError
from .eval_report import REPORTS_DIR
from .types import Document

if TYPE_CHECKING:
    from .embedding import Encoder
    from .retrieve import Retriever

SEARCH_DEPTH = 100  # passages retrieved per query, collapsed to documents
CUTOFFS = (1, 3, 5, 10, 100)


@dataclass(frozen=True)
class BeirSet:
    """A BEIR test collection: articles, queries, and relevance judgements."""

    documents: list[Document]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]
    skipped_documents: int = 0
    duplicates: tuple[str, ...] = ()  # one line per record skipped because an earlier one has its _id
    unknown_queries: tuple[str, ...] = ()  # one line per query of the judgements that queries.jsonl lacks


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise CorpusError(f"{path} is missing: a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv")
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append({"_id": str(row["_id"]), "title": row.get("title") or "", "text": row.get("text") or "", "line": number})
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path} line {number}: not a BEIR record with an \"_id\" ({exc.__class__.__name__})") from exc
    return rows


def _first_of_each_id(rows: list[dict], path: Path, duplicates: list[str]) -> list[dict]:
    """``rows`` without those whose ``_id`` an earlier row has; each one left out is named in ``duplicates``."""
    first: dict[str, int] = {}
    kept = []
    for row in rows:
        if row["_id"] in first:
            duplicates.append(f"skipped {path} line {row['line']}: same _id {row['_id']!r} as line {first[row['_id']]}")
        else:
            first[row["_id"]] = row["line"]
            kept.append(row)
    return kept


def _read_qrels(path: Path) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """The judgements (query id -> corpus id -> score) and the first line of each query."""
    if not path.is_file():
        raise CorpusError(f"{path} is missing (choose the judgements with --split)")
    qrels: dict[str, dict[str, int]] = {}
    first: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), 1):
            if not row or (number == 1 and row[0].strip().lower() in {"query-id", "query_id", "qid"}):
                continue
            try:
                query, doc, score = row[0].strip(), row[1].strip(), int(float(row[2]))
            except (IndexError, ValueError) as exc:
                raise CorpusError(f"{path} line {number}: expected query-id, corpus-id and score separated by tabs") from exc
            qrels.setdefault(query, {})[doc] = score
            first.setdefault(query, number)
    return qrels, first


def _unknown_queries(qrels_path: Path, first_line: dict[str, int], queries: dict[str, str], queries_path: Path) -> list[str]:
    """One line for each query of the judgements that ``queries`` lacks, naming it and its first line."""
    return [
        f"skipped the judgements of query {query!r} ({qrels_path} line {line}): no line of {queries_path} has that _id"
        for query, line in first_line.items() if query not in queries
    ]


def load_beir(folder: str | Path, split: str = "test") -> BeirSet:
    """Read a BEIR folder; each document's title and text become one article.

    Of records sharing an ``_id`` (documents or queries), the first is kept and the others
    are listed in ``duplicates``; judgements of a query ``queries.jsonl`` lacks are listed in
    ``unknown_queries`` (and not evaluated).
    """
    from .documents import make_title, sha256_text

    folder = Path(folder)
    documents, skipped = [], 0
    duplicates: list[str] = []
    for row in _first_of_each_id(_read_jsonl(folder / "corpus.jsonl"), folder / "corpus.jsonl", duplicates):
        text = f"{row['title']}\n\n{row['text']}" if row["title"].strip() else row["text"]
        if not text.strip():
            skipped += 1
            continue
        documents.append(Document(doc_id=row["_id"], title=row["title"].strip() or make_title(text), text=text, sha256=sha256_text(text)))
    if not documents:
        raise CorpusError(f"{folder / 'corpus.jsonl'} holds no document with text")
    queries = {row["_id"]: row["text"] for row in _first_of_each_id(_read_jsonl(folder / "queries.jsonl"), folder / "queries.jsonl", duplicates)}
    qrels_path = folder / "qrels" / f"{split}.tsv"
    qrels, first_line = _read_qrels(qrels_path)
    unknown = _unknown_queries(qrels_path, first_line, queries, folder / "queries.jsonl")
    return BeirSet(documents, queries, qrels, skipped, tuple(duplicates), tuple(unknown))


def document_ranking(passages: list, depth: int = SEARCH_DEPTH) -> dict[str, float]:
    """Documents ranked by their best passage (first occurrence), as an ir-measures run."""
    from .metrics import ranked_run

    return dict(list(ranked_run(p.doc_id for p in passages).items())[:depth])


def _warm_up(retriever: "Retriever", query: str) -> None:
    """Search ``query`` once, untimed and unrecorded, so that what loads on a first search (the
    model's first run, the speller) is not timed as part of a query, as `rag eval` warms up
    (``rag.evaluation.warm_up``)."""
    try:
        retriever.search(query, k=SEARCH_DEPTH)
    except QuestionError:
        pass  # counted as unusable when the loop reaches it


def evaluate_beir(collection: BeirSet, index_dir: str | Path, encoder: "Encoder", *, corpus_dir: str | Path = ".", progress: bool = False) -> dict:
    """Index ``collection`` into ``index_dir``, search every judged query, return the summary."""
    from tqdm import tqdm

    from .documents import LoadReport
    from .build import build_index
    from .metrics import latency_summary, retrieval_metrics
    from .retrieve import Retriever

    build_index(corpus_dir, index_dir, encoder=encoder, progress=progress, documents=LoadReport(collection.documents))
    retriever = Retriever.load(index_dir, encoder=encoder)
    judged = [q for q, docs in collection.qrels.items() if any(r > 0 for r in docs.values()) and q in collection.queries]
    run, latencies, unusable = {}, [], 0
    if judged:
        _warm_up(retriever, collection.queries[judged[0]])
    for query_id in tqdm(judged, desc="searching", unit="query", disable=not progress, file=sys.stderr):
        started = time.perf_counter()
        try:
            passages = retriever.search(collection.queries[query_id], k=SEARCH_DEPTH)
        except QuestionError:
            unusable += 1
            continue
        latencies.append(1000 * (time.perf_counter() - started))
        run[query_id] = document_ranking(passages)
    qrels = {q: collection.qrels[q] for q in judged}
    metrics = retrieval_metrics(run, qrels, CUTOFFS)
    curve = retrieval_metrics(run, qrels, range(1, 11))
    return {
        "summary": {"questions": len(judged), "retrieval": {"documents": metrics}, "latency": latency_summary(latencies)},
        "recall_curve": [curve[f"recall@{k}"] for k in range(1, 11)],
        "counts": {"documents": len(collection.documents), "skipped_documents": collection.skipped_documents, "duplicates_skipped": len(collection.duplicates),
                   "queries": len(collection.queries), "judged_queries": len(judged), "unusable_queries": unusable},
    }


def add_beir_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `rag eval beir`."""
    parser.add_argument("folder", help="BEIR folder with corpus.jsonl, queries.jsonl and qrels/")
    parser.add_argument("--split", default="test", help="judgements to use: qrels/SPLIT.tsv (default: test)")
    parser.add_argument("--build-dir", help="keep the index built from the corpus here, so a re-run embeds nothing new (default: a scratch folder)")
    parser.add_argument("--out", default=REPORTS_DIR, help=f"folder for the reports (default: {REPORTS_DIR})")
    parser.add_argument("--name", help="report file name stem (default: beir-FOLDER-SPLIT)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run_beir_eval(args: argparse.Namespace, encoder: "Encoder | None" = None) -> int:
    """Evaluate retrieval on the BEIR folder named by ``args`` and write the reports."""
    from .eval_report import check_report_folder, console_report, write_reports

    folder = Path(args.folder)
    collection = load_beir(folder, args.split)
    check_report_folder(args.out)
    for line in (*collection.duplicates, *collection.unknown_queries):
        print(f"warning: {line}", file=sys.stderr)
    if encoder is None:
        from .embedding import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder()
    progress = not args.json and sys.stderr.isatty()
    if args.build_dir:
        result = evaluate_beir(collection, args.build_dir, encoder, corpus_dir=folder, progress=progress)
    else:
        with tempfile.TemporaryDirectory(prefix="rag-beir-") as scratch:
            result = evaluate_beir(collection, scratch, encoder, corpus_dir=folder, progress=progress)
    if not result["counts"]["judged_queries"]:
        raise RagError(f"no query in {folder / 'queries.jsonl'} has a relevant document in qrels/{args.split}.tsv")
    counts = result["counts"]
    name = args.name or f"beir-{folder.resolve().name}-{args.split}"
    payload = {
        "title": f"rag eval beir: {folder.resolve().name} ({args.split})",
        "notes": [
            f"{counts['documents']} documents" + (f" ({counts['skipped_documents']} without text skipped)" if counts["skipped_documents"] else "")
            + f", {counts['judged_queries']} judged queries"
            + (f", {counts['unusable_queries']} unusable (counted as misses)" if counts["unusable_queries"] else "")
            + (f"; {len(collection.duplicates)} records skipped for a repeated _id" if collection.duplicates else "")
            + (f"; the judgements of {len(collection.unknown_queries)} queries not in queries.jsonl skipped" if collection.unknown_queries else ""),
            f"model {encoder.model_name}; documents ranked by their best of {SEARCH_DEPTH} passages (hybrid dense + BM25)",
        ],
        "summary": {"all": result["summary"]},
        "recall_curve": {"all": {"documents": result["recall_curve"]}},
        "counts": counts,
    }
    written = write_reports(payload, args.out, name)
    if args.json:
        sys.stdout.write(json.dumps({"summary": payload["summary"], "counts": counts, "reports": [str(p) for p in written]}) + "\n")
    else:
        print(console_report(payload))
        print("\nreports: " + ", ".join(str(p) for p in written))
    return 0
