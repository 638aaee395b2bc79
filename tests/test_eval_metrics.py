"""Evaluation metrics on tiny cases computed by hand."""

from __future__ import annotations

import math
import random
from statistics import fmean

import pytest

from rag.metrics import (
    MIN_DEFINED_RESAMPLES,
    abstention_metrics,
    bootstrap_interval,
    proportion_interval,
    citation_precision_recall,
    contains_all,
    latency_summary,
    precision_recall_f1,
    ranked_run,
    retrieval_metrics,
    shared_rank_metrics,
    token_f1,
)


def test_retrieval_metrics_match_hand_computed_values():
    qrels = {"q1": {"d1": 1, "d2": 1}, "q2": {"d3": 1}}
    run = {"q1": ranked_run(["d3", "d1", "d4", "d2"]), "q2": ranked_run(["d1", "d2", "d3"])}
    values = retrieval_metrics(run, qrels)
    # q1: relevant at ranks 2 and 4; q2: relevant at rank 3.
    ndcg_q1 = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    ndcg_q2 = 1 / math.log2(4)
    expected = {
        "recall@1": 0.0,
        "recall@3": (0.5 + 1.0) / 2,
        "recall@5": 1.0,
        "recall@10": 1.0,
        "mrr@10": (1 / 2 + 1 / 3) / 2,
        "ndcg@10": (ndcg_q1 + ndcg_q2) / 2,
    }
    assert values == pytest.approx(expected)


def test_a_query_missing_from_the_run_counts_as_a_miss():
    qrels = {"q1": {"d1": 1}, "q2": {"d2": 1}}
    values = retrieval_metrics({"q1": ranked_run(["d1"])}, qrels, cutoffs=(1,))
    assert values["recall@1"] == pytest.approx(0.5)
    assert values["mrr@10"] == pytest.approx(0.5)


def test_ranked_run_keeps_first_rank_of_repeated_ids():
    run = ranked_run(["a", "b", "a", "c"])
    assert list(run) == ["a", "b", "c"]
    assert run == {"a": 1.0, "b": 0.5, "c": 0.25}


def test_token_f1_uses_squad_normalisation_and_the_best_reference():
    # prediction tokens: cat sat on mat; reference: cat on mat -> P = 3/4, R = 1
    assert token_f1("The cat sat on the mat.", ["a cat on a mat", "dogs"]) == pytest.approx(2 * 0.75 / 1.75)
    assert token_f1("", ["anything"]) == 0.0
    assert token_f1("Same words", ["same WORDS"]) == pytest.approx(1.0)


def test_abstention_metrics_treat_abstaining_as_the_positive_class():
    should = [True, True, False, False, False]
    abstained = [True, False, True, False, False]
    values = abstention_metrics(should, abstained)
    assert values == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "false_abstention_rate": 1 / 3})


def test_abstention_precision_without_any_abstention_is_undefined_and_f1_is_zero():
    assert abstention_metrics([True, False], [False, False]) == {"precision": None, "recall": 0.0, "f1": 0.0, "false_abstention_rate": 0.0}
    with pytest.raises(ValueError):
        abstention_metrics([True], [True, False])


def test_abstention_metrics_that_are_undefined_are_none():
    assert abstention_metrics([False, False], [True, False]) == {"precision": None, "recall": None, "f1": None, "false_abstention_rate": 0.5}
    assert abstention_metrics([True, True], [True, False]) == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "false_abstention_rate": None}


def test_precision_recall_f1_from_counts():
    assert precision_recall_f1(3, 1, 2) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert precision_recall_f1(0, 0, 0) == (None, None, None)
    assert precision_recall_f1(0, 0, 2) == (None, 0.0, 0.0)  # nothing predicted: precision undefined, F1 = 2tp/(2tp+fp+fn) = 0
    assert precision_recall_f1(0, 2, 0) == (0.0, None, 0.0)


def test_citation_precision_and_recall():
    assert citation_precision_recall(["a", "b", "c"], ["a", "d"]) == pytest.approx((1 / 3, 1 / 2))
    assert citation_precision_recall(["a", "a"], ["a"]) == (1.0, 1.0)
    assert citation_precision_recall([], ["a"]) == (0.0, 0.0)


def test_contains_all_ignores_case():
    text = "The post was written by Marina Favaro and Jack Clark."
    assert contains_all(text, ["favaro", "JACK CLARK"])
    assert not contains_all(text, ["Favaro", "Amodei"])
    assert contains_all(text, [])


def test_latency_summary_median_and_interpolated_p95():
    assert latency_summary([40.0, 10.0, 100.0, 30.0, 20.0]) == pytest.approx({"median_ms": 30.0, "p95_ms": 40.0 + 0.8 * 60.0})
    assert latency_summary([]) == {"median_ms": None, "p95_ms": None}


