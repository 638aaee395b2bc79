"""Markup in an article that is never prose: front matter, fenced code, HTML comments.

Found in time linear in the text (an opener that never closes is not searched for again),
so a hostile file cannot stall a build. Sentences mostly inside markup are never quoted
(``rag.text.split_sentences`` gives them the kind "markup").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# YAML ("---") or TOML ("+++") front matter: at the very start, opening on a "key: value" line.
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(?=[ \t]*[A-Za-z_][\w-]*[ \t]*[:=]).*?^(?:\1|\.\.\.)[ \t]*$", re.S | re.M)
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.M)


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code: from an opening fence line to the next fence line of the same
    character, at least as long and with nothing after it (CommonMark); an unclosed fence is no code."""
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
        spans.append((start, fences[closer][1]))
        i = closer + 1
    return spans


def _html_comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- … -->``; an unclosed one is no comment (and none after it can close)."""
    spans = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


class Markup:
    """The markup spans of one text, merged and in order, and how much of a span they cover."""

    def __init__(self, text: str) -> None:
        front = FRONT_MATTER.match(text)
        merged: list[tuple[int, int]] = []
        for start, end in sorted([*([front.span()] if front else []), *_fenced_code(text), *_html_comments(text)]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def covers_most_of(self, start: int, end: int) -> bool:
        """Whether more than half of ``start:end`` lies in markup (a sentence that only holds a
        short comment, "… <!-- editor: check --> …", stays prose)."""
        first, last = bisect_right(self._ends, start), bisect_left(self._starts, end)
        inside = sum(min(end, e) - max(start, s) for s, e in self.spans[first:last])
        return 2 * inside > end - start
