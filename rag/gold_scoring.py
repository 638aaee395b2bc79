"""Scoring the pipeline's answers against the gold set, at any abstention threshold.

The runner stores each question's answer composed with nothing suppressed (threshold
0) together with its answerability score; an answer at threshold ``t`` is then that
answer, or an abstention when its answerability is below ``t``. So one pass over the
gold set scores every threshold, which is what the sweep and the calibration need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import fmean
from typing import Iterable, Mapping, Sequence

import numpy as np

from .gold import GoldQuestion, quote_spans
from .metrics import (
    abstention_metrics,
    bootstrap_interval,
    proportion_interval,
    citation_precision_recall,
    contains_all,
    latency_summary,
    ranked_run,
    retrieval_metrics,
    shared_rank_metrics,
    token_f1,
)

# Steps of 0.01, plus finer steps below 0.01 where a strongly penalised score can sit.
THRESHOLDS = tuple(sorted({round(float(t), 2) for t in np.linspace(0.0, 1.0, 101)} | {round(float(t), 6) for t in np.geomspace(1e-4, 1e-2, 21)}))
CURVE_CUTOFFS = tuple(range(1, 11))
# A passage "holds" a gold quote when it covers at least this share of the quote's characters
# (a quote that straddles two chunks then counts in both).
QUOTE_COVERAGE = 0.5


@dataclass(frozen=True)
class Span:
    """A quoted span of an answer (a quote or a corroborating citation) and whether it is exact."""

    doc_id: str
    start: int
    end: int
    text: str
    exact: bool


@dataclass(frozen=True)
class Record:
    """A gold question with what the pipeline answered when nothing was suppressed."""

    gold: GoldQuestion
    split: str
    answer: dict  # Answer.to_dict()
    spans: tuple[Span, ...]
    gold_at: tuple[tuple[str, int, int], ...]
    doc_ranking: tuple[str, ...]
    quote_ranks: tuple[tuple[str, int], ...]  # (gold quote id, rank of the first passage holding it)

    @property
    def answerability(self) -> float:
        """The answer's answerability score (0..1)."""
        return float(self.answer["answerability"])

    def abstains_at(self, threshold: float) -> bool:
        """Whether the answer is an abstention at ``threshold``."""
        return bool(self.answer["abstained"]) or self.answerability < threshold


@dataclass(frozen=True)
class Outcome:
    """How one answer fares against its gold line at a given threshold."""

    abstained: bool
    must_contain_hit: bool
    gold_quote_hit: bool
    token_f1: float
    cited: tuple[str, ...]
    citation_precision: float
    citation_recall: float
    missing: tuple[str, ...] = ()  # the must_contain strings the quotes lack (all of them when abstained on)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_quote_ids(question: GoldQuestion) -> list[str]:
    """The ids of a question's gold quotes, in order: ``doc_id#n`` (n: the quote's place in the line)."""
    return [f"{g.doc_id}#{n}" for n, g in enumerate(question.gold)]


def gold_spans(question: GoldQuestion, texts: Mapping[str, str]) -> dict[str, list[tuple[str, int, int]]]:
    """Gold quote id (``gold_quote_ids``) -> every (doc_id, start, end) where the quote occurs."""
    return {
        qid: [(g.doc_id, s, e) for s, e in quote_spans(texts.get(g.doc_id, ""), g.quote)]
        for qid, g in zip(gold_quote_ids(question), question.gold)
    }


def quote_ranks(passages: Sequence[Mapping], spans: Mapping[str, list[tuple[str, int, int]]]) -> tuple[tuple[str, int], ...]:
    """(gold quote id, rank) for every gold quote that one of ``passages`` holds, at the rank
    (1-based) of the first passage holding it. Quotes held by one passage share its rank."""
    ranks: dict[str, int] = {}
    for rank, p in enumerate(passages, 1):
        for qid, where in spans.items():
            if qid not in ranks and any(
                d == p["doc_id"] and _overlap((s, e), (p["start"], p["end"])) >= QUOTE_COVERAGE * (e - s) for d, s, e in where
            ):
                ranks[qid] = rank
    return tuple(ranks.items())


def answer_spans(answer: Mapping, texts: Mapping[str, str]) -> tuple[Span, ...]:
    """Every quoted span of an answer, each checked against its article's text."""
    spans = []
    for quote in answer["quotes"]:
        for part in (quote, *quote["corroborations"]):
            doc, start, end = part["doc_id"], part["start"], part["end"]
            exact = doc in texts and 0 <= start <= end and texts[doc][start:end] == part["text"]
            spans.append(Span(doc, start, end, part["text"], exact))
    return tuple(spans)