def test_a_rates_interval_keeps_its_width_at_none_or_all_and_narrows_with_more_questions():
    assert proportion_interval(0, 0) is None
    none_of_12, none_of_120 = proportion_interval(0, 12), proportion_interval(0, 120)
    assert none_of_12[0] == pytest.approx(0.0, abs=1e-12) and 0.2 < none_of_12[1] < 0.3  # not 0.000 - 0.000
    assert none_of_120[1] < none_of_12[1]
    low, high = proportion_interval(7, 10)
    assert low < 0.7 < high


def test_bootstrap_interval_brackets_the_rate_and_narrows_with_more_questions():
    few = [1, 0, 1, 1, 0, 1, 0, 1, 1, 0]  # 60% of 10 questions
    many = few * 10  # the same rate over 100
    low, high = bootstrap_interval([few], fmean)
    assert low < 0.6 < high and high - low > 0.35
    low_many, high_many = bootstrap_interval([many], fmean)
    assert low_many < 0.6 < high_many and high_many - low_many < (high - low) / 2
    assert bootstrap_interval([many], fmean, seed=3) != bootstrap_interval([many], fmean, seed=4)
    assert bootstrap_interval([[1]], fmean) is None


def test_bootstrap_interval_resamples_paired_columns_together():
    should = [True, False] * 20
    did = list(should)  # every abstention right: F1 is 1 in every resample

    def f1(should_sample, did_sample):
        return abstention_metrics(should_sample.astype(bool).tolist(), did_sample.astype(bool).tolist())["f1"]

    assert bootstrap_interval([should, did], f1) == (1.0, 1.0)


def test_bootstrap_interval_leaves_out_resamples_where_the_statistic_is_undefined():
    # 7 questions, 2 unanswerable, both abstained on and nothing else: F1 is 1 wherever it is
    # defined; about one resample in ten draws no unanswerable question and has no F1 at all.
    should = [False] * 5 + [True] * 2
    did = list(should)

    def f1(should_sample, did_sample):
        return abstention_metrics(should_sample.astype(bool).tolist(), did_sample.astype(bool).tolist())["f1"]

    assert bootstrap_interval([should, did], f1) == (1.0, 1.0)
    assert bootstrap_interval([should, did], lambda s, d: math.nan if not s.any() else 1.0) == (1.0, 1.0)


def test_bootstrap_interval_is_none_when_too_few_resamples_are_defined():
    one_in_twenty = [1] + [0] * 19

    def share_if(least: int):
        return lambda sample: fmean(sample) if sample.sum() >= least else None

    # P(the one drawn at least once) = 1 - 0.95**20 = 0.64; at least twice: 0.26
    assert MIN_DEFINED_RESAMPLES == 0.5
    low, high = bootstrap_interval([one_in_twenty], share_if(1))
    assert 0.05 <= low <= high
    assert bootstrap_interval([one_in_twenty], share_if(2)) is None


def test_shared_rank_metrics_credit_items_sharing_a_rank_at_that_rank():
    # q1: two relevant items held at rank 1, the third at rank 3; q2: its one item never found.
    ranks = {"q1": {"x": 1, "y": 1, "z": 3}, "q2": {}}
    relevant = {"q1": ["x", "y", "z"], "q2": ["w"], "q3": []}
    values = shared_rank_metrics(ranks, relevant, cutoffs=(1, 2, 3))
    ndcg_q1 = (2 + 1 / math.log2(4)) / (2 + 1 / math.log2(3))  # ideal: the rank holding two first, then one
    assert values == pytest.approx({"recall@1": (2 / 3) / 2, "recall@2": (2 / 3) / 2, "recall@3": 1 / 2, "mrr@10": 1 / 2, "ndcg@10": ndcg_q1 / 2})
    assert shared_rank_metrics({}, {"q": []}) == {}


def test_shared_rank_metrics_equal_ir_measures_when_no_rank_is_shared():
    rng = random.Random(3)
    ranks, relevant, runs = {}, {}, {}
    for n in range(40):
        items = [f"i{j}" for j in range(rng.randint(1, 6))]
        positions = rng.sample(range(1, 13), len(items))  # some beyond 10, one item per rank
        found = {item: rank for item, rank in zip(items, positions) if rng.random() < 0.8}
        relevant[f"q{n}"], ranks[f"q{n}"] = items, found
        by_rank = {rank: item for item, rank in found.items()}
        runs[f"q{n}"] = ranked_run(by_rank.get(rank, f"other-{rank}") for rank in range(1, 13))
    qrels = {q: {item: 1 for item in items} for q, items in relevant.items()}
    assert shared_rank_metrics(ranks, relevant) == pytest.approx(retrieval_metrics(runs, qrels), abs=1e-12)
