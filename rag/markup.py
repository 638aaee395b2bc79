"""Markup in an article that is never prose: front matter, fenced code, HTML comments and
``<script>`` and ``<style>`` elements (tags around prose are trimmed by ``rag.text``).

Found in time linear in the text (an opener that never closes is not searched for again),
so a hostile file cannot stall a build. Sentences mostly inside markup are never quoted
(``rag.text.split_sentences`` gives them the kind "markup").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# YAML ("---") or TOML ("+++") front matter: at the very start, opening on a "key: value" line.
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(?=[ \t]*[A-Za-z_][\w-]*[ \t]*[:=]).*?^(?:\1|\.\.\.)[ \t]*$", re.S | re.M)
# An HTML tag: "<p>", "</b>", "<img src='x.png' />", attributes as HTML writes them, on one
# line (not "a < b", "<3", nor "<half of last year's pace ... >2").
HTML_TAG = re.compile(
    r"</?(?P<name>[A-Za-z][A-Za-z0-9:-]*)"
    r"""(?:[ \t]+[A-Za-z_:][\w:.-]*(?:[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>=`][^\s<>]*))?)*[ \t]*/?>"""
)
# Tags that may open or close a quote's text: inline ones ("<a href=…>Reuters</a> said …") stay.
INLINE_TAGS = frozenset("a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var".split())
# Tags that end one block of text and start another: "<h1>Zoo opens</h1><p>The zoo …" (not "<br>", "<img>", "<del>").
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 head header "
    "hr html li main nav ol p pre section table tbody td tfoot th thead title tr ul".split()
)
_NOT_PROSE_ELEMENTS = ("script", "style")
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.M)


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code: from an opening fence line to the next fence line of the same
    character, at least as long and with nothing after it (CommonMark); an unclosed fence is no
    code, nor are bare fences around prose (a plain-text story's "~~~" scene breaks)."""
    fences = [(m.start(), m.end(), m.group("fence"), not m.group("info").strip()) for m in _FENCE_LINE.finditer(text)]
    spans = []
    unclosed: dict[str, int] = {}  # fence character -> shortest opener length known to find no closer
    i = 0
    while i < len(fences):
        start, _, fence, _ = fences[i]
        char, length = fence[0], len(fence)
        if unclosed.get(char, length + 1) <= length:  # a shorter one found no closer after it: neither will this
            i += 1
            continue
        closer = next((j for j in range(i + 1, len(fences)) if fences[j][2][0] == char and len(fences[j][2]) >= length and fences[j][3]), None)
        if closer is None:
            unclosed[char] = min(length, unclosed.get(char, length))
            i += 1
            continue
        if fences[i][3] and _reads_as_prose(text[fences[i][1] : fences[closer][0]]):  # "~~~" scene breaks around a story's part
            i = closer  # which may open the next part
            continue
        spans.append((start, fences[closer][1]))
        i = closer + 1
    return spans


_CODE_SYMBOLS = re.compile(r"[{}()\[\]<>=;$\\|`_#*]")
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)]*(?:\s|$)")


def _reads_as_prose(body: str) -> bool:
    """Whether the text between two bare fences is prose, not code: some words, a sentence end,
    and hardly any of the symbols code is full of (at most one in a hundred characters)."""
    return len(body.split()) >= 8 and _SENTENCE_END.search(body) is not None and 100 * len(_CODE_SYMBOLS.findall(body)) <= len(body)


def without_markup_spans(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with each markup span of ``text`` (front matter, fenced code, an HTML
    comment, a script or style element) left out, a space in its place: the prose whose words
    are the article's (a span cut by ``start`` or ``end`` is left out too)."""
    end = len(text) if end is None else end
    pieces, at = [], start
    for span_start, span_end in Markup(text).spans:
        if span_end > at and span_start < end:
            pieces.append(text[at:max(at, span_start)])
            at = span_end
    return " ".join([*pieces, text[at:end]] if at < end else pieces)


_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")  # [text](url) -> text; ![alt](src) -> alt
CODE_SPAN = re.compile(r"(`+)(.+?)\1")  # `<div>`: its text as written, tags and marks in it too, a tag written about
# "**Headline**", "*Nimbo's office in Lisbon.*": a text all in one emphasis (fullmatch it on the stripped text)
EMPHASISED = re.compile(r"(?P<mark>\*{1,3}|_{1,3})(?P<inner>[^*_\n]+)(?P=mark)")
# **bold**, *it*, _it_, ***both*** -> their words; not "2*3*4", snake_case's underscores nor an escaped "\*"
_EMPHASIS = re.compile(r"(?<![\w*_`\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s\\*_])\1(?![\w*_`])")  # not "___" (a blank)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")  # "\*" is a "*"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def as_read(text: str) -> str:
    """``text`` as a reader of the rendered article reads it: without HTML tags and comments,
    Markdown's emphasis and code marks and escapes, the targets of its links and the block-quote
    markers opening its lines ("> — Maria Lopez" -> "— Maria Lopez"); a code span's text as
    written ("`<div>`" -> "<div>"); its spaces and line breaks stay."""
    if not any(mark in text for mark in "<[*_`>\\"):
        return text
    pieces, at = [], 0
    for code in CODE_SPAN.finditer(text):
        pieces += [_prose_as_read(text[at : code.start()]), code.group(2)]
        at = code.end()
    return _BLOCK_QUOTE_MARKERS.sub("", "".join([*pieces, _prose_as_read(text[at:])]))


def _prose_as_read(text: str) -> str:
    """``as_read`` of text outside code spans."""
    text = _MARKDOWN_LINK.sub(r"\1", HTML_TAG.sub("", _COMMENT.sub("", text)))
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub(r"\2", text))


def _closed_spans(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans from each match of the ``opening`` pattern to the next match of the ``closing``
    pattern after it (both case-insensitive, matched on the text itself so that offsets hold
    even where lower-casing would change a length, as "İ" does); an unclosed one is not
    markup, and none after it can close."""
    opener, closer = re.compile(opening, re.I), re.compile(closing, re.I)
    spans = []
    start = opener.search(text)
    while start is not None:
        end = closer.search(text, start.end())
        if end is None:
            break
        spans.append((start.start(), end.end()))
        start = opener.search(text, end.end())
    return spans


def _html_comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- … -->``."""
    return _closed_spans(text, "<!--", "-->")


def _html_code(text: str) -> list[tuple[int, int]]:
    """Spans of whole ``<script>``/``<style>`` elements, whose text is code (an end tag may
    have spaces before its ``>``, as HTML allows: ``</script >``)."""
    spans: list[tuple[int, int]] = []
    for element in _NOT_PROSE_ELEMENTS:
        spans += [(s, e) for s, e in _closed_spans(text, rf"<{element}(?![\w:.-])", rf"</{element}\s*>") if HTML_TAG.match(text, s)]
    return spans


class Markup:
    """The markup spans of one text, merged and in order, and how much of a span they cover."""

    def __init__(self, text: str) -> None:
        front = FRONT_MATTER.match(text)
        merged: list[tuple[int, int]] = []
        for start, end in sorted([*([front.span()] if front else []), *_fenced_code(text), *_html_comments(text), *_html_code(text)]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``start:end`` shrunk past the markup spans that it only begins or ends inside: the
        splitter reads the "!" of "<!-- note --> The council met." as a sentence's end, leaving
        "-- note --> The council met." to the next sentence."""
        first = bisect_right(self._ends, start)
        if first < len(self.spans) and self._starts[first] <= start:
            start = min(end, self._ends[first])
        last = bisect_left(self._starts, end) - 1
        if last >= 0 and self._ends[last] >= end > self._starts[last]:
            end = max(start, self._starts[last])
        return start, end

    def covers_most_of(self, start: int, end: int) -> bool:
        """Whether more than half of ``start:end`` lies in markup (a sentence that only holds a
        short comment, "… <!-- editor: check --> …", stays prose)."""
        first, last = bisect_right(self._ends, start), bisect_left(self._starts, end)
        inside = sum(min(end, e) - max(start, s) for s, e in self.spans[first:last])
        return 2 * inside > end - start
