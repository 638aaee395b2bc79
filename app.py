"""The web chat: a Gradio face over the ``rag`` library, with a JSON API and answer feedback.

    python app.py [--host 127.0.0.1] [--port 7860] [--corpus data/articles] [--index index]

Every answer comes from ``Answerer.answer``; this module wires the page together: it keeps
the conversation's earlier questions (``Chat``), lays out the page and its events
(``build_app``) and serves it (``main``). The ``webchat`` package does the rest: turning
answers into escaped HTML (``webchat.render``), re-indexing changed articles
(``webchat.watch``), saving ratings (``webchat.feedback``), and the page's script and
styles (``webchat/static``).

Nothing is fetched from outside: no analytics, no web fonts, no share links, and no file
of the machine is served (the page shows article text inline).
"""

import os

# Before gradio and torch are imported: no calls home, and one math thread per request
# (requests run concurrently; several threads each would fight over the same cores).
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("RAG_ENCODER_THREADS", "1")

import argparse  # noqa: E402
import errno  # noqa: E402
import html  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import math  # noqa: E402
import socket  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Mapping, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, NamedTuple  # noqa: E402

import gradio as gr  # noqa: E402

from rag import Answerer, AnswerSettings, QuestionError, RagError, build_index  # noqa: E402
from rag.documents import corpus_folder  # noqa: E402
from rag.question import MAX_QUESTION_CHARS, as_echoed, check_passage_count  # noqa: E402
from rag.errors import IndexMismatchError, IndexMissingError, SkippedFileWarning  # noqa: E402
from rag.build import counted  # noqa: E402
from rag.arguments import DEFAULT_CORPUS, DEFAULT_INDEX, SETTINGS_HELP, whole_number_from  # noqa: E402
from rag.types import StrPath  # noqa: E402
from webchat.feedback import RATINGS, FeedbackLog  # noqa: E402
from webchat.render import EARLIER_ANSWERS_KEPT, EMPTY_SOURCES, answer_message, excerpt, quoted_question, sources_of, sources_panel, status_line, turn_sources  # noqa: E402
from webchat.watch import ARTICLES_CHECK_SECONDS, ArticleWatch  # noqa: E402

log = logging.getLogger("rag.app")

ROOT = Path(__file__).resolve().parent
STATIC = ROOT / "webchat" / "static"  # the page's script and styles
BUNDLED_CORPUS = ROOT / "data" / "articles"
DEFAULT_FEEDBACK = Path("feedback") / "feedback.jsonl"
BUNDLED_EXAMPLES = (
    "Who wrote the blog post?",
    "What is recursive self-improvement?",
    "What did Anthropic propose?",
    "and what did OpenAI say?",
    "How much revenue does Anthropic expect?",
)
GENERIC_ERROR = "Something went wrong while answering. Please try again; if it keeps happening, tell whoever runs this server."
SHOWN_REFUSED_CHARS = 600  # a question that cannot be asked (too long, say) is shown at most this long in the chat
ERROR_OPENING = '<p class="error">'  # how a reply that is an error message, not an answer, begins
MAX_PASSAGES = 10  # the slider's maximum; API calls asking for more get this many
RESTORED_QUESTIONS = EARLIER_ANSWERS_KEPT + 1  # a reload asks again this many of a conversation's last questions
KEPT_QUESTIONS = RESTORED_QUESTIONS + 1  # the page's record keeps one more, so that a reload can tell one was left out

CSS = (STATIC / "page.css").read_text(encoding="utf-8")


def theme() -> gr.themes.Base:
    """System fonts (nothing downloaded) and button colours that pass contrast checks."""
    return gr.themes.Default(
        primary_hue="blue",
        neutral_hue="slate",
        font=["DejaVu Sans", "Verdana", "sans-serif"],
        font_mono=["DejaVu Sans Mono", "monospace"],
    ).set(
        button_primary_background_fill="#1e3a8a",
        button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff",
        button_primary_border_color="#1e3a8a",
        button_secondary_background_fill="#e2e8f0",
        button_secondary_background_fill_hover="#cbd5e1",
        button_secondary_text_color="#0f172a",
        body_text_color_subdued="#374151",
        block_label_text_color="#1f2937",
        block_info_text_color="#374151",
        link_text_color="#1e3a8a",
    )


