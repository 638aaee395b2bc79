"""`rag eval`: gold-file checks, the split, scoring on hand-made answers, and the runner end to end."""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import statistics
from pathlib import Path
from dataclasses import asdict, replace

import pytest

from conftest import ROOT
from rag.cli import build_parser, main
from rag.errors import RagError
from rag.settings import AnswerSettings, SettingsError
from rag.gold import GoldFormatError, GoldQuestion, GoldQuote, grounding_problems, load_gold, parse_gold, question_key, split_of
from rag.gold_scoring import choose_threshold, make_record, outcome, retrieval_summary

DOC = "000_1eb8a4053cc42a55"
SMALL_GOLD = [
    {"id": "q002", "question": "how much did Anthropic pay for the compute used in the RSI research", "answerable": False, "gold": [], "must_contain": [], "kind": "unanswerable"},
    {"id": "q003", "question": "what day did anthropic announce this", "answerable": True, "gold": [{"doc_id": DOC, "quote": "Anthropic on Thursday urged a temporary pause on frontier AI development"}], "must_contain": ["Thursday"], "kind": "factoid"},
    {"id": "q004", "question": "what is anthropic actually asking for?", "answerable": True, "gold": [
        {"doc_id": DOC, "quote": "Anthropic on Thursday urged a temporary pause on frontier AI development after internal research suggested its most capable models could move toward recursive self-improvement."},
        {"doc_id": "001_78c6a7510baeab71", "quote": "Anthropic is sounding the alarm about AI systems that could eventually improve themselves—and is calling for a pause in the breakneck race to build ever more powerful models."},
        {"doc_id": "003_d04b17a40513e639", "quote": "The company is calling for a global mechanism to pause or halt frontier AI development"}],
     "must_contain": ["pause"], "kind": "multi-source"},
    {"id": "q006", "question": "who acused anthropic of regulatory capture", "answerable": True, "gold": [{"doc_id": DOC, "quote": "Venture capitalist David Sacks accused the company of pursuing a “regulatory capture agenda.”"}], "must_contain": ["David Sacks"], "kind": "who-said-it"},
    {"id": "q009", "question": "What did the EU AI Office say in response to Anthropic's call for a pause?", "answerable": False, "gold": [], "must_contain": [], "kind": "unanswerable"},
    {"id": "q016", "question": "Which security researcher warned about backdoors in self-modifying AI?", "answerable": True, "gold": [{"doc_id": DOC, "quote": "Azizi Othman of Asia e University warned that self-modifying systems could be made to accept backdoors or hidden instructions"}], "must_contain": ["Azizi Othman"], "kind": "who-said-it"},
    {"id": "q018", "question": "What annualized revenue run rate is Anthropic projecting?", "answerable": True, "gold": [{"doc_id": DOC, "quote": "Anthropic projects an annualized revenue run rate of about $50 billion"}], "must_contain": ["$50 billion"], "kind": "numeric"},
]


def _question(qid: str, kind: str = "factoid", gold: tuple[GoldQuote, ...] = (), must: tuple[str, ...] = ()) -> GoldQuestion:
    return GoldQuestion(qid, f"question {qid}", kind not in {"unanswerable", "adversarial"}, gold, must, kind)


# -- the gold file ---------------------------------------------------------------------
def test_parse_gold_names_every_bad_line():
    good = json.dumps(SMALL_GOLD[1])
    lines = [
        good,
        good,  # duplicate id
        json.dumps({k: v for k, v in SMALL_GOLD[1].items() if k != "kind"} | {"id": "x1"}),
        json.dumps(SMALL_GOLD[0] | {"id": "x2", "kind": "factoid"}),
        "{not json",
        json.dumps(SMALL_GOLD[1] | {"id": "x3", "must_contain": []}),
        '{"id": "x4", "question": "a", "id": "x5"}',
        json.dumps(SMALL_GOLD[1] | {"id": "x6"}).replace('"quote": ', '"quote": "first", "quote": '),
        '{"id": "x7", "question": "unterminated',
    ]
    with pytest.raises(GoldFormatError) as error:
        parse_gold(lines, "tiny.jsonl")
    message = str(error.value)
    assert "line 2: id 'q003' is already used on line 1" in message
    assert "line 3: missing key 'kind'" in message
    assert "line 4: kind 'factoid' contradicts answerable=False" in message
    assert "line 5, column 2: not valid JSON (Expecting property name enclosed in double quotes)" in message
    assert "line 6: an answerable question needs gold quotes and must_contain strings" in message
    assert "line 7: key 'id' appears twice in one JSON object" in message  # not silently the last value
    assert "line 8: key 'quote' appears twice in one JSON object" in message  # in a nested object too
    assert "line 9, column 26: not valid JSON (Unterminated string starting at)" in message
    assert "line 1:" not in message


def test_grounding_problems_catch_retyped_quotes_missing_articles_and_stray_must_contain():
    texts = {"a": "She said “no” to the plan on Monday."}
    questions = [
        _question("ok", gold=(GoldQuote("a", "She said “no” to the plan"),), must=("NO",)),
        _question("retyped", gold=(GoldQuote("a", 'She said "no" to the plan'),), must=("no",)),
        _question("elsewhere", gold=(GoldQuote("b", "anything"),), must=("anything",)),
        _question("stray", gold=(GoldQuote("a", "on Monday"),), must=("Tuesday",)),
    ]
    problems = grounding_problems(questions, texts)
    assert [p.split(":")[0] for p in problems] == ["retyped", "elsewhere", "stray"]


def test_a_quote_not_found_says_where_it_stops_matching_or_which_article_holds_it(answerer):
    texts = {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()}
    sentence = "CEO Dario Amodei and other executives have raised concerns about potential socioeconomic effects, including increased inequality and displacement of entry-level white-collar jobs"
    assert sentence in texts[DOC]
    late = sentence.replace("white-collar", "white collar")  # differs at character 167, past any shortened quote
    other = "001_78c6a7510baeab71"
    problems = grounding_problems([
        _question("late", gold=(GoldQuote(DOC, late),), must=("jobs",)),
        _question("elsewhere", gold=(GoldQuote(other, sentence),), must=("jobs",)),
        _question("misnamed", gold=(GoldQuote(f"{DOC}.txt", sentence),), must=("jobs",)),
    ], texts)
    assert problems == [
        f"late: quote not found verbatim in {DOC}: it matches the article up to character 166 (…'placement of entry-level white'), "
        "then the quote has ' collar jobs' where the article has '-collar jobs if adva'",
        f"elsewhere: quote not found verbatim in {other}; it is verbatim in {DOC}",
        f"misnamed: no article '{DOC}.txt'; it is verbatim in {DOC}",
    ]


