"""The web app's programmatic side: the /ask endpoint through gradio_client (one client and
twenty at once), what the server refuses to serve, where it listens, logins, and the
app's own Python pieces (friendly errors, credentials, feedback lines).
"""

from __future__ import annotations

import html
import importlib
import json
import logging
import math
import re
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from gradio_client.exceptions import AuthenticationError
from web_server import ROOT, api_client, ask_api, assert_same_answer, run_app, web_server

from rag import Answerer, QuestionError
from rag.eval_report import markdown_escaped
from rag.question import MAX_QUESTION_CHARS

QUESTIONS = (
    "Who wrote the blog post?",
    "What is recursive self-improvement?",
    "How much revenue does Anthropic expect?",
    "Who criticized the timing of Anthropic's safety push?",
    "What is the capital of France?",
)
CREDENTIALS = ("reader", "correct horse battery")


@pytest.fixture(scope="module")
def server(index_dir, tmp_path_factory):
    """The app over the bundled articles, with its default host."""
    with web_server(index_dir, workdir=tmp_path_factory.mktemp("web-api")) as running:
        yield running


def test_an_answer_in_progress_leaves_the_articles_note_and_the_rating_line_alone(server):
    """Gradio's progress timer ("0.0s") is drawn on the chat, the sources and the status line only."""
    config = httpx.get(server.url.rstrip("/") + "/config", timeout=30).json()
    ids = {c["props"].get("elem_id"): c["id"] for c in config["components"] if c["props"].get("elem_id")}
    answers = [d for d in config["dependencies"] if ids["chat"] in d["outputs"] and ids["articles-note"] in d["outputs"] and d["show_progress"] != "hidden"]
    assert answers and all(sorted(d["show_progress_on"]) == sorted(ids[name] for name in ("chat", "sources", "status")) for d in answers), answers


@pytest.fixture(scope="module")
def library(index_dir):
    """The library as the server loads it (same question encoder), in this process."""
    from rag import Answerer

    return Answerer.load(index_dir)


def test_ask_endpoint_returns_the_json_of_rag_ask(server, index_dir):
    question = "Who wrote the blog post?"
    result = ask_api(server.url, question, k=3)
    cli = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "--json", "-k", "3", "--index", str(index_dir), question],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert_same_answer(result, json.loads(cli.stdout))
    assert not result["abstained"] and len(result["passages"]) == 3


def test_ask_endpoint_resolves_follow_ups_with_history(server, library):
    first, follow_up = "What did Anthropic propose?", "and what did OpenAI say?"
    result = api_client(server.url).predict(question=follow_up, history=[first], api_name="/ask")
    assert_same_answer(result, library.answer(follow_up, history=[first]).to_dict())
    assert any("OpenAI" in quote["text"] for quote in result["quotes"])


def test_ask_endpoint_explains_unusable_questions(server):
    api = api_client(server.url)
    empty = api.predict("   ", api_name="/ask")
    assert empty == {"question": "   ", "error": "the question is empty; type a question about the articles"}
    too_long = api.predict("why " * MAX_QUESTION_CHARS, api_name="/ask")
    assert "too long" in too_long["error"] and f"{MAX_QUESTION_CHARS:,}" in too_long["error"]
    assert too_long["question"] == ("why " * MAX_QUESTION_CHARS)[:MAX_QUESTION_CHARS] + "…"  # as `rag ask --json -` repeats it


def test_twenty_clients_at_once_all_get_correct_answers(server, library, corpus_dir):
    expected = {q: library.answer(q).to_dict() for q in QUESTIONS}
    clients = [api_client(server.url) for _ in range(20)]
    start_together = threading.Barrier(len(clients))

    def ask(n: int) -> tuple[str, dict]:
        question = QUESTIONS[n % len(QUESTIONS)]
        start_together.wait()
        return question, clients[n].predict(question, api_name="/ask")

    with ThreadPoolExecutor(len(clients)) as pool:
        results = list(pool.map(ask, range(len(clients))))
    assert len(results) == 20
    for question, result in results:
        assert_same_answer(result, expected[question])
        for quote in result["quotes"]:  # grounded: verbatim from the article it cites
            assert quote["text"] in (corpus_dir / f"{quote['doc_id']}.txt").read_text(encoding="utf-8")


FORBIDDEN_PATHS = (
    "/gradio_api/file=/etc/passwd",
    "/gradio_api/file=%2Fetc%2Fpasswd",
    "/gradio_api/file=../../../../etc/passwd",
    "/gradio_api/file=..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/file=/tmp/gradio/../../etc/passwd",
    "/gradio_api/file=/proc/self/environ",
    "/file=/etc/passwd",
    "/gradio_api/file=app.py",
    "/gradio_api/file={root}/app.py",
    "/gradio_api/file={root}/data/articles/000_1eb8a4053cc42a55.txt",
    "/gradio_api/file={index}/CURRENT",
    "/gradio_api/file={feedback}",
    "/static/../../../../etc/passwd",
    "/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/static/..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/proxy=file:///etc/passwd",
)


