"""SQuAD 2.0 benchmark: loading, sampling, metrics, and a small end-to-end run (real model, real index)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

from rag.answerability import FEATURES, AnswerabilityModel
from rag.settings import AnswerSettings
from rag.squad import (
    abstention_at,
    abstention_report,
    add_squad_arguments,
    contains_answer,
    load_squad,
    paragraph_id,
    run_squad_eval,
    select,
    split_titles,
)

SQUAD = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "squad2-dev" / "dev-v2.0.json"


@pytest.fixture(scope="module")
def squad():
    """The SQuAD 2.0 dev set shipped in shared/benchmarks."""
    return load_squad(SQUAD)


def test_load_squad_reads_every_question_and_paragraph(squad):
    assert len(squad.questions) == 11873
    assert len(squad.paragraphs) == 1204
    assert len(squad.titles()) == 35
    assert sum(q.answerable for q in squad.questions) == 5928
    assert len({p.doc_id for p in squad.paragraphs}) == len(squad.paragraphs)
    contexts = {p.doc_id: p.context for p in squad.paragraphs}
    assert all(answer in contexts[q.doc_id] for q in squad.questions for answer in q.answers)


def test_paragraph_id_is_a_slug_with_the_paragraph_number():
    assert paragraph_id("black-death", 7) == "black-death-007"  # a title that is already a slug is kept
    assert paragraph_id("Sky_(United_Kingdom)", 7) == "sky-united-kingdom_3fea6c9dc1-007"  # else a hash of the exact title follows


def test_titles_that_slug_alike_get_their_own_ids(tmp_path):
    titles = ["C++", "C#", "C", "c", "東京", "大阪", "Apple", "apple", "C++"]  # "C++" twice: its numbering goes on
    data = {"version": "v2.0", "data": [
        {"title": title, "paragraphs": [
            {"context": f"Paragraph {n} of article {a}, about {title}.", "qas": [
                {"id": f"{a}-{n}", "question": f"what is paragraph {n} of article {a} about?", "is_impossible": False,
                 "answers": [{"text": f"article {a}", "answer_start": 0}]}]}
            for n in range(2)]}
        for a, title in enumerate(titles)]}
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    squad = load_squad(path)
    ids = [p.doc_id for p in squad.paragraphs]
    assert len(set(ids)) == len(ids) == 2 * len(titles)
    assert all(doc_id.isascii() and "/" not in doc_id for doc_id in ids)
    assert [p.doc_id for p in load_squad(path).paragraphs] == ids  # stable
    contexts = {p.doc_id: p.context for p in squad.paragraphs}
    for q in squad.questions:
        article = int(q.qid.split("-")[0])
        assert f"article {article}," in contexts[q.doc_id], q.qid  # each question points at its own paragraph
    assert [p.doc_id for p in squad.paragraphs if p.title == "C++"] == [paragraph_id("C++", n) for n in range(4)]


def test_the_dev_file_has_no_clashing_ids_and_every_paragraph_its_own_file(squad):
    assert len({p.doc_id.casefold() for p in squad.paragraphs}) == len(squad.paragraphs)


def test_split_titles_is_deterministic_and_disjoint(squad):
    train, heldout = split_titles(squad.titles())
    assert (train, heldout) == split_titles(list(reversed(squad.titles())))
    assert not set(train) & set(heldout)
    assert set(train) | set(heldout) == set(squad.titles())
    assert abs(len(train) - len(heldout)) <= 1


def test_select_with_limit_takes_a_fixed_sample_from_few_titles(squad):
    questions, paragraphs = select(squad, limit=60)
    again, _ = select(squad, limit=60)
    assert [q.qid for q in questions] == [q.qid for q in again]
    assert len(questions) == 60
    titles = {q.title for q in questions}
    assert {p.title for p in paragraphs} == titles
    assert {q.doc_id for q in questions} <= {p.doc_id for p in paragraphs}


def test_select_without_limit_indexes_every_paragraph(squad):
    _, heldout = split_titles(squad.titles())
    questions, paragraphs = select(squad, heldout)
    assert len(paragraphs) == 1204
    assert {q.title for q in questions} == set(heldout)


def test_contains_answer_uses_squad_normalisation_and_whole_words():
    assert contains_answer("They gave their name to Normandy, a region in France.", ["France"])
    assert contains_answer("In the 10th and 11th centuries.", ["the 10th and 11th Centuries"])
    assert not contains_answer("The Franks ruled.", ["Frank"])
    assert not contains_answer("Anything at all.", [])


def test_abstention_report_thresholds_agree_with_brute_force():
    rng = np.random.default_rng(0)
    unanswerable = rng.random(400) < 0.5
    answerability = np.clip(rng.normal(np.where(unanswerable, 0.4, 0.6), 0.2), 0, 1)
    report = abstention_report(answerability, unanswerable, 0.5)
    table = [abstention_at(answerability, unanswerable, t) for t in np.append(np.unique(answerability), 1.01)]
    assert report["best_f1"]["f1"] == pytest.approx(max(m["f1"] for m in table))
    best_balance = max(m["recall"] - m["false_abstention_rate"] for m in table)
    assert report["balanced"]["recall"] - report["balanced"]["false_abstention_rate"] == pytest.approx(best_balance)
    assert report["max_10pct_false"]["false_abstention_rate"] <= 0.10
    assert report["shipped"]["threshold"] == 0.5
    assert 0.5 < report["auroc"] < 1.0


def test_abstention_report_of_a_perfect_score():
    unanswerable = np.array([True, True, False, False])
    report = abstention_report([0.1, 0.2, 0.8, 0.9], unanswerable, 0.5)
    assert report["auroc"] == 1.0
    assert report["balanced"]["recall"] == 1.0 and report["balanced"]["false_abstention_rate"] == 0.0
    assert report["shipped"]["f1"] == 1.0


def test_run_squad_eval_on_a_small_sample_end_to_end(tmp_path, squad):
    parser = argparse.ArgumentParser()
    add_squad_arguments(parser)
    args = parser.parse_args([str(SQUAD), "--limit", "60", "--out", str(tmp_path / "reports"), "--cache", str(tmp_path / "cache")])
    assert run_squad_eval(args) == 0
    report = json.loads((tmp_path / "reports" / "squad-60.json").read_text(encoding="utf-8"))
    markdown = (tmp_path / "reports" / "squad-60.md").read_text(encoding="utf-8")
    assert markdown.startswith("# SQuAD 2.0 benchmark")
    shipped = AnswerSettings.load()
    differs = (
        "except unknown_term_penalty 0, unknown_name_penalty 0, name_elsewhere_penalty 0 and type_unmet_penalty 0 instead of the shipped "
        f"{shipped.unknown_term_penalty:g}, {shipped.unknown_name_penalty:g}, {shipped.name_elsewhere_penalty:g} and {shipped.type_unmet_penalty:g}"
    )
    assert differs in markdown  # the shipped row says how it differs
    assert "| answered correctly at the shipped threshold (answerable) |" in markdown
    assert "questions are drawn from its 18 held-out titles only" in markdown and "titles are reported" not in markdown  # not "all 18" next to "from 1"
    assert f"from {len(report['titles'])} title{'' if len(report['titles']) == 1 else 's'};" in markdown
    metrics = report["metrics"]
    assert metrics["questions"] == 60
    recall = metrics["retrieval"]
    assert 0.0 < recall["recall@1"] <= recall["recall@3"] <= recall["recall@5"] <= recall["recall@10"] <= 1.0
    assert metrics["answer_in_first_quote"] <= metrics["answer_in_quotes"]
    assert metrics["answer_in_quotes"] > 0.3
    abstention = metrics["abstention"]
    assert abstention["answerable"] + abstention["unanswerable"] == 60
    assert 0.5 < abstention["auroc"] <= 1.0
    for name in ("shipped", "best_f1", "balanced", "max_10pct_false"):
        precision = abstention[name]["precision"]
        assert (precision is None) == (abstention[name]["abstained"] == 0.0), name  # undefined when nothing is abstained on
        assert (precision is None or 0.0 <= precision <= 1.0) and 0.0 <= abstention[name]["recall"] <= 1.0
    provenance = AnswerabilityModel.load().provenance
    assert provenance["dataset_sha256"] == squad.sha256  # the shipped model was trained on this file's training titles
    assert set(report["titles"]) <= set(provenance["heldout_titles"])
    assert not set(report["titles"]) & set(provenance["train_titles"])


def test_the_training_titles_can_be_asked_for_tuning_and_are_reported_apart(tmp_path, squad):
    parser = argparse.ArgumentParser()
    add_squad_arguments(parser)
    args = parser.parse_args([str(SQUAD), "--titles", "train", "--limit", "20", "--out", str(tmp_path / "reports"), "--cache", str(tmp_path / "cache")])
    assert run_squad_eval(args) == 0
    report = json.loads((tmp_path / "reports" / "squad-train-20.json").read_text(encoding="utf-8"))
    provenance = AnswerabilityModel.load().provenance
    assert report["title_set"] == "train" and report["metrics"]["questions"] == 20
    assert set(report["titles"]) <= set(provenance["train_titles"])  # never a held-out title
    assert "the abstention figures are in-sample" in (tmp_path / "reports" / "squad-train-20.md").read_text(encoding="utf-8")
    assert not (tmp_path / "reports" / "squad-20.json").exists()  # a held-out report is never overwritten


def test_an_unwritable_report_folder_is_refused_before_the_run(tmp_path):
    from rag.errors import RagError

    parser = argparse.ArgumentParser()
    add_squad_arguments(parser)
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    args = parser.parse_args([str(SQUAD), "--limit", "60", "--out", str(tmp_path / "a-file" / "reports"), "--cache", str(tmp_path / "cache")])
    with pytest.raises(RagError, match="cannot write the reports to .*a-file is not a folder"):
        run_squad_eval(args)
    assert not (tmp_path / "cache").exists()  # refused before anything was indexed


def test_fit_logistic_matches_scikit_learn_and_keeps_the_weight_signs():
    from sklearn.linear_model import LogisticRegression

    from eval.train_answerability import SIGNS, fit_logistic

    rng = np.random.default_rng(1)
    x = rng.normal(size=(3000, len(FEATURES))) * rng.uniform(0.5, 3.0, len(FEATURES)) + rng.normal(size=len(FEATURES))
    direction = np.array([SIGNS[name] or 0.5 for name in FEATURES])
    y = x @ direction + rng.normal(size=len(x)) > 0
    bias, weights = fit_logistic(x, y)
    reference = LogisticRegression(max_iter=5000).fit((x - x.mean(0)) / x.std(0), y)
    assert [weights[name] for name in FEATURES] == pytest.approx(list(reference.coef_[0] / x.std(0)), abs=1e-3)
    assert bias == pytest.approx(reference.intercept_[0] - np.sum(reference.coef_[0] / x.std(0) * x.mean(0)), abs=1e-3)
    flipped = fit_logistic(x, ~y)[1]  # every signed feature now points the wrong way: its weight stays at 0
    assert all(flipped[name] == 0.0 for name in FEATURES if SIGNS[name])
