"""The web chat in a real Chromium against the real server (app.py) on 127.0.0.1.

Covers what a person sees: a quoted answer with its citation, the highlighted source
passage and whole article, follow-ups, abstention, the passages control, copying as plain
text, feedback (with the conversation it came from), keyboard use, accessibility
(axe-core), no outside requests, and hostile text (in a question or in an article) shown
as text and never run.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from web_server import ROOT, ask_api, chromium, web_server

from rag.answer import ABSTAIN_TEXT, in_quotation_marks

ARTIFACTS = ROOT / "artifacts"
WAIT_MS = 90_000
QUESTION_BOX = "#question textarea"
BOT_MESSAGES = "#chat [data-testid=bot]"
QUOTE_WITH_MARKER = re.compile(r"(?P<quote>“.*”|‘.*’) \[(?P<number>\d+)\]", re.S)  # ‘…’ when the quote holds “…”
OFF_TOPIC = "What is the capital of France?"
HOSTILE_ARTICLES = {
    # file name, text: markup and scripts that must show as text, never run
    '<img src=x onerror="window.__xss=1">zebra': (
        "The <b>Zebra</b> Council <script>window.__xss = 2</script> report\n"
        "The Zebra Council approved a budget of ${window.__xss = 3} forty million dollars for roads & bridges on Tuesday "
        '<img src=x onerror="window.__xss = 4">.\n'
        "Members of the Zebra Council said the [full report](javascript:window.__xss=5) would follow in spring.\n"
        'The council chair, <svg onload="window.__xss = 6">Dana Reyes</svg>, called the budget vote **historic**.\n'
    ),
    "harbor": (
        "Harbor town opens a ferry line\n"
        "The harbor town opened a new ferry line on Monday after two years of planning.\n"
        "Ferries will run every hour between the old pier and the island.\n"
    ),
}


@pytest.fixture(scope="module")
def server(index_dir, tmp_path_factory):
    """The app over the bundled articles."""
    with web_server(index_dir, workdir=tmp_path_factory.mktemp("web")) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the whole file."""
    with chromium() as running:
        yield running


@dataclass
class Browsing:
    """A browser context that refuses (and records) requests leaving 127.0.0.1, and records dialogs."""

    context: object
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open_chat(self, url: str):
        """A new page on the chat, ready for a question."""
        page = self.context.new_page()
        page.goto(url)
        page.wait_for_selector(QUESTION_BOX, timeout=WAIT_MS)
        # Gradio's "Loading..." placeholder can outlast the question box on a busy machine; an
        # accessibility check run then finds it outside a landmark (seen once in a fresh-clone CI run)
        page.wait_for_function("() => !document.querySelector('.loading')", timeout=WAIT_MS)
        return page

    def script_ran(self, page) -> bool:
        """True if an injected script ran (it would set window.__xss or open a dialog)."""
        return page.evaluate("typeof window.__xss !== 'undefined'") or bool(self.dialogs)


@pytest.fixture
def browsing(browser):
    """A fresh, offline browser context for one test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    browsing = Browsing(context)

    def only_local(route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            browsing.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    context.on("dialog", lambda dialog: (browsing.dialogs.append(dialog.message), dialog.dismiss()))
    yield browsing
    context.close()


def ask(page, question: str) -> float:
    """Type ``question``, press Enter, wait for the reply; returns seconds from Enter to the reply."""
    replies = page.locator(BOT_MESSAGES)
    before = replies.count()
    page.locator(QUESTION_BOX).fill(question)
    started = time.perf_counter()
    page.locator(QUESTION_BOX).press("Enter")
    expect(replies).to_have_count(before + 1, timeout=WAIT_MS)
    return time.perf_counter() - started


def quotes_shown(page) -> list[tuple[str, int]]:
    """(quotation as shown, in its quotation marks; citation number) of each quotation in the last reply."""
    found = []
    for text in page.locator(BOT_MESSAGES).last.locator("blockquote").all_inner_texts():
        match = QUOTE_WITH_MARKER.fullmatch(text.strip())
        assert match, f"not a quotation with a citation marker: {text!r}"
        found.append((match["quote"], int(match["number"])))
    return found


def as_shown(quotes: list[dict]) -> list[str]:
    """How the chat shows the quotes of an answer's JSON: each in one pair of quotation marks."""
    return [in_quotation_marks(q["text"]) for q in quotes]


def as_copied(answer: dict) -> str:
    """What **Copy answer** should put on the clipboard for an answer's JSON: plain text, each quote
    with its citation marker, then the cited articles."""
    numbered = list(enumerate(answer["quotes"], 1))
    lines = [f"Read as: “{answer['read_as']}”"] if answer["read_as"] else []
    lines += [f"{in_quotation_marks(q['text'])} [{n}]" for n, q in numbered]
    return "\n".join([*lines, "Sources:", *(f"[{n}] {q['title']} ({q['doc_id']})" for n, q in numbered)])


def clipboard(page) -> str:
    """The text on the browser's clipboard."""
    return page.evaluate("navigator.clipboard.readText()")


def copy_answer(page, reply) -> str:
    """Copy the answer ``reply`` with its **Copy answer** button, from the keyboard; the text copied."""
    page.evaluate("navigator.clipboard.writeText('')")
    reply.get_by_role("button", name="Copy answer").focus()
    page.keyboard.press("Enter")
    expect(reply.get_by_role("button", name="Copied")).to_be_visible()
    return clipboard(page)


def test_question_gets_quoted_answer_with_citation(server, browsing, corpus_dir, capsys):
    page = browsing.open_chat(server.url)
    question = "Who wrote the blog post?"
    seconds = ask(page, question)
    with capsys.disabled():
        print(f"\n[web] time to first answer in the browser (Enter -> answer shown): {seconds:.2f} s")

    expected = ask_api(server.url, question)  # the same server's JSON answer
    assert not expected["abstained"]
    shown = quotes_shown(page)
    assert [quote for quote, _ in shown] == as_shown(expected["quotes"])
    assert [number for _, number in shown] == list(range(1, len(expected["quotes"]) + 1))
    for quote in expected["quotes"]:  # every quote is verbatim from the article it cites
        assert quote["text"] in (corpus_dir / f"{quote['doc_id']}.txt").read_text(encoding="utf-8")
    expect(page.locator("#status")).to_contain_text(re.compile(r"Answered in \d+\.\d\d s"))
    sources = page.locator("#sources article.source")
    expect(sources).to_have_count(len(expected["quotes"]))
    expect(sources.first.locator("h3")).to_contain_text(expected["quotes"][0]["doc_id"])
    expect(sources.first.locator("h3")).to_contain_text(expected["quotes"][0]["title"])
    # screen readers get plain names, not the messages' HTML source (Gradio's "bot's message: <div …")
    expect(page.get_by_role("group", name="Question", exact=True).last).to_be_visible()  # a name a screen reader reads out
    expect(page.get_by_role("group", name="Answer", exact=True).last).to_be_visible()
    first_title = expected["quotes"][0]["title"]
    expect(page.locator("#chat [data-testid=bot]").last.get_by_role("link", name=f"Source [1]: {first_title}", exact=False)).to_be_visible()
    expect(page.locator("#chat [data-testid=bot]").last.locator(".quote-source")).to_have_text([q["title"] for q in expected["quotes"]])  # each quote's article, in sight
    expect(page.locator("#status")).to_contain_text(re.compile(r"\d+ quotes? from \d+ articles?(, also said in \d+ more)?\s*$"))

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-answer.png"), full_page=True)
    assert not browsing.blocked, f"the page reached outside: {browsing.blocked}"