def test_split_is_stratified_by_kind_deterministic_and_independent_of_order():
    kinds = ["factoid"] * 7 + ["unanswerable"] * 5 + ["paraphrase"] * 4
    questions = [_question(f"q{n:03d}", kind) for n, kind in enumerate(kinds)]
    split = split_of(questions)
    shuffled = questions[:]
    random.Random(7).shuffle(shuffled)
    assert split_of(shuffled) == split
    for kind, n in (("factoid", 7), ("unanswerable", 5), ("paraphrase", 4)):
        in_dev = sum(split[q.id] == "dev" for q in questions if q.kind == kind)
        assert in_dev in ((n + 1) // 2, n // 2), kind  # each kind's halves differ by at most one
    assert abs(sum(half == "dev" for half in split.values()) - len(questions) / 2) <= 0.5  # and so do the halves


def test_a_set_without_split_keys_is_dealt_alternately_across_kinds_as_before_the_keys():
    questions = [_question(f"q{n:03d}", kind) for n, kind in enumerate(["paraphrase"] * 7 + ["adversarial"] * 5 + ["factoid"] * 6)]
    dealt = [q.id for kind in ("adversarial", "factoid", "paraphrase")
             for q in sorted((q for q in questions if q.kind == kind), key=lambda q: hashlib.sha256(q.id.encode()).hexdigest())]
    assert split_of(questions) == {qid: ("dev", "held-out")[position % 2] for position, qid in enumerate(dealt)}


def test_a_line_s_split_is_kept_and_the_others_start_with_the_smaller_half():
    named = [replace(_question(f"n{n}"), split=half) for n, half in enumerate(["dev", "dev", "dev", "held-out"])]
    other_kind = [replace(_question("u1", "unanswerable"), split="held-out")]
    new = [_question(f"new{n}") for n in range(3)]
    split = split_of([*named, *other_kind, *new])
    assert [split[q.id] for q in [*named, *other_kind]] == ["dev", "dev", "dev", "held-out", "held-out"]
    by_hash = sorted((q.id for q in new), key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    assert [split[i] for i in by_hash] == ["held-out", "held-out", "dev"]  # they fill factoid's smaller half first
    assert split_of([*named, *new, *other_kind]) == split


def test_a_split_other_than_dev_or_held_out_is_refused():
    with pytest.raises(GoldFormatError, match="line 1: split 'train' is not one of dev, held-out"):
        parse_gold([json.dumps(SMALL_GOLD[1] | {"split": "train"})])
    assert parse_gold([json.dumps(SMALL_GOLD[1] | {"split": "held-out"})])[0].split == "held-out"


# -- scoring stored answers --------------------------------------------------------------
TEXTS = {"a": "Alpha one. Beta two. Gamma three.", "b": "Beta two, says b. Delta four."}


def _passage(doc: str, start: int, end: int) -> dict:
    return {"doc_id": doc, "start": start, "end": end, "text": TEXTS[doc][start:end], "title": doc, "score": 0.0}


def _answer(quotes: list[dict], answerability: float = 0.9) -> dict:
    passages = [_passage("b", 0, 17), _passage("a", 0, 10), _passage("a", 11, 20)]
    return {"question": "q", "abstained": not quotes, "answer": "", "answerability": answerability, "quotes": quotes, "passages": passages, "timings_ms": {"total": 5.0}}


def _quote(doc: str, start: int, end: int, text: str | None = None, also: tuple[str, ...] = (), corroborations: tuple[dict, ...] = ()) -> dict:
    return {"text": TEXTS[doc][start:end] if text is None else text, "doc_id": doc, "start": start, "end": end, "title": doc, "score": 1.0,
            "also_in": list(also), "corroborations": list(corroborations)}


BETA = _question("beta", gold=(GoldQuote("a", "Beta two."),), must=("beta TWO",))


def test_rankings_of_documents_and_of_passages_holding_gold_quotes():
    record = make_record(BETA, "dev", _answer([]), TEXTS)
    assert record.doc_ranking == ("b", "a")
    assert record.quote_ranks == (("a#0", 3),)
    summary = retrieval_summary([record], (1, 3))
    assert summary["documents"]["recall@1"] == 0.0 and summary["documents"]["recall@3"] == 1.0
    assert summary["documents"]["mrr@10"] == pytest.approx(1 / 2)
    assert summary["gold_quotes"]["recall@1"] == 0.0 and summary["gold_quotes"]["recall@3"] == 1.0
    assert summary["gold_quotes"]["mrr@10"] == pytest.approx(1 / 3)


def test_gold_quotes_sharing_a_passage_are_credited_at_that_passage_s_rank():
    # Passage 1 ("Beta two, says b.") holds no gold quote; passage 2 ("Alpha one.") holds two;
    # passage 3 ("Beta two.") holds the third. The two quotes of passage 2 both count at rank 2,
    # so passage 3 stays at rank 3 instead of sliding down to 4.
    three = _question("three", gold=(GoldQuote("a", "Alpha"), GoldQuote("a", "one."), GoldQuote("a", "Beta two.")), must=("alpha",))
    record = make_record(three, "dev", _answer([]), TEXTS)
    assert record.quote_ranks == (("a#0", 2), ("a#1", 2), ("a#2", 3))
    quotes = retrieval_summary([record], (1, 2, 3))["gold_quotes"]
    assert (quotes["recall@1"], quotes["recall@2"], quotes["recall@3"]) == (0.0, pytest.approx(2 / 3), 1.0)
    assert quotes["mrr@10"] == pytest.approx(1 / 2)
    # gains 2 at rank 2 and 1 at rank 3; the ideal order of those passages is 2 then 1
    assert quotes["ndcg@10"] == pytest.approx((2 / math.log2(3) + 1 / math.log2(4)) / (2 + 1 / math.log2(3)))


def test_outcome_counts_corroborating_citations_and_checks_every_span():
    corroboration = {"doc_id": "b", "start": 0, "end": 8, "text": "Beta two"}
    record = make_record(BETA, "dev", _answer([_quote("a", 11, 20, also=("b",), corroborations=(corroboration,))]), TEXTS)
    assert [s.exact for s in record.spans] == [True, True]
    result = outcome(record, threshold=0.5)
    assert not result.abstained and result.must_contain_hit and result.gold_quote_hit
    assert result.cited == ("a", "b")
    assert (result.citation_precision, result.citation_recall) == (0.5, 1.0)
    assert result.token_f1 == pytest.approx(1.0)


def test_a_wrong_quote_is_caught_and_a_high_threshold_turns_the_answer_into_an_abstention():
    record = make_record(BETA, "dev", _answer([_quote("a", 0, 10, text="Alpha one!")], answerability=0.4), TEXTS)
    assert [s.exact for s in record.spans] == [False]
    answered = outcome(record, threshold=0.3)
    assert not answered.abstained and not answered.must_contain_hit and not answered.gold_quote_hit
    assert (answered.citation_precision, answered.citation_recall) == (1.0, 1.0)
    assert outcome(record, threshold=0.5).abstained


def test_choose_threshold_respects_the_false_abstention_limit_then_breaks_ties():
    rows = [
        {"threshold": 0.1, "f1": 0.5, "false_abstention_rate": 0.0, "must_contain_hit": 0.6},
        {"threshold": 0.2, "f1": 0.7, "false_abstention_rate": 0.05, "must_contain_hit": 0.5},
        {"threshold": 0.3, "f1": 0.7, "false_abstention_rate": 0.08, "must_contain_hit": 0.6},
        {"threshold": 0.4, "f1": 0.7, "false_abstention_rate": 0.09, "must_contain_hit": 0.6},
        {"threshold": 0.5, "f1": 0.7, "false_abstention_rate": 0.10, "must_contain_hit": 0.6},
        {"threshold": 0.6, "f1": 0.9, "false_abstention_rate": 0.30, "must_contain_hit": 0.4},
    ]
    assert choose_threshold(rows, 0.10)["threshold"] == 0.4
    assert choose_threshold(rows, 0.30)["threshold"] == 0.6
    assert choose_threshold(rows[1:], 0.01)["threshold"] == 0.2  # nothing within the limit: the least false abstention
    assert choose_threshold(rows, 0.10, current=0.3)["threshold"] == 0.3  # a tie keeps the shipped threshold
    assert choose_threshold(rows, 0.10, current=0.6)["threshold"] == 0.4  # which must be among the best


def _records(abstained_on: str) -> list:
    """Seven hand-made records, two of them unanswerable: ``abstained_on`` is "unanswerable"
    (both abstained on, every answerable one answered) or "nothing" (every one answered)."""
    answerable = [make_record(replace(BETA, id=f"a{n}"), "dev", _answer([_quote("a", 11, 20)]), TEXTS) for n in range(5)]
    unanswerable = [
        make_record(_question(f"u{n}", "unanswerable"), "dev", _answer([] if abstained_on == "unanswerable" else [_quote("b", 18, 29)]), TEXTS)
        for n in range(2)
    ]
    return answerable + unanswerable


def test_intervals_of_rates_keep_their_width_when_every_question_went_one_way():
    from rag.gold_scoring import summarize

    summary = summarize(_records("unanswerable"), 0.0)
    assert summary["abstention"]["f1"] == 1.0 and summary["abstention"]["false_abstention_rate"] == 0.0
    # F1 is 1 in every resample that draws an unanswerable question: no interval, not "1.000 – 1.000"
    assert summary["intervals"]["abstention_f1"] is None
    # five answerable questions, all hit and none abstained on, pin the rates down no better than Wilson's interval
    low, high = summary["intervals"]["false_abstention_rate"]
    assert low == pytest.approx(0.0, abs=1e-12) and high == pytest.approx(0.434, abs=0.001)
    low, high = summary["intervals"]["must_contain_hit"]
    assert low == pytest.approx(0.566, abs=0.001) and high == pytest.approx(1.0)


def test_precision_with_nothing_abstained_on_is_undefined_in_the_summary_the_sweep_the_tables_and_the_plot():
    import matplotlib.pyplot as plt

    from rag.eval_report import abstention_figure, metric_table
    from rag.gold_scoring import summarize, sweep

    records = _records("nothing")
    summary = summarize(records, 0.0)
    assert summary["abstention"] == {"threshold": 0.0, "precision": None, "recall": 0.0, "f1": 0.0, "false_abstention_rate": 0.0}
    [precision_row] = [line for line in metric_table({"all": summary}).splitlines() if line.split()[-2:-1] == ["precision"] and "citation" not in line]
    assert precision_row.split()[-1] == "–"
    rows = sweep(records, (0.0, 0.5, 0.95))  # answerability 0.9: nothing abstained on, then everything
    assert [r["precision"] for r in rows] == [None, None, pytest.approx(2 / 7)]
    fig = abstention_figure({"all": rows}, None)
    [precision_line] = [line for line in fig.axes[0].get_lines() if line.get_label() == "precision"]
    ys = list(precision_line.get_ydata())
    assert math.isnan(ys[0]) and math.isnan(ys[1]) and ys[2] == pytest.approx(2 / 7)  # a gap, not 0
    plt.close(fig)


def test_thresholds_in_the_tables_keep_their_significant_digits():
    from rag.eval_report import metric_table

    table = metric_table({"dev": {"questions": 1, "abstention": {"threshold": 0.005012}}, "held-out": {"questions": 1, "abstention": {"threshold": 1e-05}}})
    [row] = [line for line in table.splitlines() if "threshold" in line]
    assert row.split()[-2:] == ["0.005012", "1e-05"]


def _row(qid: str, answerable: bool, answerability: float, question: str = "a question", **extra) -> dict:
    """A per-question row of the JSON report, as ``rag.evaluation`` writes it, for the Markdown tables."""
    return {"id": qid, "kind": "factoid" if answerable else "unanswerable", "split": "dev", "question": question, "answerable": answerable,
            "must_contain": ["pause"] if answerable else [], "answerability": answerability, "abstained": False,
            "must_contain_hit": False if answerable else None, "answer": "an answer"} | extra


def test_the_markdown_tables_show_which_side_of_the_threshold_a_score_fell():
    from rag.eval_report import markdown_report

    rows = [_row("below", True, 0.0050119, abstained=True), _row("above", False, 0.0050121), _row("high", False, 0.53)]
    markdown = markdown_report({"title": "t", "summary": {}, "threshold": 0.005012, "questions": rows}, {})
    cells = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")] for line in markdown.splitlines() if line.startswith("| ") and "answerability" not in line}
    assert "0.0050119" in cells["below"] and "0.0050121" in cells["above"] and "0.53" in cells["high"]  # not all 0.01, 0.01 and 0.53


def test_a_miss_is_listed_with_what_the_answer_lacks_and_where_its_gold_quote_was_retrieved():
    from rag.eval_report import markdown_report

    long_answer = "Anthropic urged a pause. " * 12  # 300 characters: shown whole, not cut at 160
    rows = [
        _row("q1", True, 0.9, must_contain=["pause", "Thursday"], missing=["Thursday"], gold_quotes=[{"passage_rank": 4}, {"passage_rank": 2}], answer=long_answer),
        _row("q2", True, 0.9, missing=["pause"], gold_quotes=[{"passage_rank": None}]),
    ]
    markdown = markdown_report({"title": "t", "summary": {}, "threshold": 0.005012, "questions": rows}, {})
    cells = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[1:-1]] for line in markdown.splitlines() if line.startswith("| q")}
    assert cells["q1"][4:7] == ["Thursday", "0.9", "2"] and cells["q1"][7] == long_answer.strip()
    assert cells["q2"][4:7] == ["pause", "0.9", "–"]  # no passage held the gold quote: retrieval's miss


