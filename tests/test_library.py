"""The library as a Python developer uses it: `from rag import ...` in their own program."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rag import Answerer, AnswerSettings, IndexWriteError, QuestionError, QuestionTypeError, RagError, SettingsError, __version__

ROOT = Path(__file__).resolve().parents[1]

UNUSABLE_SETTINGS = [
    ({"passages": -1}, "passages must be at least 1, not -1"),
    ({"max_quotes": 1.5}, "max_quotes must be a whole number, not 1.5"),
    ({"token_budget": True}, "token_budget must be a whole number, not True"),
    ({"abstain_threshold": math.nan}, "abstain_threshold must be a finite number, not nan"),
    ({"w_coverage": "high"}, "w_coverage must be a finite number, not 'high'"),
    ({"second_quote_ratio": 2.0}, "second_quote_ratio must be between 0 and 1, not 2.0"),
    ({"corroboration_similarity": -0.5}, "corroboration_similarity must be between 0 and 1, not -0.5"),
    ({"w_dense": 10**40 * 10**360}, f"w_dense must be a finite number, not {10**400!r}"),  # no float holds it
]


@pytest.mark.parametrize("values, problem", UNUSABLE_SETTINGS, ids=[next(iter(v)) for v, _ in UNUSABLE_SETTINGS])
def test_answer_settings_refuse_what_a_settings_file_may_not_hold(tmp_path, values, problem):
    with pytest.raises(SettingsError) as made:
        AnswerSettings(**values)
    assert str(made.value) == f"unusable answer settings: {problem}"
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"settings": {"abstain_threshold": 0.1, **values}}), encoding="utf-8")
    with pytest.raises(SettingsError) as loaded:
        AnswerSettings.load(path)
    assert str(loaded.value) == f"the settings file {path} holds unusable values: {problem}"
    assert isinstance(made.value, RagError) and isinstance(made.value, ValueError)


def test_numpy_numbers_make_plain_settings():
    settings = AnswerSettings(passages=np.int64(3), w_dense=np.float32(0.5), abstain_threshold=0)
    assert (settings.passages, settings.w_dense, settings.abstain_threshold) == (3, 0.5, 0.0)
    assert type(settings.passages) is int and type(settings.w_dense) is float and type(settings.abstain_threshold) is float


def test_an_answerer_without_settings_answers_with_the_calibrated_ones_and_one_knob_changes_alone(retriever):
    assert Answerer(retriever).settings == AnswerSettings.load()
    one_quote = Answerer(retriever, replace(AnswerSettings.load(), max_quotes=1)).answer("Who wrote the blog post?")
    assert not one_quote.abstained and len(one_quote.quotes) == 1


def test_the_settings_made_without_arguments_are_the_shipped_calibrated_ones():
    """So that ``AnswerSettings(max_quotes=1)`` changes one knob of the product, not every other one
    too, and after a calibration that moves a value the default must move with it."""
    assert AnswerSettings() == AnswerSettings.load()


FOLLOW_UP = "and what did OpenAI say?"
HISTORY_ERROR = "history must be a list of the earlier questions (text), oldest first, or None (null in JSON)"


@pytest.mark.parametrize(
    "history",
    ["What did Anthropic propose?", 5, {"What did Anthropic propose?": 1}, {"What did Anthropic propose?"}, iter(["What did Anthropic propose?"]), [None], [1, 2], [b"What did Anthropic propose?"]],
    ids=["text", "number", "dict", "set", "iterator", "none-in-list", "numbers-in-list", "bytes-in-list"],
)
def test_a_history_that_is_not_a_list_of_questions_is_refused_whatever_the_question(answerer, history):
    for question in (FOLLOW_UP, "Who wrote the blog post?"):  # a follow-up, and a question read alone
        with pytest.raises(TypeError) as refused:  # a QuestionError too, as a web form or the CLI catches it
            answerer.answer(question, history=history)
        assert isinstance(refused.value, QuestionError)
        message = str(refused.value)
        if isinstance(history, list):  # the item that is not text is named
            wrong = next(n for n, earlier in enumerate(history) if not isinstance(earlier, str))
            assert message.startswith(f"{HISTORY_ERROR}; item {wrong} is "), message
        else:
            assert message.startswith(f"{HISTORY_ERROR}, not "), message


def test_a_history_may_be_any_sequence_and_is_read_as_the_list_is(answerer):
    from collections import deque

    as_list = answerer.answer(FOLLOW_UP, history=["What did Anthropic propose?"])
    assert answerer.answer(FOLLOW_UP, history=("What did Anthropic propose?",)) == as_list
    assert answerer.answer(FOLLOW_UP, history=deque(["What did Anthropic propose?"], maxlen=8)) == as_list  # a bounded record of turns
    assert as_list.quotes != answerer.answer(FOLLOW_UP).quotes  # the history was used


def test_k_may_be_a_numpy_integer_but_not_a_bool(answerer, retriever):
    assert len(answerer.answer("Who wrote the blog post?", k=np.int64(2)).passages) == 2
    assert len(retriever.search("Who wrote the blog post?", k=np.int32(3))) == 3
    with pytest.raises(QuestionTypeError, match="k, the number of passages to return, must be a whole number"):
        answerer.answer("Who wrote the blog post?", k=True)  # the other wrong types and values: test_answer.py


def test_k_sets_the_passages_returned_and_leaves_the_quotes_alone(answerer):
    one, many = answerer.answer("What did Anthropic propose?", k=1), answerer.answer("What did Anthropic propose?", k=8)
    assert (len(one.passages), len(many.passages)) == (1, 8)
    assert one.quotes == many.quotes and not one.abstained


def test_answering_leaves_the_process_free_to_import_scipy_and_bm25s_with_it(index_dir):
    script = (
        "import sys\nfrom rag import Answerer\n"
        f"Answerer.load({str(index_dir)!r}).answer('Who wrote the blog post?')\n"
        "print(sorted(m for m in ('bm25s', 'scipy') if m in sys.modules))\n"  # not needed to answer: a faster cold start
        "import bm25s, scipy.sparse\nprint(bm25s.SCIPY_AVAILABLE)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "True"]


def test_the_package_ships_its_type_information(tmp_path):
    import shutil
    import zipfile

    for name in ("rag", "pyproject.toml", "README.md"):  # a copy: building writes next to the sources
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, tmp_path / "src" / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(tmp_path / "src"), "-w", str(tmp_path / "wheel")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    assert "rag/py.typed" in zipfile.ZipFile(wheel).namelist()
    assert wheel.name.startswith(f"rag_quotes-{__version__}-")  # the version is read from rag/__init__.py


def test_a_misspelt_public_name_is_a_type_error_not_any(tmp_path):
    user = tmp_path / "user.py"
    user.write_text(
        "import rag\nfrom rag import Answerr\nretriever = rag.Retreiver\nanswerer: rag.Answerer = rag.Answerer.load('index')\n"
        "told: rag.OnEmbedded = lambda done, total: None\nrag.build_index('articles', 'index', vector_kind='hnws', on_embedded=told)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        # rag's own modules are checked; the third-party ones it imports are not read (Any), which
        # leaves the question asked here alone and takes 2 s instead of a minute of torch's stubs
        [str(Path(sys.executable).parent / "mypy"), "--cache-dir", str(tmp_path / "cache"), "--no-site-packages", "--ignore-missing-imports", str(user)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "MYPYPATH": str(ROOT)},
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["2", "3", "6"], done.stdout  # 6: a vector_kind that is none of the four


def test_the_encoders_dimension_is_the_read_only_property_the_protocol_declares(encoder):
    import inspect

    from rag.embedding import Encoder, SentenceTransformerEncoder

    assert isinstance(inspect.getattr_static(Encoder, "dimension"), property)
    assert isinstance(inspect.getattr_static(SentenceTransformerEncoder, "dimension"), property)
    assert encoder.dimension == 384 == encoder.encode(["Who wrote the blog post?"]).shape[1]


USER_PROGRAM = """
import logging, os, sys, threading, time, warnings
before = dict(os.environ)
from rag import Answerer, build_index
import rag.build, rag.embedding, rag.embedding_cache, rag.index, rag.onnx_encoder, rag.retrieve
assert dict(os.environ) == before, "importing rag changed the environment"
records, warned, stop = [], [], threading.Event()
handler = logging.Handler()
handler.emit = records.append
if sys.argv[3] == "root-handler":  # as a server does: every library's records at INFO and up
    logging.root.addHandler(handler)
    logging.root.setLevel(logging.INFO)
