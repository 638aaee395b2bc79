"""SQuAD 2.0 as an external benchmark: `rag eval squad PATH [--limit N]`.

Every paragraph of the benchmark becomes one article (doc id ``<title key>-<n>``, see ``title_key``; text
exactly the paragraph, so ``answer_start`` offsets still index it) and is indexed with
the same build as `rag build`. Each question then goes through the same
``Answerer.answer`` as `rag ask`, with abstention switched off so that every question
yields quotes and an answerability score; thresholds are applied afterwards. Reported:
paragraph recall@k and the rate at which the quotes contain a gold answer (answerable
questions), abstention AUROC and precision/recall/F1 at the shipped, best-F1 and
balanced thresholds (unanswerable questions), and latency.

The answerability model is trained on SQuAD titles (``python -m eval.train_answerability``);
its provenance names the held-out titles, and questions are drawn from those only. The
penalties set for the product's own small corpus are left out (see ``squad_settings``), as the
report's notes say.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence, cast

import numpy as np

from .errors import RagError
from .eval_report import check_report_folder
from .jsonl import json_line
from .metrics import abstention_metrics as abstention_counts
from .metrics import MAX_FALSE_ABSTENTION, latency_summary, normalize_answer, ranked_run, retrieval_metrics

if TYPE_CHECKING:
    from .answer import Answerer
    from .settings import AnswerSettings

DEFAULT_CACHE = Path("eval/.squad-cache")
DEFAULT_OUT = Path("eval/reports")
PASSAGES_FOR_RECALL = 30  # chunks fetched per question: enough for 10 distinct paragraphs
QUESTION_CACHE = "question-embeddings.npz"  # in the cache folder: vectors of questions already encoded


@dataclass(frozen=True)
class SquadParagraph:
    """One benchmark paragraph, indexed as one article."""

    doc_id: str
    title: str
    context: str


@dataclass(frozen=True)
class SquadQuestion:
    """One benchmark question; ``answers`` is empty when it is unanswerable."""

    qid: str
    question: str
    title: str
    doc_id: str
    answers: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        """Whether the paragraph answers the question."""
        return bool(self.answers)


@dataclass(frozen=True)
class SquadSet:
    """A SQuAD 2.0 file: its paragraphs, its questions and the file's sha256."""

    path: str
    sha256: str
    paragraphs: tuple[SquadParagraph, ...]
    questions: tuple[SquadQuestion, ...]

    def titles(self) -> list[str]:
        """Article titles in file order."""
        return list(dict.fromkeys(p.title for p in self.paragraphs))


_PLAIN_SLUG = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


def title_key(title: str) -> str:
    """A readable key unique to ``title``: the title itself when it is already a lower-case slug
    (``black-death``), else its slug, ``_`` and the start of the sha256 of the exact title
    (``c_0a1b2c3d4e``), so titles that slug alike ("C++", "C#", or two non-Latin ones) differ.

    A slug holds no ``_``, so the two forms never meet."""
    if _PLAIN_SLUG.fullmatch(title):
        return title
    slug = re.sub(r"[^0-9a-z]+", "-", title.lower()).strip("-")
    return f"{slug}_{hashlib.sha256(title.encode('utf-8')).hexdigest()[:10]}"


def paragraph_id(title: str, number: int) -> str:
    """Doc id of a paragraph: its title's key (``title_key``) and the paragraph's number."""
    return f"{title_key(title)}-{number:03d}"


def load_squad(path: str | Path) -> SquadSet:
    """Read a SQuAD 2.0 JSON file (the official schema)."""
    path = Path(path)
    raw = path.read_bytes()
    data = json.loads(raw)
    paragraphs, questions = [], []
    numbers: dict[str, int] = {}  # paragraphs so far per title: an article whose title repeats goes on numbering
    for article in data["data"]:
        title = article["title"]
        for paragraph in article["paragraphs"]:
            number = numbers[title] = numbers.get(title, -1) + 1
            doc_id = paragraph_id(title, number)
            paragraphs.append(SquadParagraph(doc_id, title, paragraph["context"]))
            for qa in paragraph["qas"]:
                answers = () if qa.get("is_impossible") else tuple(dict.fromkeys(a["text"] for a in qa["answers"]))
                questions.append(SquadQuestion(qa["id"], qa["question"], title, doc_id, answers))
    return SquadSet(str(path), hashlib.sha256(raw).hexdigest(), tuple(paragraphs), tuple(questions))


