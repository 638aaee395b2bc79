"""Turning answers into the chat page's HTML and text: the chat message of an answer, with its
citation markers, and the sources panel that holds each cited passage, plus the status line.

Every piece of article or user text goes through ``html.escape``. A quote of a Markdown article
is shown as a reader of the rendered article reads it (``rag.documents.as_shown``: "**4% pay rise**"
as "4% pay rise"); the sources panel shows the article as written, the quote's span highlighted.
"""

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rag import Answer, Citation, Document
from rag.answer import dated_note, in_quotation_marks
from rag.documents import as_shown
from rag.markup import without_markup_spans

EXCERPT_CHARS = 160
ASK_AGAIN = "The articles changed and are being re-indexed: the answer may be in them. Ask again once the line about the articles, under the answer's status, says they are done."
EARLIER_ANSWERS_KEPT = 20  # the sources panel keeps this many earlier answers' sources (without whole articles)
RELATED_LABEL = "Related, does not answer"  # on each passage an abstention lists, in the sources panel
SHOWN_WAIT_SECONDS = 0.1  # a question that waited this long for a re-index says so on its status line


def marked(text: str, start: int, end: int, *, related: bool = False) -> str:
    """``text`` escaped, with ``text[start:end]`` wrapped in ``<mark>`` (``<mark class="related">``
    for an abstention's related passage, drawn unlike a quote's)."""
    opening = '<mark class="related">' if related else "<mark>"
    return f"{html.escape(text[:start])}{opening}{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` cut at a word boundary near ``limit`` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Source:
    """One numbered entry of the sources panel: a span of an article and the passage around it."""

    number: int
    document: Document
    start: int
    end: int
    context_start: int
    context_end: int
    also: tuple[Citation, ...] = ()


def _context(answer: Answer, document: Document, start: int, end: int) -> tuple[int, int]:
    """The retrieved passage that holds ``start:end``, else the paragraph around it."""
    for passage in answer.passages:
        if passage.doc_id == document.doc_id and passage.start <= start and end <= passage.end:
            return passage.start, passage.end
    paragraph_end = document.text.find("\n", end)
    return document.text.rfind("\n", 0, start) + 1, len(document.text) if paragraph_end < 0 else paragraph_end


def sources_of(answer: Answer, documents: Mapping[str, Document]) -> list[Source]:
    """The numbered sources of an answer: its quotes, or the related passages of an abstention."""
    spans: list[tuple[str, int, int, tuple[Citation, ...]]]
    if answer.abstained:
        spans = [(p.doc_id, p.start, p.end, ()) for p in answer.passages]
    else:
        spans = [(q.doc_id, q.start, q.end, q.corroborations) for q in answer.quotes]
    sources = []
    for number, (doc_id, start, end, also) in enumerate(spans, 1):
        document = documents[doc_id]
        sources.append(Source(number, document, start, end, *_context(answer, document, start, end), also=tuple(also)))
    return sources


def anchor(turn: int, number: int) -> str:
    """The element id of source ``number`` of the answer given at ``turn``."""
    return f"source-{turn}-{number}"


def _cite_link(turn: int, source: Source) -> str:
    # The title attribute hands the page its article's title and doc id, one a line (a title is one
    # line); Gradio's sanitizer drops aria-label and data-*. The page (static/page.js) names the
    # marker by the title alone and takes the attribute away: a tooltip would be read out again.
    doc = source.document
    return f'<a class="cite" href="#{anchor(turn, source.number)}" title="{html.escape(doc.title)}&#10;{html.escape(doc.doc_id)}">[{source.number}]</a>'


def answer_message(answer: Answer, sources: Sequence[Source], turn: int, *, reindexing: bool = False) -> str:
    """The chat message for an answer: quotes with citation markers, or the abstention and related passages.

    When the question had typos, the message starts with how it was read, and a follow-up's
    with the earlier questions it was read with. An abstention given while the articles are
    being re-indexed (``reindexing``) says to ask again after. It ends with a button that copies
    the message as plain text (see ``static/page.js``).
    """
    read_as = f'<p class="read-as">Read as: “{html.escape(answer.read_as)}”</p>' if answer.read_as else ""
    return read_as + _read_with(answer.read_with) + _answer_body(answer, sources, turn, reindexing) + copy_button(answer.question)


def _read_with(earlier: Sequence[str]) -> str:
    """The line that says which earlier questions a follow-up was read with (none: ""), each shortened
    and in quotation marks, a question asked twice in a row ("tell me more") once."""
    shown = [question for n, question in enumerate(earlier) if n == 0 or question != earlier[n - 1]]
    if not shown:
        return ""
    which = "the earlier question" if len(shown) == 1 else "the earlier questions"  # not always the last one ("why?" in between)
    return f'<p class="read-as">Read with {which}: {", then ".join(html.escape(quoted_question(q, 120)) for q in shown)}</p>'


def quoted_question(question: str, limit: int) -> str:
    """An earlier question as a reply names it: cut near ``limit`` characters, in quotation marks."""
    return in_quotation_marks(excerpt(question, limit))


COPY_NAME_CHARS = 60  # a Copy answer button is named by its question, cut near this many characters


def copy_button(question: str) -> str:
    """The button under an answer that copies it as plain text (static/page.js: Gradio's own copy
    buttons copy a message's HTML source). Its title hands the page the ``question`` shortened, and
    the page names the button by it ("Copy answer to: …"), so that a screen reader's list of
    controls tells the answers' buttons apart (Gradio's sanitizer drops aria-label)."""
    shortened = html.escape(excerpt(question, COPY_NAME_CHARS))
    return f'<div class="copy-row"><button type="button" class="copy-text" title="{shortened}">Copy answer</button></div>'