else:
    logging.getLogger("user").addHandler(handler)
warnings.simplefilter("always")
warnings.showwarning = lambda message, *rest, **kw: warned.append(str(message))
def heartbeat():  # the rest of the user's program, logging and warning while rag works
    while not stop.is_set():
        logging.getLogger("user").warning("beat")
        warnings.warn("beat")
        time.sleep(0.01)
beats = threading.Thread(target=heartbeat)
beats.start()
build_index(sys.argv[1], sys.argv[2], progress=False)   # loads the model: new text to embed
Answerer.load(sys.argv[2]).answer("Who wrote the blog post?")  # exports the ONNX encoder: a fresh cache
stop.set()
beats.join()
import huggingface_hub.constants
print(sum(r.name == "user" for r in records) == warned.count("beat") > 50,
      sorted(k for k in {*os.environ, *before} if os.environ.get(k) != before.get(k)),  # torch's, sklearn's KMP_* put back too
      huggingface_hub.constants.HF_HUB_OFFLINE,
      [h for h in logging.root.handlers if h is not handler],
      sorted({r.name for r in records if "onnxruntime" in r.pathname}))
"""


LOGGING_SET_UPS = ["user-logger", "root-handler"]


@pytest.fixture(scope="module")
def users_programs(request, tmp_path_factory, corpus_dir) -> dict[str, tuple[subprocess.Popen, Path]]:
    """USER_PROGRAM started once for each logging set-up the session runs, all at once: each is
    a fresh Python that loads the model and exports the ONNX encoder, mostly on one core, so
    on two cores the pair takes little longer than one. Each has its own folders and output files."""
    set_ups = [item.callspec.params["logging_set_up"] for item in request.session.items if item.originalname == USERS_PROGRAM_TEST]
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "TOKENIZERS_PARALLELISM")}
    started = {}
    for logging_set_up in dict.fromkeys(set_ups):
        tmp_path = tmp_path_factory.mktemp(logging_set_up)
        one_article = tmp_path / "articles"  # enough to load the model, embed and answer; a third of the build time
        one_article.mkdir()
        first = min(corpus_dir.glob("*.txt"))
        shutil.copy(first, one_article / first.name)
        with open(tmp_path / "stdout", "w") as stdout, open(tmp_path / "stderr", "w") as stderr:
            started[logging_set_up] = subprocess.Popen(
                [sys.executable, "-c", USER_PROGRAM, str(one_article), str(tmp_path / "index"), logging_set_up], stdout=stdout, stderr=stderr,
                env=env | {"RAG_CACHE_DIR": str(tmp_path / "cache"), "HF_ENDPOINT": "http://127.0.0.1:9"},  # a fresh export; a download could only fail
            ), tmp_path
    yield started
    for process, _ in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()


USERS_PROGRAM_TEST = "test_building_and_answering_in_a_users_program_print_nothing_and_leave_its_environment_logging_and_warnings_alone"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("logging_set_up", LOGGING_SET_UPS)
def test_building_and_answering_in_a_users_program_print_nothing_and_leave_its_environment_logging_and_warnings_alone(users_programs, logging_set_up):
    process, tmp_path = users_programs[logging_set_up]
    process.wait(timeout=280)
    stdout, stderr = (tmp_path / "stdout").read_text(), (tmp_path / "stderr").read_text()
    assert process.returncode == 0 and stderr == "", stderr[-3000:]
    assert stdout.splitlines() == ["True [] False [] []"]  # ... and no record of onnxruntime's export chatter


@pytest.mark.parametrize(
    "values, problem",
    [
        ({"overlap_sentences": 1.5}, "overlap_sentences must be between 0 and 3 (a whole number), not 1.5"),
        ({"max_tokens": "100"}, "max_tokens must be between 16 and 160 (a whole number), not '100'"),
        ({"max_tokens": 100.5}, "max_tokens must be between 16 and 160 (a whole number), not 100.5"),
        ({"max_tokens": 5}, "max_tokens must be between 16 and 160 (a whole number), not 5"),
        ({"overlap_sentences": False}, "overlap_sentences must be between 0 and 3 (a whole number), not False"),
    ],
)
def test_chunking_settings_are_whole_numbers_in_range(values, problem):
    from rag import ChunkingSettings

    with pytest.raises(SettingsError) as caught:
        ChunkingSettings(**values)
    assert str(caught.value) == problem
    assert ChunkingSettings(max_tokens=np.int64(64)).max_tokens == 64 and type(ChunkingSettings(max_tokens=np.int64(64)).max_tokens) is int


@pytest.mark.parametrize(
    "values, problem",
    [
        ({"rrf_k": -1}, "rrf_k must be between 0 and 100,000 (a whole number), not -1"),  # a division by zero at search time
        ({"dense_candidates": "x"}, "dense_candidates must be between 1 and 100,000 (a whole number), not 'x'"),
        ({"dense_candidates": 0}, "dense_candidates must be between 1 and 100,000 (a whole number), not 0"),  # one passage found, silently
        ({"lexical_candidates": -5}, "lexical_candidates must be between 1 and 100,000 (a whole number), not -5"),
        ({"lexical_candidates": 2.5}, "lexical_candidates must be between 1 and 100,000 (a whole number), not 2.5"),
    ],
)
def test_retrieval_settings_are_whole_numbers_in_range(values, problem):
    from rag import RetrievalSettings

    with pytest.raises(SettingsError) as caught:
        RetrievalSettings(**values)
    assert str(caught.value) == problem
    assert type(RetrievalSettings(rrf_k=np.int64(0)).rrf_k) is int


def test_a_build_with_unusable_settings_or_documents_fails_before_any_work(tmp_path, corpus_dir):
    from rag import CorpusError, build_index
    from rag.documents import LoadReport, load_corpus

    with pytest.raises(SettingsError, match="vector_kind must be one of auto, flat, ivf, hnsw, not 'annoy'"):
        build_index(corpus_dir, tmp_path / "index", vector_kind="annoy")
    twice = load_corpus(corpus_dir).documents[:2]
    twice[1] = replace(twice[1], doc_id=twice[0].doc_id)
    with pytest.raises(CorpusError, match=f"two documents have the id '{twice[0].doc_id}'"):
        build_index(corpus_dir, tmp_path / "index", documents=LoadReport(twice))
    with pytest.raises(TypeError, match=r"^corpus_dir must be str or PathLike, not NoneType; the folder of the articles"):
        build_index(None, tmp_path / "index")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^index_dir must be str or PathLike, not NoneType; the folder to write the index to"):
        build_index(corpus_dir, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^on_embedded must be a function of \(texts embedded so far, texts to embed\) or None, not int$"):
        build_index(corpus_dir, tmp_path / "index", on_embedded=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^folder must be str or PathLike, not NoneType; the folder of the articles"):
        load_corpus(None)  # type: ignore[arg-type]
    assert not (tmp_path / "index").exists()


def test_paths_that_are_files_or_missing_are_named_so_without_command_line_flags(tmp_path, corpus_dir):
    from rag import CorpusError, build_index

    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for corpus, index, error, words in [
        (a_file, tmp_path / "index", CorpusError, f"the corpus folder {a_file} is not a folder"),
        (tmp_path / "missing", tmp_path / "index", CorpusError, f"the corpus folder {tmp_path / 'missing'} does not exist"),
        (corpus_dir, a_file, IndexWriteError, f"{a_file} is not a folder"),
        (corpus_dir, a_file / "index", IndexWriteError, f"{a_file} is not a folder"),
    ]:
        with pytest.raises(error) as caught:
            build_index(corpus, index)
        assert words in str(caught.value) and "--" not in str(caught.value), str(caught.value)


def test_an_index_is_not_built_among_its_articles(tmp_path):
    from rag import build_index

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe ferry sailed again on Friday.\n", encoding="utf-8")
    with pytest.raises(IndexWriteError, match=f"^the index folder {re.escape(str(corpus))} is the corpus folder"):
        build_index(corpus, corpus)
    assert sorted(p.name for p in corpus.iterdir()) == ["ferry.txt"]


def test_loading_what_is_not_an_index_says_what_it_is(tmp_path, index_dir, corpus_dir):
    from rag import Answerer, IndexMissingError

    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    one_build = next(index_dir.glob("build-*"))
    for path, words in [
        (a_file, f"{a_file} is a file, not an index folder"),
        (one_build, f"{one_build} is one build inside an index; point at the index folder above it, {index_dir}"),
        (corpus_dir, f"no index in {corpus_dir}, which holds articles; build an index of them with `rag build --corpus {corpus_dir} --index index`"),
        (tmp_path / "new", f"no index in {tmp_path / 'new'}; build one with `rag build --corpus DIR --index {tmp_path / 'new'}`"),
    ]:
        with pytest.raises(IndexMissingError) as caught:
            Answerer.load(path)
        assert str(caught.value).startswith(words), str(caught.value)
    unreadable = tmp_path / ("x" * 300)  # a path the system cannot look at (its name is too long): no OSError, the plain message
    with pytest.raises(IndexMissingError, match="; build one with `rag build --corpus DIR --index"):
        Answerer.load(unreadable)


def test_settings_that_cannot_be_written_are_a_settings_error(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError, match=f"cannot write the settings to {a_file / 'mine.json'}: Not a directory"):
        AnswerSettings().save(a_file / "mine.json")


def test_saving_settings_needs_a_path_so_the_shipped_file_is_never_overwritten_by_accident(tmp_path, monkeypatch):
    import rag.settings

    shipped = tmp_path / "answer_settings.json"
    monkeypatch.setattr(rag.settings, "CALIBRATED_SETTINGS", shipped)
    with pytest.raises(TypeError):
        AnswerSettings(abstain_threshold=0.0).save()  # type: ignore[call-arg]
    assert not shipped.exists()
    mine = AnswerSettings(abstain_threshold=0.0).save(tmp_path / "mine.json", note="an experiment")
    assert AnswerSettings.load(mine) == AnswerSettings(abstain_threshold=0.0)


def test_objects_of_the_wrong_kind_are_refused_when_they_are_given_not_at_the_first_answer(retriever, index_dir, corpus_dir, tmp_path):
    """A path where a Retriever goes, or a dict where settings go, is a TypeError that says what to pass."""
    from rag import ChunkingSettings, Retriever, build_index

    with pytest.raises(TypeError, match=r"retriever must be Retriever, not str; .*Answerer\.load\(index_dir\)"):
        Answerer(str(index_dir))
    with pytest.raises(TypeError, match="settings must be AnswerSettings or None, not dict"):
        Answerer(retriever, {"max_quotes": 1})
    with pytest.raises(TypeError, match=r"index must be CorpusIndex, not str; .*Retriever\.load\(index_dir\)"):
        Retriever(str(index_dir), retriever.encoder)
    with pytest.raises(TypeError, match="encoder must be an Encoder"):
        Retriever(retriever.index, None)
    with pytest.raises(TypeError, match=r"chunking must be ChunkingSettings, not dict; e\.g\. ChunkingSettings\(max_tokens=64\)"):
        build_index(corpus_dir, tmp_path / "index", chunking={"max_tokens": 64})
    assert not (tmp_path / "index").exists()
    assert ChunkingSettings(max_tokens=64).max_tokens == 64


@pytest.mark.parametrize("question, kind", [(b"Who wrote the blog post?", "bytes"), (None, "None (null in JSON)"), (42, "a number")])
def test_a_question_that_is_not_text_is_refused_with_what_it_is(answerer, question, kind):
    with pytest.raises(TypeError) as refused:
        answerer.answer(question)
    assert isinstance(refused.value, QuestionError) and str(refused.value) == f"the question must be text, not {kind}"


def test_answerer_load_takes_settings(index_dir):
    one_quote = replace(AnswerSettings.load(), max_quotes=1)
    assert Answerer.load(index_dir, settings=one_quote).settings == one_quote


def test_an_index_a_retriever_an_answerer_and_a_document_print_short(retriever, answerer):
    index = retriever.index
    shown = repr(index)
    assert shown.startswith("CorpusIndex(") and f"documents={len(index.documents)}" in shown and len(shown) < 300
    assert repr(retriever).startswith(f"Retriever(index={shown}") and len(repr(retriever)) < 400
    assert repr(answerer).startswith("Answerer(index=CorpusIndex(") and f"abstain_threshold={answerer.settings.abstain_threshold:g}" in repr(answerer)
    document = next(iter(index.documents.values()))
    assert document.doc_id in repr(document) and len(repr(document)) < len(document.text) and document.text[-60:].strip() not in repr(document)


def test_a_stored_answer_reads_back_as_the_same_json(answerer):
    """Answer.from_dict inverts to_dict, through JSON, for an answer with quotes, corroborations and passages."""
    from rag import Answer

    for question, history in (("What did Anthropic propose?", None), ("who else?", ["Who criticized Anthropic?"]), ("What is the weather in Paris?", None)):
        stored = json.loads(json.dumps(answerer.answer(question, history=history).to_dict()))
        again = Answer.from_dict(stored)
        assert again.to_dict() == stored and isinstance(again.quotes, tuple) and isinstance(again.read_with, tuple)
    gold = [json.loads(line)["question"] for line in (Path(__file__).parents[1] / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    corroborated = next(a for a in map(answerer.answer, gold) if any(q.corroborations for q in a.quotes))  # one citing several articles
    stored = json.loads(json.dumps(corroborated.to_dict()))
    assert Answer.from_dict(stored).to_dict() == stored and any(q.corroborations for q in Answer.from_dict(stored).quotes)


def test_what_is_not_a_stored_answer_is_refused_with_a_rag_error_that_names_it(answerer):
    from rag import Answer, AnswerDataError, RagError

    stored = answerer.answer("What did Anthropic propose?").to_dict()
    broken_quote = {**stored, "quotes": [{k: v for k, v in stored["quotes"][0].items() if k != "doc_id"}]}
    cases = (
        ({"question": "", "error": "the question is empty"}, "error line of a question that was not answered"),  # rag ask --json - writes these
        ({}, "Answer has no 'question'"),
        (broken_quote, "Quote has no 'doc_id'"),
        ({**stored, "passages": [{k: v for k, v in stored["passages"][0].items() if k != "text"}]}, "Passage has no 'text'"),
        (["not", "a", "mapping"], "must be a mapping"),
    )
    for data, needle in cases:
        with pytest.raises(AnswerDataError, match=needle) as raised:
            Answer.from_dict(data)
        assert isinstance(raised.value, RagError) and isinstance(raised.value, ValueError)


@pytest.mark.parametrize("index_dir", [None, 5, ["index"]])
def test_an_index_folder_that_is_no_path_is_refused_with_a_type_error_that_says_so(index_dir):
    from rag import Answerer, load_index

    for load in (Answerer.load, load_index):
        with pytest.raises(TypeError, match="index_dir must be str or PathLike"):
            load(index_dir)


def test_search_takes_k_none_as_answer_does(retriever, answerer):
    assert len(retriever.search("Who wrote the blog post?", k=None)) == 5
    assert len(answerer.answer("Who wrote the blog post?", k=None).passages) == answerer.settings.passages


def test_an_answerer_or_retriever_cannot_be_pickled_and_says_what_to_do_instead(answerer):
    import pickle

    with pytest.raises(TypeError, match=r"an Answerer cannot be pickled .*; load one in each process with Answerer.load\(index_dir\)"):
        pickle.dumps(answerer)
    with pytest.raises(TypeError, match=r"a Retriever cannot be pickled .*Retriever.load\(index_dir\)"):
        pickle.dumps(answerer.retriever)