def test_no_file_of_the_machine_can_be_read(server, index_dir):
    secrets = ("root:x:0:0", "HF_HUB_OFFLINE", "import gradio", "Anthropic")
    for template in FORBIDDEN_PATHS:
        path = template.format(root=ROOT, index=index_dir, feedback=server.feedback_path)
        response = httpx.get(server.url.rstrip("/") + path)
        assert response.status_code >= 400, f"{path} answered {response.status_code}"
        assert not any(secret in response.text for secret in secrets), path


def test_uploads_are_refused(server):
    response = httpx.post(server.url + "gradio_api/upload", files={"files": ("note.txt", b"hello")})
    assert response.status_code >= 400
    assert "hello" not in response.text


def _outward_address() -> str:
    """This machine's address on its default route (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.254.254.254", 9))
        return probe.getsockname()[0]


def test_server_listens_only_on_loopback_by_default(server):
    address = _outward_address()
    assert not address.startswith("127.")
    with pytest.raises(OSError):
        socket.create_connection((address, server.port), timeout=3).close()
    socket.create_connection(("127.0.0.1", server.port), timeout=3).close()
    served = f"the chat is served on {server.url} (Ctrl+C stops it)"  # its own line, logged once the server is up; no advice to share it
    for _ in range(100):
        if served in server.log():
            break
        time.sleep(0.1)
    assert served in server.log(), server.log()[-2000:]
    assert "share=True" not in server.log() and "public link" not in server.log()


@pytest.fixture(scope="module")
def login_server(index_dir, tmp_path_factory):
    """The app with a login required (RAG_AUTH)."""
    env = {"RAG_AUTH": ":".join(CREDENTIALS)}
    with web_server(index_dir, workdir=tmp_path_factory.mktemp("web-auth"), env=env) as running:
        yield running


def test_login_is_required_when_credentials_are_set(login_server):
    assert httpx.get(login_server.url + "gradio_api/info").status_code == 401
    with pytest.raises(AuthenticationError):
        api_client(login_server.url)
    with pytest.raises(ValueError, match="Could not login"):
        api_client(login_server.url, auth=(CREDENTIALS[0], "wrong"))
    result = api_client(login_server.url, auth=CREDENTIALS).predict("Who wrote the blog post?", api_name="/ask")
    assert result["quotes"] and not result["abstained"]


# -- app.py's pieces, in-process with the real answerer ------------------------------------
def _from_root(name: str):
    """The repository's module ``name`` (app.py and webchat/ are not installed), imported."""
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT))


@pytest.fixture(scope="module")
def app():
    """app.py imported as a module."""
    return _from_root("app")


@pytest.fixture(scope="module")
def webchat():
    """The web chat's parts (webchat/), with its modules render, watch and feedback imported."""
    for part in ("render", "watch", "feedback"):
        _from_root(f"webchat.{part}")
    return _from_root("webchat")


def test_unexpected_errors_become_a_friendly_message_and_a_log_line(app, answerer, caplog):
    chat = app.Chat(answerer)
    with caplog.at_level(logging.ERROR, logger="rag.app"):
        reply = chat.reply("Who wrote the blog post?", math.nan, [], [], [])  # int(nan) fails inside answering
    message = reply.chat[-1]
    assert message["role"] == "assistant" and html.escape(app.GENERIC_ERROR) in message["content"]
    assert "Traceback" not in message["content"] and "ValueError" not in message["content"]
    assert any(record.exc_info and record.exc_info[0] is ValueError for record in caplog.records)
    assert reply.conversation == [] and reply.retry == "Who wrote the blog post?" and reply.rated is None