def make_record(question: GoldQuestion, split: str, answer: Mapping, texts: Mapping[str, str]) -> Record:
    """A record of ``answer`` (an ``Answer.to_dict()``) for ``question``; ``texts`` maps doc id -> article text."""
    spans = gold_spans(question, texts)
    return Record(
        gold=question,
        split=split,
        answer=dict(answer),
        spans=answer_spans(answer, texts),
        gold_at=tuple(where for occurrences in spans.values() for where in occurrences),
        doc_ranking=tuple(ranked_run(p["doc_id"] for p in answer["passages"])),
        quote_ranks=quote_ranks(answer["passages"], spans),
    )


def outcome(record: Record, threshold: float) -> Outcome:
    """Score ``record`` as answered at ``threshold``."""
    gold = record.gold
    if record.abstains_at(threshold):
        return Outcome(True, False, False, 0.0, (), 0.0, 0.0, gold.must_contain)
    quoted = " ".join(s.text for s in record.spans)
    missing = tuple(text for text in gold.must_contain if not contains_all(quoted, [text]))
    gold_hit = any(s.doc_id == d and _overlap((s.start, s.end), (start, end)) > 0 for s in record.spans for d, start, end in record.gold_at)
    cited = tuple(dict.fromkeys(d for q in record.answer["quotes"] for d in (q["doc_id"], *q["also_in"])))
    precision, recall = citation_precision_recall(cited, gold.gold_docs)
    main_text = " ".join(q["text"] for q in record.answer["quotes"])
    return Outcome(
        abstained=False,
        must_contain_hit=gold.answerable and not missing,
        gold_quote_hit=gold_hit,
        token_f1=token_f1(main_text, [g.quote for g in gold.gold]) if gold.answerable else 0.0,
        cited=cited,
        citation_precision=precision,
        citation_recall=recall,
        missing=missing,
    )


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return fmean(values) if values else None


def retrieval_summary(records: Sequence[Record], cutoffs: Iterable[int]) -> dict[str, dict[str, float]]:
    """Retrieval metrics of gold documents (ir-measures) and of gold quotes' passages.

    A passage can hold several gold quotes, so the latter credit each quote at the rank of
    its passage (``rag.metrics.shared_rank_metrics``) instead of ranking quotes one by one.
    """
    cutoffs = tuple(cutoffs)
    answerable = [r for r in records if r.gold.answerable]
    doc_qrels = {r.gold.id: {d: 1 for d in r.gold.gold_docs} for r in answerable}
    quote_ids = {r.gold.id: gold_quote_ids(r.gold) for r in answerable}
    return {
        "documents": retrieval_metrics({r.gold.id: ranked_run(r.doc_ranking) for r in answerable}, doc_qrels, cutoffs),
        "gold_quotes": shared_rank_metrics({r.gold.id: dict(r.quote_ranks) for r in answerable}, quote_ids, cutoffs),
    }


def _kind_summary(records: Sequence[Record], outcomes: Sequence[Outcome]) -> dict[str, dict]:
    by_kind: dict[str, list[tuple[Record, Outcome]]] = {}
    for record, result in zip(records, outcomes):
        by_kind.setdefault(record.gold.kind, []).append((record, result))
    summary = {}
    for kind, pairs in sorted(by_kind.items()):
        answerable = pairs[0][0].gold.answerable
        summary[kind] = {
            "questions": len(pairs),
            "abstained": fmean(o.abstained for _, o in pairs),
            "must_contain_hit": fmean(o.must_contain_hit for _, o in pairs) if answerable else None,
            "gold_quote_hit": fmean(o.gold_quote_hit for _, o in pairs) if answerable else None,
            "token_f1": fmean(o.token_f1 for _, o in pairs) if answerable else None,
            "mean_answerability": fmean(r.answerability for r, _ in pairs),
        }
    return summary


