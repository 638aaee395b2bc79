"""The gold question set: reading it, checking it against the articles, splitting it.

The format is documented in ``eval/README.md``: one JSON object per line with the keys
``id, question, answerable, gold, must_contain, kind`` and, optionally, ``split``.
"""

from __future__ import annotations

import codecs
import hashlib
from collections import Counter
import json
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .errors import QuestionError, RagError
from .question import clean_question
from .types import Sentence

KINDS = ("factoid", "paraphrase", "multi-source", "numeric", "who-said-it", "request", "keywords", "yes-no", "unanswerable", "adversarial")
UNANSWERABLE_KINDS = frozenset({"unanswerable", "adversarial"})
KEYS = {"id": str, "question": str, "answerable": bool, "gold": list, "must_contain": list, "kind": str}
OPTIONAL_KEYS = {"split": str}
SPLITS = ("dev", "held-out")
_LINE_END = re.compile(r"\r\n?|\n")
_OTHER_ENCODINGS = (  # byte-order marks of the texts that are not UTF-8 (UTF-32 LE's starts with UTF-16 LE's, so first)
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
PROBLEMS_SHOWN = 20  # grounding problems listed in an error; the rest are counted


@dataclass(frozen=True)
class GoldQuote:
    """A verbatim span of an article that states a question's answer."""

    doc_id: str
    quote: str


@dataclass(frozen=True)
class GoldQuestion:
    """One line of the gold set."""

    id: str
    question: str
    answerable: bool
    gold: tuple[GoldQuote, ...]
    must_contain: tuple[str, ...]
    kind: str
    split: str | None = None  # "dev" or "held-out" when the line names its half
    line: int | None = field(default=None, compare=False)  # its line in the gold file, when read from one

    @property
    def gold_docs(self) -> frozenset[str]:
        """The articles that state the answer."""
        return frozenset(g.doc_id for g in self.gold)


class GoldFormatError(RagError):
    """A gold file that does not follow the documented format."""


class GoldMismatchError(RagError):
    """A gold set whose quotes or must_contain strings the indexed articles do not bear out."""


def question_key(question: str) -> str:
    """A short digest of a question's words, lower case and without punctuation: "Why X?" and
    "why x" have one key. A calibrated settings file records its dev questions' keys, so that a
    report can tell which questions of any gold file the threshold was tuned on."""
    words = " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", question).casefold()))  # as the answerer reads it
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def key_problems(row: object, keys: Mapping[str, type], optional: Mapping[str, type]) -> list[str]:
    """What is wrong with the keys of one JSON line: not an object, a key of ``keys`` missing,
    a key of neither ``keys`` nor ``optional``, or a value not of its key's type."""
    if not isinstance(row, dict):
        return ["not a JSON object"]
    problems = [f"missing key {key!r}" for key in keys if key not in row]
    problems += [f"unknown key {key!r}" for key in row if key not in keys and key not in optional]
    problems += [f"{key!r} must be {kind.__name__}" for key, kind in {**keys, **optional}.items() if key in row and not isinstance(row[key], kind)]
    return problems


def well_typed(row: dict, keys: Mapping[str, type], optional: Mapping[str, type]) -> dict:
    """The values of ``row`` whose key is known and of its type: what can be checked further on a
    line whose other keys are wrong, so that all its problems are listed at once."""
    kinds = {**keys, **optional}
    return {key: value for key, value in row.items() if key in kinds and isinstance(value, kinds[key])}


def value_problems(row: Mapping[str, object], allowed: Mapping[str, Sequence[str]]) -> list[str]:
    """Each value of ``row`` that is not one of those ``allowed`` for its key (keys ``row`` lacks are skipped)."""
    return [f"{key} {row[key]!r} is not one of {', '.join(values)}" for key, values in allowed.items() if key in row and row[key] not in values]