def test_the_markdown_failure_lists_say_none_and_show_markup_in_questions_as_written():
    from rag.eval_report import markdown_report

    rows = [_row("q1", True, 0.9, must_contain_hit=True), _row("q2", False, 0.4, question="why did sacks *praise* the <b>pause</b> | plan")]
    markdown = markdown_report({"title": "t", "summary": {}, "threshold": 0.005012, "questions": rows}, {})
    missed = markdown.split("## Answerable questions that missed a must_contain string\n\n")[1]
    assert missed.startswith("None.\n\n## Unanswerable questions that were answered")
    [cell] = [c.strip() for line in markdown.splitlines() if line.startswith("| q2") for c in line.split(" | ")[3:4]]
    assert cell == r"why did sacks \*praise\* the \<b\>pause\</b\> \| plan"


# -- the runner end to end (real model, real index) ----------------------------------------
@pytest.fixture(scope="module")
def small_gold(tmp_path_factory):
    path = tmp_path_factory.mktemp("gold") / "small.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in SMALL_GOLD), encoding="utf-8")
    return path


def _eval_args(*extra: str):
    return build_parser().parse_args(["eval", *extra])


@pytest.fixture(scope="module")
def plain_run(answerer, index_dir, small_gold, tmp_path_factory):
    from rag.evaluation import run_gold_eval

    out = tmp_path_factory.mktemp("reports")
    args = _eval_args("--gold", str(small_gold), "--index", str(index_dir), "--out", str(out), "--json")
    assert run_gold_eval(args, answerer) == 0
    return out, json.loads((out / "small.json").read_text(encoding="utf-8"))