def _intervals(records: Sequence[Record], outcomes: Sequence[Outcome]) -> dict[str, tuple[float, float] | None]:
    """95% intervals of the headline rates: how far 46 or 92 questions pin them down.

    The two rates over answerable questions (must_contain hit, false abstentions) get Wilson
    score intervals (``proportion_interval``); abstention F1, no simple rate, a bootstrap over
    the questions, in which a resample without an unanswerable question is left out
    (``bootstrap_interval``), and none when every resample gives the same F1 (every
    unanswerable question abstained on and nothing else, or none of them): the bootstrap then
    cannot tell how far so few questions pin it down, and "1.000 – 1.000" would say it can.
    """
    answered = [o for r, o in zip(records, outcomes) if r.gold.answerable]
    should = [not r.gold.answerable for r in records]
    did = [o.abstained for o in outcomes]

    def f1(s: np.ndarray, a: np.ndarray) -> float | None:
        return abstention_metrics(s.astype(bool).tolist(), a.astype(bool).tolist())["f1"]

    f1_interval = bootstrap_interval([should, did], f1)
    return {
        "must_contain_hit": proportion_interval(sum(o.must_contain_hit for o in answered), len(answered)),
        "abstention_f1": f1_interval if f1_interval is not None and f1_interval[0] < f1_interval[1] else None,
        "false_abstention_rate": proportion_interval(sum(o.abstained for o in answered), len(answered)),
    }


def summarize(records: Sequence[Record], threshold: float) -> dict:
    """Every reported metric of ``records`` at ``threshold``.

    Answer metrics average over answerable questions (an abstention scores zero),
    except citation precision and recall, which average over the answerable questions
    that were answered. Quote exactness covers every span the composer produced (None
    without any). A split without questions has None for every rate and latency.
    """
    outcomes = [outcome(r, threshold) for r in records]
    answerable = [(r, o) for r, o in zip(records, outcomes) if r.gold.answerable]
    answered = [o for _, o in answerable if not o.abstained]
    spans = [s for r in records for s in r.spans]
    return {
        "questions": len(records),
        "answerable": len(answerable),
        "unanswerable": len(records) - len(answerable),
        "retrieval": retrieval_summary(records, (1, 3, 5, 10)),
        "answers": {
            "quote_exactness": _mean(s.exact for s in spans),
            "spans_checked": len(spans),
            "must_contain_hit": _mean(o.must_contain_hit for _, o in answerable),
            "gold_quote_hit": _mean(o.gold_quote_hit for _, o in answerable),
            "token_f1": _mean(o.token_f1 for _, o in answerable),
            "citation_precision": _mean(o.citation_precision for o in answered),
            "citation_recall": _mean(o.citation_recall for o in answered),
            "answered": len(answered),
        },
        "abstention": {
            "threshold": threshold,
            **abstention_metrics([not r.gold.answerable for r in records], [o.abstained for o in outcomes]),
        },
        "intervals": _intervals(records, outcomes),
        "latency": latency_summary([r.answer["timings_ms"].get("total", 0.0) for r in records]),
        "by_kind": _kind_summary(records, outcomes),
    }


def sweep(records: Sequence[Record], thresholds: Iterable[float] = THRESHOLDS) -> list[dict]:
    """Abstention precision, recall, F1, false-abstention rate and must_contain hit rate per threshold."""
    rows = []
    answerable = [r for r in records if r.gold.answerable]
    for t in thresholds:
        metrics = abstention_metrics([not r.gold.answerable for r in records], [r.abstains_at(t) for r in records])
        hit = _mean(outcome(r, t).must_contain_hit for r in answerable)
        rows.append({"threshold": t, **metrics, "must_contain_hit": hit})
    return rows


def best_rows(rows: Sequence[dict], max_false_abstention: float) -> list[dict]:
    """The sweep rows calibration ties between: best abstention F1 with a false-abstention rate
    within ``max_false_abstention`` (or the lowest rate there is), then the highest must_contain hit rate."""
    allowed = max(max_false_abstention, min(r["false_abstention_rate"] for r in rows))
    feasible = [r for r in rows if r["false_abstention_rate"] <= allowed + 1e-12]
    best = max((round(r["f1"], 9), round(r["must_contain_hit"] or 0.0, 9)) for r in feasible)
    return [r for r in feasible if (round(r["f1"], 9), round(r["must_contain_hit"] or 0.0, 9)) == best]


def choose_threshold(rows: Sequence[dict], max_false_abstention: float, current: float | None = None) -> dict:
    """The sweep row to calibrate on, of the ``best_rows``: the ``current`` threshold if it is
    among them (nothing changes without evidence), else the middle of the tied thresholds."""
    tied = best_rows(rows, max_false_abstention)
    return next((r for r in tied if current is not None and math.isclose(r["threshold"], current)), tied[(len(tied) - 1) // 2])


def recall_curve(records: Sequence[Record]) -> dict[str, list[float]]:
    """Recall@1..10 of gold documents and of gold quotes' passages."""
    summary = retrieval_summary(records, CURVE_CUTOFFS)
    return {level: [values.get(f"recall@{k}", 0.0) for k in CURVE_CUTOFFS] for level, values in summary.items()}
