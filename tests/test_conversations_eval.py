"""`python -m eval.conversations` judges the last turn of each conversation as the chat asks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.conversations import Conversation, judge, load_conversations, main, require_found
from rag.errors import RagError

ROOT = Path(__file__).resolve().parents[1]
SACKS = "Venture capitalist David Sacks accused the company"


def conversation(*turns: str, must_contain=("x",), must_not_contain=()) -> Conversation:
    return Conversation("c1", turns, bool(must_contain), tuple(must_contain), tuple(must_not_contain), "why", "dev")


def test_the_shipped_set_is_read_and_found_in_the_bundled_articles(corpus_dir):
    conversations = load_conversations(ROOT / "eval" / "conversations.jsonl")
    assert {c.split for c in conversations} == {"dev", "held-out"}
    assert len({c.id for c in conversations}) == len(conversations)
    texts = {path.stem: path.read_text(encoding="utf-8") for path in corpus_dir.glob("*.txt")}
    require_found(conversations, texts)


def test_the_answer_before_counts_as_a_wrong_quote_and_a_repeat(answerer):
    # "who said that?" rightly gets the sentence of the answer before; "why?" must not
    said_it = judge(answerer, conversation("Who accused Anthropic of regulatory capture?", "who said that?", must_contain=["David Sacks"]))
    assert said_it.hit and said_it.repeats and not said_it.wrong_quote
    why = judge(answerer, conversation("Who accused Anthropic of regulatory capture?", "why?", must_not_contain=[SACKS]))
    assert not why.wrong_quote and not why.repeats
    guarded = judge(answerer, conversation("Who accused Anthropic of regulatory capture?", "who said that?", must_not_contain=[SACKS]))
    assert guarded.wrong_quote


@pytest.mark.parametrize(
    "line, message",
    [
        ({"id": "c1", "turns": ["only one"], "answerable": False, "must_contain": [], "kind": "why", "split": "dev"}, "turns must be two or more questions"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": True, "must_contain": [], "kind": "why", "split": "dev"}, "an answerable conversation needs must_contain strings"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": False, "must_contain": [], "kind": "why", "split": "test"}, "split 'test' is not one of dev, held-out"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": False, "must_contain": [], "kind": "why"}, "missing key 'split'"),
        ({"id": "c1", "turns": "why?", "answerable": False, "must_contain": [], "kind": "why", "split": "dev"}, "'turns' must be list"),
        ({"id": "c1", "turns": ["a?", ""], "answerable": False, "must_contain": [], "kind": "why", "split": "dev"}, "turns must hold non-empty strings"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": True, "must_contain": "on Thursday", "kind": "why", "split": "dev"}, "'must_contain' must be list"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": "no", "must_contain": [], "kind": "why", "split": "dev"}, "'answerable' must be bool"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": False, "must_contain": [], "kind": "bogus", "split": "dev"}, "kind 'bogus' is not one of pronoun,"),
        ({"id": "c1", "turns": ["a?", "b?"], "answerable": False, "must_contain": [], "kind": "why", "split": "dev", "note": 1}, "unknown key 'note'"),
    ],
)
def test_a_malformed_line_is_refused_with_its_number(tmp_path, line, message):
    path = tmp_path / "set.jsonl"
    path.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(RagError, match=rf"line 2: {message}"):
        load_conversations(path)


def test_every_bad_line_is_listed_as_the_gold_set_check_lists_them(tmp_path, capsys):
    good = {"id": "c1", "turns": ["Who wrote the blog post?", "why?"], "answerable": False, "must_contain": [], "kind": "why", "split": "dev"}
    path = tmp_path / "set.jsonl"
    no_split = {key: value for key, value in good.items() if key != "split"} | {"id": "c3", "turns": ["why?"]}  # every problem of a line at once
    path.write_text("\n".join([json.dumps(good), json.dumps(good), "{not json", json.dumps(good | {"id": "c2", "kind": "bogus", "split": "test"}), json.dumps(no_split)]) + "\n", encoding="utf-8")
    assert main(["--conversations", str(path), "--index", "no-index-needed"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"eval.conversations: error: {path} does not follow the conversation format (eval/README.md, Conversations):",
        "  line 2: id 'c1' is already used on line 1",
        "  line 3, column 2: not valid JSON (Expecting property name enclosed in double quotes)",
        "  line 4: split 'test' is not one of dev, held-out",
        "  line 4: kind 'bogus' is not one of pronoun, ellipsis, why, more, switch, correction, after-abstention, chain",
        "  line 5: missing key 'split'",
        "  line 5: turns must be two or more questions",
    ]


def test_a_set_for_other_articles_is_refused(tmp_path, index_dir, capsys):
    path = tmp_path / "set.jsonl"
    line = {"id": "c1", "turns": ["a?", "b?"], "answerable": True, "must_contain": ["Varga said"], "kind": "why", "split": "dev"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["--conversations", str(path), "--index", str(index_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eval.conversations: error: strings of the conversation set are in none of the index's articles (c1: 'Varga said')")


def test_the_report_has_a_row_per_half_asked_for(index_dir, capsys):
    assert main(["--conversations", str(ROOT / "eval" / "conversations.jsonl"), "--index", str(index_dir), "--split", "dev"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split()[:3] == ["conversations", "hit", "false"] and rows[2].split()[:2] == ["dev", "48"]
    assert not any(row.startswith(("held-out", "all")) for row in rows)
    assert all(len(rate) == 5 for rate in rows[2].split()[2:])  # 0.400, not 0.4: the columns line up
    assert any(row.startswith("hit: answerable conversations whose last answer holds the needed fact") for row in rows)  # a legend


def test_a_half_with_no_conversations_is_an_error_line(tmp_path, index_dir, capsys):
    path = tmp_path / "set.jsonl"
    line = {"id": "c1", "turns": ["Who wrote the blog post?", "why?"], "answerable": False, "must_contain": [], "kind": "why", "split": "dev"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["--conversations", str(path), "--index", str(index_dir), "--split", "held-out"]) == 2
    assert capsys.readouterr().err == f"eval.conversations: error: no conversations of the held-out half in {path}\n"