def _nothing_to_rate(chat: Sequence[Mapping[str, Any]]) -> str:
    """Why there is no answer to rate: no question yet, a last question that failed, or a
    server that restarted since the answer on the page."""
    replies = [message for message in chat if message.get("role") == "assistant"]
    if not replies:
        return "Ask a question first, then rate its answer."
    if _is_error(replies[-1]):
        return "The last question got no answer, so there is nothing to rate."
    return "This answer can no longer be rated: the server restarted since it was given. Ask the question again to rate its answer."


# -- the app --------------------------------------------------------------------------------
# Run in the browser before a question is sent: empties the question box, passes its text on.
# Gradio reads the box some milliseconds after Enter, so a key typed at once would go with
# the question; the question sent is the box's text when Enter was pressed (PAGE_JS notes
# it), and what was typed after it stays in the box.
SEND_AND_CLEAR_JS = """(question, ...rest) => {
  const sent = window.askTheArticles?.takeQuestion() ?? question;
  window.askTheArticles?.sending(sent);
  window.askTheArticles?.lookingUp();
  const box = document.querySelector('#question textarea');
  if (box) {
    box.value = box.value.startsWith(sent) ? box.value.slice(sent.length) : '';
    box.dispatchEvent(new Event('input', {bubbles: true}));
  }
  return [sent, ...rest];
}"""
# An example's question is sent as it is: only "Looking it up …" is said.
LOOKING_UP_JS = "(...inputs) => { window.askTheArticles?.lookingUp(); return inputs; }"
# Run after a reply: shows it from its question, and puts a question that could not be asked
# back in the box unless something new was typed there. Each also keeps the conversation
# (``Chat.reply``'s record of it) in the tab's session storage, which hands it to
# ``Chat.restore`` when the page loads: a reload brings the conversation back.
CONVERSATION_KEY = json.dumps("askTheArticles.conversation")
_KEEP = f"try {{ sessionStorage.setItem({CONVERSATION_KEY}, JSON.stringify(conversation ?? [])); }} catch (ignored) {{}}"
KEEP_JS = f"(conversation) => {{ {_KEEP} }}"  # after a rating, which the record keeps
# The chat's Clear button: the conversation is forgotten, the reader is told so and typing goes on in the question box.
FORGET_JS = (
    f"() => {{ try {{ sessionStorage.removeItem({CONVERSATION_KEY}); }} catch (ignored) {{}} "
    "window.askTheArticles?.announce('Conversation cleared'); document.querySelector('#question textarea')?.focus(); }"
)
PUT_BACK_JS = f"(typed, retry, conversation) => {{ {_KEEP} window.askTheArticles?.replied(); return typed || retry; }}"
SHOW_LATEST_JS = f"(conversation) => {{ {_KEEP} window.askTheArticles?.replied(); }}"
NOT_SENT_JS = "() => { window.askTheArticles?.notSent(); }"  # the server could not be reached: the question goes back
# While a kept conversation is asked again, nothing new can be asked (a question sent then
# would be answered without it, and its record would replace the one being restored): the
# question box, the Ask button and the examples wait, and the box says why.
HELD_WHILE_RESTORING = json.dumps("#question textarea, #ask, #examples button")
RESTORE_JS = f"""() => {{
  let kept = [];
  try {{ kept = JSON.parse(sessionStorage.getItem({CONVERSATION_KEY}) || '[]'); }} catch (ignored) {{}}
  if (Array.isArray(kept) && kept.length) {{
    // held, and held again if the page redraws one of them enabled before the conversation is back
    const held = new MutationObserver((changes) => changes.forEach(({{ target }}) => {{ if (!target.disabled) target.disabled = true; }}));
    document.querySelectorAll({HELD_WHILE_RESTORING}).forEach((element) => {{
      element.disabled = true;
      held.observe(element, {{ attributes: true, attributeFilter: ['disabled'] }});
    }});
    window.askTheArticlesHeld = held;
    const box = document.querySelector('#question textarea');
    if (box) {{ box.dataset.placeholder = box.placeholder; box.placeholder = 'Bringing your conversation back …'; }}
    document.querySelector('#chat')?.setAttribute('aria-busy', 'true');
  }}
  return [kept];
}}"""
RESTORED_JS = f"""() => {{
  window.askTheArticlesHeld?.disconnect();
  document.querySelectorAll({HELD_WHILE_RESTORING}).forEach((element) => {{ element.disabled = false; }});
  const box = document.querySelector('#question textarea');
  if (box && box.dataset.placeholder !== undefined) {{ box.placeholder = box.dataset.placeholder; delete box.dataset.placeholder; }}
  document.querySelector('#chat')?.removeAttribute('aria-busy');
  window.askTheArticles?.showLatest();
}}"""
# Run once when the page loads: notes the question sent with Enter, makes the copy buttons work.
PAGE_JS = (STATIC / "page.js").read_text(encoding="utf-8")
COPY_CONVERSATION_JS = "() => { window.askTheArticles?.copyConversation(); }"