def _answer_body(answer: Answer, sources: Sequence[Source], turn: int, reindexing: bool) -> str:
    if answer.abstained:
        related = "".join(
            f'<li>{_cite_link(turn, s)} <span class="related-title">{html.escape(s.document.title)}: </span>'
            f"{html.escape(in_quotation_marks(excerpt(without_markup_spans(s.document.text, s.start, s.end))))}</li>"  # no editor's comment
            for s in sources
        )
        verdict = f'<p class="abstain">{html.escape(answer.answer)}</p>' + (f'<p class="ask-again">{ASK_AGAIN}</p>' if reindexing else "")
        return verdict + (f"<p>Related passages (they do not answer it):</p><ol class=\"related\">{related}</ol>" if related else "")
    quotes = "".join(  # each quote with the title of its article under it: a quote from another story shows as one
        f'<blockquote dir="auto">{html.escape(in_quotation_marks(as_shown(quote.text, source.document)))} {_cite_link(turn, source)}</blockquote>'
        f'<div class="quote-source" dir="auto">{html.escape(source.document.title + dated_note(quote))}</div>'
        for quote, source in zip(answer.quotes, sources)
    )
    return f'<div class="answer">{quotes}</div>'


def _source_html(source: Source, turn: int, documents: Mapping[str, Document], related: bool, whole_article: bool) -> str:
    doc = source.document
    passage = doc.text[source.context_start : source.context_end]
    relative = (source.start - source.context_start, source.end - source.context_start)
    also = "".join(
        f"<li>{html.escape(documents[c.doc_id].title)} <span class=\"doc-id\">{html.escape(c.doc_id)}</span>: {html.escape(in_quotation_marks(as_shown(c.text, documents[c.doc_id])))}</li>"
        for c in source.also
    )
    also_html = f'<div class="also"><p>Also said in:</p><ul>{also}</ul></div>' if also else ""
    passage_html = html.escape(passage) if related else marked(passage, *relative)
    label = f'<p class="related-label">{RELATED_LABEL}</p>' if related else ""  # in words, not only in its look
    return (
        f'<article class="source{" related" if related else ""}" id="{anchor(turn, source.number)}" tabindex="-1">'
        f'<h3>[{source.number}] {html.escape(doc.title)} <span class="doc-id">{html.escape(doc.doc_id)}</span></h3>'
        f'{label}<p class="passage">{passage_html}</p>{also_html}{_whole_article(source, related) if whole_article else ""}</article>'
    )


def _whole_article(source: Source, related: bool) -> str:
    doc = source.document
    return (
        f'<details><summary aria-label="Open the whole article: {html.escape(doc.title)}">Open the whole article</summary>'  # each named by its article
        f'<div class="article" tabindex="0" role="region" aria-label="Whole article [{source.number}]: {html.escape(doc.title)}">'
        f"{marked(doc.text, source.start, source.end, related=related)}</div></details>"
    )


def turn_sources(answer: Answer, sources: Sequence[Source], turn: int, documents: Mapping[str, Document], *, whole_articles: bool = True) -> str:
    """The sources of the answer given at ``turn``: each citation in its passage, and with
    ``whole_articles`` the whole article, the quote highlighted."""
    if answer.abstained:
        intro = "<h2>Related passages</h2><p>The articles do not answer the question; these passages came closest.</p>"
    else:
        intro = "<h2>Sources</h2><p>Each quote is highlighted inside the passage it comes from.</p>"
    body = "".join(_source_html(s, turn, documents, answer.abstained, whole_articles) for s in sources)
    return f'<section class="turn">{intro}{body}</section>'


def sources_panel(latest: str, earlier: Sequence[tuple[str, str]], answered_before: int) -> str:
    """The sources panel: the last answer's sources (``turn_sources``), then those of the
    ``earlier`` answers, ``(question, turn_sources(..., whole_articles=False))`` newest first,
    folded, so that every citation marker in the chat has its source on the page. When the
    chat holds more earlier answers (``answered_before``) than are shown (more than
    ``EARLIER_ANSWERS_KEPT``, or given before the server restarted), it says so."""
    shown = earlier[:EARLIER_ANSWERS_KEPT]
    folded = "".join(
        f'<details class="earlier"><summary>Sources for an earlier question: <q><bdi>{html.escape(excerpt(question))}</bdi></q></summary>{turn}</details>'
        for question, turn in shown
    )
    gone = "<p class=\"gone\">The sources of older answers are no longer kept.</p>" if answered_before > len(shown) else ""
    return f'<section class="sources" aria-label="Sources of the answers">{latest}{folded}{gone}</section>'


EMPTY_SOURCES = '<section class="sources" aria-label="Sources of the answers"><h2>Sources</h2><p>Ask a question: the passages behind the answer appear here.</p></section>'


def status_line(answer: Answer, waited: float = 0.0, *, reindexed: bool = False) -> str:
    """How long the answer took, with the ``waited`` seconds it first waited for a look at the
    articles (said when it waited for their re-index, ``reindexed``), and what it is made of."""
    seconds = answer.timings_ms.get("total", 0.0) / 1000 + waited
    took = f"{seconds:.2f} s" + (f", {waited:.2f} s of it waiting for the articles' re-index" if reindexed and waited >= SHOWN_WAIT_SECONDS else "")
    if answer.abstained:
        return f"No answer in the articles · {took}"
    quoted = {q.doc_id for q in answer.quotes}
    also = {d for q in answer.quotes for d in q.also_in} - quoted  # articles that only say the same ("Also said in")
    quotes = len(answer.quotes)
    made_of = f"{quotes} quote{'s' * (quotes != 1)} from {len(quoted)} article{'s' * (len(quoted) != 1)}"
    return f"Answered in {took} · {made_of}" + (f", also said in {len(also)} more" if also else "")