def _stable_order(keys: Iterable[str]) -> list[str]:
    """``keys`` in a fixed pseudo-random order (by sha256), independent of file order."""
    return sorted(keys, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())


def split_titles(titles: Sequence[str]) -> tuple[list[str], list[str]]:
    """Deterministic (train, held-out) halves of ``titles``, by sha256 order."""
    ordered = _stable_order(titles)
    half = len(ordered) // 2
    return sorted(ordered[:half]), sorted(ordered[half:])


def select(squad: SquadSet, titles: Sequence[str] | None = None, limit: int | None = None) -> tuple[list[SquadQuestion], list[SquadParagraph]]:
    """The questions to ask and the paragraphs to index.

    Without ``limit``: every question of ``titles`` (default all) over every paragraph
    of the benchmark. With ``limit``: a fixed sample of ``limit`` questions from as few
    titles as hold that many (titles in sha256 order), over those titles' paragraphs only.
    """
    pool = set(titles) if titles is not None else set(squad.titles())
    if limit is None:
        return [q for q in squad.questions if q.title in pool], list(squad.paragraphs)
    chosen: list[str] = []
    count = 0
    for title in _stable_order(pool):
        if count >= limit:
            break
        chosen.append(title)
        count += sum(q.title == title for q in squad.questions)
    by_id = {q.qid: q for q in squad.questions if q.title in chosen}
    sample = set(_stable_order(by_id)[:limit])
    questions = [q for q in squad.questions if q.qid in sample]
    return questions, [p for p in squad.paragraphs if p.title in chosen]


def prepare_index(paragraphs: Sequence[SquadParagraph], cache: str | Path, *, progress: bool = True) -> tuple[Path, Path]:
    """Write ``paragraphs`` as a corpus folder and index it; returns (corpus_dir, index_dir).

    Both live under ``cache`` in a folder named by a hash of the paragraphs, so a second
    run reuses them (and the embedding cache) instead of building again.
    """
    from .build import ensure_built

    digest = hashlib.sha256("\0".join(f"{p.doc_id}\0{p.context}" for p in paragraphs).encode("utf-8")).hexdigest()[:16]
    folder = Path(cache) / digest
    corpus_dir, index_dir = folder / "corpus", folder / "index"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for paragraph in paragraphs:
        target = corpus_dir / f"{paragraph.doc_id}.txt"
        if not target.exists() or target.read_text(encoding="utf-8") != paragraph.context:
            target.write_text(paragraph.context, encoding="utf-8")
    ensure_built(corpus_dir, index_dir, progress=progress)
    return corpus_dir, index_dir