def test_question_errors_are_explained_in_the_chat(app, answerer):
    earlier = [{"question": "earlier question", "k": 5}]
    pasted = "why would anyone paste this much? " * (MAX_QUESTION_CHARS // 30)
    reply = app.Chat(answerer).reply(pasted, 5, [], earlier, [])
    assert "too long" in reply.chat[-1]["content"]
    shown = reply.chat[-2]["content"]  # the question, cut short in the chat; whole in the box, to be shortened there
    assert "why would anyone paste" in shown and shown.endswith("…</p>") and len(shown) < 1000 and reply.retry == pasted
    spaced = "Who wrote the blog post?" + " " * MAX_QUESTION_CHARS + "Please quote the articles."  # long only in spaces: asked, and shown whole
    asked = app.Chat(answerer).reply(spaced, 5, [], [], [])
    assert "Please quote the articles.</p>" in asked.chat[-2]["content"] and "too long" not in asked.chat[-1]["content"]
    assert reply.conversation == earlier


def test_the_conversation_is_recorded_with_each_answered_question_and_its_passage_count(app, answerer):
    chat = app.Chat(answerer)
    first = chat.reply("What did Anthropic propose?", 7, [], [], [])
    failed = chat.reply("?!?", 5, first.chat, first.conversation, first.turns)  # no answer: not part of the record
    follow_up = chat.reply("and what did OpenAI say?", 3, failed.chat, failed.conversation, failed.turns)
    assert follow_up.conversation == [{"question": "What did Anthropic propose?", "k": 7}, {"question": "and what did OpenAI say?", "k": 3}]
    assert_same_answer(follow_up.rated["answer"], answerer.answer("and what did OpenAI say?", history=["What did Anthropic propose?"], k=3).to_dict())


def test_a_reloaded_page_gets_its_conversation_answered_again(app, answerer):
    chat = app.Chat(answerer)
    first = chat.reply("What did Anthropic propose?", 7, [], [], [])
    second = chat.reply("and what did OpenAI say?", 3, first.chat, first.conversation, first.turns)
    restored = chat.restore(second.conversation)
    assert restored.chat == second.chat and restored.sources == second.sources and restored.turns == second.turns
    assert restored.conversation == second.conversation and restored.rated["history"] == second.rated["history"]
    assert_same_answer(restored.rated["answer"], second.rated["answer"])
    assert restored.status == "Your conversation is back: 2 questions answered again from the articles."
    rated = chat.restore([*second.conversation[:-1], {**second.conversation[-1], "rating": "wrong"}])
    assert rated.rated["rating"] == "wrong" and rated.conversation[-1]["rating"] == "wrong"  # rated before the reload: not again
    failing = chat.restore([*second.conversation, {"question": "?!?", "k": 5}])  # asked again, it gets no answer
    assert failing.status == "Your conversation is back: 2 questions answered again from the articles; 1 could not be asked again."
    assert set(map(str, chat.restore([]))) == {str(app.gr.skip())}  # nothing kept: the page stays as it is
    asked = [{"question": f"What did Anthropic propose? ({n})", "k": 5} for n in range(app.RESTORED_QUESTIONS + 1)]
    longer = chat.restore(asked)
    assert longer.status.endswith(f"answered again from the articles (a reload keeps the last {app.RESTORED_QUESTIONS} questions).")
    assert longer.conversation[0]["question"] == "What did Anthropic propose? (1)"  # the oldest one is the one gone
    assert chat.restore(asked[1:]).status.endswith("answered again from the articles.")  # as many as a reload keeps: none gone
    record = [{"question": f"What did Anthropic propose? ({n})", "k": 5} for n in range(30)]
    assert len(chat.reply("and OpenAI?", 5, [], record, []).conversation) == app.RESTORED_QUESTIONS + 1  # the page keeps one more


class _GatedEncoder:
    """The real encoder, made to wait for ``gate`` before it embeds anything: a re-index that
    stays in progress until the test lets it go on."""

    def __init__(self, encoder, gate: threading.Event) -> None:
        self._encoder, self._gate = encoder, gate

    def __getattr__(self, name: str):
        return getattr(self._encoder, name)

    def encode(self, texts, **options):
        self._gate.wait(120)
        return self._encoder.encode(texts, **options)


KETTLE = "Kettle recall\n\nBrewMaster shares closed at {} on Friday, the exchange said.\n"
SHARES = "Where did BrewMaster shares close?"


@pytest.fixture()
def kettle_chat(app, webchat, encoder, tmp_path):
    """A chat over a one-article folder, its watch looking at every question and building with
    an encoder that waits for the test's gate; the article's path."""
    from rag import Answerer, Retriever, build_index

    article = tmp_path / "corpus" / "recalls" / "kettle_recall.txt"
    article.parent.mkdir(parents=True)
    article.write_text(KETTLE.format("$18.72"), encoding="utf-8")
    build_index(tmp_path / "corpus", tmp_path / "index", encoder=encoder)
    answerer = Answerer(Retriever.load(tmp_path / "index", encoder=encoder))
    gate = threading.Event()
    watch = webchat.watch.ArticleWatch(answerer, every=0, encoder=_GatedEncoder(encoder, gate))
    yield app.Chat(answerer, watch), watch, gate, article
    gate.set()
    watch.wait(120)


def _note_when(watch, opening: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while not watch.note().startswith(opening) and time.monotonic() < deadline:
        time.sleep(0.05)
    return watch.note()


def test_a_running_chat_re_indexes_articles_changed_under_it_and_then_quotes_them(app, webchat, kettle_chat):
    chat, watch, gate, article = kettle_chat
    before_settings, before_model = chat.answerer.settings, chat.answerer.answerability
    before = chat.reply(SHARES, 5, [], [], [])
    assert before.status.startswith("Answered in") and "changed" not in before.status and watch.wait(60)
    article.write_text(KETTLE.format("$19.5"), encoding="utf-8")  # another size: seen however coarse the file times
    chat.reply(SHARES, 5, before.chat, before.conversation, before.turns)  # sets the watch looking
    reindexing = "The articles changed: 1 changed (recalls/kettle\\_recall). Re-indexing them; until that is done, answers quote them as they were."
    assert _note_when(watch, "The articles changed") == reindexing
    during = chat.reply(SHARES, 5, before.chat, before.conversation, before.turns)
    assert "$18.72" in during.chat[-1]["content"]  # quoted as indexed until the re-index is done, after waiting for it a while
    assert re.fullmatch(r"Answered in \d+\.\d\d s, \d+\.\d\d s of it waiting for the articles' re-index · 1 quote from 1 article", during.status)
    assert during.articles == reindexing and chat.articles_now(chat.heading(), "") == (app.gr.skip(), reindexing)  # on the page, under the answer's status
    not_yet = chat.reply("What did the transit authority decide?", 5, during.chat, during.conversation, during.turns).chat[-1]["content"]
    assert "The articles don" in not_yet and webchat.render.ASK_AGAIN in not_yet  # an abstention while they are re-indexed says to ask again,
    assert not_yet.index(webchat.render.ASK_AGAIN) < not_yet.index("Related passages")  # where it is read, before the passages
    gate.set()
    assert watch.wait(120)
    after = chat.reply(SHARES, 5, during.chat, during.conversation, during.turns)
    assert "$19.5" in after.chat[-1]["content"] and "$18.72" not in after.chat[-1]["content"]
    assert re.fullmatch(r"Answers quote the articles as changed at \d\d:\d\d:\d\d \w+: 1 changed \(recalls/kettle\\_recall\)\.", watch.note())  # with its time zone
    assert webchat.render.ASK_AGAIN not in chat.reply("What did the transit authority decide?", 5, [], [], []).chat[-1]["content"]
    assert chat.answerer.settings == before_settings and chat.answerer.answerability is before_model  # the chat's own, kept


def test_the_first_question_after_a_small_change_is_answered_from_it(kettle_chat):
    chat, watch, gate, article = kettle_chat
    gate.set()
    watch.FRESH_WAIT_SECONDS = 60  # the build, not the machine's speed, is under test
    first = chat.reply(SHARES, 5, [], [], [])
    assert watch.wait(60)
    watch.every = 3600  # the page's look ran just now: a question looks all the same
    article.write_text(KETTLE.format("$19.5"), encoding="utf-8")
    gate.clear()  # the re-index takes half a second however fast the machine: a wait worth showing
    threading.Timer(0.5, gate.set).start()
    asked_once = chat.reply(SHARES, 5, first.chat, first.conversation, first.turns)
    assert "$19.5" in asked_once.chat[-1]["content"] and watch.note().startswith("Answers quote the articles as changed at")
    assert "s of it waiting for the articles' re-index ·" in asked_once.status and "waiting" not in first.status


def test_a_chat_whose_re_index_fails_keeps_its_index_and_says_so_until_the_articles_are_back(kettle_chat):
    chat, watch, gate, article = kettle_chat
    gate.set()
    watch.RETRY_SECONDS = 3600  # articles that come back are seen at once, not when it retries
    first = chat.reply(SHARES, 5, [], [], [])
    assert watch.wait(60)
    article.unlink()  # no article left: nothing to build
    chat.reply(SHARES, 5, first.chat, first.conversation, first.turns)
    assert _note_when(watch, "The articles changed") == (
        "The articles changed: 1 removed (recalls/kettle\\_recall). They could not be re-indexed (no readable article is left): answers quote them as they were."
    )
    assert "$18.72" in chat.reply(SHARES, 5, first.chat, first.conversation, first.turns).chat[-1]["content"]
    article.write_text(KETTLE.format("$18.72"), encoding="utf-8")  # back as indexed
    chat.reply(SHARES, 5, first.chat, first.conversation, first.turns)
    assert watch.wait(60) and watch.note() == ""


class _FailingOnce:
    """The real encoder, but its first call fails (a build that breaks halfway)."""

    def __init__(self, encoder) -> None:
        self._encoder, self.failed = encoder, False

    def __getattr__(self, name: str):
        return getattr(self._encoder, name)

    def encode(self, texts, **options):
        if not self.failed:
            self.failed = True
            raise RuntimeError("the disk is full")
        return self._encoder.encode(texts, **options)


def test_a_re_index_that_breaks_is_said_and_tried_again_later(app, webchat, kettle_chat, encoder):
    chat, _, _, article = kettle_chat
    watch = webchat.watch.ArticleWatch(chat.answerer, every=0, encoder=_FailingOnce(encoder))
    watch.RETRY_SECONDS = 3.0
    chat = app.Chat(chat.answerer, watch)
    chat.articles_now()
    assert watch.wait(60)
    article.write_text(KETTLE.format("$19.5"), encoding="utf-8")
    assert "$18.72" in chat.reply(SHARES, 5, [], [], []).chat[-1]["content"] and watch.wait(60)
    assert watch.note() == (
        "The articles changed: 1 changed (recalls/kettle\\_recall). They could not be re-indexed (the server's log says why): answers quote them as they were."
    )
    chat.articles_now()  # the files did not change since: not tried again before RETRY_SECONDS
    assert watch.wait(60) and "could not be re-indexed" in watch.note()
    time.sleep(watch.RETRY_SECONDS)
    chat.articles_now()  # due to try again (an open page's look would do)
    assert watch.wait(60) and watch.note().startswith("Answers quote the articles as changed at")
    assert "$19.5" in chat.reply(SHARES, 5, [], [], []).chat[-1]["content"]


def test_a_chat_names_a_file_it_cannot_read_once_added_and_says_when_its_folder_is_gone(app, kettle_chat, caplog):
    chat, watch, gate, article = kettle_chat
    gate.set()
    heading, note = chat.articles_now()
    assert watch.wait(60) and "Not searched" not in heading and note == ""
    (article.parent / "menu.txt").write_bytes("Caf\xe9 menu\n".encode("latin-1"))  # nothing to index: no re-index
    chat.articles_now()
    assert watch.wait(60)
    named, same_note = chat.articles_now(heading, note)
    assert watch.wait(60)  # that look, too, ends before the folder moves
    assert "<li>recalls/menu.txt: not UTF-8" in named and same_note == app.gr.skip()
    assert any(m.startswith("not in the index: ") and "menu.txt: not UTF-8" in m for m in caplog.messages)  # the log names every one
    folder = article.parents[1]
    folder.rename(folder.with_name("moved"))
    chat.articles_now()
    assert watch.wait(60) and watch.note() == f"The articles' folder {markdown_escaped(str(folder))} is gone: answers quote the articles as they were indexed."
    assert "$18.72" in chat.reply(SHARES, 5, [], [], []).chat[-1]["content"]  # from the index all the same
    folder.with_name("moved").rename(folder)
    chat.articles_now()
    assert watch.wait(60) and watch.note() == ""


def test_a_chat_swaps_in_an_index_rebuilt_by_hand_without_building_it_again(kettle_chat, encoder):
    from rag import build_index

    chat, watch, gate, article = kettle_chat  # the gate stays shut: a build by the watch would not end
    answered = chat.reply(SHARES, 5, [], [], [])
    assert watch.wait(60)
    article.write_text(KETTLE.format("$19.5"), encoding="utf-8")
    build_index(article.parents[1], chat.answerer.index.path.parent, encoder=encoder)  # `rag build` in another terminal
    chat.reply(SHARES, 5, answered.chat, answered.conversation, answered.turns)
    assert watch.wait(60), "the watch built again instead of taking the index built by hand"
    assert "$19.5" in chat.reply(SHARES, 5, answered.chat, answered.conversation, answered.turns).chat[-1]["content"]


BLOG = "Who wrote the blog post?"


def test_a_running_server_re_indexes_articles_changed_under_it_when_asked_through_the_api(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe island ferry returned to service on Friday, the council said.\n", encoding="utf-8")
    question = "When did the island ferry return to service?"
    with web_server(tmp_path / "index", workdir=tmp_path, corpus_dir=corpus) as running:
        assert "Friday" in ask_api(running.url, question)["answer"]
        (corpus / "ferry.txt").write_text("Ferry returns\n\nThe island ferry returned to service on Tuesday, the council said.\n", encoding="utf-8")
        deadline, answers = time.monotonic() + 120, []
        while time.monotonic() < deadline and not any("Tuesday" in a for a in answers):
            answers.append(ask_api(running.url, question)["answer"])  # the first one notices the change (and waits up to 2 s)
            time.sleep(1)
        assert "Tuesday" in answers[-1] and all("Friday" in a for a in answers[:-1])  # as indexed, then from the re-indexed article
        assert "re-indexing them into" in running.log() and "now answers from the re-indexed articles" in running.log()


@pytest.mark.parametrize(
    "kept, read_as",
    [
        ("not a list", []),
        ([None, 3, "a bare string", {"question": ""}, {"question": ["not", "text"]}, {"k": 5}], []),
        ([{"question": BLOG, "k": 10**400, "rating": []}, {"question": BLOG, "k": float("nan"), "rating": {}}], [(BLOG, 10), (BLOG, "default")]),
        ([{"question": BLOG, "k": "ten"}, {"question": BLOG, "k": 10_000}, {"question": BLOG, "k": True, "rating": "great"}], [(BLOG, "default"), (BLOG, 10), (BLOG, "default")]),
    ],
)
def test_a_conversation_record_tampered_with_in_the_browser_is_read_for_what_it_holds(app, answerer, kept, read_as):
    chat = app.Chat(answerer)
    expected = [{"question": question, "k": answerer.settings.passages if k == "default" else k} for question, k in read_as]
    assert chat.answered_turns(kept) == expected
    assert chat.restore(kept).conversation == (expected or app.gr.skip())
    reply = chat.reply("What did Anthropic propose?", 5, [], kept, [])  # a question asked after it is answered all the same
    assert reply.rated["history"] == [question for question, _ in read_as]


def test_every_answer_keeps_its_sources_on_the_panel(app, answerer):
    chat = app.Chat(answerer)
    first = chat.reply("Who wrote the blog post?", 5, [], [], [])
    second = chat.reply("What is the capital of France?", 5, first.chat, first.conversation, first.turns)
    anchors = set(re.findall(r'href="#([^"]+)"', "".join(m["content"] for m in second.chat if m["role"] == "assistant")))
    assert anchors and all(f'id="{anchor}"' in second.sources for anchor in anchors)  # no dead citation marker
    assert second.sources.index("Related passages") < second.sources.index("Sources for an earlier question")
    rtl = chat.reply("מי כתב את הפוסט בבלוג?", 5, second.chat, second.conversation, second.turns)
    then = chat.reply("Who wrote the blog post?", 5, rtl.chat, rtl.conversation, rtl.turns)
    assert "Sources for an earlier question: <q><bdi>מי כתב את הפוסט בבלוג?</bdi></q>" in then.sources  # its marks placed as the page reads, its words right to left
    assert [question for question, _ in second.turns] == ["What is the capital of France?", "Who wrote the blog post?"]


def test_a_follow_up_says_what_it_was_read_with_and_its_sources_name_it(app, answerer):
    chat = app.Chat(answerer)
    first = chat.reply("What did David Sacks call a “regulatory capture agenda”?", 5, [], [], [])
    why = chat.reply("why?", 5, first.chat, first.conversation, first.turns)
    message = why.chat[-1]["content"]
    assert 'Read with the earlier question: ‘What did David Sacks call a “regulatory capture agenda”?’' in message  # no “…“…”…”
    again = chat.reply("why?", 5, why.chat, why.conversation, why.turns)
    assert "Read with the earlier questions: " in again.chat[-1]["content"] and again.chat[-1]["content"].count("‘why?’") + again.chat[-1]["content"].count("“why?”") == 1
    assert "agenda”?’, then “why?”" in again.chat[-1]["content"]  # one earlier question, then the next, told apart
    # the panel's earlier "why?" says which question it followed, so two of them can be told apart
    assert "why? (after ‘What did David Sacks call a “regulatory capture agenda”?’)" in again.sources


def test_the_sources_panel_stays_small_in_a_long_conversation(app, webchat, answerer):
    chat, reply = app.Chat(answerer), None
    questions = ["Who wrote the blog post?", "What is recursive self-improvement?", "What is the capital of France?"]
    for n in range(webchat.render.EARLIER_ANSWERS_KEPT + 3):
        reply = chat.reply(questions[n % 3], 10, reply.chat if reply else [], reply.conversation if reply else [], reply.turns if reply else [])
    assert reply.sources.count('class="earlier"') == webchat.render.EARLIER_ANSWERS_KEPT and "older answers are no longer kept" in reply.sources
    assert reply.sources.count(">Open the whole article<") == reply.sources.split('class="earlier"')[0].count('class="source"')  # the last answer's only
    assert len(reply.turns) == webchat.render.EARLIER_ANSWERS_KEPT + 1 and len(reply.sources) < 200_000


def test_an_empty_question_adds_nothing_to_the_chat(app, answerer):
    chat = app.Chat(answerer)
    first = chat.reply("Who wrote the blog post?", 5, [], [], [])
    for empty in ("", "   \n\t "):
        reply = chat.reply(empty, 5, first.chat, first.conversation, first.turns)
        assert reply.chat == first.chat and reply.conversation == first.conversation
        assert reply.status == "Type a question first, then press Enter."


def test_credentials_come_from_the_auth_file_and_the_environment(app, tmp_path):
    auth_file = tmp_path / "users.txt"
    auth_file.write_text("# readers\nalice:s3cret:with:colons\n\nbob:hunter2\n", encoding="utf-8")
    assert app.read_auth(str(auth_file), "carol:pw") == [("alice", "s3cret:with:colons"), ("bob", "hunter2"), ("carol", "pw")]
    assert app.read_auth(None, None) == []
    with pytest.raises(SystemExit):
        app.read_auth(None, "no-password-here")


def test_feedback_lines_carry_rating_question_answer_and_time(webchat, answerer, tmp_path):
    log = webchat.feedback.FeedbackLog(tmp_path / "feedback" / "feedback.jsonl")
    answer = answerer.answer("Who wrote the blog post?").to_dict()
    log.record("right", answer)
    log.record("wrong", answer)
    with pytest.raises(ValueError):
        log.record("meh", answer)
    lines = [json.loads(line) for line in Path(tmp_path / "feedback" / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["rating"] for line in lines] == ["right", "wrong"]
    assert all(line["question"] == "Who wrote the blog post?" and line["answer"] == answer and line["timestamp"] for line in lines)
    assert all(line["history"] == [] and line["searched"] == line["question"] for line in lines)
    odd = {**answer, "answer": "line\u2028separator and next\u0085line"}  # as an article's text may hold
    log.record("right", odd)
    lines = Path(tmp_path / "feedback" / "feedback.jsonl").read_text(encoding="utf-8").splitlines()  # splits at U+2028 too
    assert len(lines) == 3 and json.loads(lines[-1])["answer"] == odd


def test_feedback_on_a_follow_up_records_the_questions_before_it(app, webchat, answerer, tmp_path):
    first, follow_up = "What did Anthropic propose?", "and what did OpenAI say?"
    chat = app.Chat(answerer)
    reply = chat.reply(follow_up, 5, [], [{"question": first, "k": 5}], [])
    assert reply.rated == {"answer": reply.rated["answer"], "history": [first]}
    assert reply.rated["answer"]["read_with"] == [first]
    entry = webchat.feedback.FeedbackLog(tmp_path / "feedback.jsonl").record("right", reply.rated["answer"], reply.rated["history"])
    assert (entry["question"], entry["history"], entry["searched"]) == (follow_up, [first], f"{first} {follow_up}")
    assert "OpenAI" in entry["answer"]["quotes"][0]["text"]  # the follow-up's answer, not the first question's again
    assert json.loads((tmp_path / "feedback.jsonl").read_text(encoding="utf-8")) == entry


def test_feedback_records_what_was_searched_as_the_answerer_read_it(webchat, answerer, tmp_path):
    log, first = webchat.feedback.FeedbackLog(tmp_path / "feedback.jsonl"), "What did OpenAI say?"
    for question, searched in [
        ("and anthropc?", "What did anthropic say?"),  # the typo read first, then the name swapped in
        ("and who acused them?", f"{first} and who accused them?"),  # joined, with the typo read
    ]:
        answer = answerer.answer(question, history=[first])
        entry = log.record("right", answer.to_dict(), [first])
        assert entry["searched"] == searched == answer.searched


def test_an_unwritable_feedback_file_stops_the_app_at_start_up(index_dir, tmp_path):
    regular = tmp_path / "a-file"
    regular.write_text("not a folder\n", encoding="utf-8")
    done = run_app("--index", str(index_dir), "--feedback-file", str(regular / "feedback.jsonl"), timeout=60)
    assert done.returncode != 0
    assert done.stderr.splitlines()[-1] == f"app.py: error: cannot write the feedback file {regular / 'feedback.jsonl'}: {regular} is a file, not a folder"
    assert "Traceback" not in done.stderr


def test_the_files_left_out_of_an_up_to_date_index_are_logged_at_start_up_and_named_on_the_page(app, tmp_path, caplog):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n", encoding="utf-8")
    (corpus / "empty.md").write_text("", encoding="utf-8")
    app.load_answerer(str(tmp_path / "index"), str(corpus))  # builds: the build's summary names the file
    caplog.clear()
    with caplog.at_level("WARNING", logger="rag.app"):
        answerer = app.load_answerer(str(tmp_path / "index"), str(corpus))  # up to date: loads, and still says so
    assert f"not in the index: {corpus / 'empty.md'}: empty" in caplog.messages
    assert app.Chat(answerer).heading().endswith('<div class="skipped"><p>Not searched: 1 file of the folder:</p><ul><li>empty.md: empty</li></ul></div>')  # on the page too
    assert app.skipped_note([], corpus) == ""


def test_the_page_names_skipped_files_by_their_path_in_a_folder_given_as_a_relative_path(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus" / "science").mkdir(parents=True)
    text = "Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n"
    (tmp_path / "corpus" / "harbour.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "science" / "copy.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "science" / "latin1.txt").write_bytes("Caf\xe9 opens\n".encode("latin-1"))
    answerer = app.load_answerer("index", "corpus")
    note = app.Chat(answerer).heading()
    assert '<div class="skipped"><p>Not searched: 2 files of the folder:</p>' in note
    assert "<li>science/copy.txt: same text as harbour.txt</li>" in note and "<li>science/latin1.txt: not UTF-8" in note


def test_the_chat_answers_with_settings_calibrated_on_ones_own_gold_set(app, index_dir, corpus_dir, tmp_path):
    from dataclasses import replace

    from rag import AnswerSettings

    replace(AnswerSettings.load(), abstain_threshold=0.999).save(tmp_path / "strict.json")
    shipped, own = app.load_answerer(str(index_dir), str(corpus_dir)), app.load_answerer(str(index_dir), str(corpus_dir), AnswerSettings.load(tmp_path / "strict.json"))
    question = "Who wrote the blog post?"
    assert not shipped.answer(question).abstained and own.answer(question).abstained  # the file's threshold, not the shipped one
    done = run_app("--index", str(index_dir), "--settings", str(tmp_path / "missing.json"), timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"app.py: error: the settings file {tmp_path / 'missing.json'} does not exist")


def test_a_port_in_use_stops_the_app_with_a_message(index_dir):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_app("--index", str(index_dir), "--port", str(port), timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == f"app.py: error: cannot listen on 127.0.0.1:{port}: the port is in use; pass another --port"


def test_a_missing_corpus_folder_stops_the_app_with_one_line(tmp_path):
    done = run_app("--corpus", str(tmp_path / "articles"), "--index", str(tmp_path / "index"), timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"app.py: error: the corpus folder {tmp_path / 'articles'} does not exist; name a folder of .txt or .md articles"
    assert not (tmp_path / "index").exists()  # nothing started to build


@pytest.mark.parametrize("port", ["70000", "0", "http"])
def test_a_port_that_is_no_port_number_is_refused(port):
    done = run_app("--port", port, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == f"app.py: error: argument --port: expected a whole number from 1 to 65535, not '{port}'"


def test_a_missing_or_unreadable_auth_file_stops_the_app_with_a_message(index_dir, tmp_path):
    missing = tmp_path / "missing" / "users.txt"
    done = run_app("--index", str(index_dir), "--auth-file", str(missing), timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == f"app.py: error: cannot read the auth file {missing}: No such file or directory"
    undecodable = tmp_path / "users.txt"
    undecodable.write_bytes(b"alice:caf\xe9\n")  # Latin-1, not UTF-8
    done = run_app("--index", str(index_dir), "--auth-file", str(undecodable), timeout=60)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"app.py: error: cannot read the auth file {undecodable}: it is not UTF-8 text")


@pytest.mark.parametrize("history", [7, "What did Anthropic propose?", [1, 2], ["What did Anthropic propose?", None], {"q": "x"}])
def test_a_history_that_is_not_a_list_of_questions_gets_an_error_json(app, answerer, history):
    reply = app.ask_json(answerer, "and what did OpenAI say?", history=history)
    assert reply.keys() == {"question", "error"} and reply["question"] == "and what did OpenAI say?"
    assert reply["error"].startswith("history must be a list of the earlier questions (text), oldest first, or None (null in JSON)")


@pytest.mark.parametrize("k", ["five", math.nan, -1, 0, 2.7])
def test_a_bad_passage_count_gets_the_error_the_library_gives(app, answerer, k):
    reply = app.ask_json(answerer, "Who wrote the blog post?", k=k)
    with pytest.raises(QuestionError) as refused:
        answerer.answer("Who wrote the blog post?", k=k)
    assert reply == {"question": "Who wrote the blog post?", "error": str(refused.value)}


def test_the_api_returns_as_many_passages_as_the_settings_say_unless_asked_for_a_number(app, answerer):
    two = Answerer(answerer.retriever, replace(answerer.settings, passages=2), answerer.answerability)
    assert len(app.ask_json(two, "Who wrote the blog post?")["passages"]) == 2
    assert len(app.ask_json(two, "Who wrote the blog post?", k=None)["passages"]) == 2
    assert len(app.ask_json(two, "Who wrote the blog post?", k=3)["passages"]) == 3


def test_a_huge_passage_count_is_capped_at_the_slider_maximum(app, answerer):
    reply = app.ask_json(answerer, "Who wrote the blog post?", k=10**9)
    assert len(reply["passages"]) == min(app.MAX_PASSAGES, len(answerer.index.chunks))


def test_a_markdown_articles_quote_is_shown_as_its_page_reads_and_its_source_as_written(app, encoder, answerer, tmp_path):
    from rag import Answerer, Retriever, build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strike.md").write_text(
        "# Dock workers end strike\n\nDock workers at Port Calder ended an eleven-day strike on Friday after the union "
        "accepted a **4% pay rise** and [a shorter night shift](https://example.com/shift).\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    markdown = Answerer(Retriever.load(tmp_path / "index", encoder=encoder), answerer.settings, answerer.answerability)
    reply = app.Chat(markdown).reply("What pay rise did the dock workers accept?", 5, [], [], [])
    shown = html.unescape(reply.chat[-1]["content"])
    assert "accepted a 4% pay rise and a shorter night shift." in shown and "**" not in shown and "example.com" not in shown
    assert "**4% pay rise**" in html.unescape(reply.sources)  # the article as written, the quote's span highlighted


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("a **4% pay rise** on [Friday](https://example.com/f).", "a 4% pay rise on Friday."),
        ("*Posted* by __Ana__ in _The Times_, ***today***.", "Posted by Ana in The Times, today."),
        ("2*3*4 is my_var_name, and \\*stars\\* stay.", "2*3*4 is my_var_name, and *stars* stay."),  # no emphasis, an escape
        ("Not a fuel, ___ is the compound.", "Not a fuel, ___ is the compound."),  # a blank to fill, no emphasis
        ("Use the `<div>` tag, <b>she</b> said <!-- check -->.", "Use the <div> tag, she said ."),  # code as written, a comment gone
        ("\"A win,\" she said.\n> — Maria Lopez", "\"A win,\" she said.\n— Maria Lopez"),  # a block quote's marker
    ],
)
def test_a_markdown_quote_reads_as_its_rendered_page(written, read):
    from rag.markup import as_read

    assert as_read(written) == read


def test_the_status_line_tells_the_articles_quoted_from_those_that_only_say_the_same(webchat, answerer):
    gold = [json.loads(line)["question"] for line in (Path(__file__).parents[1] / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    answers = [answerer.answer(question) for question in gold]
    only_also = next(a for a in answers if {d for q in a.quotes for d in q.also_in} - {q.doc_id for q in a.quotes})
    quoted = {q.doc_id for q in only_also.quotes}
    also = {d for q in only_also.quotes for d in q.also_in} - quoted
    status = webchat.render.status_line(only_also)
    assert status.endswith(f"from {len(quoted)} article{'s' * (len(quoted) != 1)}, also said in {len(also)} more"), status
    plain = next(a for a in answers if a.quotes and not any(q.also_in for q in a.quotes))
    assert re.search(r"· \d+ quotes? from \d+ articles?$", webchat.render.status_line(plain))


def test_each_whole_article_control_is_named_by_its_article(app, answerer):
    """A screen reader lists controls by name: "Open the whole article" for every source said nothing of which."""
    reply = app.Chat(answerer).reply("Who wrote the blog post?", 10, [], [], [])
    titles = re.findall(r'<summary aria-label="Open the whole article: ([^"]+)">', reply.sources)
    assert titles and len(titles) == reply.sources.count(">Open the whole article<")
    assert all(html.unescape(title) in {d.title for d in answerer.index.documents.values()} for title in titles)
