"""The `rag` command, run as a user runs it: build, search, ask, readable or as JSON.

(Argument errors and hostile input lines are covered by test_hostile_questions.py.)
"""

from __future__ import annotations

import io
import json
import os
import warnings
import subprocess
import sys
from pathlib import Path

import pytest

from rag.answer import in_quotation_marks
from rag.question import MAX_QUESTION_CHARS

ROOT = Path(__file__).resolve().parents[1]
RAG = Path(sys.executable).with_name("rag")
SACKS_QUESTION = "Who accused Anthropic of pursuing a regulatory capture agenda?"
SACKS_DOC = "000_1eb8a4053cc42a55"


def rag(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed `rag` command from the repository root."""
    return subprocess.run([str(RAG), *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(), timeout=300)


@pytest.fixture(scope="module")
def on_index(index_dir, corpus_dir) -> list[str]:
    """The options that point a command at the session's index and the bundled articles."""
    return ["--index", str(index_dir), "--corpus", str(corpus_dir)]


@pytest.fixture(scope="module")
def articles(corpus_dir) -> dict[str, str]:
    """doc_id -> text of the bundled articles, read straight from disk."""
    return {path.stem: path.read_text(encoding="utf-8") for path in corpus_dir.glob("*.txt")}


def test_ask_warns_when_the_articles_it_was_built_from_changed_and_check_corpus_refuses(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n", encoding="utf-8")
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe island ferry returned to service on Friday, the council said.\n", encoding="utf-8")
    assert rag("build", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    where = ["--corpus", str(corpus), "--index", str(index)]
    unchanged = rag("ask", "When did the harbour reopen?", *where)
    assert unchanged.returncode == 0 and "warning" not in unchanged.stderr
    os.utime(corpus / "ferry.txt")  # a newer time, the same text: read again, and still no warning
    assert "warning" not in rag("ask", "When did the harbour reopen?", *where).stderr
    (corpus / "ferry.txt").unlink()
    stale = rag("ask", "When did the harbour reopen?", *where)
    assert stale.returncode == 0 and "Monday" in stale.stdout
    assert stale.stderr.startswith(f"rag: warning: the articles in {corpus} changed since the index was built (removed: ferry); rebuild it with `rag build")
    refused = rag("ask", "When did the harbour reopen?", *where, "--check-corpus")
    assert refused.returncode == 2 and refused.stdout == "" and "(removed: ferry)" in refused.stderr
    elsewhere = rag("ask", "When did the harbour reopen?", "--index", str(index))  # --corpus: the bundled articles, another folder
    assert elsewhere.returncode == 0 and elsewhere.stderr.startswith(f"rag: warning: the articles in {corpus} changed")  # the index's own folder
    assert elsewhere.stderr.count("warning") == 1
    checked = rag("ask", "When did the harbour reopen?", "--index", str(index), "--check-corpus")  # no --corpus: the index's own folder
    assert checked.returncode == 2 and "(removed: ferry)" in checked.stderr and "data/articles" not in checked.stderr
    (corpus / "empty.txt").write_bytes(b"")
    rebuilt = rag("build", *where)
    assert rebuilt.returncode == 0 and rebuilt.stderr.count("empty.txt") + rebuilt.stdout.count("empty.txt") == 1  # listed once, not warned again
    assert "warning" not in rag("ask", "When did the harbour reopen?", *where).stderr
    corpus.rename(tmp_path / "moved")  # the index's own folder gone: checked against the bundled articles, as `rag eval` does
    moved = rag("ask", "When did the harbour reopen?", "--index", str(index), "--check-corpus")
    assert moved.returncode == 2 and moved.stderr.startswith("rag: error: the articles in data/articles changed since the index was built (added: 000_")


def test_ask_shows_the_date_a_quoted_article_is_dated_with(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nPORT ELLIS, Tuesday 4 March 2025 - The harbour reopened on Monday after six weeks.\n", encoding="utf-8")
    (corpus / "ferry.md").write_text("---\ntitle: Ferry returns\ndate: 2025-03-07\n---\nThe island ferry returned to service on Friday, the council said.\n", encoding="utf-8")
    assert rag("build", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    harbour = rag("ask", "When did the harbour reopen?", "--index", str(index), "--corpus", str(corpus))
    assert harbour.returncode == 0 and "Harbour reopens, dated Tuesday 4 March 2025" in harbour.stdout, harbour.stdout  # which Monday
    ferry = json.loads(rag("ask", "When did the ferry return to service?", "--index", str(index), "--corpus", str(corpus), "--json").stdout)
    assert ferry["quotes"][0]["dated"]["text"] == "2025-03-07"  # its front matter's date


def test_ask_answers_with_a_settings_file_calibrated_on_ones_own_gold_set(on_index, tmp_path):
    (tmp_path / "strict.json").write_text('{"settings": {"abstain_threshold": 0.999}}\n', encoding="utf-8")
    question = "Who wrote the blog post?"
    assert not json.loads(rag("ask", "--json", question, *on_index).stdout)["abstained"]
    strict = rag("ask", "--json", question, *on_index, "--settings", str(tmp_path / "strict.json"))
    assert strict.returncode == 0 and json.loads(strict.stdout)["abstained"]
    missing = rag("ask", question, *on_index, "--settings", str(tmp_path / "missing.json"))
    assert missing.returncode == 2 and missing.stderr.startswith(f"rag: error: the settings file {tmp_path / 'missing.json'} does not exist")
    unbuilt = rag("ask", question, "--index", str(tmp_path / "new-index"), "--settings", str(tmp_path / "missing.json"))
    assert unbuilt.returncode == 2 and not (tmp_path / "new-index").exists()  # refused before a build, not after it


def test_ask_returns_as_many_passages_as_its_settings_say_unless_k_is_given(on_index, tmp_path):
    (tmp_path / "two.json").write_text('{"settings": {"abstain_threshold": 0.007943, "passages": 2}}\n', encoding="utf-8")
    question = "Who wrote the blog post?"
    assert len(json.loads(rag("ask", "--json", question, *on_index, "--settings", str(tmp_path / "two.json")).stdout)["passages"]) == 2
    assert len(json.loads(rag("ask", "--json", question, *on_index, "--settings", str(tmp_path / "two.json"), "-k", "3").stdout)["passages"]) == 3


@pytest.mark.parametrize("eval_set", ["beir", "squad"])
def test_options_given_before_an_eval_set_are_refused_not_ignored(eval_set, tmp_path):
    refused = rag("eval", "--threshold", "0.3", "--gold", "missing.jsonl", eval_set, str(tmp_path))
    assert refused.returncode == 2 and refused.stderr.startswith(f"rag: error: --threshold, --gold before `{eval_set}` would be ignored")


def test_a_missing_index_of_ones_own_is_named_not_quietly_built_from_the_bundled_articles(tmp_path):
    mistyped = tmp_path / "idnex"  # the bundled articles are built from only into the default --index
    for command in (["ask", "Who wrote the blog post?"], ["search", "Who wrote the blog post?"], ["eval"]):
        refused = rag(*command, "--index", str(mistyped))
        assert refused.returncode == 2 and refused.stdout == "", (command, refused.stdout)
        assert refused.stderr == f"rag: error: no index in {mistyped}; build one with `rag build --corpus DIR --index {mistyped}`\n"
    assert not mistyped.exists()


def test_loading_an_index_whose_articles_changed_warns_a_library_user(tmp_path, encoder):
    from rag import StaleIndexWarning, build_index, load_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_index(tmp_path / "index")  # unchanged: no warning
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Tuesday after six weeks.\n", encoding="utf-8")
    with pytest.warns(StaleIndexWarning, match=r"changed since the index was built \(changed: harbour\)"):
        load_index(tmp_path / "index")
    from rag import Answerer, Retriever

    for load in (load_index, lambda index: Retriever.load(index, encoder=encoder), lambda index: Answerer(Retriever.load(index, encoder=encoder))):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            load(tmp_path / "index")
        stale = [w for w in caught if issubclass(w.category, StaleIndexWarning)]
        assert len(stale) == 1 and stale[0].filename == __file__  # the user's line, however deep in rag it arose


def test_a_quote_or_passage_over_several_lines_stays_one_indented_block(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday\nafter six weeks of repairs, the harbour master said.\n", encoding="utf-8")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert rag("build", *where).returncode == 0
    asked = rag("ask", "When was the harbour of Port Ellis reopened?", *where).stdout.splitlines()
    assert asked[0].startswith("[1] “The harbour of Port Ellis reopened on Monday") and asked[1] == "    after six weeks of repairs, the harbour master said.”"
    searched = rag("search", "When was the harbour of Port Ellis reopened?", *where).stdout.splitlines()
    assert all(line.startswith(("1. ", "   ")) or not line for line in searched), searched
    assert " fused score " in searched[0]  # says what the number is


def test_a_markdown_quote_is_printed_as_its_page_reads_and_kept_exact_in_json(tmp_path):
    """The terminal shows a Markdown article's quote as the web chat does, without the block
    quote's "> " or the emphasis "**"; the JSON quote stays the article's exact text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = ("# Council approves harbour plan\n\nThe Harlow council approved the plan on Monday.\n\n"
            "> The harbour plan will create **400 jobs** over five years\n> and will open the waterfront,\n> said Mayor Jane Okoro.\n")
    (corpus / "harbour.md").write_text(text, encoding="utf-8")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert rag("build", *where).returncode == 0
    question = "How many jobs will the harbour plan create?"
    shown = rag("ask", question, *where).stdout.splitlines()
    assert shown[:3] == ["[1] “The harbour plan will create 400 jobs over five years", "    and will open the waterfront,", "    said Mayor Jane Okoro.”"], shown
    quote = json.loads(rag("ask", question, *where, "--json").stdout)["quotes"][0]
    assert quote["text"] == text[quote["start"] : quote["end"]] and "\n> and will open" in quote["text"] and "**400 jobs**" in quote["text"]


def test_build_json_reports_counts_and_the_files_it_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n", encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("Le café du port a rouvert lundi.\n".encode("latin-1"))
    result = rag("build", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--json")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    report = json.loads(line)
    assert (report["documents"], report["sentences"], report["chunks"]) == (1, 2, 1)
    assert report["embedded"] == 3 and report["reused"] == 1  # the sentence read after the heading is the chunk's text
    [skipped] = report["skipped"]
    assert Path(skipped["path"]).name == "latin1.txt" and "not UTF-8" in skipped["reason"]
    assert (tmp_path / "index" / "CURRENT").is_file()


def test_build_into_a_log_file_draws_no_progress_bar(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n", encoding="utf-8")
    result = rag("build", "--corpus", str(corpus), "--index", str(tmp_path / "index"))  # stderr is a pipe, as to a log
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "embedding" not in result.stderr
    assert result.stdout.startswith("indexed 1 article: 2 sentences, 1 chunk (flat vector index) in ")


def test_search_json_lists_k_exact_passages(on_index, articles):
    result = rag("search", SACKS_QUESTION, "-k", "3", "--json", *on_index)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["question"] == SACKS_QUESTION and len(payload["passages"]) == 3
    for passage in payload["passages"]:
        assert articles[passage["doc_id"]][passage["start"] : passage["end"]] == passage["text"]
    assert payload["passages"][0]["doc_id"] == SACKS_DOC and "David Sacks" in payload["passages"][0]["text"]


def test_ask_prints_the_quote_and_its_citation(on_index):
    result = rag("ask", SACKS_QUESTION, *on_index)
    assert result.returncode == 0, result.stderr
    first, source = result.stdout.splitlines()[:2]
    assert first.startswith("[1] ‘") and "David Sacks" in first and first.endswith("agenda.”’")  # a quote holding “…” goes in ‘…’
    assert SACKS_DOC in source


def test_ask_shows_each_corroborating_article_in_its_own_words(on_index, articles):
    question = "How does Anthropic define recursive self-improvement?"
    shown = rag("ask", question, *on_index)
    answer = json.loads(rag("ask", question, "--json", *on_index).stdout)
    corroborations = [c for q in answer["quotes"] for c in q["corroborations"]]
    assert corroborations, "the articles define it in two places"
    for other in corroborations:
        assert articles[other["doc_id"]][other["start"] : other["end"]] == other["text"]
        assert f"also said in {other['doc_id']} ({other['start']}:{other['end']}): {in_quotation_marks(other['text'])}" in shown.stdout


def test_ask_says_how_it_read_a_question_with_typos(on_index):
    result = rag("ask", "Who acused Anthropic of pursuing a regulatry capture agenda?", *on_index)
    assert result.returncode == 0, result.stderr
    read_as, first = result.stdout.splitlines()[:2]
    assert read_as == f"(read as: {SACKS_QUESTION})"
    assert first.startswith("[1] ‘") and "David Sacks" in first and first.endswith("agenda.”’")  # a quote holding “…” goes in ‘…’


def test_ask_reads_a_follow_up_after_the_earlier_questions_it_is_given(on_index):
    alone = rag("ask", "why?", "--json", *on_index)
    assert json.loads(alone.stdout)["abstained"]  # nothing to follow
    result = rag("ask", "--after", "Who accused Anthropic of regulatory capture?", "why?", *on_index)
    assert result.returncode == 0, result.stderr
    read_with, first = result.stdout.splitlines()[:2]
    assert read_with == "(read with: Who accused Anthropic of regulatory capture?)" and first.startswith("[1] ")
    refused = rag("ask", "--after", "x" * 100_000, "why?", *on_index)
    assert refused.returncode == 2 and refused.stderr.startswith("rag: error: --after: the question is too long") and not refused.stdout


def test_ask_json_has_the_documented_fields(on_index, articles):
    result = rag("ask", SACKS_QUESTION, "--json", *on_index)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["question"] == SACKS_QUESTION and answer["abstained"] is False and isinstance(answer["answer"], str)
    quote = answer["quotes"][0]
    assert {"text", "doc_id", "start", "end", "score", "also_in"} <= quote.keys()
    assert articles[quote["doc_id"]][quote["start"] : quote["end"]] == quote["text"]
    assert all({"doc_id", "start", "end", "score"} <= p.keys() for p in answer["passages"])


def test_ask_stdin_as_text_shows_each_reply_under_its_question(on_index):
    lines = [SACKS_QUESTION, "", "What is the boiling point of mercury?"]
    result = rag("ask", "-", *on_index, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.strip().split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [f"Q: {line}" for line in lines]
    assert "David Sacks" in blocks[0] and blocks[1].splitlines()[1].startswith("error: the question is empty") and "don't say" in blocks[2]


def test_ask_json_stdin_answers_line_by_line_with_errors_in_place(on_index):
    lines = [SACKS_QUESTION, "", "   \t", "What is the boiling point of mercury?"]
    result = rag("ask", "--json", "-", *on_index, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in replies] == lines
    assert [("error" in r) for r in replies] == [False, True, True, False]
    assert "empty" in replies[1]["error"] and "empty" in replies[2]["error"]
    assert replies[0]["abstained"] is False and replies[3]["abstained"] is True


def test_ask_stdin_repeats_a_refused_overlong_line_cut_short(on_index):
    long_line = "Who wrote the blog post? " * 40_000  # a million characters
    result = rag("ask", "--json", "-", *on_index, stdin=long_line + "\n" + SACKS_QUESTION + "\n")
    assert result.returncode == 0, result.stderr
    refused, answered = (json.loads(line) for line in result.stdout.splitlines())
    assert refused["question"] == long_line[:MAX_QUESTION_CHARS] + "…"
    assert refused["error"] == f"the question is too long ({len(long_line):,} characters); the limit is {MAX_QUESTION_CHARS:,}"
    assert answered["question"] == SACKS_QUESTION and not answered["abstained"]


def test_ask_json_stdin_answers_a_line_that_is_not_utf8_with_its_own_error(on_index):
    lines = [b"Who wrote the blog \xff\xfe post?", SACKS_QUESTION.encode(), b"\xc3\x28 broken", "caf\u00e9 who wrote the blog post?".encode("latin-1")]
    result = subprocess.run([str(RAG), "ask", "--json", "-", *on_index], input=b"\n".join(lines) + b"\n", capture_output=True, cwd=ROOT, env=os.environ.copy(), timeout=300)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(replies) == len(lines)
    assert replies[0] == {"question": "Who wrote the blog \ufffd\ufffd post?", "error": "this line is not valid UTF-8 text (invalid start byte at byte 19); save the questions as UTF-8"}
    assert "error" not in replies[1] and replies[1]["question"] == SACKS_QUESTION and not replies[1]["abstained"]
    assert replies[2]["error"].startswith("this line is not valid UTF-8 text (invalid continuation byte at byte 0)")
    assert replies[3]["error"].startswith("this line is not valid UTF-8 text (invalid continuation byte at byte 3)")


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["ask", "--help"], ["ask", "-k", "zero", "a question"]], ids=["help", "version", "ask-help", "argument-error"])
def test_help_and_argument_errors_answer_without_loading_the_heavy_libraries(argv):
    script = (
        "import json, sys\nfrom rag.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in ('numpy', 'bm25s', 'faiss', 'onnxruntime', 'torch', 'gradio') if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_version_is_the_installed_packages(capsys):
    from importlib.metadata import version

    from rag.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"rag {version('rag-quotes')}\n"


# -- rag build: chunking options out of range ------------------------------------------------------
@pytest.mark.parametrize(
    "options, needle",
    [
        (["--max-tokens", "500"], "argument --max-tokens: must be between"),
        (["--max-tokens", "8"], "argument --max-tokens: must be between"),
        (["--max-tokens", "lots"], "argument --max-tokens: expected a whole number, not 'lots'"),
        (["--overlap", "7"], "argument --overlap: must be between"),
        (["--overlap", "-1"], "argument --overlap: must be between"),
    ],
    ids=["max-tokens-500", "max-tokens-8", "max-tokens-word", "overlap-7", "overlap-negative"],
)
def test_build_refuses_chunking_options_out_of_range_in_one_line(tmp_path, corpus_dir, options, needle):
    index = tmp_path / "index"
    result = rag("build", "--corpus", str(corpus_dir), "--index", str(index), *options)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"rag: error: {needle}"), line
    result = rag("build", "--corpus", str(corpus_dir), "--index", str(index), *options, "--json")
    assert result.returncode == 2
    [line] = result.stdout.splitlines()
    assert json.loads(line)["error"].startswith(needle)
    assert not index.exists()


def test_build_accepts_the_chunking_ranges_of_chunking_settings():
    from rag.chunking import MODEL_SAFE_MAX_TOKENS
    from rag.cli import build_parser

    args = build_parser().parse_args(["build", "--max-tokens", str(MODEL_SAFE_MAX_TOKENS), "--overlap", "0"])
    assert (args.max_tokens, args.overlap) == (MODEL_SAFE_MAX_TOKENS, 0)
    assert build_parser().parse_args(["build"]).max_tokens == 128


# -- JSON lines stay lines -------------------------------------------------------------------------
UNICODE_LINE_BREAKS = "\u0085\u2028\u2029"  # str.splitlines cuts at them; json.dumps(ensure_ascii=False) leaves them raw


def test_json_line_escapes_unicode_line_breaks_and_keeps_other_text_readable():
    from rag.jsonl import json_line

    payload = {"text": f"a{UNICODE_LINE_BREAKS}b é “quoted” \\\u2028 日本", "n": [1, None]}
    line = json_line(payload)
    assert line.endswith("\n") and len(line.splitlines()) == 1
    assert not any(c in line for c in UNICODE_LINE_BREAKS)
    assert "é “quoted” " in line and "日本" in line
    assert json.loads(line) == payload


def test_ask_json_stdin_keeps_one_output_line_per_input_line_with_unicode_line_breaks(on_index):
    lines = [UNICODE_LINE_BREAKS, f"Who accused Anthropic{UNICODE_LINE_BREAKS[1]}of pursuing a regulatory capture agenda?", "what day did anthropic announce this"]
    result = subprocess.run(
        [str(RAG), "ask", "--json", "-", *on_index], input="\n".join(lines).encode("utf-8"), capture_output=True, cwd=ROOT, env=os.environ.copy(), timeout=300
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert not any(c in out for c in UNICODE_LINE_BREAKS)
    replies = [json.loads(line) for line in out.splitlines()]
    assert len(replies) == len(lines)
    assert replies[0]["question"] == lines[0] and "error" in replies[0]
    assert "error" not in replies[1] and "error" not in replies[2]


def test_the_command_shows_its_own_warnings_as_one_line_and_others_as_python_does(capsys):
    from rag.cli import _show_warning
    from rag.errors import StaleIndexWarning

    _show_warning(StaleIndexWarning("the articles changed"), StaleIndexWarning, "rag/index.py", 600)
    _show_warning(RuntimeWarning("invalid value encountered in divide"), RuntimeWarning, "numpy/core.py", 12)
    shown = capsys.readouterr().err.splitlines()
    assert shown[0] == "rag: warning: the articles changed"
    assert shown[1] == "numpy/core.py:12: RuntimeWarning: invalid value encountered in divide"


def test_a_closed_or_full_output_or_a_closed_input_is_a_clear_error(on_index):
    """`rag ask … >&-`, `… > /dev/full`, `rag ask - <&-`: one `rag: error:` line and exit 2, not an internal error or a lost answer."""

    def run(*args: str, closed: int | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
        before = (lambda: os.close(closed)) if closed is not None else None
        return subprocess.run([str(RAG), *args], stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300, preexec_fn=before)

    closed_out = run("ask", *on_index, SACKS_QUESTION, closed=1)
    assert closed_out.returncode == 2 and closed_out.stderr.startswith("rag: error: standard output is closed"), closed_out.stderr
    closed_in = run("ask", *on_index, "-", closed=0)
    assert closed_in.returncode == 2 and closed_in.stderr.startswith("rag: error: standard input is closed"), closed_in.stderr
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            no_room = run("ask", *on_index, "--json", SACKS_QUESTION, stdout=full)
        assert no_room.returncode == 2 and no_room.stderr.strip() == "rag: error: No space left on device", no_room.stderr


def test_text_output_writes_control_characters_out_instead_of_sending_them_to_the_terminal(on_index):
    """An escape sequence in a question (or an article) would recolour the terminal or retitle it."""
    done = rag("ask", *on_index, "-", stdin="\x1b]0;pwned\x07" + SACKS_QUESTION + "\n")
    assert done.returncode == 0 and "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert done.stdout.startswith("Q: \\x1b]0;pwned\\x07" + SACKS_QUESTION)


def test_a_build_off_a_terminal_tells_its_progress_in_lines_now_and_then():
    from rag.arguments import progress_lines

    log = io.StringIO()
    told = progress_lines(every_s=0.0, stream=log)
    told(64, 150)
    told(150, 150)
    assert log.getvalue().splitlines() == ["rag: embedded 64 of 150 texts (42%)", "rag: embedded 150 of 150 texts (100%)"]
    quiet = io.StringIO()
    progress_lines(every_s=3600.0, stream=quiet)(150, 150)  # a build shorter than the interval says nothing
    assert quiet.getvalue() == ""