def test_the_report_files_are_written(plain_run):
    out, payload = plain_run
    for name in ("small.json", "small.md", "small-recall.png", "small-abstention.png"):
        assert (out / name).stat().st_size > 0, name
    for image in ("small-recall.png", "small-abstention.png"):
        assert (out / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    markdown = (out / "small.md").read_text(encoding="utf-8")
    assert "](small-recall.png)" in markdown and "](small-abstention.png)" in markdown
    assert "| must_contain hit" in markdown and "## By kind (all)" in markdown
    assert "| 95% interval (Wilson; F1: bootstrap)" in markdown
    assert set(payload["summary"]) == {"all", "dev", "held-out"}
    assert set(payload["sweep"]) == {"all", "dev", "held-out"}  # a plain run sweeps each half too, as a calibrated one does
    assert len(payload["questions"]) == len(SMALL_GOLD)
    assert "- **must_contain hit**: share of answerable questions" in markdown  # each metric has its line under the table
    assert any(note.startswith("dev: the half `rag eval --calibrate` tunes on when calibrating on this set") for note in payload["notes"])


def test_a_small_gold_set_is_told_its_halves_are_small_and_each_row_says_how_its_question_was_read(plain_run, answerer):
    _, payload = plain_run
    for half in ("dev", "held-out"):
        rows = [row for row in payload["questions"] if row["split"] == half]
        answerable = sum(row["answerable"] for row in rows)
        assert f"the {half} half has only {len(rows)} questions ({answerable} answerable, {len(rows) - answerable} not)" in "\n".join(payload["notes"])
    assert [row["read_as"] for row in payload["questions"]] == [answerer.answer(row["question"]).read_as for row in payload["questions"]]
    assert [row["read_as"] for row in payload["questions"] if row["read_as"]] == ["who accused anthropic of regulatory capture"]  # q006's typo


def test_the_abstention_plot_spreads_the_small_thresholds_where_calibration_decides(plain_run):
    import matplotlib.pyplot as plt

    from rag.eval_report import abstention_figure

    _, payload = plain_run
    fig = abstention_figure(payload["sweep"], 0.005012)
    ax = fig.axes[0]

    def across(x: float) -> float:  # share of the panel's width left of threshold x
        return float(ax.transAxes.inverted().transform(ax.transData.transform((x, 0.5)))[0])

    assert ax.get_ylabel() == "rate"
    assert across(0.0) == pytest.approx(0.0) and across(1.0) == pytest.approx(1.0)
    assert 0.3 < across(0.005012) < 0.7  # the shipped threshold, not squashed against the axis
    assert across(0.01) - across(0.0001) > 0.3  # the 21 fine sweep steps spread out
    plt.close(fig)


def test_summary_agrees_with_the_per_question_rows(plain_run):
    _, payload = plain_run
    rows, summary = payload["questions"], payload["summary"]["all"]
    answerable = [r for r in rows if r["answerable"]]
    hand_recall_1 = statistics.fmean(len(set(r["doc_ranking"][:1]) & set(r["gold_docs"])) / len(r["gold_docs"]) for r in answerable)
    hand_recall_10 = statistics.fmean(len(set(r["doc_ranking"][:10]) & set(r["gold_docs"])) / len(r["gold_docs"]) for r in answerable)
    assert summary["retrieval"]["documents"]["recall@1"] == pytest.approx(hand_recall_1)
    assert summary["retrieval"]["documents"]["recall@10"] == pytest.approx(hand_recall_10)
    for key in ("must_contain_hit", "gold_quote_hit", "token_f1"):  # null where it does not apply, so a column's mean is the rate
        assert all((r[key] is None) == (not r["answerable"]) for r in rows), key
        assert summary["answers"][key] == pytest.approx(statistics.fmean(r[key] for r in rows if r[key] is not None)), key
    should, did = [not r["answerable"] for r in rows], [r["abstained"] for r in rows]
    abstained_right = sum(s and d for s, d in zip(should, did))
    assert summary["abstention"]["recall"] == pytest.approx(abstained_right / sum(should))
    assert summary["abstention"]["false_abstention_rate"] == pytest.approx(sum(d and not s for s, d in zip(should, did)) / len(answerable))
    assert summary["answers"]["quote_exactness"] == 1.0
    assert summary["answers"]["spans_checked"] >= sum(len(r["quotes"]) for r in rows if not r["abstained"]) > 0
    for row in rows:
        if not row["abstained"] and row["answerable"]:
            quoted = " ".join(part["text"] for q in row["quotes"] for part in (q, *q["corroborations"])).casefold()
            assert row["must_contain_hit"] == all(s.casefold() in quoted for s in row["must_contain"]), row["id"]
    assert summary["latency"]["p95_ms"] >= summary["latency"]["median_ms"] > 0
    for key, rate in (("must_contain_hit", summary["answers"]["must_contain_hit"]), ("abstention_f1", summary["abstention"]["f1"])):
        interval = summary["intervals"][key]
        if interval is None:  # every resample gave the same F1: no interval
            assert key == "abstention_f1" and rate in (0.0, 1.0), key
            continue
        low, high = interval
        assert low <= rate <= high, key


def test_the_per_question_rows_give_the_passages_that_gold_quote_recall_is_computed_from(plain_run, corpus_dir):
    _, payload = plain_run
    rows, summary = payload["questions"], payload["summary"]["all"]["retrieval"]["gold_quotes"]
    gold = {row["id"]: row for row in SMALL_GOLD}
    texts = {path.stem: path.read_text(encoding="utf-8") for path in corpus_dir.glob("*.txt")}
    by_hand: dict[int, list[float]] = {k: [] for k in (1, 3, 5, 10)}
    reciprocal = []
    for row in (r for r in rows if r["answerable"]):
        assert len(row["passages"]) == 10 and all(set(p) == {"doc_id", "start", "end", "score"} for p in row["passages"])
        assert [p["doc_id"] for p in row["passages"]][:1] == row["doc_ranking"][:1]
        ranks = []
        for quote in gold[row["id"]]["gold"]:  # the first passage covering at least half of the quote
            start = texts[quote["doc_id"]].index(quote["quote"])
            end = start + len(quote["quote"])
            held = [n for n, p in enumerate(row["passages"], 1) if p["doc_id"] == quote["doc_id"] and min(end, p["end"]) - max(start, p["start"]) >= (end - start) / 2]
            ranks.append(held[0] if held else math.inf)
        assert [(g["doc_id"], g["quote"]) for g in row["gold_quotes"]] == [(q["doc_id"], q["quote"]) for q in gold[row["id"]]["gold"]]
        assert [g["passage_rank"] or math.inf for g in row["gold_quotes"]] == ranks  # the row says where each gold quote was retrieved
        assert (row["missing"] == []) == row["must_contain_hit"] and set(row["missing"]) <= set(row["must_contain"])
        for k in by_hand:
            by_hand[k].append(sum(rank <= k for rank in ranks) / len(ranks))
        reciprocal.append(1 / min(ranks) if min(ranks) <= 10 else 0.0)
    for k, values in by_hand.items():
        assert summary[f"recall@{k}"] == pytest.approx(statistics.fmean(values)), k
    assert summary["mrr@10"] == pytest.approx(statistics.fmean(reciprocal))


def test_an_answered_row_s_answer_joins_its_quotes_as_documented(plain_run):
    _, payload = plain_run
    answered = [row for row in payload["questions"] if not row["abstained"]]
    assert answered
    for row in answered:
        assert row["answer"] == " … ".join(q["text"] for q in row["quotes"]), row["id"]


def test_the_threshold_note_names_the_settings_file_and_the_gold_set_it_was_calibrated_on(plain_run, answerer, index_dir, small_gold, tmp_path):
    from rag.evaluation import run_gold_eval
    from rag.settings import CALIBRATED_SETTINGS

    shipped = json.loads(CALIBRATED_SETTINGS.read_text(encoding="utf-8"))
    _, payload = plain_run
    [note] = [n for n in payload["notes"] if n.startswith("abstention threshold")]
    assert note.startswith(f"abstention threshold {shipped['settings']['abstain_threshold']:g} (from the settings); settings: {CALIBRATED_SETTINGS}, calibrated by rag eval --calibrate")
    recorded = os.path.relpath((CALIBRATED_SETTINGS.parent / shipped["gold"]["path"]).resolve())  # as seen from here, not from rag/
    assert f"on the dev split of {recorded} (sha256 {shipped['gold']['sha256'][:12]}: another gold file than this one" in note

    def note_with(settings_file) -> str:
        from rag.answer import Answerer

        args = _eval_args("--gold", str(small_gold), "--index", str(index_dir), "--out", str(tmp_path), "--json", "--settings", str(settings_file))
        assert run_gold_eval(args, Answerer(answerer.retriever, settings=AnswerSettings.load(settings_file), answerability=answerer.answerability)) == 0
        return next(n for n in json.loads((tmp_path / "small.json").read_text(encoding="utf-8"))["notes"] if n.startswith("abstention threshold"))

    mine = AnswerSettings(abstain_threshold=0.25).save(
        tmp_path / "mine.json", calibrated_by="rag eval --calibrate", calibrated_at="2026-01-02T03:04:05Z",
        gold={"path": "my/gold.jsonl", "sha256": hashlib.sha256(small_gold.read_bytes()).hexdigest()},
    )
    assert note_with(mine).endswith(f"settings: {mine}, calibrated by rag eval --calibrate at 2026-01-02T03:04:05Z on the dev split of {os.path.relpath(tmp_path / 'my' / 'gold.jsonl')} "
                                    f"(sha256 {hashlib.sha256(small_gold.read_bytes()).hexdigest()[:12]}: this gold file)")
    bare = AnswerSettings(abstain_threshold=0.25).save(tmp_path / "bare.json")
    assert note_with(bare) == f"abstention threshold 0.25 (from the settings); settings: {bare}, which records no calibration"


def test_an_empty_split_has_no_quote_exactness_and_no_latency(answerer, index_dir, tmp_path, capsys):
    from rag.evaluation import run_gold_eval

    gold = tmp_path / "one.jsonl"
    gold.write_text(json.dumps(SMALL_GOLD[1] | {"split": "dev"}) + "\n", encoding="utf-8")
    assert run_gold_eval(_eval_args("--gold", str(gold), "--index", str(index_dir), "--out", str(tmp_path)), answerer) == 0
    printed = capsys.readouterr().out
    held_out = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["summary"]["held-out"]
    assert held_out["questions"] == 0
    assert held_out["answers"]["quote_exactness"] is None
    assert held_out["latency"] == {"median_ms": None, "p95_ms": None}
    for label in ("quote exactness", "median (ms)", "p95 (ms)"):
        [line] = [line for line in printed.splitlines() if label in line]
        assert line.split()[-1] == "–" and line.split()[-3] != "–", line  # columns: all, dev, held-out


def test_latency_is_timed_after_a_warm_up_so_the_first_question_is_not_an_outlier(index_dir, corpus_dir, small_gold, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    # a fresh process: the model's first run and the token counter load on its first answer
    argv = [str(Path(sys.executable).with_name("rag")), "eval", "--gold", str(small_gold), "--index", str(index_dir), "--corpus", str(corpus_dir),
            "--out", str(tmp_path), "--threshold", "0", "--json"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    totals = [row["timings_ms"]["total"] for row in json.loads((tmp_path / "small.json").read_text(encoding="utf-8"))["questions"]]
    assert totals[0] <= 3 * max(totals[1:]), totals


@pytest.mark.parametrize("answerable", [True, False], ids=["answerable-only", "unanswerable-only"])
def test_undefined_abstention_metrics_are_none_and_shown_as_a_dash(answerable, answerer, index_dir, tmp_path, capsys):
    from rag.evaluation import run_gold_eval

    gold = tmp_path / "one-kind.jsonl"
    gold.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in SMALL_GOLD if row["answerable"] == answerable), encoding="utf-8")
    assert run_gold_eval(_eval_args("--gold", str(gold), "--index", str(index_dir), "--out", str(tmp_path)), answerer) == 0
    printed = capsys.readouterr().out
    summary = json.loads((tmp_path / "one-kind.json").read_text(encoding="utf-8"))["summary"]
    undefined = ("precision", "recall", "f1") if answerable else ("false_abstention_rate",)
    interval = "abstention_f1" if answerable else "false_abstention_rate"
    labels = {"precision": "precision", "recall": "recall", "f1": "F1", "false_abstention_rate": "false-abstention rate"}
    markdown = (tmp_path / "one-kind.md").read_text(encoding="utf-8")
    for split in ("all", "dev", "held-out"):
        assert all(summary[split]["abstention"][key] is None for key in undefined), split
        assert summary[split]["intervals"][interval] is None, split
    for key in undefined:
        assert any(line.split()[-3:] == ["–", "–", "–"] for line in printed.splitlines() if labels[key] in line), key
        assert any(line.replace(" ", "").endswith("|–|–|–|") for line in markdown.splitlines() if f"| {labels[key]} " in line), key


def test_a_row_abstained_at_the_threshold_has_no_quotes_as_an_abstained_answer_has_none(answerer, index_dir, small_gold, tmp_path):
    from rag.evaluation import run_gold_eval

    assert run_gold_eval(_eval_args("--gold", str(small_gold), "--index", str(index_dir), "--out", str(tmp_path), "--threshold", "1", "--json"), answerer) == 0
    rows = json.loads((tmp_path / "small.json").read_text(encoding="utf-8"))["questions"]
    assert all(row["abstained"] and row["quotes"] == [] and row["answer"] == "" and row["cited"] == [] for row in rows)


def test_answers_at_a_threshold_are_those_the_answerer_gives_with_it(answerer, small_gold):
    from rag.answer import Answerer
    from rag.evaluation import answer_gold

    records = answer_gold(answerer, load_gold(small_gold))
    threshold = statistics.median(r.answerability for r in records)
    strict = Answerer(answerer.retriever, settings=replace(answerer.settings, abstain_threshold=threshold), answerability=answerer.answerability)
    decisions = set()
    for record in records:
        direct = strict.answer(record.gold.question, k=10).to_dict()
        assert direct["abstained"] == record.abstains_at(threshold), record.gold.id
        decisions.add(direct["abstained"])
        if not direct["abstained"]:
            assert direct["quotes"] == record.answer["quotes"], record.gold.id
        assert direct["passages"] == record.answer["passages"], record.gold.id
    assert decisions == {True, False}


def test_calibration_chooses_on_dev_reports_both_halves_and_saves_the_setting(answerer, index_dir, small_gold, tmp_path, capsys):
    from rag.evaluation import run_gold_eval
    from rag.settings import AnswerSettings

    settings_file = tmp_path / "answer_settings.json"
    args = _eval_args("--gold", str(small_gold), "--index", str(index_dir), "--out", str(tmp_path), "--calibrate", "--settings", str(settings_file))
    assert run_gold_eval(args, answerer) == 0
    printed = capsys.readouterr().out
    assert "dev" in printed and "held-out" in printed and "saved abstain_threshold=" in printed
    payload = json.loads((tmp_path / "small-calibrated.json").read_text(encoding="utf-8"))
    chosen = payload["threshold"]
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    assert AnswerSettings.load(settings_file).abstain_threshold == chosen
    assert saved["gold"]["sha256"] == hashlib.sha256(small_gold.read_bytes()).hexdigest()
    assert saved["dev_metrics"]["questions"] + saved["held_out_metrics"]["questions"] == len(SMALL_GOLD)
    halves = split_of(load_gold(small_gold))
    assert saved["tuned_on"] == sorted(question_key(row["question"]) for row in SMALL_GOLD if halves[row["id"]] == "dev")  # the dev questions' keys
    from rag.evaluation import UNKNOWN_TERM_PENALTIES

    penalty = saved["settings"]["unknown_term_penalty"]
    assert penalty in UNKNOWN_TERM_PENALTIES
    assert saved["settings"] == asdict(replace(answerer.settings, abstain_threshold=chosen, unknown_term_penalty=penalty))
    assert payload["settings"]["unknown_term_penalty"] == penalty
    dev_rows = payload["sweep"]["dev"]
    limit = max(0.10, min(r["false_abstention_rate"] for r in dev_rows))
    feasible = [r for r in dev_rows if r["false_abstention_rate"] <= limit]
    assert payload["summary"]["dev"]["abstention"]["f1"] == pytest.approx(max(r["f1"] for r in feasible))
    assert payload["summary"]["dev"]["abstention"]["false_abstention_rate"] <= limit
    assert payload["summary"]["held-out"]["abstention"]["threshold"] == chosen
    assert set(payload["sweep"]) == {"all", "dev", "held-out"}  # as a plain run has them: runs compare like for like
    tied = payload["calibration"]["tied_thresholds"]
    [line] = [line for line in printed.splitlines() if line.startswith("saved ")]  # both values saved, each with what it was
    assert chosen == answerer.settings.abstain_threshold and penalty == answerer.settings.unknown_term_penalty  # on 7 questions the shipped values tie
    assert chosen in tied and len(tied) > 1
    assert line == (f"saved abstain_threshold={chosen:g} (unchanged) and unknown_term_penalty={penalty:g} (unchanged) to {settings_file}; "
                    f"{len(tied)} thresholds tied, {min(tied):g} to {max(tied):g}: the current one kept")


def test_the_threshold_note_counts_the_questions_it_was_tuned_on_in_whatever_file_holds_them(answerer, index_dir, small_gold, tmp_path):
    from rag.answer import Answerer
    from rag.evaluation import run_gold_eval

    halves = split_of(load_gold(small_gold))
    dev = [row for row in SMALL_GOLD if halves[row["id"]] == "dev"]
    tuned = AnswerSettings(abstain_threshold=0.25).save(
        tmp_path / "tuned.json", calibrated_by="rag eval --calibrate", calibrated_at="2026-01-02T03:04:05Z",
        gold={"path": "small.jsonl", "sha256": hashlib.sha256(small_gold.read_bytes()).hexdigest()}, tuned_on=sorted(question_key(row["question"]) for row in dev),
    )
    # The same questions in another file, all held-out, in capitals and without question marks: not blind, whatever the file.
    copy = tmp_path / "copy.jsonl"
    copy.write_text("".join(json.dumps(row | {"question": row["question"].upper().rstrip("?"), "split": "held-out"}) + "\n" for row in SMALL_GOLD), encoding="utf-8")
    # A file that asks a dev question again in its held-out half.
    again = tmp_path / "again.jsonl"
    repeat = dev[0] | {"id": "q900", "question": dev[0]["question"].capitalize() + "??", "split": "held-out"}
    again.write_text("".join(json.dumps(row | {"split": halves[row["id"]]}) + "\n" for row in SMALL_GOLD) + json.dumps(repeat) + "\n", encoding="utf-8")

    def notes_of(gold) -> list[str]:
        args = _eval_args("--gold", str(gold), "--index", str(index_dir), "--out", str(tmp_path), "--json", "--settings", str(tuned))
        assert run_gold_eval(args, Answerer(answerer.retriever, settings=AnswerSettings.load(tuned), answerability=answerer.answerability)) == 0
        return json.loads((tmp_path / f"{gold.stem}.json").read_text(encoding="utf-8"))["notes"]

    [note] = [n for n in notes_of(copy) if n.startswith("abstention threshold")]
    assert "another gold file than this one" in note
    assert note.endswith(f"the same words as a dev question of that calibration): {len(dev)} of {len(SMALL_GOLD)} held-out — those held-out figures are not blind")
    notes = notes_of(again)
    assert "1 held-out question(s) repeat a dev question, case and punctuation aside (q900): tuning on dev tunes on them too" in notes
    assert any(n.endswith(f"{len(dev)} of {len(dev)} dev, 1 of {len(SMALL_GOLD) + 1 - len(dev)} held-out — those held-out figures are not blind") for n in notes)
    unseen = tmp_path / "unseen.jsonl"
    unseen.write_text("".join(json.dumps(row) + "\n" for row in SMALL_GOLD if halves[row["id"]] == "held-out"), encoding="utf-8")
    assert any(n.endswith("none of this set's questions is one the threshold was tuned on") for n in notes_of(unseen))


def test_the_settings_saved_by_calibration_name_the_gold_file_as_seen_from_the_settings_file(answerer, small_gold, tmp_path, monkeypatch):
    from rag.evaluation import save_calibration

    monkeypatch.chdir(small_gold.parent)  # the gold file named relative to here: the record must not depend on it
    settings_file = tmp_path / "settings" / "answer_settings.json"
    settings_file.parent.mkdir()
    save_calibration(answerer, 0.01, _eval_args("--gold", small_gold.name, "--calibrate", "--settings", str(settings_file)), load_gold(small_gold), {}, {})
    recorded = json.loads(settings_file.read_text(encoding="utf-8"))["gold"]["path"]
    assert (settings_file.parent / recorded).resolve() == small_gold.resolve() and not Path(recorded).is_absolute()
    assert json.loads((ROOT / "rag" / "answer_settings.json").read_text(encoding="utf-8"))["gold"]["path"] == "../eval/gold.jsonl"  # the shipped one


def test_a_calibration_that_changes_nothing_leaves_the_settings_file_as_it_was(answerer, small_gold, tmp_path):
    from rag.evaluation import save_calibration

    settings_file = tmp_path / "answer_settings.json"
    args = _eval_args("--gold", str(small_gold), "--calibrate", "--settings", str(settings_file))
    assert save_calibration(answerer, 0.01, args, load_gold(small_gold), {"hit": 0.5}, {}) == settings_file
    written = settings_file.read_bytes()
    assert save_calibration(answerer, 0.01, args, load_gold(small_gold), {"hit": 0.5}, {}) is None  # not even its date rewritten
    assert settings_file.read_bytes() == written
    assert save_calibration(answerer, 0.02, args, load_gold(small_gold), {"hit": 0.5}, {}) == settings_file  # a new threshold is saved
    assert json.loads(settings_file.read_text(encoding="utf-8"))["settings"]["abstain_threshold"] == 0.02


def test_a_gold_set_that_does_not_match_the_index_is_refused(answerer):
    from rag.evaluation import answer_gold

    wrong = _question("w1", gold=(GoldQuote(DOC, "Anthropic on Friday urged a pause"),), must=("Friday",))
    with pytest.raises(RagError, match="w1: quote not found verbatim"):
        answer_gold(answerer, [wrong])


def test_grounding_errors_name_the_line_and_count_those_left_out(answerer, tmp_path):
    from rag.evaluation import answer_gold

    rows = [SMALL_GOLD[1] | {"id": f"x{n:03d}", "gold": [{"doc_id": DOC, "quote": f"not in the article {n}"}], "must_contain": ["not in"]} for n in range(30)]
    path = tmp_path / "many.jsonl"
    path.write_text(json.dumps(SMALL_GOLD[0]) + "\n" + "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with pytest.raises(RagError) as error:
        answer_gold(answerer, load_gold(path))
    lines = str(error.value).splitlines()
    assert lines[1].strip().startswith("line 2 (x000): quote not found verbatim in")
    assert len(lines) == 1 + 20 + 1 and lines[-1].strip() == "… and 10 more"


def test_a_gold_quote_that_is_a_title_or_a_heading_is_warned_about_naming_its_line(answerer, index_dir, tmp_path):
    from rag.errors import RagWarning
    from rag.evaluation import run_gold_eval

    title = answerer.index.documents[DOC].text.splitlines()[0]  # the article's title: indexed as a heading, never quoted
    path = tmp_path / "titles.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [
        SMALL_GOLD[0], SMALL_GOLD[1] | {"gold": [*SMALL_GOLD[1]["gold"], {"doc_id": DOC, "quote": title}], "must_contain": ["pause"]}]), encoding="utf-8")
    with pytest.warns(RagWarning) as warned:
        assert run_gold_eval(_eval_args("--gold", str(path), "--index", str(index_dir), "--out", str(tmp_path), "--json"), answerer) == 0
    messages = [str(w.message) for w in warned if issubclass(w.category, RagWarning)]
    assert messages == [f"line 2 (q003): the quote in {DOC} is an article's title or a heading: answers never quote titles, headings "
                        f"or question lines, so none can hold it ({title!r})"]
    assert {w.filename for w in warned if issubclass(w.category, RagWarning)} == {__file__}  # shown at the caller's line, not rag's