def ask_json(answerer: Answerer, question: str, k: int | None = None, history: list[str] | None = None) -> dict[str, Any]:
    """The JSON of ``rag ask --json`` for ``question`` with ``k`` passages (at most ``MAX_PASSAGES``;
    None: the settings' ``passages``); ``{"question", "error"}`` when it cannot be asked."""
    try:
        passages = None if k is None else min(check_passage_count(k), MAX_PASSAGES)
        return answerer.answer(question, history=history, k=passages).to_dict()
    except QuestionError as exc:
        return {"question": as_echoed(question) if isinstance(question, str) else question, "error": str(exc)}
    except RagError:
        log.exception("the library failed to answer %r", question)
        return {"question": question, "error": "the index could not answer this question; see the server log"}


def _user_message(question: str) -> dict[str, str]:
    return {"role": "user", "content": f'<p dir="auto">{html.escape(question)}</p>'}


def _bot_message(content: str) -> dict[str, str]:
    return {"role": "assistant", "content": content}


class Reply(NamedTuple):
    """What one question changes on the page (in the order of the event's outputs)."""

    chat: list
    sources: Any  # the panel's HTML, or gr.skip()
    status: str
    rated: Any  # what a rating saves: {"answer": the answer's JSON, "history": the questions before it}, None, or gr.skip()
    conversation: list[dict[str, Any]]  # the answered questions, oldest first: {"question", "k"} (see ``Chat.reply``)
    turns: list[tuple[str, str]]  # (question, its sources' HTML without whole articles) of the last answers, newest first
    retry: str  # a question that could not be asked, to put back in the empty question box
    feedback: Any  # the rating line under the chat: emptied by a new answer or a failed question
    articles: Any  # the line on the articles being re-indexed (ArticleWatch.note), or gr.skip()


