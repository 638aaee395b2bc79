"""Ranking metrics (via ir-measures / pytrec_eval) and answer metrics used by `rag eval`."""

from __future__ import annotations

import math
import re
from collections import Counter
from statistics import fmean
from typing import Callable, Iterable, Mapping, Sequence

RANK_CUTOFFS = (1, 3, 5, 10)
MAX_FALSE_ABSTENTION = 0.10  # the product's limit on abstaining from answerable questions (issue #2)
# A bootstrap interval needs at least this share of its resamples to be defined (see bootstrap_interval).
MIN_DEFINED_RESAMPLES = 0.5


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


def shared_rank_metrics(
    ranks: Mapping[str, Mapping[str, int]], relevant: Mapping[str, Iterable[str]], cutoffs: Iterable[int] = RANK_CUTOFFS
) -> dict[str, float]:
    """Mean recall@k, MRR@10 and nDCG@10 when several relevant items can share one rank.

    ``ranks`` maps query id -> {relevant item found: the rank (1-based) of the result that
    holds it}; several items may have the same rank (gold quotes in one passage).
    ``relevant`` maps query id -> every relevant item; queries without any are ignored and
    an item missing from ``ranks`` was not found. Each item counts at its result's rank:
    recall@k is the share of relevant items held in the top k results; MRR@10 is 1 / the
    rank of the first result holding one; nDCG@10 gives each result the number of relevant
    items it holds as its gain, and the ideal ranking puts the results in decreasing order
    of gain, each item not found counting as a result of its own with gain 1. With at most
    one item per rank these are exactly ``retrieval_metrics`` of the same ranking.
    """
    cutoffs = tuple(cutoffs)
    rows = []
    for query, items in relevant.items():
        wanted = set(items)
        if not wanted:
            continue
        found = {item: rank for item, rank in ranks.get(query, {}).items() if item in wanted}
        gains = Counter(found.values())  # rank -> relevant items held there
        ideal = sorted([*gains.values(), *[1] * (len(wanted) - len(found))], reverse=True)[:10]
        dcg = sum(gain / math.log2(rank + 1) for rank, gain in gains.items() if rank <= 10)
        idcg = sum(gain / math.log2(position + 1) for position, gain in enumerate(ideal, 1))
        row = {f"recall@{k}": sum(rank <= k for rank in found.values()) / len(wanted) for k in cutoffs}
        first = min(found.values(), default=None)
        row["mrr@10"] = 1.0 / first if first is not None and first <= 10 else 0.0
        row["ndcg@10"] = dcg / idcg
        rows.append(row)
    if not rows:
        return {}
    return {name: fmean(row[name] for row in rows) for name in rows[0]}


_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_answer(text: str) -> list[str]:
    """Lower-case word tokens without articles, as SQuAD normalises an answer, except that words
    are split at punctuation ("self-improvement" is two), where SQuAD deletes it (one word)."""
    return [w for w in _WORD.findall(text.lower()) if w not in {"a", "an", "the"}]


def token_f1(prediction: str, references: Iterable[str]) -> float:
    """Best token F1 of ``prediction`` against any of ``references``, over ``normalize_answer``'s words."""
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


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; None where undefined.

    Precision is undefined without predicted positives (``tp + fp == 0``), recall without
    actual positives (``tp + fn == 0``). F1 is ``2·tp / (2·tp + fp + fn)``, the harmonic
    mean of the two where both are defined, and 0 when positives exist but none was
    predicted; it is undefined only with neither.
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return precision, recall, f1


def ranked_run(ids: Iterable[str]) -> dict[str, float]:
    """A run (id -> score) that keeps the order of ``ids``, each id at its first rank."""
    run: dict[str, float] = {}
    for rank, item in enumerate(ids, 1):
        run.setdefault(item, 1.0 / rank)
    return run