def test_question_with_typos_says_how_it_was_read(server, browsing):
    typed = "who acused anthropic of regulatry capture"
    expected = ask_api(server.url, typed)
    assert expected["read_as"] == "who accused anthropic of regulatory capture" and not expected["abstained"]
    page = browsing.open_chat(server.url)
    ask(page, typed)
    reply = page.locator(BOT_MESSAGES).last
    expect(reply.locator(".read-as")).to_have_text(f"Read as: “{expected['read_as']}”")
    assert [quote for quote, _ in quotes_shown(page)] == as_shown(expected["quotes"])


def test_citation_opens_highlighted_passage_and_whole_article(server, browsing, corpus_dir):
    page = browsing.open_chat(server.url)
    question = "What is recursive self-improvement?"
    ask(page, question)
    shown, number = quotes_shown(page)[0]
    quote = ask_api(server.url, question)["quotes"][0]["text"]
    assert shown == in_quotation_marks(quote)
    citation = page.locator(BOT_MESSAGES).last.locator("a.cite").first
    assert citation.evaluate("a => getComputedStyle(a).backgroundColor") != "rgba(0, 0, 0, 0)"  # a badge, unlike an article's own "[2]"
    target = citation.get_attribute("href")
    citation.click()

    assert page.url.endswith(target)
    source = page.locator(f"#sources {target}")
    expect(source).to_be_in_viewport()
    expect(source.locator("h3")).to_contain_text(f"[{number}]")
    expect(source.locator(".passage mark")).to_have_text(quote)
    doc_id = source.locator(".doc-id").first.inner_text()

    source.locator("summary").click()
    article = source.locator(".article")
    expect(article).to_be_visible()
    expect(article.locator("mark")).to_have_text(quote)
    assert article.text_content() == (corpus_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert not browsing.blocked


def test_the_whole_article_opens_at_its_quote(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "How much revenue does Anthropic expect?")  # a quote far down its article
    source = page.locator("#sources article.source").first
    source.locator("summary").click()
    article = source.locator(".article")
    expect(article).to_be_visible()
    where = article.evaluate("""a => { const m = a.querySelector('mark').getBoundingClientRect(), box = a.getBoundingClientRect();
        return {below: m.top - box.top + a.scrollTop > a.clientHeight, shown: m.top >= box.top && m.bottom <= box.bottom}; }""")
    assert where == {"below": True, "shown": True}  # below the box's first screen, and scrolled into it


def test_citation_of_an_earlier_answer_opens_its_own_source(server, browsing):
    page = browsing.open_chat(server.url)
    first, second = "What is Claude?", "Who wrote the blog post?"
    ask(page, first)
    ask(page, second)
    first_quote = ask_api(server.url, first)["quotes"][0]
    assert first_quote["doc_id"] != ask_api(server.url, second, history=[first])["quotes"][0]["doc_id"]
    page.locator(BOT_MESSAGES).first.locator("a.cite").first.click()
    source = page.locator(f"#sources {page.locator(BOT_MESSAGES).first.locator('a.cite').first.get_attribute('href')}")
    expect(source).to_be_in_viewport()  # unfolded from "Sources for an earlier question"
    expect(source.locator("h3")).to_contain_text(first_quote["doc_id"])
    expect(source.locator(".passage mark")).to_have_text(first_quote["text"])


def test_a_marker_scrolls_the_sources_beside_a_wide_chat_and_a_phone_has_a_way_back(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    ask(page, "What is recursive self-improvement?")
    page.wait_for_timeout(500)  # after the page's second scroll to the reply (250 ms after it), as a reader would be
    marker = page.locator(BOT_MESSAGES).first.locator("a.cite").first
    marker.click()
    source = page.locator(f"#sources {marker.get_attribute('href')}")
    expect(source).to_be_in_viewport()
    expect(source).to_be_focused()
    assert page.evaluate("window.scrollY") == 0  # the sources scrolled on their own: the chat and the question box stay
    expect(page.locator(QUESTION_BOX)).to_be_in_viewport()
    assert page.url.endswith(marker.get_attribute("href"))

    page.set_viewport_size({"width": 390, "height": 844})  # one column: the sources lie far below the chat
    marker.click()
    expect(source).to_be_in_viewport()
    expect(marker).not_to_be_in_viewport()
    page.locator("#back-to-answer").click()
    expect(marker).to_be_in_viewport()
    expect(marker).to_be_focused()
    expect(page.locator("#back-to-answer")).to_be_hidden()
    marker.click()  # again, and back by scrolling: the button goes once the marker is in view
    expect(page.locator("#back-to-answer")).to_be_visible()
    marker.scroll_into_view_if_needed()
    expect(page.locator("#back-to-answer")).to_be_hidden()


def test_on_a_short_wide_page_the_question_box_stays_where_the_reader_typed(server, browsing):
    page = browsing.open_chat(server.url)
    page.set_viewport_size({"width": 1024, "height": 500})
    ask(page, "Who wrote the blog post?")
    page.locator(QUESTION_BOX).scroll_into_view_if_needed()
    ask(page, "What is recursive self-improvement?")
    page.wait_for_timeout(500)  # after the page's second scroll
    expect(page.locator(QUESTION_BOX)).to_be_in_viewport()


def test_a_marker_whose_source_is_no_longer_kept_says_so_when_clicked(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    marker = page.locator(BOT_MESSAGES).last.locator("a.cite").first
    target = marker.get_attribute("href")
    page.evaluate("id => document.getElementById(id).remove()", target[1:])  # as the panel drops an answer older than it keeps
    marker.click()
    expect(marker).to_have_class(re.compile(r"\bgone\b"))
    assert marker.evaluate("a => getComputedStyle(a, '::after').content") == '" source no longer kept"'
    assert page.evaluate("location.hash") != target  # no jump to nowhere


def test_a_reply_is_shown_from_its_question(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "What is recursive self-improvement?")
    ask(page, OFF_TOPIC)  # a long reply: the verdict first, then the related passages
    verdict = page.locator(BOT_MESSAGES).last.locator(".abstain")
    expect(verdict).to_be_in_viewport()
    expect(page.locator("#chat [data-testid=user]").last).to_be_in_viewport()


def test_a_question_shown_on_a_phone_is_not_under_the_chats_toolbar(server, browsing):
    page = browsing.open_chat(server.url)
    page.set_viewport_size({"width": 390, "height": 800})
    ask(page, "What is recursive self-improvement?")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # as a phone's keyboard or a jump to Sources leaves it
    ask(page, "Why does Anthropic think self-improving AI is dangerous for human control, and what does it want labs to do?")
    page.wait_for_timeout(500)  # the page scrolls again once Gradio has laid the reply out
    question_top = page.locator("#chat [data-testid=user]").last.evaluate("e => e.getBoundingClientRect().top")
    assert question_top >= 0
    overlays = page.locator("#chat [data-testid=block-label], #chat .top-panel")
    assert overlays.count() >= 1
    covered = max(overlays.nth(i).evaluate("e => e.getBoundingClientRect().bottom") for i in range(overlays.count()))
    assert question_top >= covered


SERVER_UNREACHABLE = {
    "connection refused": lambda route: route.abort(),  # Gradio reloads the page to find the server again
    "server unavailable": lambda route: route.fulfill(status=503, body="Service Unavailable"),  # a proxy in front, say
}


@pytest.mark.parametrize("unreachable", SERVER_UNREACHABLE.values(), ids=SERVER_UNREACHABLE.keys())
def test_a_question_that_could_not_be_sent_comes_back_until_it_is_answered(server, browsing, unreachable):
    page = browsing.open_chat(server.url)
    page.route("**/gradio_api/queue/join*", unreachable)
    page.locator(QUESTION_BOX).fill("Who wrote the blog post?")
    with page.expect_request("**/gradio_api/queue/join*"):  # it is sent (the box empties, until sending fails)
        page.locator(QUESTION_BOX).press("Enter")
    expect(page.locator(QUESTION_BOX)).to_have_value("Who wrote the blog post?", timeout=WAIT_MS)  # back once sending failed
    page.unroute("**/gradio_api/queue/join*")
    page.reload()
    expect(page.locator(QUESTION_BOX)).to_have_value("Who wrote the blog post?", timeout=WAIT_MS)  # and after a reload
    page.locator(QUESTION_BOX).press("Enter")  # and it can be sent again; once answered it is not put back
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    page.reload()
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)  # the conversation comes back instead
    expect(page.locator(QUESTION_BOX)).to_have_value("")


def test_a_question_typed_but_not_sent_comes_back_when_the_page_reloads(server, browsing):
    """Gradio sends nothing while it has lost the server, and reloads the page when the server is back."""
    page = browsing.open_chat(server.url)
    page.locator(QUESTION_BOX).fill("When did Anthropic urge the pause?")
    page.reload()
    expect(page.locator(QUESTION_BOX)).to_have_value("When did Anthropic urge the pause?", timeout=WAIT_MS)
    page.locator(QUESTION_BOX).press("Enter")
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    page.reload()
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    expect(page.locator(QUESTION_BOX)).to_have_value("")  # answered: not put back


def test_a_reload_brings_the_conversation_back_and_clearing_it_forgets_it(server, browsing):
    page = browsing.open_chat(server.url)
    first, follow_up = "What did Anthropic propose?", "and what did OpenAI say?"
    ask(page, first)
    page.locator("#k input[type=number]").fill("3")
    page.locator("#k input[type=number]").press("Enter")
    ask(page, follow_up)
    before = page.locator(BOT_MESSAGES).all_inner_texts()
    held: list = []
    page.route("**/gradio_api/queue/join*", lambda route: held.append(route))  # the restore waits until it is let go
    page.reload()
    expect(page.locator(QUESTION_BOX)).to_be_disabled()  # nothing new is asked while the conversation comes back
    page.locator(QUESTION_BOX).evaluate("box => { box.disabled = false; }")  # as a redraw of the page may do
    expect(page.locator(QUESTION_BOX)).to_be_disabled()  # held again
    expect(page.locator(QUESTION_BOX)).to_have_attribute("placeholder", "Bringing your conversation back …")
    assert held, "the restore asked nothing of the server"
    for route in held:
        route.continue_()
    page.unroute("**/gradio_api/queue/join*")
    expect(page.locator(BOT_MESSAGES)).to_have_count(2, timeout=WAIT_MS)
    expect(page.locator(QUESTION_BOX)).to_be_enabled()
    assert page.locator(BOT_MESSAGES).all_inner_texts() == before  # the follow-up read with its question, as many passages as then
    assert [quote for quote, _ in quotes_shown(page)] == as_shown(ask_api(server.url, follow_up, k=3, history=[first])["quotes"])
    expect(page.locator("#status")).to_contain_text("Your conversation is back: 2 questions answered again")
    expect(page.locator("#k input[type=number]")).to_have_value("3")  # the passages control as the last question had it
    expect(page.locator("#chat [data-testid=user]").last).to_be_in_viewport()  # shown from the last question, as before
    page.locator(".cite").last.click()  # its citations lead to its sources
    expect(page.locator("#sources mark").first).to_be_visible()
    ask(page, "why?")  # and it goes on from there
    expect(page.locator(BOT_MESSAGES).last.locator(".read-as")).to_contain_text(follow_up)
    page.get_by_role("button", name="Clear").click()
    expect(page.locator(BOT_MESSAGES)).to_have_count(0)
    page.reload()
    page.wait_for_selector(QUESTION_BOX, timeout=WAIT_MS)
    page.wait_for_timeout(1500)
    expect(page.locator(BOT_MESSAGES)).to_have_count(0)


def test_right_to_left_questions_read_right_to_left(server, browsing):
    page = browsing.open_chat(server.url)
    question = "מי כתב את הפוסט בבלוג?"
    ask(page, question)
    shown = page.locator("#chat [data-testid=user] p").last
    assert shown.evaluate("p => getComputedStyle(p).direction") == "rtl"
    page.locator(QUESTION_BOX).fill(question)
    assert page.locator(QUESTION_BOX).evaluate("box => getComputedStyle(box).unicodeBidi") == "plaintext"


def test_example_then_follow_up_question_uses_the_previous_one(server, browsing):
    page = browsing.open_chat(server.url)
    first, follow_up = "What did Anthropic propose?", "and what did OpenAI say?"
    page.get_by_role("button", name=first).click()  # an example question: one click asks it
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    ask(page, follow_up)
    expected = ask_api(server.url, follow_up, history=[first])
    shown = [quote for quote, _ in quotes_shown(page)]
    assert shown == as_shown(expected["quotes"])
    assert any("OpenAI" in quote for quote in shown)
    expect(page.locator(BOT_MESSAGES).last.locator(".read-as")).to_have_text(f"Read with the earlier question: “{first}”")


def test_copy_buttons_copy_plain_text_with_the_sources(server, browsing):
    browsing.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = browsing.open_chat(server.url)
    first, second = "Who wrote the blog post?", "who acused anthropic of regulatry capture"
    ask(page, first)
    ask(page, second)
    expected = [as_copied(ask_api(server.url, first)), as_copied(ask_api(server.url, second, history=[first]))]
    assert "Read as:" in expected[1]  # the copy says how a question with typos was read, as the chat does
    expect(page.get_by_role("button", name="Copy message")).to_have_count(0)  # Gradio's: they copied the HTML source

    replies = page.locator(BOT_MESSAGES)
    assert copy_answer(page, replies.first) == expected[0]
    assert copy_answer(page, replies.last) == expected[1]
    expect(page.locator("#copy-status")).to_have_text("Copied the answer as text")  # for screen readers

    page.get_by_role("button", name="Copy conversation").click()
    expect(page.locator("#copy-status")).to_have_text("Copied the conversation as text")
    assert clipboard(page) == f"Question: {first}\n\nAnswer:\n{expected[0]}\n\nQuestion: {second}\n\nAnswer:\n{expected[1]}"
    assert not browsing.blocked


def test_off_topic_question_abstains_with_related_passages(server, browsing):
    verdict = ask_api(server.url, OFF_TOPIC)
    assert verdict["abstained"]  # the server's verdict; the page must show it
    page = browsing.open_chat(server.url)
    number_box = page.locator("#k input[type=number]")
    number_box.fill("3")
    number_box.press("Enter")
    ask(page, OFF_TOPIC)
    reply = page.locator(BOT_MESSAGES).last
    expect(reply).to_contain_text(verdict["answer"])  # "… They never mention France."
    assert reply.locator("ol.related").evaluate("ol => getComputedStyle(ol).listStyleType") == "none"  # the [n] badges number them
    expect(reply.locator("blockquote")).to_have_count(0)
    expect(reply.locator("ol.related li")).to_have_count(3)
    expect(page.locator("#sources h2")).to_have_text("Related passages")
    expect(page.locator("#sources article.source")).to_have_count(3)
    expect(page.locator("#status")).to_contain_text("No answer in the articles")


def test_unusable_question_gets_a_friendly_message(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    ask(page, "?!?")
    reply = page.locator(BOT_MESSAGES).last
    expect(reply).to_contain_text("I cannot look that up: the question has no words in it")
    assert "Traceback" not in page.locator("body").inner_text()
    expect(page.locator(QUESTION_BOX)).to_have_value("?!?")  # back in the box, to be corrected
    page.get_by_role("button", name="Right", exact=True).click()  # the last question got no answer to rate
    expect(page.locator("#feedback-status")).to_contain_text("The last question got no answer")

    page.locator(QUESTION_BOX).fill("   ")  # nothing to ask: nothing added to the chat
    page.locator(QUESTION_BOX).press("Enter")
    expect(page.locator("#status")).to_have_text("Type a question first, then press Enter.")
    expect(page.locator("#chat [data-testid=user]")).to_have_count(2)

    pasted = "Please read all of this first. " * 70 + "Who wrote the blog post?"  # over 2,000 characters
    ask(page, pasted)  # the box takes it whole, and the server says why it can't be asked
    expect(page.locator(BOT_MESSAGES).last).to_contain_text("the question is too long")
    expect(page.locator(QUESTION_BOX)).to_have_value(pasted)


def test_a_question_typed_while_the_last_one_is_answered_is_kept_whole(server, browsing):
    page = browsing.open_chat(server.url)
    first, second = "Who wrote the blog post?", "What is recursive self-improvement?"
    page.locator(QUESTION_BOX).fill(first)
    page.locator(QUESTION_BOX).press("Enter")
    page.locator(QUESTION_BOX).press_sequentially(second, delay=40)  # at once, as a person would
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    expect(page.locator(QUESTION_BOX)).to_have_value(second)
    page.locator(QUESTION_BOX).press("Enter")
    expect(page.locator(BOT_MESSAGES)).to_have_count(2, timeout=WAIT_MS)
    assert page.locator("#chat [data-testid=user]").all_inner_texts() == [first, second]
    expect(page.locator(QUESTION_BOX)).to_have_value("")


def test_the_rating_line_appears_with_the_first_answer(server, browsing):
    page = browsing.open_chat(server.url)
    rate = page.get_by_role("button", name="Right", exact=True)
    expect(rate).to_be_hidden()  # nothing to rate yet
    ask(page, "Who wrote the blog post?")
    expect(rate).to_be_visible()


def test_feedback_is_appended_to_the_jsonl_file(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "How much revenue does Anthropic expect?")
    before = server.feedback_path.read_text(encoding="utf-8").splitlines() if server.feedback_path.exists() else []
    page.get_by_role("button", name="Wrong quote, right passage").click()
    expect(page.locator("#feedback-status")).to_contain_text("Wrong quote, right passage")

    lines = server.feedback_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(before) + 1
    entry = json.loads(lines[-1])
    assert entry["rating"] == "wrong_quote_right_passage"
    assert entry["question"] == "How much revenue does Anthropic expect?"
    assert entry["answer"]["question"] == entry["question"]
    assert as_shown(entry["answer"]["quotes"]) == [quote for quote, _ in quotes_shown(page)]
    assert datetime.fromisoformat(entry["timestamp"]).tzinfo is not None


def _documented_feedback_to_gold() -> list[str]:
    """The one-liner of docs/web-chat.md that turns feedback into draft gold lines, as a command (stdin to stdout)."""
    page = (ROOT / "docs" / "web-chat.md").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if line.startswith("python -c ") and "feedback" in line)
    command = shlex.split(line.split(" < ")[0])
    assert command[:2] == ["python", "-c"]
    return [sys.executable, *command[1:]]


def test_a_rating_is_saved_once_and_the_next_answer_clears_it(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    before = server.feedback_path.read_text(encoding="utf-8").splitlines() if server.feedback_path.exists() else []
    page.get_by_role("button", name="Right", exact=True).click()
    expect(page.locator("#feedback-status")).to_contain_text("saved as “Right”")
    page.get_by_role("button", name="Wrong", exact=True).click()  # a second click on the same answer
    expect(page.locator("#feedback-status")).to_contain_text("saved as “Right” already")
    assert len(server.feedback_path.read_text(encoding="utf-8").splitlines()) == len(before) + 1
    page.reload()  # the conversation comes back, and its last answer stays rated
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    page.get_by_role("button", name="Wrong", exact=True).click()
    expect(page.locator("#feedback-status")).to_contain_text("saved as “Right” already")
    assert len(server.feedback_path.read_text(encoding="utf-8").splitlines()) == len(before) + 1
    ask(page, "What is recursive self-improvement?")
    expect(page.locator("#feedback-status")).to_have_text("")  # the new answer is not rated yet
    page.get_by_role("button", name="Wrong", exact=True).click()
    expect(page.locator("#feedback-status")).to_contain_text("saved as “Wrong”")
    assert len(server.feedback_path.read_text(encoding="utf-8").splitlines()) == len(before) + 2


def test_feedback_on_a_follow_up_keeps_the_conversation(server, browsing):
    page = browsing.open_chat(server.url)
    first, follow_up = "What did Anthropic propose?", "and what did OpenAI say?"
    ask(page, first)
    ask(page, follow_up)
    page.get_by_role("button", name="Right", exact=True).click()
    expect(page.locator("#feedback-status")).to_contain_text("“Right”")

    entry = json.loads(server.feedback_path.read_text(encoding="utf-8").splitlines()[-1])
    assert (entry["question"], entry["history"]) == (follow_up, [first])
    assert entry["searched"] == f"{first} {follow_up}"
    assert [quote for quote, _ in quotes_shown(page)] == as_shown(entry["answer"]["quotes"])
    assert entry["answer"]["read_with"] == [first]

    alone = "Who accused Anthropic of regulatory capture?"  # and a question read alone, rated right
    ask(page, alone)
    page.get_by_role("button", name="Right", exact=True).click()
    expect(page.locator("#feedback-status")).to_contain_text("“Right”")
    rated = json.loads(server.feedback_path.read_text(encoding="utf-8").splitlines()[-1])["answer"]["quotes"]

    # The documented feedback -> gold one-liner drafts gold lines of questions read alone, with what was
    # answered; a follow-up's answer depends on its conversation, so it is left to eval/conversations.jsonl.
    drafts = [json.loads(line) for line in subprocess.run(
        _documented_feedback_to_gold(), input=server.feedback_path.read_text(encoding="utf-8"), capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()]
    assert not any(follow_up in draft["question"] for draft in drafts)
    gold = drafts[-1]
    assert gold["question"] == alone and gold["answerable"]
    assert {(q["doc_id"], q["text"]) for q in rated} <= {(g["doc_id"], g["quote"]) for g in gold["gold"]}


def test_a_rating_that_cannot_be_saved_gets_a_friendly_message(server, browsing):
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    saved = server.feedback_path.read_bytes() if server.feedback_path.exists() else b""
    server.feedback_path.unlink(missing_ok=True)
    server.feedback_path.mkdir()  # the feedback file is now a folder: appending to it fails
    try:
        page.get_by_role("button", name="Wrong", exact=True).click()
        expect(page.locator("#feedback-status")).to_contain_text("Sorry, your rating could not be saved")
        assert "Traceback" not in page.locator("body").inner_text()
        assert "could not save a rating" in server.log() and "IsADirectoryError" in server.log()
    finally:
        server.feedback_path.rmdir()
        server.feedback_path.write_bytes(saved)
    page.get_by_role("button", name="Wrong", exact=True).click()  # writable again: saved again
    expect(page.locator("#feedback-status")).to_contain_text("saved as “Wrong”")


def test_keyboard_only_use_and_no_accessibility_violations(server, browsing):
    page = browsing.open_chat(server.url)
    axe = Axe()
    initial = axe.run(page)
    assert initial.violations_count == 0, initial.generate_report()

    for _ in range(30):  # Tab from the top of the page reaches the question box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#question') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('#question') !== null")
    page.keyboard.type("Who criticized the timing of the safety push?")
    page.keyboard.press("Enter")
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)

    page.locator("#sources summary").first.click()  # the whole article open too
    answered = axe.run(page)
    assert answered.violations_count == 0, answered.generate_report()


CONTRAST_JS = """([foreground, background]) => {
  const channels = (color) => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (color) => {
    const [r, g, b] = channels(color).map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


def test_status_lines_are_read_out_and_a_keyboard_user_keeps_their_place(server, browsing):
    """What a keyboard and screen-reader review found: the status lines had no live region (a
    rating saved, an empty question, a conversation brought back went unsaid), the question box's
    focus ring and placeholder were too faint to see, Escape from a source led nowhere on a wide
    page, and Clear dropped focus to the page's body, saying nothing."""
    page = browsing.open_chat(server.url)
    for line in ("#status", "#articles-note", "#feedback-status"):
        expect(page.locator(line)).to_have_attribute("role", "status")
    box = page.locator(QUESTION_BOX)
    box.focus()
    assert box.evaluate("box => getComputedStyle(box).outlineStyle") != "none"
    colours = box.evaluate("box => [getComputedStyle(box, '::placeholder').color, getComputedStyle(box).backgroundColor]")
    assert page.evaluate(CONTRAST_JS, colours) >= 4.5, colours
    for _ in range(12):  # Tab on to the passages slider: its focus shows too
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#k input')"):
            break
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    page.locator(QUESTION_BOX).fill("Who criticized the timing of the safety push?")
    page.locator(QUESTION_BOX).press("Enter")
    expect(page.locator("#copy-status")).to_have_text("Looking it up …")  # said at once, the answer read out when it comes
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)
    expect(page.locator("#copy-status")).to_have_text("")
    page.locator("#chat a.cite").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('#sources') !== null")
    page.keyboard.press("Escape")  # back to the marker, on a wide page too
    page.wait_for_function("document.activeElement.matches('#chat a.cite')")
    page.get_by_role("button", name="Clear").click()
    expect(page.locator(BOT_MESSAGES)).to_have_count(0)
    expect(page.locator("#copy-status")).to_have_text("Conversation cleared")
    page.wait_for_function("document.activeElement.matches('#question textarea')")
    page.locator("#examples button").first.click()  # an example is looked up aloud too
    expect(page.locator("#copy-status")).to_have_text("Looking it up …")
    expect(page.locator(BOT_MESSAGES)).to_have_count(1, timeout=WAIT_MS)


def test_the_page_is_not_dimmed_while_it_looks_for_a_conversation_to_bring_back(server, browsing):
    """On load the page asks the server for the conversation a reload brings back; on a busy
    server that takes a while, and the page must stay readable meanwhile (Gradio dims an
    event's outputs to 0.2 opacity while it runs, which axe then finds unreadable)."""
    page = browsing.context.new_page()

    def slow_queue(route):
        time.sleep(2)  # the server's answer to the load event, late
        route.continue_()

    page.route("**/gradio_api/queue/join*", slow_queue)
    page.goto(server.url)
    page.wait_for_selector(QUESTION_BOX, timeout=WAIT_MS)
    # Gradio's own "Loading..." stands in for a component while its script loads (from this server,
    # not the queue held back above); on a busy machine axe could still find it outside a landmark
    page.wait_for_function("() => !document.querySelector('.loading')", timeout=WAIT_MS)
    dimmed = page.evaluate(
        "() => [...document.querySelectorAll('#sources, #sources *, #chat, #status')]"
        ".filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && getComputedStyle(e).opacity !== '1').map(e => e.className || e.tagName)"
    )
    assert dimmed == []
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()


def test_dark_mode_is_readable(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(QUESTION_BOX, timeout=WAIT_MS)
        assert page.evaluate("document.body.classList.contains('dark')")  # Gradio's dark theme is on
        ask(page, "who acused anthropic of regulatry capture")  # "Read as", quotes and markers
        ask(page, "?!?")  # an error message
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
    finally:
        context.close()


def read_out(page, selector: str) -> list[tuple[str, str]]:
    """(accessible name, accessible description) of each element matching ``selector``, as
    Chromium computes them for a screen reader."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Accessibility.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = []
        for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
            node = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})["nodes"][0]
            found.append((node.get("name", {}).get("value", ""), node.get("description", {}).get("value", "")))
        return found
    finally:
        cdp.detach()


def test_a_citation_marker_is_read_once_by_its_articles_title(server, browsing):
    """From the second keyboard and screen-reader review: a marker was read with its article's hex
    doc id, and twice (its name and its tooltip, the description, said the same)."""
    page = browsing.open_chat(server.url)
    ask(page, "Who wrote the blog post?")
    ask(page, OFF_TOPIC)  # an abstention's related passages have markers too
    answered, abstained = ask_api(server.url, "Who wrote the blog post?")["quotes"], ask_api(server.url, OFF_TOPIC)["passages"]
    expected = [(f"Source [{n}]: {quote['title']}", "") for n, quote in enumerate(answered, 1)]
    expected += [(f"Source [{n}]: {passage['title']}", "") for n, passage in enumerate(abstained, 1)]
    assert read_out(page, "#chat a.cite") == expected


def test_each_copy_answer_button_is_named_by_its_question(server, browsing):
    """From the second review: every answer's button was read "Copy answer", so a screen reader's
    list of controls said the same name over and over."""
    browsing.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = browsing.open_chat(server.url)
    first, long = "Who wrote the blog post?", "Why does Anthropic think self-improving AI is dangerous for human control, and what does it want labs to do?"
    ask(page, first)
    ask(page, long)
    names = [name for name, _ in read_out(page, "#chat button.copy-text")]
    assert names[0] == f"Copy answer to: {first}"
    assert names[1].startswith("Copy answer to: Why does Anthropic think") and names[1].endswith("…") and len(names[1]) < 90  # shortened
    copy_answer(page, page.locator(BOT_MESSAGES).first)  # the visible word and the name change together
    assert read_out(page, "#chat button.copy-text")[0][0] == f"Copied the answer to: {first}"


HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
  .filter((h) => h.closest('details:not([open])') === null || h.closest('summary') !== null)
  .map((h) => [Number(h.getAttribute('aria-level') || h.tagName.slice(1)), h.textContent.trim()])"""


def test_the_chat_and_the_sources_have_headings_to_jump_to(server, browsing):
    """From the second review: there was no heading before the chat, so a screen-reader user
    jumping by headings went from the page's title straight past the conversation."""
    page = browsing.open_chat(server.url)
    assert page.evaluate(HEADINGS_JS) == [[1, "Ask the articles"], [2, "Conversation"], [2, "Sources"]]
    chat_heading = page.get_by_role("heading", name="Conversation", level=2)
    assert chat_heading.evaluate("h => h.compareDocumentPosition(document.querySelector('#chat')) & Node.DOCUMENT_POSITION_FOLLOWING")
    box = page.locator("#chat-heading").bounding_box()  # for screen readers only: the chat's own label shows the word
    assert box["width"] <= 1 and box["height"] <= 1 and page.locator("#chat-heading").evaluate("e => getComputedStyle(e).overflow") == "hidden"
    ask(page, "Who wrote the blog post?")
    levels = page.evaluate(HEADINGS_JS)
    assert levels[:3] == [[1, "Ask the articles"], [2, "Conversation"], [2, "Sources"]]
    assert levels[3:] and all(level == 3 and title.startswith("[") for level, title in levels[3:])  # each source under Sources


def read_in_order(page, first: str) -> list[str]:
    """What a screen reader reads from the node ``first`` (as Playwright's ARIA snapshot of the page's
    main part writes it, e.g. 'heading "Conversation" [level=2]') on, at its level: each node's role
    and name, without what it holds."""
    lines = page.locator("main").aria_snapshot().splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f"- {first}")
    indent = len(lines[start]) - len(lines[start].lstrip())
    return [line.strip().removeprefix("- ").removesuffix(":") for line in lines[start:] if len(line) - len(line.lstrip()) == indent]


def test_the_chat_is_read_from_its_heading_once(server, browsing):
    """From the third review: a screen reader read the chat's hidden heading "Conversation", then its
    visible label, the same word again, then the toolbar, then a log named "chatbot conversation". The
    label is for the eye only now, and the log is named by its heading: heading, toolbar, conversation."""
    page = browsing.open_chat(server.url)
    heading = 'heading "Conversation" [level=2]'
    expect(page.locator("#chat [data-testid=block-label]")).to_have_attribute("aria-hidden", "true")  # page.js has run (it runs after load)
    assert read_in_order(page, heading)[:2] == [heading, 'log "Conversation"']  # no toolbar before a question, nor Gradio's timer ("0.1s")
    ask(page, "Who wrote the blog post?")
    read = read_in_order(page, heading)
    assert read[:4] == [heading, 'button "Clear"', 'button "Copy conversation"', 'log "Conversation"'], read[:5]
    expect(page.locator("#chat [data-testid=block-label]")).to_have_text("Conversation")  # still in sight, where it was
    expect(page.locator("#chat [data-testid=block-label]")).to_be_visible()
    group = page.get_by_role("log", name="Conversation").get_by_role("group")
    expect(group).to_have_count(2)  # the question and its answer, read in the log


# A target's size, and whether a tap near each of its corners lands on it (not clipped or covered).
TAP_TARGET_JS = """(target) => {
  target.scrollIntoView({block: 'center'});
  const box = target.getBoundingClientRect();
  const corners = [[box.left + 2, box.top + 2], [box.right - 2, box.top + 2], [box.left + 2, box.bottom - 2], [box.right - 2, box.bottom - 2]];
  return {width: box.width, height: box.height, tapped: corners.every(([x, y]) => target.contains(document.elementFromPoint(x, y)))};
}"""


def test_on_a_phone_the_passages_control_and_the_sources_fold_outs_are_fingertip_sized(server, browsing):
    """From the second review: on a 390-pixel phone the passages control (8 to 22 pixels high) and
    "Open the whole article" (20) were small targets to tap; each is now 44 by 44 CSS pixels at least."""
    page = browsing.open_chat(server.url)
    page.set_viewport_size({"width": 390, "height": 844})
    ask(page, "What is Claude?")
    ask(page, "Who wrote the blog post?")  # the first answer's sources fold under "Sources for an earlier question"
    targets = {
        "the passages box": "#k input[type=number]",
        "the passages reset button": "#k button.reset-button",
        "the passages slider": "#k input[type=range]",
        "Open the whole article, and an earlier answer's sources": "#sources summary",
    }
    for name, selector in targets.items():
        found = page.locator(selector)
        assert found.count(), name
        for n in range(found.count()):
            if found.nth(n).is_visible():
                box = found.nth(n).evaluate(TAP_TARGET_JS)
                assert box["width"] >= 44 and box["height"] >= 44 and box["tapped"], (name, n, box)
    assert page.locator("#sources summary").first.evaluate("s => getComputedStyle(s).display") == "list-item"  # its ▸ marker kept


# The same, tapped near the middle of each edge instead: a round button (Gradio's Scroll down) has no corners to tap.
TAP_EDGES_JS = """(target) => {
  target.scrollIntoView({block: 'center'});
  const box = target.getBoundingClientRect(), x = box.left + box.width / 2, y = box.top + box.height / 2;
  const edges = [[box.left + 2, y], [box.right - 2, y], [x, box.top + 2], [x, box.bottom - 2]];
  return {width: box.width, height: box.height, tapped: edges.every(([x, y]) => target.contains(document.elementFromPoint(x, y)))};
}"""
# Every control a finger may tap: in the page's main part (the chat's column and the sources), and the way back to an answer.
CONTROLS = "main :is(button, a[href], input, textarea, select, summary, [role=button], [tabindex]:not([tabindex='-1'])), #back-to-answer"


def test_on_a_phone_every_control_of_the_chat_is_fingertip_sized(server, browsing):
    """From the third review: on a 390-pixel phone the chat's Clear button was 18 pixels square, its
    Scroll down button 26, Copy conversation, Copy answer, the rating and the example buttons 25 or 26
    pixels high, the question box and Ask 40, the way back to an answer 30. Every control is now 44 by
    44 CSS pixels at least, but the citation markers: badges inline in a quote's sentence, as WCAG 2.5.5
    allows. A wide page keeps Gradio's sizes."""
    page = browsing.open_chat(server.url)
    ask(page, "What is Claude?")
    ask(page, "Who wrote the blog post?")  # answer controls, and an earlier answer's folded sources
    wide = {name: page.get_by_role("button", name=name, exact=True).first.bounding_box()["height"] for name in ("Clear", "Right")}
    assert all(height < 44 for height in wide.values()), wide  # the sizes below are a phone's only
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)  # after the page's second scroll to the reply (250 ms after it)
    page.locator(BOT_MESSAGES).last.locator("a.cite").first.click()  # a phone's way back to the answer shows
    expect(page.locator("#back-to-answer")).to_be_visible()
    sizes = [("↑ Back to the answer", page.locator("#back-to-answer").evaluate(TAP_EDGES_JS))]  # first: the scrolling below sends it away
    controls = page.locator(CONTROLS)
    for n in range(controls.count()):
        control = controls.nth(n)
        if control.is_visible() and not control.evaluate("e => e.matches('a.cite') || e.id === 'back-to-answer'"):
            sizes.append((control.evaluate("e => (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30) || e.tagName"), control.evaluate(TAP_EDGES_JS)))
    page.locator("#chat [role=log]").evaluate("log => { log.scrollTop = 0; }")  # Gradio's Scroll down shows once the chat is scrolled up
    expect(page.get_by_role("button", name="Scroll down")).to_be_visible()
    sizes.append(("Scroll down", page.get_by_role("button", name="Scroll down").evaluate(TAP_EDGES_JS)))
    toolbar = page.locator("#chat .top-panel").bounding_box()  # taller now: the first question still starts below it
    assert page.locator("#chat [data-testid=user]").first.bounding_box()["y"] >= toolbar["y"] + toolbar["height"]
    assert {"Clear", "Copy conversation", "Copy answer to: What is Claude", "TEXTAREA", "Ask", "Right", "Who wrote the blog post?"} <= {name for name, _ in sizes}
    small = [f"{name}: {box['width']:.1f} x {box['height']:.1f}{'' if box['tapped'] else ', not all tappable'}"
             for name, box in sizes if not (box["width"] >= 44 and box["height"] >= 44 and box["tapped"])]
    assert not small, "; ".join(small)


def test_the_question_box_counts_its_characters_near_the_limit(server, browsing):
    """From the second review: the 2,000-character limit was learnt only on sending. Near it the
    count shows under the box (its description), and a screen reader is told when the count
    crosses into the last tenth, past the limit and back, not at every key."""
    page = browsing.open_chat(server.url)
    box, count = page.locator(QUESTION_BOX), page.locator("#question-length")
    page.evaluate("""() => { window.said = []; const region = document.querySelector('#copy-status');
      new MutationObserver(() => region.textContent && window.said.push(region.textContent)).observe(region, {childList: true, characterData: true, subtree: true}); }""")
    box.fill("Who wrote the blog post?   ")
    expect(count).to_be_hidden()  # nothing to say far below the limit
    near = "Please read all of this first. " * 58 + "Who wrote the blog post?"  # 1,822 characters, as the server counts them
    box.fill(near)
    expect(count).to_have_text("1,822 of 2,000 characters")
    page.wait_for_function("window.said.length === 1")
    box.press("End")
    box.press_sequentially(" Thanks.", delay=30)  # the count follows the keys, unsaid
    expect(count).to_have_text("1,830 of 2,000 characters")
    assert count.get_attribute("aria-live") is None and count.get_attribute("role") is None  # not a live region
    assert read_out(page, QUESTION_BOX)[0][1] == "1,830 of 2,000 characters"  # heard on coming back to the box
    over = near + " And more." * 20  # 2,022
    box.fill(over)
    expect(count).to_have_text("2,022 of 2,000 characters: 22 too many to ask")
    page.wait_for_function("window.said.length === 2")  # (a change within 50 ms would be said instead)
    box.fill(near)
    expect(count).to_have_text("1,822 of 2,000 characters")
    page.wait_for_timeout(300)
    assert page.evaluate("window.said") == [
        "1,822 of 2,000 characters: near the limit",
        "2,022 of 2,000 characters: 22 too many to ask",
        "Back within the 2,000-character limit",
    ]
    ask(page, over)  # sent as before: the reply says why it can't be asked, and it comes back to the box
    expect(page.locator(BOT_MESSAGES).last).to_contain_text("the question is too long")
    expect(box).to_have_value(over)
    expect(count).to_have_text("2,022 of 2,000 characters: 22 too many to ask")


COLOURS_JS = "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_abstentions_related_passages_do_not_look_like_answers(server, browser, scheme):
    """From the second review: the passages an abstention lists were highlighted in their articles
    in the quotes' own yellow, as if they answered. They now have a style of their own, readable
    (AA) in light and dark mode, and say in words that they do not answer."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector(QUESTION_BOX, timeout=WAIT_MS)
        ask(page, "Who wrote the blog post?")
        quote = page.locator("#sources article.source").first
        quote.locator("summary").click()
        quote_mark = quote.locator(".article mark").evaluate(COLOURS_JS)
        quote_marker = page.locator(BOT_MESSAGES).last.locator("a.cite").first.evaluate(COLOURS_JS)
        ask(page, OFF_TOPIC)
        related = page.locator("#sources section.sources > section.turn article.source")  # the last answer's, not the folded earlier ones
        expect(related.first).to_be_visible()
        for n in range(related.count()):
            expect(related.nth(n).locator(".related-label")).to_have_text("Related, does not answer")
        label = related.first.locator(".related-label").evaluate(COLOURS_JS)
        related.first.locator("summary").click()
        mark = related.first.locator(".article mark")
        expect(mark).to_be_visible()
        related_mark = mark.evaluate(COLOURS_JS)
        related_marker = page.locator(BOT_MESSAGES).last.locator("a.cite").first.evaluate(COLOURS_JS)
        assert related_mark[1] != quote_mark[1] and related_marker != quote_marker, (related_mark, quote_mark, related_marker, quote_marker)
        for colours in (related_mark, label):
            assert page.evaluate(CONTRAST_JS, colours) >= 4.5, colours
        report = Axe().run(page)
        assert report.violations_count == 0, report.generate_report()
    finally:
        context.close()


def test_question_with_markup_is_shown_as_text(server, browsing):
    page = browsing.open_chat(server.url)
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> [x](javascript:window.__xss=3) ${window.__xss=4} **who** wrote it?'
    ask(page, payload)
    user_message = page.locator("#chat [data-testid=user]").last
    assert user_message.inner_text().strip() == payload
    chat = page.locator("#chat")
    expect(chat.locator("img[src=x], script, a[href^=javascript]")).to_have_count(0)
    assert not browsing.script_ran(page)
    assert not browsing.blocked


@pytest.fixture(scope="module")
def hostile_server(encoder, tmp_path_factory):
    """The app over articles whose names and text are full of markup and scripts."""
    from rag.build import build_index

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    for name, text in HOSTILE_ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    index = tmp_path_factory.mktemp("hostile-index")
    build_index(corpus, index, encoder=encoder, progress=False)
    with web_server(index, corpus_dir=corpus, workdir=tmp_path_factory.mktemp("hostile-web")) as running:
        yield running, corpus


def test_article_with_markup_is_shown_as_text(hostile_server, browsing):
    server, corpus = hostile_server
    page = browsing.open_chat(server.url)
    ask(page, "How big a budget did the Zebra Council approve?")
    source = page.locator("#sources article.source").first
    expect(source).to_be_visible()
    source.locator("summary").click()
    article = source.locator(".article")
    expect(article).to_be_visible()

    doc_id = source.locator(".doc-id").first.inner_text()
    assert article.text_content() == Path(corpus, f"{doc_id}.txt").read_text(encoding="utf-8")
    zebra = next(name for name in HOSTILE_ARTICLES if "zebra" in name)
    expect(page.locator("#sources")).to_contain_text(zebra)  # the hostile file name, as text
    expect(page.locator("#sources")).to_contain_text("<script>window.__xss = 2</script>")
    injected = "#chat img, #sources img, #chat svg[onload], #sources svg, #chat script, #sources script, a[href^=javascript], #chat b, #sources b"
    expect(page.locator(injected)).to_have_count(0)
    assert not browsing.script_ran(page)
    assert not browsing.blocked


def test_an_abstention_is_copied_with_each_related_title_once(server, browsing):
    browsing.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = browsing.open_chat(server.url)
    question = "how many employees does anthropic have"
    ask(page, question)
    expected = ask_api(server.url, question)
    assert expected["abstained"] and expected["passages"]

    lines = copy_answer(page, page.locator(BOT_MESSAGES).last).split("\n")
    sources_at = lines.index("Sources:")
    assert lines[:2] == [ABSTAIN_TEXT, "Related passages (they do not answer it):"]
    related, sources = lines[2:sources_at], lines[sources_at + 1 :]
    assert sources == [f"[{n}] {p['title']} ({p['doc_id']})" for n, p in enumerate(expected["passages"], 1)]
    assert len(related) == len(sources)
    for n, (line, passage) in enumerate(zip(related, expected["passages"]), 1):
        assert line.startswith(f"[{n}] ") and not line.startswith(f"[{n}] {passage['title']}:")  # the title is under Sources


def test_article_with_markup_is_copied_as_its_text(hostile_server, browsing):
    server, _ = hostile_server
    browsing.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = browsing.open_chat(server.url)
    question = "How big a budget did the Zebra Council approve?"
    ask(page, question)
    expected = as_copied(ask_api(server.url, question))
    assert "roads & bridges" in expected and "<script>" in expected  # the article's text, markup and all
    copied = copy_answer(page, page.locator(BOT_MESSAGES).last)
    assert copied == expected
    assert "&amp;" not in copied and "&lt;" not in copied and 'class="' not in copied
    assert not browsing.script_ran(page)


def test_an_open_page_says_when_its_articles_change_without_a_question_asked(browsing, encoder, tmp_path):
    from rag import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ferry = corpus / "ferry.txt"
    ferry.write_text("Ferry returns\n\nThe island ferry returned to service on Friday, the council said.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder)
    with web_server(tmp_path / "index", workdir=tmp_path, corpus_dir=corpus) as running:
        page = browsing.open_chat(running.url)
        page.wait_for_selector("#articles-note", state="attached", timeout=WAIT_MS)  # the page may draw it after the question box
        page.evaluate("""() => { window.noteTexts = []; const note = document.querySelector('#articles-note');
          new MutationObserver(() => window.noteTexts.push(note.innerText)).observe(note, {subtree: true, childList: true, characterData: true, attributes: true}); }""")
        (corpus / "menu.txt").write_bytes("Caf\xe9 menu\n".encode("latin-1"))
        expect(page.locator(".skipped li")).to_have_text(re.compile(r"^menu\.txt: not UTF-8"), timeout=WAIT_MS)
        ferry.write_text("Ferry returns\n\nThe island ferry returned to service on Tuesday, the council said.\n", encoding="utf-8")
        expect(page.locator("#articles-note")).to_contain_text("Answers quote the articles as changed at", timeout=WAIT_MS)
        expect(page.locator("#articles-note")).to_contain_text("1 changed (ferry)")
        ask(page, "When did the island ferry return to service?")
        expect(page.locator(BOT_MESSAGES).last).to_contain_text("Tuesday")
        timers = [text for text in page.evaluate("window.noteTexts") if re.search(r"\d\.\ds\b", text)]
        assert not timers, timers[:3]  # Gradio's progress timer ("0.0s") never shows in the note, nor reaches a screen reader