def _schema_problems(line: object) -> list[str]:
    """Every problem of one gold line: its keys, then what its well-typed values say."""
    problems = key_problems(line, KEYS, OPTIONAL_KEYS)
    if not isinstance(line, dict):
        return problems
    row = well_typed(line, KEYS, OPTIONAL_KEYS)
    problems += value_problems(row, {"split": SPLITS, "kind": KINDS})
    if "answerable" in row and row.get("kind") in KINDS and row["answerable"] == (row["kind"] in UNANSWERABLE_KINDS):
        problems.append(f"kind {row['kind']!r} contradicts answerable={row['answerable']}")
    if not all(isinstance(g, dict) and set(g) == {"doc_id", "quote"} and all(isinstance(v, str) and v for v in g.values()) for g in row.get("gold", [])):
        problems.append("every gold entry must be {\"doc_id\": str, \"quote\": str}, both non-empty")
    if not all(isinstance(s, str) and s.strip() for s in row.get("must_contain", [])):
        problems.append("must_contain must hold non-empty strings")
    if {"answerable", "gold", "must_contain"} <= row.keys():
        if row["answerable"] and not (row["gold"] and row["must_contain"]):
            problems.append("an answerable question needs gold quotes and must_contain strings")
        if not row["answerable"] and (row["gold"] or row["must_contain"]):
            problems.append("an unanswerable question must have empty gold and must_contain")
    if "question" in row:
        problems += _question_problems(row["question"])
    return problems


def _question_problems(question: str) -> list[str]:
    """Why the answerer would refuse ``question`` (``clean_question``: empty, no words, too long), if it would."""
    try:
        clean_question(question)
    except QuestionError as exc:
        return [str(exc)]
    return []