def test_rag_eval_refuses_an_index_whose_articles_changed_or_of_another_corpus(encoder, index_dir, corpus_dir, small_gold, tmp_path, capsys):
    import shutil

    from rag.build import build_index

    corpus = tmp_path / "articles"
    shutil.copytree(corpus_dir, corpus)
    build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    with (corpus / f"{DOC}.txt").open("a", encoding="utf-8") as article:
        article.write("\nA sentence added after the build.\n")
    common = ["eval", "--gold", str(small_gold), "--settings", str(tmp_path / "missing-is-fine-with-calibrate.json"), "--calibrate", "--out", str(tmp_path / "reports")]
    assert main([*common, "--index", str(tmp_path / "index"), "--corpus", str(corpus)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"rag: error: the articles in {corpus} changed since the index was built (changed: {DOC}); rebuild it with `rag build --corpus")
    other = tmp_path / "other-articles"
    other.mkdir()
    (other / "harbor.txt").write_text("Harbor town opens a ferry line\nThe harbor town opened a new ferry line on Monday.\n", encoding="utf-8")
    assert main([*common, "--index", str(index_dir), "--corpus", str(other)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"rag: error: the index in {index_dir} was built from {corpus_dir}, whose articles differ from those in {other} (added: harbor; removed: ")
    assert not (tmp_path / "reports").exists() and not (tmp_path / "missing-is-fine-with-calibrate.json").exists()


def _one_line_error(capsys) -> str:
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("rag: error: ")
    return line.removeprefix("rag: error: ")


def test_rag_eval_checks_the_index_against_the_folder_it_was_built_from_when_run_elsewhere(index_dir, small_gold, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no data/articles here: the index's manifest names its folder
    assert main(["eval", "--gold", str(small_gold), "--index", str(index_dir), "--out", "reports", "--threshold", "0", "--json"]) == 0, capsys.readouterr().err
    assert (tmp_path / "reports" / "small.json").is_file()


def test_outputs_that_cannot_be_written_or_would_overwrite_an_input_are_refused_before_answering(index_dir, corpus_dir, small_gold, tmp_path, capsys):
    settings = tmp_path / "settings.json"
    AnswerSettings.load().save(settings)
    shipped = settings.read_bytes()
    mine = tmp_path / "mine"
    mine.mkdir()
    gold_as_json = mine / "questions.json"
    gold_as_json.write_bytes(small_gold.read_bytes())
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    (tmp_path / "broken-link").symlink_to(tmp_path / "gone" / "reports")
    common = ["eval", "--index", str(index_dir), "--corpus", str(corpus_dir)]
    cases = [
        (["--gold", str(gold_as_json), "--settings", str(settings), "--out", str(mine)], f"would overwrite the gold file {gold_as_json}"),
        (["--gold", str(small_gold), "--settings", str(settings), "--out", str(tmp_path), "--name", "settings"], f"would overwrite the settings file {settings}"),
        (["--gold", str(small_gold), "--settings", str(settings), "--calibrate", "--out", str(tmp_path / "a-file")], "cannot write the reports to"),
        (["--gold", str(small_gold), "--settings", str(settings), "--out", str(tmp_path / "a-file" / "sub")], "a-file is not a folder"),
        (["--gold", str(small_gold), "--settings", str(settings), "--out", str(tmp_path), "--name", "sub/x"], "--name 'sub/x' must be a file name"),
        (["--gold", str(small_gold), "--settings", str(settings), "--out", str(tmp_path / "broken-link")], "broken-link is a broken link"),
        (["--gold", str(small_gold), "--settings", str(tmp_path / "no-folder" / "s.json"), "--calibrate", "--out", str(tmp_path)], "cannot write the settings to"),
        (["--gold", str(small_gold), "--calibrate", "--out", str(tmp_path)], "--calibrate without --settings would retune the shipped settings, calibrated on "),
    ]
    from rag.settings import CALIBRATED_SETTINGS

    shipped_settings = CALIBRATED_SETTINGS.read_bytes()
    for extra, needle in cases:
        assert main([*common, *extra]) == 2, extra
        assert needle in _one_line_error(capsys), extra
    assert gold_as_json.read_bytes() == small_gold.read_bytes() and settings.read_bytes() == shipped
    assert CALIBRATED_SETTINGS.read_bytes() == shipped_settings  # one's own gold set never retunes the shipped settings
    assert sorted(p.name for p in mine.iterdir()) == ["questions.json"] and not (tmp_path / "a-file" / "sub").exists()


def test_reports_that_fail_to_write_are_a_one_line_error_and_leave_the_settings_alone(index_dir, corpus_dir, small_gold, tmp_path, capsys):
    (tmp_path / "small-calibrated.md").mkdir()  # the Markdown report cannot be written over a folder
    settings = tmp_path / "new-settings.json"
    argv = ["eval", "--gold", str(small_gold), "--index", str(index_dir), "--corpus", str(corpus_dir), "--calibrate", "--settings", str(settings), "--out", str(tmp_path)]
    assert main(argv) == 2
    assert _one_line_error(capsys).startswith(f"cannot write the reports to {tmp_path}: Is a directory")
    assert not settings.exists()


@pytest.mark.parametrize(
    "extra, needle",
    [(["--calibrate", "--threshold", "0.3"], "argument --threshold: not allowed with argument --calibrate"),
     (["--max-false-abstention", "0.2"], "argument --max-false-abstention: only with --calibrate")],
)
def test_options_that_would_be_ignored_are_refused(extra, needle, small_gold, tmp_path, capsys):
    argv = ["eval", "--gold", str(small_gold), "--settings", str(tmp_path / "settings.json"), "--out", str(tmp_path / "reports"), *extra]
    assert main(argv) == 2
    assert _one_line_error(capsys).startswith(needle)
    assert main([*argv, "--json"]) == 2
    assert needle in json.loads(capsys.readouterr().out)["error"]
    assert not (tmp_path / "reports").exists() and not (tmp_path / "settings.json").exists()


def test_squad_is_a_sub_command_of_eval(capsys):
    with pytest.raises(SystemExit) as done:
        main(["eval", "squad", "--help"])
    assert done.value.code == 0
    assert "usage: rag eval squad" in capsys.readouterr().out


@pytest.mark.parametrize("extra, needle", [([], "cannot read"), (["--limit", "0"], "--limit must be at least 1")])
def test_squad_errors_are_json_on_stdout_with_json(extra, needle, tmp_path, capsys):
    argv = ["eval", "squad", str(tmp_path / "missing.json"), "--out", str(tmp_path / "reports"), *extra]
    assert main(argv) == 2
    assert needle in _one_line_error(capsys)
    assert main([*argv, "--json"]) == 2
    captured = capsys.readouterr()
    assert needle in json.loads(captured.out)["error"] and captured.err.startswith("rag: error: ")


# -- gold quotes sharing a passage, through the real answerer ------------------------------------
SAFETY_DOC = "003_d04b17a40513e639"
SHARED_PASSAGE_GOLD = GoldQuestion(
    "s1",
    "why is it better to have safety-focused labs at the frontier",
    True,
    (
        GoldQuote(SAFETY_DOC, "Anthropic believes that if powerful AI is coming regardless, it is better to have safety-focused labs at the frontier"),
        GoldQuote(SAFETY_DOC, "Anthropic is not calling for an immediate stop to AI development."),
        GoldQuote(SAFETY_DOC, "stepping back unilaterally would simply allow less safety-conscious developers to define the frontier instead"),
    ),
    ("safety-focused labs",),
    "paraphrase",
)


def test_recall_of_gold_quotes_comes_from_the_ranks_of_the_passages_holding_them(answerer, corpus_dir):
    from rag.evaluation import answer_gold

    [record] = answer_gold(answerer, [SHARED_PASSAGE_GOLD])
    text = (corpus_dir / f"{SAFETY_DOC}.txt").read_text(encoding="utf-8")
    ranks = []
    for gold in SHARED_PASSAGE_GOLD.gold:  # by hand: the first passage covering at least half the quote
        start = text.index(gold.quote)
        end = start + len(gold.quote)
        ranks.append(next(
            (n for n, p in enumerate(record.answer["passages"], 1) if p["doc_id"] == SAFETY_DOC and min(end, p["end"]) - max(start, p["start"]) >= (end - start) / 2),
            None,
        ))
    # what makes this question a test: two gold quotes in one passage, the third further down
    assert ranks[0] is not None and ranks[0] == ranks[1] and ranks[2] is not None and ranks[0] < ranks[2] <= 10, ranks
    summary = retrieval_summary([record], range(1, 11))["gold_quotes"]
    for k in range(1, 11):
        assert summary[f"recall@{k}"] == pytest.approx(sum(r <= k for r in ranks) / 3), k
    assert summary["mrr@10"] == pytest.approx(1 / ranks[0])


# -- the answer settings file ------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, needle",
    [
        (None, "does not exist"),
        ("{not json", "is not valid JSON"),
        (b"\xff\xfe{}", "cannot read"),
        ('["a", "list"]', "does not hold a JSON object"),
        ('{"settings": {"abstain_threshold": "high"}}', "abstain_threshold must be a finite number"),
        ('{"settings": {"abstain_threshold": NaN}}', "abstain_threshold must be a finite number"),
        ('{"settings": {"abstain_threshold": 3}}', "abstain_threshold must be between 0 and 1"),
        ('{"settings": {"passages": 2.5}}', "passages must be a whole number"),
        ('{"settings": {"abstain_treshold": 0.9}}', "unknown setting 'abstain_treshold'"),
        ('{"threshold": 0.3, "summary": {}}', "abstain_threshold is missing"),  # an eval report, not settings
        ('{"settings": {"abstain_threshold": 0.1, "max_quotes": 0}}', "max_quotes must be at least 1"),
    ],
    ids=["missing", "not-json", "not-utf8", "not-an-object", "string-value", "nan", "out-of-range", "float-count", "misspelt", "a-report", "no-quotes"],
)
def test_a_named_settings_file_that_is_missing_or_unusable_is_an_error_naming_it(tmp_path, content, needle):
    path = tmp_path / "answer_settings.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=needle) as error:
        AnswerSettings.load(path)
    assert str(path) in str(error.value) and isinstance(error.value, RagError)


def test_rag_eval_refuses_a_missing_or_corrupt_settings_file_instead_of_using_defaults(index_dir, small_gold, tmp_path, capsys):
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"settings": {"abstain_threshold": 0.3', encoding="utf-8")
    for path in (tmp_path / "missing.json", corrupt):
        argv = ["eval", "--gold", str(small_gold), "--index", str(index_dir), "--out", str(tmp_path / "reports"), "--settings", str(path)]
        assert main(argv) == 2
        captured = capsys.readouterr()
        [line] = captured.err.splitlines()
        assert line.startswith("rag: error: ") and str(path) in line
        assert main([*argv, "--json"]) == 2
        assert str(path) in json.loads(capsys.readouterr().out)["error"]
    assert not (tmp_path / "reports").exists()


def test_a_corrupt_shipped_settings_file_fails_loudly_and_only_an_absent_one_falls_back(tmp_path, monkeypatch):
    import rag.settings

    shipped = tmp_path / "answer_settings.json"
    monkeypatch.setattr(rag.settings, "CALIBRATED_SETTINGS", shipped)
    assert AnswerSettings.load() == AnswerSettings()  # no file shipped: the built-in defaults
    shipped.write_text("", encoding="utf-8")
    with pytest.raises(SettingsError, match="is not valid JSON"):
        AnswerSettings.load()
    AnswerSettings(abstain_threshold=0.25).save(shipped)
    assert AnswerSettings.load().abstain_threshold == 0.25


def test_an_answerability_model_that_cannot_be_read_fails_loudly_and_only_an_absent_shipped_one_falls_back(tmp_path, monkeypatch):
    import rag.answerability
    from rag.answerability import AnswerabilityModel

    with pytest.raises(SettingsError, match="does not exist"):
        AnswerabilityModel.load(tmp_path / "nope.json")  # it used to give the hand-set defaults, which answer nearly everything
    for text, needle in (("{broken", "is not valid JSON"), ('{"bias": "high", "weights": {}}', "is not a model"), ("[1, 2]", "is not a model")):
        (tmp_path / "bad.json").write_text(text, encoding="utf-8")
        with pytest.raises(SettingsError, match=needle):
            AnswerabilityModel.load(tmp_path / "bad.json")
    shipped = AnswerabilityModel.load()
    assert AnswerabilityModel.load(shipped.save(tmp_path / "copy.json")) == shipped
    monkeypatch.setattr(rag.answerability, "WEIGHTS_FILE", tmp_path / "absent.json")
    assert AnswerabilityModel.load() == AnswerabilityModel()  # none shipped: the hand-set defaults


def test_calibrate_may_name_a_new_settings_file_and_starts_from_the_shipped_settings(tmp_path):
    from rag.evaluation import eval_settings

    new = tmp_path / "new.json"
    assert eval_settings(_eval_args("--calibrate", "--settings", str(new))) == AnswerSettings.load()
    with pytest.raises(SettingsError, match="does not exist"):
        eval_settings(_eval_args("--settings", str(new)))
    assert eval_settings(_eval_args()) == AnswerSettings.load()


# -- thresholds on the command line ---------------------------------------------------------------
@pytest.mark.parametrize("option", ["--threshold", "--max-false-abstention"])
@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "-0.1", "1.5", "half"])
def test_thresholds_outside_zero_to_one_are_one_line_errors(option, value, index_dir, small_gold, tmp_path, capsys):
    argv = ["eval", "--gold", str(small_gold), "--index", str(index_dir), "--out", str(tmp_path / "reports"), f"{option}={value}"]
    assert main(argv) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"rag: error: argument {option}: expected a number from 0 to 1, not '{value}'")
    assert main([*argv, "--json"]) == 2
    assert "expected a number from 0 to 1" in json.loads(capsys.readouterr().out)["error"]
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("value, expected", [("0", 0.0), ("1", 1.0), ("0.005", 0.005), ("1e-3", 0.001)])
def test_thresholds_from_zero_to_one_are_accepted(value, expected):
    args = _eval_args("--threshold", value, "--max-false-abstention", value)
    assert args.threshold == expected and args.max_false_abstention == expected
