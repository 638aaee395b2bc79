"""Ranking metrics (via ir-measures / pytrec_eval) and answer metrics used by `rag eval`."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

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