class _DuplicateKey(ValueError):
    """A JSON object that holds one key twice (``json`` would keep the last value silently)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """``object_pairs_hook`` for ``json.loads``: the object as a dict, or _DuplicateKey."""
    row: dict[str, object] = {}
    for key, value in pairs:
        if key in row:
            raise _DuplicateKey(key)
        row[key] = value
    return row


def parse_rows(
    lines: Iterable[str], problems_of: Callable[[object], list[str]], path: str | Path | None = None
) -> tuple[list[tuple[int, dict]], list[str]]:
    """The (line number, object) of each usable JSON line, and one error per problem of the
    others, each naming its line: JSON that does not parse (and the column), a key given twice
    in one object (and the key), what ``problems_of`` finds, an ``id`` an earlier line has (and
    that line). Blank lines are skipped. A file that is one JSON value spread over its lines
    (a JSON array, pretty-printed objects) is one error, saying how to convert the file
    (``path``, when the lines are read from one; see ``not_json_lines``)."""
    lines = list(lines)
    whole = not_json_lines(lines, path)
    if whole:
        return [], whole
    rows: list[tuple[int, dict]] = []
    errors: list[str] = []
    first_use: dict[str, int] = {}  # id -> the line that has it first
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}, column {exc.colno}: not valid JSON ({exc.msg})")
            continue
        except _DuplicateKey as exc:
            errors.append(f"line {number}: key {exc.key!r} appears twice in one JSON object")
            continue
        problems = problems_of(row)
        problems += _reused_id(row, number, first_use)
        if problems:
            errors += [f"line {number}: {p}" for p in problems]
            continue
        rows.append((number, row))
    return rows, errors


def _reused_id(row: object, number: int, first_use: dict[str, int]) -> list[str]:
    """"id … is already used on line …" when line ``number`` (``row``) has the id of an earlier line
    (``first_use``: id -> the line that has it first, to which it adds ``row``'s id when new)."""
    qid = row.get("id") if isinstance(row, dict) else None
    if not isinstance(qid, str):
        return []  # no id, or one of the wrong type: problems_of says so
    if qid in first_use:
        return [f"id {qid!r} is already used on line {first_use[qid]}"]
    first_use[qid] = number
    return []


def not_json_lines(lines: Sequence[str], path: str | Path | None = None) -> list[str]:
    """The one problem of lines that hold a single JSON value spread over them rather than one
    JSON object per line (JSON Lines): a JSON array, or objects pretty-printed over several lines
    (or one whose first line is a lone "[" or "{" that does not parse, followed by where parsing
    stopped, to fix before converting); [] for any other lines. It names the line the value
    starts on and the ``jq`` command that converts the file at ``path`` (a placeholder without one)."""
    text = "\n".join(lines)
    start = len(text) - len(text.lstrip())
    first = text.count("\n", 0, start) + 1
    if text[start:start + 1] not in ("[", "{"):
        return []
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        opening = lines[first - 1].strip()
        if _parses(opening) or not (opening == "{" or opening.startswith("[")):
            return []  # a line of its own, or one object on a line that does not parse: the lines say what is wrong
        problem = _array_problem(first, path) if opening.startswith("[") else _spread_problem(first, None, path)
        return [problem, f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]
    last = text.count("\n", 0, end) + 1
    if isinstance(value, list) and (last > first or not text[end:].strip()):
        return [_array_problem(first, path)]
    if isinstance(value, dict) and last > first:
        return [_spread_problem(first, last, path)]
    return []


def _parses(text: str) -> bool:
    """Whether ``text`` is JSON."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _array_problem(first: int, path: str | Path | None) -> str:
    """The problem of a file that is one JSON array, starting on line ``first``."""
    return (
        f"line {first}: the file is one JSON array, but the format is one JSON object per line (JSON Lines); "
        f"convert it with: jq -c '.[]' {_conversion(path)}"
    )


def _spread_problem(first: int, last: int | None, path: str | Path | None) -> str:
    """The problem of a JSON object pretty-printed over lines ``first`` to ``last`` (None: not known)."""
    lines = f"lines {first}–{last}" if last else "several lines"
    return (
        f"line {first}: a JSON object spread over {lines} (pretty-printed), but the format is one JSON object per line "
        f"(JSON Lines); convert the file with: jq -c . {_conversion(path)}"
    )


def _conversion(path: str | Path | None) -> str:
    """"FILE > NEW.jsonl" for the ``jq`` command that converts the file at ``path`` to JSON Lines:
    the path, quoted for a shell, and the path with the suffix ``.jsonl`` (``.lines.jsonl`` when it has
    that suffix already: a shell empties the file it writes to before ``jq`` reads it)."""
    if path is None:
        return "FILE > NEW.jsonl"
    path = Path(path)
    converted = path.with_suffix(".lines.jsonl" if path.suffix == ".jsonl" else ".jsonl")
    return f"{shlex.quote(str(path))} > {shlex.quote(str(converted))}"


def format_error(source: str, what: str, errors: Sequence[str]) -> GoldFormatError:
    """The error for a file whose lines do not follow ``what`` (a format and where it is
    documented): the first PROBLEMS_SHOWN ``errors``, one a line, then how many more."""
    return GoldFormatError(f"{source} does not follow {what}:\n  " + "\n  ".join(capped(errors)))


def parse_gold(lines: Iterable[str], source: str = "gold file", path: str | Path | None = None) -> list[GoldQuestion]:
    """Gold questions from JSON lines (of the file at ``path``, if read from one); raises
    GoldFormatError naming every bad line (the first PROBLEMS_SHOWN problems, see ``parse_rows``)."""
    rows, errors = parse_rows(lines, _schema_problems, path)
    if errors:
        raise format_error(source, "the gold format (eval/README.md)", errors)
    if not rows:
        raise GoldFormatError(f"{source} holds no questions")
    return [
        GoldQuestion(
            id=row["id"],
            question=row["question"],
            answerable=row["answerable"],
            gold=tuple(GoldQuote(g["doc_id"], g["quote"]) for g in row["gold"]),
            must_contain=tuple(row["must_contain"]),
            kind=row["kind"],
            split=row.get("split"),
            line=number,
        )
        for number, row in rows
    ]


def read_lines(path: str | Path, what: str = "the gold file") -> list[str]:
    """The lines of the UTF-8 file at ``path`` (``what`` it is, for errors), a leading byte-order
    mark dropped; GoldFormatError naming it when it cannot be read or is not UTF-8 (see ``utf8_text``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldFormatError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    text = utf8_text(data, f"{what} {path}")
    # Lines end at "\n", "\r\n" or "\r", which a JSON string never holds raw. Not str.splitlines:
    # it also cuts at U+0085, U+2028 and U+2029, which a JSON string may hold raw.
    return _LINE_END.split(text)


def utf8_text(data: bytes, named: str) -> str:
    """``data`` as UTF-8 text, a leading byte-order mark dropped (as in articles); else GoldFormatError
    saying what ``named`` (the file, in words) is: UTF-16 or UTF-32 text (by its byte-order mark),
    or text with NUL bytes (UTF-16 or UTF-32 without one), or where its first byte that is not
    UTF-8 lies (its line, its column and its offset in the file)."""
    for mark, encoding in _OTHER_ENCODINGS:
        if data.startswith(mark):
            raise GoldFormatError(f"{named} is {encoding} text, not UTF-8; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(exc.object)  # exc.start counts from after the byte-order mark
        raise GoldFormatError(
            f"{named} is not UTF-8 text (byte {data[offset]:#04x} on {_place(exc.object[:exc.start].decode('utf-8'))}, "
            f"at offset {offset}: {exc.reason}); save it as UTF-8"
        ) from exc
    if "\0" in text:  # never in JSON text; in every other byte of UTF-16 text
        nul = _place(text[:text.index("\0")])
        raise GoldFormatError(f"{named} holds NUL bytes (the first on {nul}), as UTF-16 text without a byte-order mark does; save it as UTF-8")
    return text


def _place(before: str) -> str:
    """"line L, column C" of the character after ``before`` (the text up to it), both from 1."""
    line = _LINE_END.split(before)
    return f"line {len(line)}, column {len(line[-1]) + 1}"


def load_gold(path: str | Path) -> list[GoldQuestion]:
    """Read and check the gold file at ``path``."""
    return parse_gold(read_lines(path), str(path), path)


def _where(question: GoldQuestion) -> str:
    """How a problem names its question: its line (when read from a file) and id."""
    return f"line {question.line} ({question.id})" if question.line else question.id


def matching_prefix(quote: str, text: str) -> int:
    """The length of the longest start of ``quote`` that occurs in ``text``."""
    low, high = 0, len(quote)
    while low < high:  # a start that occurs has every shorter start occurring too
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low


def _first_difference(quote: str, text: str) -> str:
    """Where ``quote`` stops matching ``text``: the character up to which it matches (the longest
    start of it found in the article) and what follows there in the quote and in the article."""
    matched = matching_prefix(quote, text)
    if not matched:
        return f"not even its first character is in the article ({quote[:40]!r})"
    at = text.find(quote[:matched]) + matched
    return (
        f"it matches the article up to character {matched} (…{quote[max(0, matched - 30):matched]!r}), "
        f"then the quote has {quote[matched:matched + 20]!r} where the article has {text[at:at + 20]!r}"
    )


def _found_in(quote: str, texts: Mapping[str, str]) -> str:
    """"; it is verbatim in …" naming the articles that hold ``quote``, or "" when none does."""
    holding = [doc_id for doc_id, text in texts.items() if quote in text]
    return f"; it is verbatim in {', '.join(holding)}" if holding else ""


def grounding_problems(questions: Iterable[GoldQuestion], texts: Mapping[str, str]) -> list[str]:
    """What in ``questions`` the articles ``texts`` (doc id -> text) do not bear out.

    Every gold quote must be an exact substring of its article, and every
    ``must_contain`` string must occur (case-insensitively) in one of the gold quotes.
    Each problem names the question's line (when read from a file) and id.
    """
    problems = []
    for q in questions:
        where = _where(q)
        for g in q.gold:
            if g.doc_id not in texts:
                problems.append(f"{where}: no article {g.doc_id!r}{_found_in(g.quote, texts)}")
            elif g.quote not in texts[g.doc_id]:
                detail = _found_in(g.quote, texts) or f": {_first_difference(g.quote, texts[g.doc_id])}"
                problems.append(f"{where}: quote not found verbatim in {g.doc_id}{detail}")
        quotes = [g.quote.casefold() for g in q.gold]
        problems += [f"{where}: must_contain {s!r} is in no gold quote" for s in q.must_contain if not any(s.casefold() in t for t in quotes)]
    return problems


def require_grounded(questions: Iterable[GoldQuestion], texts: Mapping[str, str]) -> None:
    """Raise GoldMismatchError listing ``grounding_problems`` (the first PROBLEMS_SHOWN, then how many more), if any;
    one line when none of the gold set's articles is among ``texts`` (an index of other articles)."""
    questions = list(questions)
    wanted = sorted({g.doc_id for q in questions for g in q.gold})
    if wanted and not set(wanted) & set(texts):
        raise GoldMismatchError(
            f"none of the gold set's articles ({', '.join(wanted[:3])}{', …' if len(wanted) > 3 else ''}) is in the index, "
            f"whose articles are {', '.join(sorted(texts)[:3])}{f', … ({len(texts)} in all)' if len(texts) > 3 else ''}: "
            "point --index at the index built from the gold set's articles"
        )
    problems = grounding_problems(questions, texts)
    if problems:
        raise GoldMismatchError("the gold set does not match the indexed articles:\n  " + "\n  ".join(capped(problems)))


def capped(problems: Sequence[str], shown: int = PROBLEMS_SHOWN) -> list[str]:
    """The first ``shown`` of ``problems``, then a line saying how many more there are."""
    more = [f"… and {len(problems) - shown} more"] if len(problems) > shown else []
    return [*problems[:shown], *more]


UNQUOTED_KINDS = {  # what a sentence the index marks not quotable is, in a gold-file author's words
    "heading": "an article's title or a heading",
    "question": "a question line (an FAQ's or a rhetorical question)",
    "boilerplate": "boilerplate (a credit, a caption, a footer)",
    "byline": "a byline (quoted only to a question of who wrote the article)",
    "fragment": "a fragment too short to quote",
    "markup": "markup (a rule or a fence)",
}


def unquotable_quotes(questions: Iterable[GoldQuestion], texts: Mapping[str, str], sentences: Sequence[Sentence]) -> list[str]:
    """The gold quotes no answer can hold: wherever a quote occurs in its article (``texts``),
    it overlaps only sentences the index (``sentences``) marks not quotable, such as an
    article's title, a heading or a question line, which answers never quote.

    Each names the question's line (when read from a file) and id, the article and what the
    quote is. Quotes not found verbatim are left to ``grounding_problems``.
    """
    by_doc: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_doc.setdefault(sentence.doc_id, []).append(sentence)
    problems = []
    for q in questions:
        for g in q.gold:
            spans = quote_spans(texts.get(g.doc_id, ""), g.quote)
            under = [s for s in by_doc.get(g.doc_id, []) for start, end in spans if s.start < end and start < s.end]
            if under and not any(s.quotable for s in under):
                what = " and ".join(dict.fromkeys(UNQUOTED_KINDS.get(s.kind, s.kind) for s in under))
                problems.append(
                    f"{_where(q)}: the quote in {g.doc_id} is {what}: answers never quote titles, headings or question lines, "
                    f"so none can hold it ({g.quote[:80]!r})"
                )
    return problems


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``quote`` occurs in ``text``."""
    spans, start = [], text.find(quote)
    while start >= 0 and quote:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def split_of(questions: Iterable[GoldQuestion]) -> dict[str, str]:
    """Question id -> "dev" or "held-out", deterministic and stratified by kind.

    A question whose line names its ``split`` stays in that half. The others, kind by kind
    (kinds in name order, questions by the sha256 of their id), each go to the half with
    fewer questions of their kind, on a tie to the half with fewer questions, then to dev.
    File order does not matter, both halves hold every kind of two or more questions, and
    adding a question moves no question that names its half. (A set without ``split`` keys
    is dealt as before the keys existed: alternately, one position running across kinds.)
    """
    split: dict[str, str] = {}
    unplaced: dict[str, list[str]] = {}
    of_kind: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    for q in questions:
        if q.split is None:
            unplaced.setdefault(q.kind, []).append(q.id)
        else:
            split[q.id] = q.split
            of_kind[q.kind, q.split] += 1
            total[q.split] += 1
    for kind in sorted(unplaced):
        for qid in sorted(unplaced[kind], key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest()):
            half = min(SPLITS, key=lambda h: (of_kind[kind, h], total[h], SPLITS.index(h)))
            split[qid] = half
            of_kind[kind, half] += 1
            total[half] += 1
    return split
