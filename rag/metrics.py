"""Ranking metrics (via ir-measures / pytrec_eval) and answer metrics used by `rag eval`."""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable, Mapping, Sequence

RANK_CUTOFFS = (1, 3, 5, 10)


def retrieval_metrics(
    run: Mapping[str, Mapping[str, float]], qrels: Mapping[str, Mapping[str, int]], cutoffs: Iterable[int] = RANK_CUTOFFS
) -> dict[str, float]:
    """Mean recall@k, MRR@10 and nDCG@10 of ``run`` against ``qrels`` (ir-measures).

    ``run`` maps query id -> {doc id: score}; ``qrels`` maps query id -> {doc id: relevance}.
    Queries absent from ``run`` count as zero; queries without relevant docs are ignored.
    """
    import ir_measures
    from ir_measures import R, RR, nDCG

    qrels = {q: {d: int(r) for d, r in docs.items()} for q, docs in qrels.items() if any(r > 0 for r in docs.values())}
    if not qrels:
        return {}
    run = {q: {d: float(s) for d, s in run.get(q, {}).items()} or {"__none__": 0.0} for q in qrels}
    measures = [R @ k for k in cutoffs] + [RR @ 10, nDCG @ 10]
    values = ir_measures.calc_aggregate(measures, qrels, run)
    out = {f"recall@{k}": float(values[R @ k]) for k in cutoffs}
    out["mrr@10"] = float(values[RR @ 10])
    out["ndcg@10"] = float(values[nDCG @ 10])
    return out


_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_answer(text: str) -> list[str]:
    """Lower-case word tokens without articles (the SQuAD normalisation)."""
    return [w for w in _WORD.findall(text.lower()) if w not in {"a", "an", "the"}]


def token_f1(prediction: str, references: Iterable[str]) -> float:
    """Best SQuAD-style token F1 of ``prediction`` against any of ``references``."""
    predicted = normalize_answer(prediction)
    best = 0.0
    for reference in references:
        gold = normalize_answer(reference)
        common = sum((Counter(predicted) & Counter(gold)).values())
        if not predicted or not gold or not common:
            continue
        precision, recall = common / len(predicted), common / len(gold)
        best = max(best, 2 * precision * recall / (precision + recall))
    return best


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ranked_run(ids: Iterable[str]) -> dict[str, float]:
    """A run (id -> score) that keeps the order of ``ids``, each id at its first rank."""
    run: dict[str, float] = {}
    for rank, item in enumerate(ids, 1):
        run.setdefault(item, 1.0 / rank)
    return run


def abstention_metrics(should_abstain: Sequence[bool], abstained: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of abstaining (the positive class), and the false-abstention rate.

    The false-abstention rate is the share of answerable questions (``should_abstain``
    false) on which the system abstained.
    """
    pairs = list(zip(should_abstain, abstained, strict=True))
    tp = sum(s and a for s, a in pairs)
    fp = sum(a and not s for s, a in pairs)
    fn = sum(s and not a for s, a in pairs)
    answerable = sum(not s for s, _ in pairs)
    precision, recall, f1 = precision_recall_f1(tp, fp, fn)
    return {"precision": precision, "recall": recall, "f1": f1, "false_abstention_rate": fp / answerable if answerable else 0.0}


def citation_precision_recall(cited: Iterable[str], gold: Iterable[str]) -> tuple[float, float]:
    """Share of cited sources that are gold, and share of gold sources cited (0 where undefined)."""
    cited, gold = set(cited), set(gold)
    hits = len(cited & gold)
    return (hits / len(cited) if cited else 0.0, hits / len(gold) if gold else 0.0)


def contains_all(text: str, needles: Iterable[str]) -> bool:
    """Whether every string of ``needles`` occurs in ``text``, ignoring case."""
    haystack = text.casefold()
    return all(needle.casefold() in haystack for needle in needles)


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """Median and 95th percentile (linear interpolation) of latencies in ms."""
    import numpy as np

    if not milliseconds:
        return {"median_ms": 0.0, "p95_ms": 0.0}
    values = np.asarray(milliseconds, dtype=float)
    return {"median_ms": float(np.median(values)), "p95_ms": float(np.percentile(values, 95))}


def bootstrap_interval(
    samples: Sequence[Sequence[float]], statistic: Callable[..., float], *, level: float = 0.95, resamples: int = 1000, seed: int = 0
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of ``statistic`` (SciPy), resampling the questions.

    ``samples`` are equally long per-question sequences resampled together (paired), and
    ``statistic`` takes one resample of each. None with fewer than two questions.
    """
    import numpy as np
    from scipy.stats import bootstrap

    arrays = [np.asarray(sample, dtype=float) for sample in samples]
    if len(arrays[0]) < 2:
        return None
    result = bootstrap(
        arrays, statistic, n_resamples=resamples, paired=True, vectorized=False, confidence_level=level, method="percentile", rng=np.random.default_rng(seed)
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)
