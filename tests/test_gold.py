"""How `rag eval --gold FILE` reads a gold file that does not follow the format (``rag.gold.load_gold``).

Each problem is one line naming its line number and the fix, and every problem of a file is
listed at once: a question the answerer would refuse, an id used twice, a file that is not
UTF-8, a file that is one JSON array or pretty-printed JSON rather than JSON Lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.cli import main
from rag.gold import GoldFormatError, load_gold

ANSWERABLE = {
    "id": "k001",
    "question": "who wrote the blog post",
    "answerable": True,
    "gold": [{"doc_id": "000_1eb8a4053cc42a55", "quote": "The recommendation was set out in a blog post by Marina Favaro and Jack Clark."}],
    "must_contain": ["Favaro"],
    "kind": "factoid",
}
UNANSWERABLE = {"id": "k002", "question": "what did the EU say", "answerable": False, "gold": [], "must_contain": [], "kind": "unanswerable"}


def _questions(count: int) -> list[dict]:
    """``count`` good gold lines, ids k001, k002, …"""
    return [(ANSWERABLE if n % 2 else UNANSWERABLE) | {"id": f"k{n:03d}"} for n in range(1, count + 1)]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    """The lines of the error ``load_gold`` raises for ``path``."""
    with pytest.raises(GoldFormatError) as error:
        load_gold(path)
    return str(error.value).splitlines()


# -- a question the answerer would refuse -------------------------------------------------
def test_a_question_too_long_to_ask_is_named_with_its_line_among_the_other_problems(tmp_path):
    rows = _questions(12)
    del rows[4]["kind"]
    rows[10]["question"] = "why " * 600  # 2,399 characters once its spaces are counted as the answerer counts them
    path = _write(tmp_path / "gold.jsonl", rows)
    assert _problems(path) == [
        f"{path} does not follow the gold format (eval/README.md):",
        "  line 5: missing key 'kind'",
        "  line 11: the question is too long (2,399 characters); the limit is 2,000",
    ]


def test_a_questions_key_is_its_words_as_the_answerer_reads_them():
    from rag.gold import question_key

    assert question_key("Why did Zu\u0308rich vote?") == question_key("why did zürich vote") == question_key("ＷＨＹ did Zürich vote?!")  # NFD, full-width
    assert question_key("Why did Zürich vote?") != question_key("Why did Basel vote?")


def test_a_line_with_a_key_missing_is_checked_for_its_other_problems_too(tmp_path):
    rows = _questions(2)
    del rows[0]["kind"]
    rows[0]["must_contain"] = []  # answerable, yet nothing it must contain: listed with the missing key, not after it is mended
    rows[0]["question"] = "?!"
    assert _problems(_write(tmp_path / "gold.jsonl", rows))[1:] == [
        "  line 1: missing key 'kind'",
        "  line 1: an answerable question needs gold quotes and must_contain strings",
        "  line 1: the question has no words in it; type a question about the articles",
    ]


def test_a_question_with_nothing_to_ask_is_named_with_its_line(tmp_path):
    rows = _questions(3)
    rows[0]["question"] = "\u200b \t"  # only invisible characters and spaces
    rows[2]["question"] = "?!"
    assert _problems(_write(tmp_path / "gold.jsonl", rows))[1:] == [
        "  line 1: the question is empty; type a question about the articles",
        "  line 3: the question has no words in it; type a question about the articles",
    ]


def test_a_question_at_the_limit_is_read(tmp_path):
    rows = _questions(2)
    rows[0]["question"] = "w" * 1999 + "?\u0007"  # 2,001 characters, one a control character the answerer drops
    assert load_gold(_write(tmp_path / "gold.jsonl", rows))[0].question == rows[0]["question"]


# -- an id used twice ----------------------------------------------------------------------
def test_an_id_used_twice_names_the_line_that_has_it_first(tmp_path):
    rows = _questions(20)
    rows[18]["id"] = "k002"
    rows[19] |= {"id": "k002", "kind": "numeric"}  # reported with its other problem, in the same pass
    assert _problems(_write(tmp_path / "gold.jsonl", rows))[1:] == [
        "  line 19: id 'k002' is already used on line 2",
        "  line 20: kind 'numeric' contradicts answerable=False",
        "  line 20: id 'k002' is already used on line 2",
    ]


# -- a file that is not UTF-8 ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
    ids=["UTF-16 LE", "UTF-16 BE", "UTF-32"],
)
def test_a_utf16_or_utf32_file_is_named_so_by_its_byte_order_mark(tmp_path, encoding, named):
    path = tmp_path / "gold.jsonl"
    text = "".join(json.dumps(row) + "\n" for row in _questions(3))
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding))
    assert _problems(path) == [f"the gold file {path} is {named} text, not UTF-8; save it as UTF-8"]


def test_a_utf16_file_without_a_byte_order_mark_is_named_by_its_nul_bytes(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes("".join(json.dumps(row) + "\n" for row in _questions(2)).encode("utf-16-le"))
    assert _problems(path) == [f"the gold file {path} holds NUL bytes (the first on line 1, column 2), as UTF-16 text without a byte-order mark does; save it as UTF-8"]


def test_a_cp1252_file_names_the_line_and_column_of_its_first_byte_that_is_not_utf8(tmp_path):
    rows = _questions(3)
    rows[2]["question"] = "what’s the deal"  # ’ is 0x92 in cp1252
    path = tmp_path / "gold.jsonl"
    path.write_bytes("".join(json.dumps(row, ensure_ascii=False) + "\r\n" for row in rows).encode("cp1252"))
    offset = path.read_bytes().index(b"\x92")
    assert _problems(path) == [
        f"the gold file {path} is not UTF-8 text (byte 0x92 on line 3, column 33, at offset {offset}: invalid start byte); save it as UTF-8"
    ]


def test_the_column_of_a_bad_byte_counts_characters_not_bytes_nor_the_byte_order_mark(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"question": "caf\u00e9 '.encode("utf-8") + b"\xff")  # é is two bytes
    assert _problems(path) == [f"the gold file {path} is not UTF-8 text (byte 0xff on line 1, column 20, at offset 23: invalid start byte); save it as UTF-8"]


# -- a file that is not JSON Lines ----------------------------------------------------------
def test_a_json_array_is_one_problem_with_the_command_that_converts_it(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(_questions(20), indent=2) + "\n", encoding="utf-8")  # 232 lines, one problem
    assert _problems(path) == [
        f"{path} does not follow the gold format (eval/README.md):",
        f"  line 1: the file is one JSON array, but the format is one JSON object per line (JSON Lines); convert it with: jq -c '.[]' {path} > {tmp_path / 'gold.jsonl'}",
    ]


def test_a_json_array_on_one_line_in_a_jsonl_file_is_converted_to_another_file(tmp_path):
    path = tmp_path / "my gold.jsonl"
    path.write_text("\n" + json.dumps(_questions(2)) + "\n", encoding="utf-8")
    assert _problems(path)[1:] == [
        f"  line 2: the file is one JSON array, but the format is one JSON object per line (JSON Lines); convert it with: jq -c '.[]' '{path}' > '{tmp_path / 'my gold.lines.jsonl'}'",
    ]


def test_a_json_array_that_does_not_parse_also_says_where_parsing_stopped(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("[\n" + ",\n".join(json.dumps(row) for row in _questions(3)) + ",\n]\n", encoding="utf-8")  # a trailing comma
    assert _problems(path)[1:] == [
        f"  line 1: the file is one JSON array, but the format is one JSON object per line (JSON Lines); convert it with: jq -c '.[]' {path} > {tmp_path / 'gold.jsonl'}",
        "  line 5, column 1: not valid JSON (Expecting value)",
    ]


def test_pretty_printed_objects_are_one_problem_with_the_command_that_converts_them(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row, indent=2) + "\n" for row in _questions(3)), encoding="utf-8")
    assert _problems(path)[1:] == [
        f"  line 1: a JSON object spread over lines 1–15 (pretty-printed), but the format is one JSON object per line (JSON Lines); "
        f"convert the file with: jq -c . {path} > {tmp_path / 'gold.lines.jsonl'}",
    ]


def test_a_line_that_is_an_array_among_json_lines_is_only_that_line_s_problem(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_questions(1)) + "\n" + json.dumps(_questions(2)[1]) + "\n", encoding="utf-8")
    assert _problems(path)[1:] == ["  line 1: not a JSON object"]


# -- the whole message, as `rag eval` prints it ---------------------------------------------
def test_rag_eval_lists_every_problem_of_a_gold_file_before_answering_anything(tmp_path, capsys):
    rows = _questions(20)
    rows[4]["kind"] = "trivia"
    rows[10]["question"] = "x" * 2001
    rows[18]["id"] = "k002"
    path = _write(tmp_path / "gold.jsonl", rows)
    assert main(["eval", "--gold", str(path), "--index", str(tmp_path / "no-index"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"rag: error: {path} does not follow the gold format (eval/README.md):",
        "  line 5: kind 'trivia' is not one of factoid, paraphrase, multi-source, numeric, who-said-it, request, keywords, yes-no, unanswerable, adversarial",
        "  line 11: the question is too long (2,001 characters); the limit is 2,000",
        "  line 19: id 'k002' is already used on line 2",
    ]
    assert not (tmp_path / "no-index").exists() and not (tmp_path / "out").exists()


def test_an_index_of_other_articles_is_one_problem_naming_both_sets_of_articles(tmp_path):
    from rag.gold import GoldMismatchError, require_grounded

    questions = load_gold(_write(tmp_path / "gold.jsonl", [ANSWERABLE | {"gold": [{"doc_id": "kettle-recall", "quote": "The kettle lid fails."}]}]))
    with pytest.raises(GoldMismatchError) as caught:
        require_grounded(questions, {"000_1eb8a4053cc42a55": "Anthropic said…", "001_78c6a7510baeab71": "OpenAI said…"})
    assert str(caught.value) == (
        "none of the gold set's articles (kettle-recall) is in the index, whose articles are 000_1eb8a4053cc42a55, "
        "001_78c6a7510baeab71: point --index at the index built from the gold set's articles"
    )