class Chat:
    """Turns a question into chat messages and a sources panel, with one shared answerer."""

    def __init__(self, answerer: Answerer, watch: ArticleWatch | None = None) -> None:
        if watch is not None and watch.answerer is not answerer:
            raise ValueError("the watch must keep this answerer up to date: ArticleWatch(answerer, …)")
        self.watch = watch or ArticleWatch(answerer)

    @property
    def answerer(self) -> Answerer:
        """The answerer of the articles as last indexed (``ArticleWatch`` swaps in a new one)."""
        return self.watch.answerer

    def heading(self) -> str:
        """The page's title and what the chat does, with the files of its folder it does not search."""
        return (
            "<h1>Ask the articles</h1><p>Every answer is made only of exact quotes from the articles, "
            "each with its source. When the articles don't say, the chat says so.</p>" + skipped_note(self.watch.skipped, self.watch.folder or "")
        )

    def articles_now(self, heading: str | None = None, note: str | None = None) -> tuple[Any, Any]:
        """The page's heading (``Chat.heading``) and its note on the articles (``ArticleWatch.note``)
        as they are now, each ``gr.skip()`` when it is what the page shows already (``heading``,
        ``note``); sets the watch looking at the folder."""
        self.watch.look()
        heading_now, note_now = self.heading(), self.watch.note()
        return (gr.skip() if heading_now == heading else heading_now), (gr.skip() if note_now == note else note_now)

    def answered_turns(self, conversation: Any) -> list[dict[str, Any]]:
        """The well-formed entries of a conversation record, ``{"question": text, "k": passages}`` each.

        The record lives in the page (and in the tab's session storage, to survive a reload),
        so it is read as untrusted: anything that is not such an entry is left out, and a
        passage count that is not a number in the slider's range becomes the nearest one in
        it (the default when it is no number). An entry keeps the ``"rating"`` its answer was
        given, if it is one of ``RATINGS``."""
        turns = []
        for entry in conversation if isinstance(conversation, list) else []:
            if isinstance(entry, Mapping) and isinstance(entry.get("question"), str) and entry["question"].strip():
                k, rating = entry.get("k"), entry.get("rating")
                number = (isinstance(k, int) and not isinstance(k, bool)) or (isinstance(k, float) and math.isfinite(k))
                turn = {"question": entry["question"], "k": min(max(int(k), 1), MAX_PASSAGES) if number and k is not None else self.answerer.settings.passages}
                turns.append(turn | ({"rating": rating} if isinstance(rating, str) and rating in RATINGS else {}))
        return turns

    def reply(self, question: str, k: float, chat: list | None, conversation: Any, turns: list[tuple[str, str]], *, look: bool = True) -> Reply:
        """Answer ``question`` after the earlier questions of ``conversation``; errors become friendly chat messages.

        ``conversation`` is the page's record of the answered questions (``Chat.answered_turns``),
        kept by the page rather than the server, so a follow-up is read with the right
        questions even after the server restarted. It first looks at the articles' folder
        (``ArticleWatch.look``), unless ``look`` is False (``restore`` looks once for all its questions)."""
        chat = list(chat or [])
        conversation = self.answered_turns(conversation)
        if not (question or "").strip():
            return Reply(chat, gr.skip(), "Type a question first, then press Enter.", gr.skip(), conversation, turns, "", gr.skip(), gr.skip())
        history = [entry["question"] for entry in conversation]
        chat.append(_user_message(question))
        turn = len(chat)
        started, before = time.perf_counter(), self.answerer
        if look:
            self.watch.look(wait=self.watch.FRESH_WAIT_SECONDS)  # a small change is answered from at once
        answerer = self.answerer  # one index for the whole reply, though a re-index may swap in another meanwhile
        stale = self.watch.reindexing  # this answer comes from the articles as they were before the change
        waited, reindexed = time.perf_counter() - started, stale or answerer is not before
        documents = answerer.index.documents
        try:
            answer = answerer.answer(question, history=history, k=int(k))
        except QuestionError as exc:
            if len(question) > SHOWN_REFUSED_CHARS:  # shown cut in the chat; it goes back whole to the box
                chat[-1] = _user_message(excerpt(question, SHOWN_REFUSED_CHARS))
            return self._failed(chat, conversation, turns, question, f"I cannot look that up: {exc}.")
        except RagError:
            log.exception("the library failed to answer %r", question)
            return self._failed(chat, conversation, turns, question, f"The article index could not answer this. {GENERIC_ERROR}")
        except Exception:
            log.exception("unexpected error answering %r", question)
            return self._failed(chat, conversation, turns, question, GENERIC_ERROR)
        sources = sources_of(answer, documents)
        chat.append(_bot_message(answer_message(answer, sources, turn, reindexing=stale)))
        panel = sources_panel(turn_sources(answer, sources, turn, documents), turns, len(history))
        # tells the "why?"s apart, and names what a question was read as (a name-only follow-up, typos, markup)
        how = f"after {quoted_question(answer.read_with[0], 80)}" if answer.read_with else answer.read_as and f"read as {quoted_question(answer.read_as, 80)}"
        asked = answer.question + (f" ({how})" if how else "")
        turns = [(asked, turn_sources(answer, sources, turn, documents, whole_articles=False)), *turns][: EARLIER_ANSWERS_KEPT + 1]
        rated = {"answer": answer.to_dict(), "history": history}
        kept = [*conversation, {"question": answer.question, "k": int(k)}][-KEPT_QUESTIONS:]
        return Reply(chat, panel, status_line(answer, waited, reindexed=reindexed), rated, kept, turns, "", "", self.watch.note())

    def restore(self, conversation: Any) -> Reply:
        """The page of a conversation asked again, as after a reload: each answered question of
        ``conversation`` (its newest ``RESTORED_QUESTIONS``) answered anew, in order, from the
        articles as they are now. Nothing changes when there is nothing to restore."""
        answered_before = self.answered_turns(conversation)
        kept = answered_before[-RESTORED_QUESTIONS:]
        if not kept:
            return Reply(*(gr.skip(),) * len(Reply._fields))
        reply = Reply([], gr.skip(), "", None, [], [], "", "", gr.skip())
        self.watch.look(wait=self.watch.FRESH_WAIT_SECONDS)  # once for them all
        for entry in kept:
            reply = self.reply(entry["question"], entry["k"], reply.chat, reply.conversation, reply.turns, look=False)
        answered = len(reply.conversation)
        status = f"Your conversation is back: {answered} question{'s' * (answered != 1)} answered again from the articles"
        status += f"; {len(kept) - answered} could not be asked again" if answered < len(kept) else ""
        status += f" (a reload keeps the last {RESTORED_QUESTIONS} questions)." if len(answered_before) > RESTORED_QUESTIONS else "."
        rating = kept[-1].get("rating") if reply.rated else None  # a rating is given once, reload or not
        if rating:
            reply = reply._replace(rated={**reply.rated, "rating": rating}, conversation=with_last_rated(reply.conversation, rating))
        return reply._replace(status=status, retry="", feedback="")

    def _failed(self, chat: list, conversation: list[dict[str, Any]], turns: list[tuple[str, str]], question: str, message: str) -> Reply:
        """The chat with ``message`` as the reply; the sources panel stays as it was, and there is no answer to rate."""
        chat.append(_bot_message(f"{ERROR_OPENING}{html.escape(message)}</p>"))
        return Reply(chat, gr.skip(), "", None, conversation, turns, question, "", self.watch.note())


