"""Hostile corpus folders: bad files are skipped with a warning that names them, the rest
is indexed, and answers over what was indexed quote it exactly. Plus a hypothesis fuzz of
building and answering over arbitrary small corpora."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile_checks import assert_friendly_failure, assert_grounded, run_rag
from rag.answer import Answerer
from rag.documents import MAX_ARTICLE_BYTES, load_corpus
from rag.errors import CorpusError, QuestionError, SkippedFileWarning
from rag.build import build_index
from rag.index import CACHE_FILE
from rag.lexical import terms
from rag.text import count_tokens, split_sentences
from rag.retrieve import Retriever

GOOD = ("002_92a117e8a803a66f", "004_250bfd79a5953938")
CRLF_SOURCE = "003_d04b17a40513e639"
CRLF_QUESTION = "what did the nine claude models manage to do"

# Files deleted the moment another file is opened: a deletion that lands mid-indexing.
_DELETE_WHEN_OPENED: dict[str, Path] = {}


def _delete_on_open(event: str, args: tuple) -> None:
    if event == "open" and _DELETE_WHEN_OPENED and isinstance(args[0], (str, os.PathLike)):
        victim = _DELETE_WHEN_OPENED.pop(os.fspath(args[0]), None)
        if victim is not None:
            victim.unlink()


sys.addaudithook(_delete_on_open)


def make_hostile_corpus(folder: Path, corpus_dir: Path) -> dict[str, str]:
    """Good articles among bad files; returns {bad file name: words its skip reason must hold}."""
    folder.mkdir()
    for doc_id in GOOD:
        shutil.copyfile(corpus_dir / f"{doc_id}.txt", folder / f"{doc_id}.txt")
    crlf = (corpus_dir / f"{CRLF_SOURCE}.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    (folder / "crlf_article.txt").write_bytes(crlf.encode("utf-8"))
    (folder / "bom_article.md").write_bytes("\ufeffBOM headline\n\nA short article saved with a byte order mark by Notepad.\n".encode("utf-8"))
    bad = {
        "empty.txt": "empty",
        "blank.md": "empty",
        "invisible.txt": "no words",
        "binary.txt": "binary",
        "latin1.txt": "not UTF-8",
        "huge.txt": f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB",
        "loop_a.txt": "link",
        "loop_b.txt": "link",
        "self_loop.txt": "link",
        "dangling.txt": "link",
        "duplicate.txt": f"same text as {GOOD[0]}.txt",  # named as in the folder
        "bom_article.txt": "same id as bom_article.md",  # a .txt and a .md of one name in one folder
        "vanishes.txt": "vanished",
        "pipe.txt": "not a regular file",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \r\n\t\n\n")
    (folder / "invisible.txt").write_text("\u200b\u200b\n\u2014 \u2022 \u2060\n", encoding="utf-8")  # zero-width spaces, a dash, a bullet
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes("Café crème in Zürich cost 5 €.\n".encode("cp1252"))
    line = b"This sentence repeats to make an article of fifty megabytes. " * 16 + b"\n"
    with open(folder / "huge.txt", "wb") as handle:
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("self_loop.txt", folder / "self_loop.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    (folder / "nested").mkdir()
    os.symlink("..", folder / "nested" / "up")  # a folder loop the walk must not follow
    shutil.copyfile(folder / f"{GOOD[0]}.txt", folder / "duplicate.txt")
    (folder / "nested" / f"{GOOD[1]}.txt").write_text("Same file name, other folder.\n\nIt is an article of its own, nested/….\n", encoding="utf-8")
    (folder / "bom_article.txt").write_text("Same name as the .md, other text.\n\nIt must not replace the .md.\n", encoding="utf-8")
    (folder / ".trash").mkdir()  # a hidden folder: never read, like a hidden file
    (folder / ".trash" / "deleted.txt").write_text("The ferry was cancelled permanently.\n", encoding="utf-8")
    (folder / "vanishes.txt").write_text("Deleted while the corpus is read.\n", encoding="utf-8")
    _DELETE_WHEN_OPENED[str(folder / f"{GOOD[0]}.txt")] = folder / "vanishes.txt"
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    os.mkdir(folder / "folder.txt")
    return bad


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, corpus_dir, index_dir, encoder):
    """(corpus folder, index folder, build report, expected skips) for one hostile build."""
    root = tmp_path_factory.mktemp("hostile")
    corpus, index = root / "corpus", root / "index"
    expected = make_hostile_corpus(corpus, corpus_dir)
    index.mkdir()
    shutil.copyfile(index_dir / CACHE_FILE, index / CACHE_FILE)  # reuse the vectors of the bundled texts
    with pytest.warns(SkippedFileWarning):  # one per skipped file (test_a_library_build_warns_of_each_skipped_file)
        report = build_index(corpus, index, encoder=encoder, progress=False)
    return corpus, index, report, expected


def test_bad_files_are_skipped_with_a_reason_that_names_them(hostile):
    corpus, _, report, expected = hostile
    reasons = {Path(path).relative_to(corpus).as_posix(): why for path, why in report.skipped}
    assert set(reasons) == set(expected), reasons
    for name, words in expected.items():
        assert words in reasons[name], (name, reasons[name])
    summary = report.summary()
    for path, why in report.skipped:
        assert f"skipped {path}: {why}" in summary
        assert str(corpus) in path


def test_the_rest_is_indexed(hostile, encoder):
    _, index, report, _ = hostile
    retriever = Retriever.load(index, encoder=encoder)
    assert sorted(retriever.index.documents) == sorted([*GOOD, "crlf_article", "bom_article", f"nested/{GOOD[1]}"])
    assert report.documents == 5
    bom = retriever.index.documents["bom_article"]
    assert bom.title == "BOM headline" and not bom.text.startswith("\ufeff")


def test_windows_line_endings_are_split_and_quoted_exactly(hostile, encoder, answerer):
    _, index, _, _ = hostile
    local = Answerer(Retriever.load(index, encoder=encoder), answerer.settings, answerer.answerability)
    assert "\r\n" in local.index.documents["crlf_article"].text
    crlf = [s for s in local.index.sentences if s.doc_id == "crlf_article"]
    bundled = [s for s in answerer.index.sentences if s.doc_id == CRLF_SOURCE]
    assert [(s.kind, s.text.replace("\r\n", "\n")) for s in crlf] == [(s.kind, s.text) for s in bundled]
    assert all(not s.text.startswith(("\r", "\n")) and not s.text.endswith("\r") for s in crlf)
    result = local.answer(CRLF_QUESTION)
    assert_grounded(result, local.index.documents)
    assert result.passages[0].doc_id == "crlf_article"
    assert all("\r" not in quote.text for quote in result.quotes)


def test_a_folder_of_only_bad_files_is_refused_with_the_reasons(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "2024").mkdir()
    (folder / "2024" / "notepad.txt").write_bytes("Harbour reopens\r\n".encode("utf-16"))  # Notepad's "Unicode"
    (folder / "2024" / "smart.txt").write_bytes("The mayor said \u201cwe will rebuild\u201d.\n".encode("cp1252"))
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    message = str(caught.value)
    assert "no readable .txt or .md article" in message and "empty.txt: empty" in message and "binary.txt: binary file" in message
    assert "2024/notepad.txt: UTF-16 text; save it as UTF-8 (iconv -f utf-16 -t utf-8)" in message  # not "binary", and where it lies
    assert "2024/smart.txt: not UTF-8 (byte 15); save it as UTF-8 (iconv -f cp1252 -t utf-8) if it is Windows-1252" in message
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path / "missing")
    assert str(caught.value) == f"the corpus folder {tmp_path / 'missing'} does not exist; name a folder of .txt or .md articles"


def test_file_names_that_are_not_utf8(tmp_path, corpus_dir):
    folder = tmp_path / "names"
    folder.mkdir()
    shutil.copyfile(corpus_dir / f"{GOOD[0]}.txt", folder / f"{GOOD[0]}.txt")
    (Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"caf\xe9.txt")).write_text("Written on a Windows machine.\n", encoding="utf-8")
    report = load_corpus(folder)
    assert [d.doc_id for d in report.documents] == [GOOD[0]]
    (path, why), = report.skipped
    assert "caf\\xe9.txt" in path and "file name" in why
    report.summary().encode("utf-8")  # printable


@pytest.mark.timeout(120)
def test_cli_build_of_only_bad_files_explains_why(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    os.symlink("loop.txt", bad / "loop.txt")
    result = run_rag(["build", "--corpus", str(bad), "--index", str(tmp_path / "index")], timeout=110)
    assert_friendly_failure(result, "no readable", "empty.txt: empty", "loop.txt: symbolic link that loops")


# -- fuzz: arbitrary small corpora ---------------------------------------------------------

WORDS = ["Anthropic", "pause", "the", "model", "said", "on", "Thursday", "3.5", "U.S.", "Dr.", "e.g.", "—", "«quote»", "🤖", "日本", "\u200b", "é", "x"]
BREAKS = [" ", " ", " ", ". ", "? ", "! ", "\n", "\r\n", "\n\n", "\t", "...", "; "]
article_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(BREAKS), st.text(max_size=6)), max_size=120).map("".join)


@pytest.mark.timeout(900)
@pytest.mark.filterwarnings("ignore::rag.errors.SkippedFileWarning")  # generated files may be empty: skipping them is expected
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(articles=st.lists(article_text, min_size=1, max_size=3), questions=st.lists(article_text, min_size=1, max_size=2))
@example(articles=["0. "], questions=[""])  # a bare list number: a word, but no sentence to index
def test_fuzz_small_corpora(encoder, answerer, articles, questions):
    with tempfile.TemporaryDirectory() as root:
        corpus, index = Path(root) / "corpus", Path(root) / "index"
        corpus.mkdir()
        for n, text in enumerate(articles):
            (corpus / f"article_{n}.txt").write_text(text, encoding="utf-8")
        try:
            report = build_index(corpus, index, encoder=encoder, progress=False)
        except CorpusError:  # refused only when no sentence of an article has a searchable word
            loadable = [text for text in articles if text.removeprefix("\ufeff").strip() and "\x00" not in text]
            assert not any(terms(sentence.text) for text in loadable for sentence in split_sentences("article", text))
            return
        local = Answerer(Retriever.load(index, encoder=encoder), answerer.settings, answerer.answerability)
        assert len(local.index.documents) == report.documents
        for question in questions:
            try:
                result = local.answer(question)
            except QuestionError:
                continue
            assert_grounded(result, local.index.documents)



def test_a_linked_folder_is_read_and_a_link_back_up_is_not_followed(tmp_path, corpus_dir):
    elsewhere = tmp_path / "elsewhere" / "2024"
    elsewhere.mkdir(parents=True)
    shutil.copyfile(corpus_dir / f"{GOOD[1]}.txt", elsewhere / "linked_article.txt")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(corpus_dir / f"{GOOD[0]}.txt", corpus / f"{GOOD[0]}.txt")
    os.symlink(elsewhere, corpus / "2024")  # articles kept in another folder, linked in
    os.symlink("..", elsewhere / "back")  # and a link from there back up: no loop, nothing twice
    report = load_corpus(corpus)
    assert sorted(d.doc_id for d in report.documents) == sorted([GOOD[0], "2024/linked_article"])  # ids name their sub-folder
    assert report.skipped == []


def test_an_article_without_full_stops_is_quoted_within_the_answer_budget(tmp_path, encoder, answerer):
    """A 'sentence' of thousands of words (text with no full stops) gives a quote of its opening
    that fits the token budget, never the whole run-on text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    words = "river flood valley dam farmers rain crops officials lost held heavy while after the".split()
    run_on = " ".join(words[(i * 7) % len(words)] for i in range(1500))  # one pysbd piece (under 10,000 characters)
    (corpus / "run_on.txt").write_text(f"Flood hits valley\n\nThe river flooded the valley after heavy rain and {run_on}\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    local = Answerer(Retriever.load(tmp_path / "index", encoder=encoder), answerer.settings, answerer.answerability)
    sentence = max(local.index.sentences, key=lambda s: len(s.text))
    assert count_tokens(sentence.text) > 10 * local.settings.token_budget
    result = local.answer("Did the river flood the valley after heavy rain?")
    assert_grounded(result, local.index.documents)
    assert result.quotes and sum(count_tokens(q.text) for q in result.quotes) <= local.settings.token_budget
    opening = next(q for q in result.quotes if q.start == sentence.start)
    assert opening.text.startswith("The river flooded the valley") and sentence.text.startswith(opening.text)
    assert not opening.text.endswith(" ") and sentence.text[len(opening.text)] == " "  # cut between words


def test_a_library_build_warns_of_each_skipped_file(tmp_path, encoder):
    """A library user reads no summary: every file left out of the index is a SkippedFileWarning naming it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "budget.md").write_text("City budget\n\nThe council approved the budget on Monday.\n", encoding="utf-8")
    (corpus / "budget.txt").write_text("City budget, plain text\n\nThe mayor signed it on Tuesday.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.warns(SkippedFileWarning) as caught:
        report = build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    messages = sorted(str(w.message) for w in caught if issubclass(w.category, SkippedFileWarning))
    assert messages == sorted(f"skipped {path}: {why}" for path, why in report.skipped) and len(messages) == 2
    assert any("budget.txt" in m and "same id as" in m for m in messages) and any("empty.txt" in m for m in messages)


def test_soft_hyphens_and_ligatures_in_an_article_are_read_as_the_plain_words(tmp_path, encoder, answerer):
    """Text copied from a web page or a PDF keeps soft hyphens ("may\\u00ador") and ligatures
    ("\\ufb01ne"): they are read as the words they show, and quoted exactly as written."""
    assert terms("The may\u00ador an\u00adnounced a \ufb01ne o\u2060f 50 euros") == terms("The mayor announced a fine of 50 euros")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sentence = "The may\u00ador of Velkov an\u00adnounced a \ufb01ne of 50 euros for littering on Monday."
    (corpus / "council.txt").write_text(f"Council news\n\n{sentence}\nThe council approved a new park near the river.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    local = Answerer(Retriever.load(tmp_path / "index", encoder=encoder), answerer.settings, answerer.answerability)

    result = local.answer("What fine did the mayor of Velkov announce?")

    assert not result.abstained and result.quotes[0].text == sentence
    assert_grounded(result, local.index.documents)
