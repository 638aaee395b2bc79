"""The shipped gold sets (eval/gold.jsonl, and the blind eval/factcheck.jsonl, eval/student.jsonl and eval/requests.jsonl;
eval/local-news and eval/world-news on articles of their own) follow the documented format and are grounded in the articles.

The checks read the raw JSON and the raw article files themselves, so they do not rely
on the loader they also exercise (``rag.gold``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.gold import KINDS, UNANSWERABLE_KINDS, GoldFormatError, GoldQuestion, grounding_problems, load_gold, question_key, split_of

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in ARTICLES.glob("*.txt")}


def test_every_line_has_exactly_the_documented_keys_and_types(rows):
    types = {"id": str, "question": str, "answerable": bool, "gold": list, "must_contain": list, "kind": str, "split": str}
    for row in rows:
        assert set(row) == set(types), row.get("id")
        for key, kind in types.items():
            assert isinstance(row[key], kind), (row["id"], key)
        assert row["kind"] in KINDS, row["id"]
        assert row["answerable"] == (row["kind"] not in UNANSWERABLE_KINDS), row["id"]
        assert row["question"].strip(), row["id"]
        for gold in row["gold"]:
            assert set(gold) == {"doc_id", "quote"} and gold["quote"].strip(), row["id"]


def test_ids_are_unique(rows):
    duplicates = [qid for qid, n in Counter(row["id"] for row in rows).items() if n > 1]
    assert duplicates == []


def test_every_gold_quote_is_an_exact_substring_of_its_article(rows, articles):
    missing = [(row["id"], g["doc_id"], g["quote"][:60]) for row in rows for g in row["gold"] if g["quote"] not in articles.get(g["doc_id"], "")]
    assert missing == []


def test_answerable_lines_have_quotes_and_must_contain_found_in_them(rows):
    for row in rows:
        if not row["answerable"]:
            assert row["gold"] == [] and row["must_contain"] == [], row["id"]
            continue
        assert row["gold"] and row["must_contain"], row["id"]
        quotes = [g["quote"].casefold() for g in row["gold"]]
        for needle in row["must_contain"]:
            assert any(needle.casefold() in quote for quote in quotes), (row["id"], needle)


def test_the_set_is_large_enough(rows):
    assert len(rows) >= 60
    assert sum(not row["answerable"] for row in rows) >= 15


def test_the_loader_accepts_it_and_finds_no_grounding_problem(rows, articles):
    questions = load_gold(GOLD)
    assert [q.id for q in questions] == [row["id"] for row in rows]
    assert grounding_problems(questions, articles) == []


def test_both_halves_of_the_split_hold_every_kind(rows):
    questions = load_gold(GOLD)
    split = split_of(questions)
    for half in ("dev", "held-out"):
        kinds = {q.kind for q in questions if split[q.id] == half}
        assert kinds == {q.kind for q in questions}, half
    assert Counter(split.values()) == {"dev": 46, "held-out": 46}


def test_every_line_names_its_half_so_a_new_question_moves_none(rows):
    questions = load_gold(GOLD)
    new = GoldQuestion("q093", "why did google call for a pause", False, (), (), "adversarial")
    assert split_of([*questions, new]) | {new.id: ""} == {row["id"]: row["split"] for row in rows} | {new.id: ""}


BLIND_SETS = ("factcheck.jsonl", "student.jsonl", "requests.jsonl")  # each written by a trial user who never saw the other sets


@pytest.mark.parametrize("name", BLIND_SETS)
def test_each_blind_set_is_grounded_held_out_whole_and_shares_no_question(name, rows, articles):
    blind = load_gold(ROOT / "eval" / name)
    assert grounding_problems(blind, articles) == []
    assert {q.split for q in blind} == {"held-out"}  # only measured: nothing is ever tuned on it
    assert len(blind) >= 40 and sum(not q.answerable for q in blind) >= 10
    others = [row["question"] for row in rows] + [q.question for other in BLIND_SETS if other != name for q in load_gold(ROOT / "eval" / other)]
    assert not {question_key(q.question) for q in blind} & {question_key(question) for question in others}  # case and punctuation aside


@pytest.mark.parametrize(
    "folder, blind, kinds",
    [
        ("local-news", False, set(KINDS)),
        ("world-news", True, set(KINDS)),
        ("wire-news", False, set(KINDS)),
        ("uk-news", False, set(KINDS) - {"request", "keywords"}),  # written to ask what the articles do not answer
        ("anz-news", False, set(KINDS) - {"keywords"}),
    ],
)
def test_each_set_on_a_corpus_of_its_own_is_grounded_in_it(folder, blind, kinds):
    """eval/local-news, wire-news, uk-news and anz-news (their dev halves tuned on) and eval/world-news (blind:
    only measured) ask of their own articles."""
    own = {path.stem: path.read_text(encoding="utf-8") for path in (ROOT / "eval" / folder / "articles").iterdir()}
    questions = load_gold(ROOT / "eval" / folder / "questions.jsonl")
    assert grounding_problems(questions, own) == []
    assert len(questions) >= 60 and sum(not q.answerable for q in questions) >= 20
    assert {q.kind for q in questions} == kinds
    assert ({q.split for q in questions} == {"held-out"}) == blind


LINE_BREAKS_IN_STRINGS = "\u2028\u2029\u0085"  # line breaks to str.splitlines, plain characters to JSON


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_the_loader_keeps_json_strings_whole_whatever_they_hold(tmp_path, rows, newline):
    odd = rows[0] | {"id": "odd", "question": f"what{LINE_BREAKS_IN_STRINGS[0]} did{LINE_BREAKS_IN_STRINGS[1]} they say{LINE_BREAKS_IN_STRINGS[2]}"}
    lines = [json.dumps(row, ensure_ascii=False) for row in (odd, rows[1])]
    assert all(c in lines[0] for c in LINE_BREAKS_IN_STRINGS)  # written raw, as JSON allows
    path = tmp_path / "gold.jsonl"
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    questions = load_gold(path)
    assert [q.id for q in questions] == ["odd", rows[1]["id"]]
    assert questions[0].question == odd["question"]


def test_the_loader_names_the_line_of_a_bad_row_after_one_holding_odd_line_breaks(tmp_path, rows):
    odd = rows[0] | {"question": "a\u2028b"}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(odd, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as error:
        load_gold(path)
    assert "line 2, column 2: not valid JSON" in str(error.value) and "line 1" not in str(error.value)


def test_a_gold_file_that_is_not_utf8_is_a_format_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xff\xfe{}\n")
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        load_gold(path)


def test_a_gold_file_starting_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOLD.read_bytes())
    assert load_gold(path) == load_gold(GOLD)