def with_last_rated(conversation: list[dict[str, Any]], rating: str) -> list[dict[str, Any]]:
    """A conversation record (``Chat.answered_turns``) whose last answer was given ``rating``:
    the record keeps it, so a reload does not make that answer ratable again."""
    return [*conversation[:-1], {**conversation[-1], "rating": rating}]


def _message_text(message: Mapping[str, Any]) -> str:
    """The text of a chat message as Gradio hands it back: a string or a list of typed blocks."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "".join(block.get("text", "") for block in content or [] if isinstance(block, Mapping))


def _is_error(message: Mapping[str, Any]) -> bool:
    """Whether a chat reply is an error message (``Chat._failed``), not an answer."""
    return _message_text(message).startswith(ERROR_OPENING)


def _in_folder(path: Path, folder: Path) -> str:
    """``path`` as a path inside ``folder`` (science/bad.txt), whether the build named it from
    the folder's absolute path or a relative one; its bare name when it is not inside."""
    for candidate in (path, path.resolve()):
        if candidate.is_relative_to(folder):
            return str(candidate.relative_to(folder))
    return path.name


def skipped_note(skipped: Sequence[tuple[str, str]], folder: StrPath) -> str:
    """A list naming the files of ``folder`` that are not searched (not UTF-8, empty, a copy …),
    each a (path, why) pair as ``load_corpus`` gives them; "" when there are none."""
    if not skipped:
        return ""
    items = "".join(f"<li>{html.escape(_in_folder(Path(path), Path(folder)))}: {html.escape(why)}</li>" for path, why in skipped[:5])
    more = f"<li>and {len(skipped) - 5} more (the server's log names them)</li>" if len(skipped) > 5 else ""
    return f'<div class="skipped"><p>Not searched: {counted(len(skipped), "file")} of the folder:</p><ul>{items}{more}</ul></div>'


