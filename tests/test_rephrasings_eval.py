"""`python -m eval.rephrasings`: the same question asked another way, judged as `rag eval` judges it."""

from __future__ import annotations

import json

from eval.rephrasings import KINDS, SETS, load_rephrasings, main
from rag.gold import load_gold, split_of

SHIPPED = SETS["gold"][0].parent / "rephrasings.jsonl"


def test_each_shipped_rephrasing_asks_a_question_of_its_set_in_its_half_in_other_words():
    """A dev rephrasing of a held-out question would leak what is judged into what is tuned."""
    rephrasings = load_rephrasings(SHIPPED)
    assert {r.split for r in rephrasings} == {"dev", "held-out"} and {r.kind for r in rephrasings} == set(KINDS)
    for name, (questions, _) in SETS.items():
        gold = load_gold(questions)
        halves, by_id = split_of(gold), {item.id: item for item in gold}
        for rephrasing in (r for r in rephrasings if r.set == name):
            assert halves[rephrasing.id] == rephrasing.split, rephrasing
            assert rephrasing.question.strip() != by_id[rephrasing.id].question.strip(), rephrasing


def test_a_rephrasing_that_asks_the_same_agrees_and_one_that_asks_otherwise_is_counted(index_dir, tmp_path, capsys):
    lines = [
        {"set": "gold", "id": "q019", "split": "dev", "kind": "polite", "question": "how many employees does anthropic have, please"},
        # not a rephrasing at all: answered, where the unanswerable original is abstained on
        {"set": "gold", "id": "q019", "split": "dev", "kind": "wh_synonym", "question": "What did Anthropic propose?"},
    ]
    original = next(item for item in load_gold(SETS["gold"][0]) if item.id == "q019")
    assert original.question == "how many employees does anthropic have" and not original.answerable  # what makes this a test
    path = tmp_path / "rephrasings.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["--rephrasings", str(path), "--index", f"gold={index_dir}", "--show"]) == 0
    out = capsys.readouterr().out
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines() if line.startswith("dev ")}
    assert rows[("dev", "polite")][:2] == ["1", "0"] and rows[("dev", "wh_synonym")][:2] == ["1", "1"]
    assert rows[("dev", "all")] == ["2", "1", "0.500", "1"]
    assert "[wh_synonym] 'how many employees does anthropic have' -> 'What did Anthropic propose?': abstained True -> False" in out
    assert "skipped" not in out


def test_a_set_with_no_index_is_skipped_and_a_bad_line_or_index_is_one_error(index_dir, tmp_path, capsys):
    path = tmp_path / "rephrasings.jsonl"
    path.write_text(json.dumps({"set": "uk-news", "id": "q001", "split": "dev", "kind": "polite", "question": "x, please"}) + "\n", encoding="utf-8")
    assert main(["--rephrasings", str(path), "--index", f"gold={index_dir}"]) == 0
    assert "skipped (no --index SET=DIR): uk-news" in capsys.readouterr().out
    path.write_text(json.dumps({"set": "gold", "id": "q001", "split": "dev", "kind": "shouting", "question": "HOW MANY?"}) + "\n", encoding="utf-8")
    assert main(["--rephrasings", str(path), "--index", f"gold={index_dir}"]) == 2
    err = capsys.readouterr().err
    assert "eval.rephrasings: error:" in err and "'shouting'" in err
    assert main(["--index", "nowhere"]) == 2
    assert "--index wants SET=DIR" in capsys.readouterr().err