def abstention_metrics(should_abstain: Sequence[bool], abstained: Sequence[bool]) -> dict[str, float | None]:
    """Precision, recall and F1 of abstaining (the positive class), and the false-abstention rate.

    The false-abstention rate is the share of answerable questions (``should_abstain``
    false) on which the system abstained. Undefined values are None: precision, recall
    and F1 without unanswerable questions, precision also when nothing was abstained on
    (F1 is then 0), the false-abstention rate without answerable ones.
    """
    pairs = list(zip(should_abstain, abstained, strict=True))
    tp = sum(s and a for s, a in pairs)
    fp = sum(a and not s for s, a in pairs)
    fn = sum(s and not a for s, a in pairs)
    answerable = sum(not s for s, _ in pairs)
    precision, recall, f1 = precision_recall_f1(tp, fp, fn) if tp + fn else (None, None, None)
    return {"precision": precision, "recall": recall, "f1": f1, "false_abstention_rate": fp / answerable if answerable else None}


def citation_precision_recall(cited: Iterable[str], gold: Iterable[str]) -> tuple[float, float]:
    """Share of cited sources that are gold, and share of gold sources cited (0 where undefined)."""
    cited, gold = set(cited), set(gold)
    hits = len(cited & gold)
    return (hits / len(cited) if cited else 0.0, hits / len(gold) if gold else 0.0)


def contains_all(text: str, needles: Iterable[str]) -> bool:
    """Whether every string of ``needles`` occurs in ``text``, ignoring case."""
    haystack = text.casefold()
    return all(needle.casefold() in haystack for needle in needles)


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float | None]:
    """Median and 95th percentile (linear interpolation) of latencies in ms; None without any."""
    import numpy as np

    if not milliseconds:
        return {"median_ms": None, "p95_ms": None}
    values = np.asarray(milliseconds, dtype=float)
    return {"median_ms": float(np.median(values)), "p95_ms": float(np.percentile(values, 95))}


def proportion_interval(successes: int, trials: int, level: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval of a rate of ``successes`` in ``trials`` (SciPy); None without trials.

    Unlike a bootstrap over the questions, it does not shrink to nothing when every question went
    the same way: none abstained on of 12 answerable ones is 0.000 – 0.243, not 0.000 – 0.000.
    """
    from scipy.stats import binomtest

    if trials < 1:
        return None
    interval = binomtest(successes, trials).proportion_ci(confidence_level=level, method="wilson")
    return float(interval.low), float(interval.high)


def bootstrap_interval(
    samples: Sequence[Sequence[float]],
    statistic: Callable[..., float | None],
    *,
    level: float = 0.95,
    resamples: int = 1000,
    seed: int = 0,
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of ``statistic`` (SciPy), resampling the questions.

    ``samples`` are equally long per-question sequences resampled together (paired), and
    ``statistic`` takes one resample of each. A resample on which ``statistic`` is
    undefined (None or NaN: a rate over unanswerable questions when it drew none) is left
    out, not scored; the percentiles are those of the defined resamples. None with fewer
    than two questions, or when fewer than MIN_DEFINED_RESAMPLES of the resamples are defined.
    """
    import warnings

    import numpy as np
    from scipy.stats import DegenerateDataWarning, bootstrap

    arrays = [np.asarray(sample, dtype=float) for sample in samples]
    if len(arrays[0]) < 2:
        return None

    def value(*resample: np.ndarray) -> float:
        result = statistic(*resample)
        return math.nan if result is None else float(result)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateDataWarning)  # SciPy's own interval is NaN when a resample is; it is not used then
        result = bootstrap(
            arrays, value, n_resamples=resamples, paired=True, vectorized=False, confidence_level=level, method="percentile", rng=np.random.default_rng(seed)
        )
    distribution = np.asarray(result.bootstrap_distribution, dtype=float)
    defined = distribution[~np.isnan(distribution)]
    if len(defined) < MIN_DEFINED_RESAMPLES * resamples:
        return None
    low, high = np.quantile(defined, [(1 - level) / 2, (1 + level) / 2])
    return float(low), float(high)