def build_app(
    answerer: Answerer,
    *,
    corpus_dir: StrPath | None = None,
    feedback_path: str | Path = DEFAULT_FEEDBACK,
    examples: Sequence[str] = (),
    concurrency: int = 4,
) -> gr.Blocks:
    """The chat page and the ``/ask`` API over one shared ``answerer`` (re-indexed when its articles change, see ``ArticleWatch``).

    Launch it with ``theme=theme(), css=CSS`` (see ``main``).
    """
    chat_replies = Chat(answerer, ArticleWatch(answerer, corpus_dir))
    feedback = FeedbackLog(feedback_path)

    def rate(rating: str, last_answer: dict | None, chat: list | None, conversation: list | None) -> tuple[str, Any, Any]:
        """Save one rating of the last answer (once: a second click says it is saved already, and
        the page's conversation record keeps it, so a reload does not make it ratable again)."""
        if not last_answer:
            return _nothing_to_rate(chat or []), gr.skip(), gr.skip()
        if last_answer.get("rating"):
            return f"This answer is saved as “{RATINGS[last_answer['rating']]}” already; ask another question to rate its answer.", gr.skip(), gr.skip()
        try:
            feedback.record(rating, last_answer["answer"], last_answer["history"])
        except OSError:
            log.exception("could not save a rating to the feedback file %s", feedback.path)
            return "Sorry, your rating could not be saved: the server cannot write its feedback file. Please tell whoever runs this server.", gr.skip(), gr.skip()
        turns = chat_replies.answered_turns(conversation)
        recorded = with_last_rated(turns, rating) if turns else gr.skip()
        return f"Thank you: the last answer was saved as “{RATINGS[rating]}”.", {**last_answer, "rating": rating}, recorded

    with gr.Blocks(title="Ask the articles", analytics_enabled=False) as demo:
        heading = gr.HTML(chat_replies.heading())
        conversation = gr.JSON([], visible=False)  # the answered questions, kept by the page (Chat.reply)
        turns = gr.State([])
        last_answer = gr.State(None)
        with gr.Row():
            with gr.Column(scale=3):
                # A heading to jump to, for screen readers only: the chat's own label shows the word (page.css).
                gr.HTML('<h2 id="conversation-heading">Conversation</h2>', elem_id="chat-heading")
                copy_conversation = gr.Button("Copy conversation")  # shown in the chat's toolbar
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=460,
                    autoscroll=False,  # a new reply is shown from its question (SHOW_LATEST_JS), not from its end
                    render_markdown=False,
                    sanitize_html=True,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=[copy_conversation],  # not Gradio's "copy"/"copy_all": they copy the HTML source
                    elem_id="chat",
                )
                with gr.Row():
                    question = gr.Textbox(
                        label="Your question",
                        placeholder="Ask about the articles and press Enter",
                        lines=1,
                        scale=5,
                        elem_id="question",
                    )
                    ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                # The question's length once near the limit, the question box's description (page.js, page.css)
                gr.HTML(f'<p id="question-length" data-limit="{MAX_QUESTION_CHARS}"></p>', elem_id="question-count")
                status = gr.Markdown("", elem_id="status")
                articles_note = gr.Markdown("", elem_id="articles-note")  # ArticleWatch.note: re-indexing, or why not
                with gr.Column(elem_id="rating"):  # shown once the chat holds an answer (page.css)
                    gr.Markdown("**Was the last answer right?** Your rating is saved to help improve the answers.")
                    with gr.Row(elem_id="feedback"):
                        rating_buttons = {key: gr.Button(label, size="sm") for key, label in RATINGS.items()}
                    feedback_status = gr.Markdown("", elem_id="feedback-status")
                k = gr.Slider(1, MAX_PASSAGES, value=answerer.settings.passages, step=1, label="Passages to retrieve", elem_id="k",
                              info="How many related passages to list when the articles don't answer (the API returns them with every answer). An answer's quotes come from the best passages whatever this is.")
                example_buttons = []
                if examples:
                    gr.Markdown("**Example questions** (click to ask)")
                    with gr.Row(elem_id="examples"):
                        example_buttons = [gr.Button(text, size="sm") for text in examples]
            with gr.Column(scale=2):
                sources = gr.HTML(EMPTY_SOURCES, elem_id="sources", js_on_load=None)

        retry = gr.Textbox(visible=False)
        outputs = [chatbot, sources, status, last_answer, conversation, turns, retry, feedback_status, articles_note]
        # While a question is answered, the progress shows on the answer's own places, not on the
        # articles' note or the rating line, which it would cover with a "0.0s" timer.
        common: dict[str, Any] = {"outputs": outputs, "api_visibility": "private", "concurrency_id": "answer", "show_progress_on": [chatbot, sources, status]}
        # The question box empties the moment a question is sent (in the browser, with the
        # question it held passed on), so whatever is typed while it is answered is kept;
        # a question that cannot be asked, or that never reached the server, comes back to the box
        # if it is still empty.
        for event in (question.submit, ask.click):
            sent = event(chat_replies.reply, [question, k, chatbot, conversation, turns], js=SEND_AND_CLEAR_JS, **common)
            sent.success(None, [question, retry, conversation], [question], js=PUT_BACK_JS, api_visibility="private")
            sent.failure(None, js=NOT_SENT_JS, api_visibility="private")
        for button in example_buttons:
            button.click(chat_replies.reply, [button, k, chatbot, conversation, turns], js=LOOKING_UP_JS, **common).success(
                None, [conversation], js=SHOW_LATEST_JS, api_visibility="private"
            )
        copy_conversation.click(None, js=COPY_CONVERSATION_JS, api_visibility="private")
        chatbot.clear(
            lambda: ([], [], None, EMPTY_SOURCES, "", ""),
            None,
            [conversation, turns, last_answer, sources, status, feedback_status],
            js=FORGET_JS,
            api_visibility="private",
        )
        def restore(kept: Any) -> tuple:
            """``Chat.restore``, and the passages slider as the last question had it."""
            reply = chat_replies.restore(kept)
            last = reply.conversation[-1]["k"] if isinstance(reply.conversation, list) and reply.conversation else gr.skip()
            return (*reply, last)

        # The files left out and the re-indexing, as they are now: at a page load, then every few
        # seconds (off the queue, so that it never waits behind answers).
        articles: dict[str, Any] = {"fn": chat_replies.articles_now, "inputs": [heading, articles_note], "outputs": [heading, articles_note], "api_visibility": "private"}
        demo.load(**articles, show_progress="hidden")
        gr.Timer(ARTICLES_CHECK_SECONDS).tick(**articles, queue=False)
        # No progress shown: Gradio would dim every output to 0.2 opacity until the server answers, an
        # unreadable page on a busy server; the question box says when a conversation is coming back.
        demo.load(restore, [conversation], [*outputs, k], js=RESTORE_JS, api_visibility="private", concurrency_id="answer", show_progress="hidden").then(
            None, js=RESTORED_JS, api_visibility="private"
        )
        for key, button in rating_buttons.items():
            button.click(
                lambda answer, chat, kept, key=key: rate(key, answer, chat, kept),
                [last_answer, chatbot, conversation],
                [feedback_status, last_answer, conversation],
                api_visibility="private",
            ).then(None, [conversation], js=KEEP_JS, api_visibility="private")

        def ask_api(question: str, k: int | None = None, history: list[str] | None = None) -> dict:
            """Answer ``question`` with exact quotes; returns the JSON of ``rag ask --json``."""
            chat_replies.watch.look(wait=chat_replies.watch.FRESH_WAIT_SECONDS)  # an API call, too, is answered from changed articles
            return ask_json(chat_replies.answerer, question, k, history)

        gr.api(ask_api, api_name="ask", concurrency_id="answer")
    demo.queue(default_concurrency_limit=concurrency, max_size=256)
    return demo