class PrecomputedQueryEncoder:
    """An encoder that has already encoded the benchmark's questions, in batches.

    ``Answerer.answer`` encodes one question at a time; encoding them all up front in
    batches gives the same vectors far faster, and keeping them in an embedding cache
    (``cache_file``) makes the next run skip it. Unknown texts go to the wrapped encoder.
    """

    def __init__(self, encoder, texts: Sequence[str], cache_file: str | Path, *, progress: bool = False) -> None:
        from .build import embedding_progress
        from .embedding_cache import EmbeddingCache, embed_with_cache

        self.encoder = encoder
        self.model_name = encoder.model_name
        self.weights_sha256 = encoder.weights_sha256
        self.dimension = encoder.dimension
        unique = list(dict.fromkeys(texts))
        cache = EmbeddingCache(Path(cache_file))
        started = time.perf_counter()
        with embedding_progress(cache.missing(encoder, unique), progress, None) as embedded:
            vectors, encoded, _ = embed_with_cache(encoder, unique, cache, embedded=embedded)
        self.seconds_per_text = (time.perf_counter() - started) / encoded if encoded else None
        cache.save(set(cache.vectors))
        self.vectors = dict(zip(unique, vectors))

    def whole_words(self) -> frozenset[str]:
        """The words the model's tokenizer knows whole."""
        return self.encoder.whole_words()

    def encode(self, texts: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Unit vectors of ``texts``, from the precomputed ones where possible."""
        if all(t in self.vectors for t in texts):
            return np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, self.dimension), np.float32)
        return self.encoder.encode(texts, batch_size=batch_size, progress=progress)


def squad_answerer(index_dir: Path, questions: Sequence[SquadQuestion], cache: str | Path = DEFAULT_CACHE, *, progress: bool = False) -> Answerer:
    """An ``Answerer`` over ``index_dir`` with the shipped settings but no abstention.

    Its retriever's encoder has the questions pre-encoded (see PrecomputedQueryEncoder),
    with their vectors kept in ``cache``.
    """
    from .answer import Answerer
    from .embedding import load_query_encoder
    from .question import clean_question
    from .retrieve import Retriever

    texts = [clean_question(q.question) for q in questions]
    encoder = PrecomputedQueryEncoder(load_query_encoder(index_dir), texts, Path(cache) / QUESTION_CACHE, progress=progress)
    settings = replace(squad_settings(), abstain_threshold=0.0)
    return Answerer(Retriever.load(index_dir, encoder=encoder), settings)


def squad_settings() -> "AnswerSettings":
    """The shipped answer settings, without the unknown-term, unknown-name, name-elsewhere and type-unmet penalties.

    Those penalties are set for the product's own small corpus, where a question word or
    name found in no article, or a name missing from the answer's part of its article,
    means the articles are not about it; over SQuAD's paragraphs such words are as common in
    answerable questions (abstention AUROC 0.709 without the name-elsewhere penalty, 0.701
    with it; 0.710 without the type-unmet penalty, 0.705 with it, whose feature the model
    already weighs as SQuAD taught it), so the benchmark measures the answerability model as
    trained. The detail-conflict penalty stays: it helps there too (AUROC 0.708 -> 0.709).
    """
    from .settings import AnswerSettings

    return replace(AnswerSettings.load(), unknown_term_penalty=0.0, unknown_name_penalty=0.0, name_elsewhere_penalty=0.0, type_unmet_penalty=0.0)


@dataclass(frozen=True)
class QuestionResult:
    """What the answerer did with one benchmark question."""

    qid: str
    title: str
    answerable: bool
    answerability: float
    ranked_docs: tuple[str, ...]
    answer_in_quotes: bool
    answer_in_first_quote: bool
    quoted: bool
    latency_ms: float


def contains_answer(text: str, answers: Iterable[str]) -> bool:
    """Whether ``text`` contains any of ``answers`` after SQuAD normalisation (whole words)."""
    haystack = f" {' '.join(normalize_answer(text))} "
    for answer in answers:
        needle = " ".join(normalize_answer(answer))
        if needle and f" {needle} " in haystack:
            return True
    return False


def ask_all(answerer: Answerer, questions: Sequence[SquadQuestion], *, progress: bool = True) -> list[QuestionResult]:
    """Run every question through ``answerer.answer`` and record what the metrics need."""
    from tqdm.auto import tqdm

    results = []
    for q in tqdm(questions, desc="asking", unit="q", disable=not progress):
        answer = answerer.answer(q.question, k=PASSAGES_FOR_RECALL)
        quotes = [quote.text for quote in answer.quotes]
        results.append(
            QuestionResult(
                qid=q.qid,
                title=q.title,
                answerable=q.answerable,
                answerability=float(answer.answerability),
                ranked_docs=tuple(dict.fromkeys(p.doc_id for p in answer.passages)),
                answer_in_quotes=q.answerable and contains_answer(" ".join(quotes), q.answers),
                answer_in_first_quote=q.answerable and bool(quotes) and contains_answer(quotes[0], q.answers),
                quoted=bool(quotes),
                latency_ms=float(answer.timings_ms["total"]),
            )
        )
    return results


def abstention_at(answerability: np.ndarray, unanswerable: np.ndarray, threshold: float) -> dict[str, float | None]:
    """Abstention precision/recall/F1 (positive = unanswerable) when abstaining below ``threshold``."""
    abstain = answerability < threshold
    counts = abstention_counts(unanswerable.tolist(), abstain.tolist())
    return {"threshold": float(threshold), **counts, "abstained": float(np.mean(abstain)) if len(abstain) else 0.0}


def _sweep(answerability: np.ndarray, unanswerable: np.ndarray) -> dict[str, np.ndarray]:
    """Abstention recall and false-abstention rate at every threshold that splits the scores differently."""
    values = np.unique(answerability)
    thresholds = np.append(values, np.nextafter(values[-1], np.inf))
    tp = np.searchsorted(np.sort(answerability[unanswerable]), thresholds, side="left")
    fp = np.searchsorted(np.sort(answerability[~unanswerable]), thresholds, side="left")
    recall = tp / max(1, int(unanswerable.sum()))
    precision = np.divide(tp, tp + fp, out=np.zeros(len(thresholds)), where=(tp + fp) > 0)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros(len(thresholds)), where=(precision + recall) > 0)
    return {"threshold": thresholds, "recall": recall, "false": fp / max(1, int((~unanswerable).sum())), "f1": f1}


def abstention_report(answerability: Sequence[float], unanswerable: Sequence[bool], shipped_threshold: float) -> dict:
    """AUROC of (1 - answerability) for unanswerable questions, and P/R/F1 at four thresholds.

    ``shipped`` is the calibrated product threshold; ``best_f1`` maximises abstention F1
    (on a half-unanswerable set it tends to abstain on nearly everything); ``balanced``
    maximises balanced accuracy (false abstentions on answerable ≈ misses on
    unanswerable); ``max_10pct_false`` is the lowest-miss threshold that abstains on at
    most 10% of answerable questions, the product's limit.
    """
    from sklearn.metrics import roc_auc_score

    scores = np.asarray(answerability, dtype=float)
    labels = np.asarray(unanswerable, dtype=bool)
    out: dict = {"unanswerable": int(labels.sum()), "answerable": int((~labels).sum())}
    if labels.all() or not labels.any():
        return out
    sweep = _sweep(scores, labels)
    balanced = sweep["recall"] - sweep["false"]
    within = np.where(sweep["false"] <= MAX_FALSE_ABSTENTION, sweep["recall"], -1.0)
    out["auroc"] = float(roc_auc_score(labels, 1.0 - scores))
    out["shipped"] = abstention_at(scores, labels, shipped_threshold)
    out["best_f1"] = abstention_at(scores, labels, sweep["threshold"][int(np.argmax(sweep["f1"]))])
    out["balanced"] = abstention_at(scores, labels, sweep["threshold"][int(np.argmax(balanced))])
    out["balanced"]["balanced_accuracy"] = float((1.0 + balanced.max()) / 2)
    out["max_10pct_false"] = abstention_at(scores, labels, sweep["threshold"][int(np.argmax(within))])
    return out


def summarize(results: Sequence[QuestionResult], qrels: dict[str, dict[str, int]], shipped_threshold: float) -> dict:
    """All benchmark metrics of ``results``."""
    answerable = [r for r in results if r.answerable]
    run = {r.qid: ranked_run(r.ranked_docs) for r in answerable}
    return {
        "questions": len(results),
        "retrieval": retrieval_metrics(run, {r.qid: qrels[r.qid] for r in answerable}),
        "answer_in_quotes": float(np.mean([r.answer_in_quotes for r in answerable])) if answerable else 0.0,
        "answer_in_first_quote": float(np.mean([r.answer_in_first_quote for r in answerable])) if answerable else 0.0,
        "answered_correctly_at_shipped": float(np.mean([r.answer_in_quotes and r.answerability >= shipped_threshold for r in answerable])) if answerable else 0.0,
        "abstention": abstention_report([r.answerability for r in results], [not r.answerable for r in results], shipped_threshold),
        "latency": latency_summary([r.latency_ms for r in results]),
    }


TITLE_SETS = ("held-out", "train")


def report_titles(squad: SquadSet, which: str = "held-out") -> tuple[list[str] | None, str]:
    """Titles to report on, and why: when the answerability model was trained on this file, its
    held-out titles (the measure) or, with ``which="train"``, its training titles (for tuning the
    ranking: the abstention figures there are in-sample); else every title."""
    from .answerability import AnswerabilityModel

    provenance = AnswerabilityModel.load().provenance
    if provenance.get("dataset_sha256") == squad.sha256 and provenance.get("heldout_titles"):
        trained = len(provenance.get("train_titles", []))
        if which == "train":
            return list(provenance["train_titles"]), (
                f"The answerability model was trained on these {trained} titles of this file: the answers measure the ranking, "
                "the abstention figures are in-sample."
            )
        titles = list(provenance["heldout_titles"])
        return titles, f"The answerability model was trained on {trained} titles of this file; questions are drawn from its {len(titles)} held-out titles only."
    return None, "The answerability model was not trained on this file; questions are drawn from all its titles."


def settings_note() -> str:
    """How the settings the benchmark answers with differ from the shipped ones (``squad_settings``)."""
    from .settings import AnswerSettings

    shipped = AnswerSettings.load()
    return (
        f"Settings: the shipped ones, threshold {shipped.abstain_threshold:g}, except unknown_term_penalty 0, unknown_name_penalty 0, "
        f"name_elsewhere_penalty 0 and type_unmet_penalty 0 instead of the shipped {shipped.unknown_term_penalty:g}, {shipped.unknown_name_penalty:g}, "
        f"{shipped.name_elsewhere_penalty:g} and {shipped.type_unmet_penalty:g} (those penalties are set for the "
        "product's own articles), so the shipped row is not the product as shipped."
    )


def _markdown(report: dict) -> str:
    from .build import counted

    m = report["metrics"]
    r, a = m["retrieval"], m["abstention"]
    lines = [
        "# SQuAD 2.0 benchmark",
        "",
        f"- file: `{report['path']}` (sha256 {report['sha256'][:16]}…)",
        f"- {m['questions']} questions ({a['answerable']} answerable, {a['unanswerable']} unanswerable) "
        f"from {counted(len(report['titles']), 'title')}; {report['paragraphs_indexed']} paragraphs indexed",
        f"- {report['split_note']}",
        "- limit: none, every question asked" if report["limit"] is None
        else f"- limit: {report['limit']}, a fixed sample of questions from as few of those titles as hold that many",
        f"- {report['settings_note']}",
        "",
        "| metric | value |",
        "|---|---|",
    ]
    lines += [f"| paragraph {name} | {value:.3f} |" for name, value in r.items()]
    lines += [
        f"| answer in quotes (answerable) | {m['answer_in_quotes']:.3f} |",
        f"| answer in first quote (answerable) | {m['answer_in_first_quote']:.3f} |",
        f"| answered correctly at the shipped threshold (answerable) | {m['answered_correctly_at_shipped']:.3f} |",
        f"| abstention AUROC | {a.get('auroc', float('nan')):.3f} |",
        f"| latency median / p95 (ms, question pre-encoded) | {_format_ms(m['latency']['median_ms'], '–')} / {_format_ms(m['latency']['p95_ms'], '–')} |",
        f"| question encoding (ms each, batched) | {_format_ms(report['encode_ms_per_question'])} |",
        "",
        "| abstention threshold | threshold | precision | recall | F1 | false abstentions |",
        "|---|---|---|---|---|---|",
    ]
    for name in ("shipped", "best_f1", "balanced", "max_10pct_false"):
        if name in a:
            t = a[name]
            rates = (t[key] for key in ("precision", "recall", "f1", "false_abstention_rate"))
            lines.append(f"| {name} | {t['threshold']:g} | " + " | ".join("–" if rate is None else f"{rate:.3f}" for rate in rates) + " |")  # precision: None when nothing is abstained on
    return "\n".join(lines) + "\n"


def _format_ms(value: float | None, missing: str = "cached") -> str:
    """Milliseconds to one decimal, or ``missing`` for None (cached encodings, or no question timed)."""
    return missing if value is None else f"{value:.1f}"


def write_reports(report: dict, out: str | Path) -> tuple[Path, Path]:
    """Write the report as JSON and Markdown into ``out``; returns both paths."""
    out = Path(out)
    stem = f"squad-{'train-' if report.get('title_set') == 'train' else ''}{'full' if report['limit'] is None else report['limit']}"
    json_path, md_path = out / f"{stem}.json", out / f"{stem}.md"
    try:
        out.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        md_path.write_text(_markdown(report), encoding="utf-8")
    except OSError as exc:
        raise RagError(f"cannot write the reports to {out}: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")) from exc
    return json_path, md_path


def evaluate_squad(
    squad: SquadSet, *, limit: int | None = None, cache: str | Path = DEFAULT_CACHE, progress: bool = True, title_set: str = "held-out"
) -> dict:
    """Index the benchmark, ask its questions (of ``report_titles``) and measure."""
    titles, note = report_titles(squad, title_set)
    questions, paragraphs = select(squad, titles, limit)
    _, index_dir = prepare_index(paragraphs, cache, progress=progress)
    answerer = squad_answerer(index_dir, questions, cache, progress=progress)
    results = ask_all(answerer, questions, progress=progress)
    qrels = {q.qid: {q.doc_id: 1} for q in questions}
    return {
        "benchmark": "squad-2.0",
        "path": squad.path,
        "sha256": squad.sha256,
        "limit": limit,
        "title_set": title_set,
        "titles": sorted({q.title for q in questions}),
        "paragraphs_indexed": len(paragraphs),
        "split_note": note,
        "answerability_model": answerer.answerability.provenance.get("trained_at", "hand-set defaults"),
        "settings": asdict(squad_settings()),
        "settings_note": settings_note(),
        "encode_ms_per_question": _milliseconds(cast(PrecomputedQueryEncoder, answerer.retriever.encoder).seconds_per_text),
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "metrics": summarize(results, qrels, squad_settings().abstain_threshold),
    }


def _milliseconds(seconds: float | None) -> float | None:
    return None if seconds is None else 1000 * seconds


def add_squad_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `rag eval squad` (the caller adds the subcommand itself)."""
    parser.add_argument("path", help="SQuAD 2.0 JSON file, e.g. ../shared/benchmarks/squad2-dev/dev-v2.0.json")
    parser.add_argument("--limit", type=int, default=None, help="ask a fixed sample of N questions (from as few titles as hold them)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="folder for the JSON and Markdown reports")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="folder for the benchmark's corpus and index")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--titles",
        choices=TITLE_SETS,
        default="held-out",
        help="the answerability model's held-out titles (the measure; default) or its training titles (for tuning the ranking; reports squad-train-*)",
    )


def run_squad_eval(args: argparse.Namespace) -> int:
    """`rag eval squad`: run the benchmark, write the reports, print a summary; returns the exit code.

    Raises RagError for an unusable ``--limit`` or file (the CLI prints it, as JSON too with ``--json``).
    """
    if args.limit is not None and args.limit < 1:
        raise RagError("--limit must be at least 1")
    try:
        squad = load_squad(args.path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RagError(f"cannot read {args.path} as a SQuAD 2.0 file: {exc}") from exc
    check_report_folder(args.out)
    report = evaluate_squad(
        squad,
        limit=args.limit,
        cache=getattr(args, "cache", DEFAULT_CACHE),
        progress=not args.json and sys.stderr.isatty(),
        title_set=getattr(args, "titles", "held-out"),
    )
    json_path, md_path = write_reports(report, args.out)
    if args.json:
        sys.stdout.write(json_line(report))
    else:
        print(_markdown(report))
        print(f"reports written to {json_path} and {md_path}")
    return 0