# -- the server -----------------------------------------------------------------------------
def read_auth(auth_file: str | None, env_value: str | None) -> list[tuple[str, str]]:
    """``user:password`` pairs from ``--auth-file`` (one a line, ``#`` comments) and ``RAG_AUTH``."""
    try:
        lines = Path(auth_file).read_text(encoding="utf-8").splitlines() if auth_file else []
    except OSError as exc:
        raise SystemExit(f"app.py: error: cannot read the auth file {auth_file}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise SystemExit(f"app.py: error: cannot read the auth file {auth_file}: it is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    lines += [env_value] if env_value else []
    pairs = []
    for line in (raw.strip() for raw in lines):
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user or not password:
            raise SystemExit("app.py: error: credentials must be written user:password")
        pairs.append((user, password))
    return pairs


def load_answerer(index_dir: str, corpus_dir: str, settings: AnswerSettings | None = None) -> Answerer:
    """The answerer over ``index_dir``, building it from ``corpus_dir`` first if missing or out of
    date, answering with ``settings`` (default: the shipped ones).

    One question is answered before returning: it fills the index's lazy caches, so the
    first visitor does not wait for them.
    """
    try:
        answerer = Answerer.load(index_dir, corpus_dir=corpus_dir, settings=settings)
        for path, why in answerer.index.manifest.get("skipped", []):  # as the build that made the index said
            log.warning("not in the index: %s: %s", path, why)
    except (IndexMissingError, IndexMismatchError) as exc:
        log.warning("%s", exc)  # what is missing or changed (and what the rag command would advise)
        log.warning("so the chat builds the index in %s from %s, as --index and --corpus ask …", index_dir, corpus_dir)
        with warnings.catch_warnings():  # the summary names the skipped files: not twice
            warnings.simplefilter("ignore", SkippedFileWarning)
            log.info(build_index(corpus_dir, index_dir, progress=False).summary())
        answerer = Answerer.load(index_dir, corpus_dir=corpus_dir, settings=settings)
    answerer.answer("What do the articles say?")
    return answerer


def _why(exc: OSError, path: Path) -> str:
    """Why ``path`` could not be written, in words: a folder on its way that is a file, else the OS's reason."""
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder"
    return f"{exc.strerror} ({exc.filename})" if exc.strerror and exc.filename else str(exc)


def port_taken(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host``:``port``, with what to do (another program listens there, say), or None."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: a closing connection is no obstacle
        try:
            probe.bind((host, port))
        except OSError as exc:
            return "the port is in use; pass another --port" if exc.errno == errno.EADDRINUSE else f"{exc.strerror or exc}; check --host"
    return None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options of the web server."""
    parser = argparse.ArgumentParser(description="Serve the chat over the articles (answers made only of exact quotes).")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every network)")
    parser.add_argument("--port", type=whole_number_from(1, 65535), default=7860, help="port (default: 7860)")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of .txt/.md articles (default: %(default)s)")
    parser.add_argument("--index", default=DEFAULT_INDEX, help="index folder, built from --corpus if missing or stale (default: %(default)s)")
    parser.add_argument("--settings", help=SETTINGS_HELP)
    parser.add_argument("--feedback-file", default=str(DEFAULT_FEEDBACK), help=f"JSONL file that answer ratings are appended to (default: {DEFAULT_FEEDBACK})")
    parser.add_argument("--auth-file", help="require a login: file of user:password lines (or set RAG_AUTH=user:password)")
    parser.add_argument("--root-path", default=None, help="URL prefix when served behind a reverse proxy, e.g. /rag")
    parser.add_argument("--concurrency", type=whole_number_from(1), default=4, help="questions answered at the same time; more wait in the queue (default: 4)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Load the index (building it if needed) and serve the chat until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    warnings.filterwarnings("ignore", category=SkippedFileWarning)  # every build's summary, logged, names the skipped files
    for handler in logging.getLogger().handlers:  # bm25s sets its own logger to DEBUG when imported ("Building index from tokens")
        handler.setLevel(logging.INFO)
    # faiss reports at INFO each SIMD build it does not ship ("Could not load library with AVX2
    # support"), although its one library dispatches to AVX2/AVX-512 itself; httpx logs every
    # request Gradio makes to itself. Neither is news to whoever reads the log.
    for chatty in ("faiss.loader", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    args = parse_args(argv)
    auth = read_auth(args.auth_file, os.environ.get("RAG_AUTH"))
    try:
        FeedbackLog(args.feedback_file).check_writable()
    except OSError as exc:
        raise SystemExit(f"app.py: error: cannot write the feedback file {args.feedback_file}: {_why(exc, Path(args.feedback_file))}") from exc
    busy = port_taken(args.host, args.port)
    if busy:
        raise SystemExit(f"app.py: error: cannot listen on {args.host}:{args.port}: {busy}")
    try:
        settings = AnswerSettings.load(args.settings) if args.settings else None
        corpus_folder(args.corpus)  # before any word of building an index from it
        answerer = load_answerer(args.index, args.corpus, settings)
    except RagError as exc:
        raise SystemExit(f"app.py: error: {exc}") from exc
    bundled = Path(args.corpus).resolve() == BUNDLED_CORPUS.resolve()
    demo = build_app(answerer, corpus_dir=args.corpus, feedback_path=args.feedback_file, examples=BUNDLED_EXAMPLES if bundled else (), concurrency=args.concurrency)
    del answerer  # the chat's watch holds it, and lets it go once it swaps in a re-indexed one
    demo.launch(
        server_name=args.host,
        server_port=args.port,
        share=False,
        inbrowser=False,
        ssr_mode=False,
        auth=auth or None,
        root_path=args.root_path,
        allowed_paths=[],
        max_file_size=0,
        footer_links=["api"],
        enable_monitoring=False,
        pwa=False,
        mcp_server=False,
        show_error=False,
        state_session_capacity=1000,  # API calls without a session keep state; bound it
        theme=theme(),
        css=CSS,
        js=PAGE_JS,
        quiet=True,  # Gradio would print its own URL line and advise share=True, which this server never offers
        prevent_thread_lock=True,
    )
    log.info("the chat is served on %s%s (Ctrl+C stops it)", demo.local_url, f" under {args.root_path} behind the proxy" if args.root_path else "")
    demo.block_thread()


if __name__ == "__main__":
    main()
