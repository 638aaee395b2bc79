"""Plain data classes passed between the pipeline's steps.

Every ``start``/``end`` pair is a character offset into the *original* text of the
document named by ``doc_id``: ``document.text[start:end] == text`` always holds.
"""

from __future__ import annotations

import math
import os
import reprlib
import types
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from typing import Any, TypeAlias, TypeVar, Union, get_args, get_origin, get_type_hints

from .errors import AnswerDataError

# A path as every function taking one accepts it: text, a pathlib.Path or any other os.PathLike.
StrPath: TypeAlias = str | os.PathLike[str]
_Data = TypeVar("_Data")
_PLAIN_WORDS = {str: ("text", "text"), int: ("a whole number", "whole numbers"), float: ("a finite number", "finite numbers"), bool: ("true or false", "true or false values")}


def _words(hint: Any, plural: bool = False) -> str:
    """What a value annotated ``hint`` is, in the words of JSON: "a whole number", "a list of text"."""
    origin, args = get_origin(hint), get_args(hint)
    if hint in _PLAIN_WORDS:
        return _PLAIN_WORDS[hint][plural]
    if origin in (Union, types.UnionType):
        return " or ".join("null" if arg is type(None) else _words(arg, plural) for arg in args)
    if origin is tuple:
        return f"{'lists' if plural else 'a list'} of {_words(args[0], plural=True)}"
    if origin is dict:
        return f"{'mappings' if plural else 'a mapping'} of text to {_words(args[1], plural=True)}"
    name = hint.__name__.lower()  # a data class: "a quote (a JSON object)"
    return f"{name}s (JSON objects)" if plural else f"a {name} (a JSON object)"


def _read(value: Any, hint: Any, path: str, wanted: str = "") -> Any:
    """``value`` as a field annotated ``hint`` holds it, checked as JSON gives it back: an int
    field takes an int only (not 2.0, not True), a float field a finite int or float (stored as a
    float; not NaN, which ``to_dict()`` never writes), a tuple field a list (a bare string is refused, not split), a data class a mapping
    of its fields, an ``X | None`` field None too. Anything else raises AnswerDataError naming
    ``path``, what it must be (``wanted``, else the words for ``hint``) and the value found."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):  # only ``X | None`` is used
        return None if value is None else _read(value, next(a for a in args if a is not type(None)), path, _words(hint))
    if isinstance(hint, type) and is_dataclass(hint) and isinstance(value, Mapping):
        return _read_fields(hint, value, path)
    if origin is tuple and isinstance(value, (list, tuple)):
        return tuple(_read(item, args[0], f"{path}[{i}]") for i, item in enumerate(value))
    if origin is dict and isinstance(value, Mapping) and all(isinstance(key, str) for key in value):
        return {key: _read(item, args[1], f"{path}[{key!r}]") for key, item in value.items()}
    if hint is float and isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if hint in (str, int, bool) and isinstance(value, hint) and (hint is bool or not isinstance(value, bool)):
        return value
    raise AnswerDataError(f"{path} must be {wanted or _words(hint)}, not {reprlib.repr(value)}")


def _read_fields(cls: type[_Data], data: Mapping[str, Any], path: str = "") -> _Data:
    """The ``cls`` whose fields ``data`` holds, each checked against its annotation (``_read``);
    a field left out takes its default, and one without a default raises AnswerDataError."""
    hints, values = get_type_hints(cls), {}
    for f in fields(cls):  # type: ignore[arg-type]  # cls is always a data class
        if f.name in data:
            values[f.name] = _read(data[f.name], hints[f.name], f"{path}.{f.name}" if path else f.name)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise AnswerDataError(f"{path + ': ' if path else ''}{cls.__name__} has no {f.name!r}: it is not what to_dict() writes")
    _check_span(values, path)
    return cls(**values)


def _check_span(values: Mapping[str, Any], path: str) -> None:
    """AnswerDataError unless a span read back (``start``, ``end``, its ``text``) is one an article
    could give: 0 <= start <= end, and the text as long as the span (``text == article[start:end]``)."""
    if "start" not in values or "end" not in values:
        return
    start, end, where = values["start"], values["end"], f"{path}: " if path else ""
    if not 0 <= start <= end:
        raise AnswerDataError(f"{where}the span {start}..{end} is no span of an article (0 <= start <= end)")
    if "text" in values and len(values["text"]) != end - start:
        raise AnswerDataError(f"{where}its text has {len(values['text'])} characters, but its span {start}..{end} has {end - start}")


def _from_dict(cls: type[_Data], data: object) -> _Data:
    """``cls.from_dict(data)``: AnswerDataError, naming the field and what it holds, for anything
    that is not what ``cls.to_dict()`` writes (not a bare KeyError or TypeError from deep inside)."""
    if not isinstance(data, Mapping):
        raise AnswerDataError(f"{cls.__name__} must be a mapping (a JSON object) as {cls.__name__}.to_dict() writes it, not {reprlib.repr(data)}")
    return _read_fields(cls, data)


@dataclass(frozen=True)
class Document:
    """One article, its text exactly as decoded from disk, UTF-8 less a leading byte-order mark (left out of its repr)."""

    doc_id: str
    title: str
    text: str = field(repr=False)
    sha256: str
    path: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading, bullet, fragment) of a document, with exact offsets."""

    doc_id: str
    start: int
    end: int
    text: str
    quotable: bool = True
    kind: str = "sentence"  # sentence | heading | question | boilerplate | byline | fragment | markup


@dataclass(frozen=True)
class Chunk:
    """A sentence-aligned window of a document, sized in tokens."""

    chunk_id: int
    doc_id: str
    start: int
    end: int
    text: str
    sentence_ids: tuple[int, ...]
    n_tokens: int


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk (a sentence-aligned window of an article) with its citation and fused score.

    - ``doc_id``, ``title``: the article it comes from and its title.
    - ``start``, ``end``: ``text == article_text[start:end]``, offsets in characters (Python
      string indices) of the article as read: decoded as UTF-8, a leading byte-order mark dropped.
    - ``score``: the retrieval score, the reciprocal-rank fusion of the dense and the BM25
      rankings (``1 / (rrf_k + rank + 1)`` summed over both, ``rrf_k`` 60: at most 2/61, about
      0.033). Higher is better; it ranks the passages of one search only, so compare it within
      one answer, never across questions.
    - ``chunk_id``: the chunk's number in the index (-1 for a passage read back with ``from_dict``).
    """

    doc_id: str
    title: str
    start: int
    end: int
    text: str
    score: float
    chunk_id: int = -1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``{doc_id, title, start, end, score, text}``."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 6),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Passage":
        """The passage whose ``to_dict()`` gave ``data`` (its ``chunk_id`` is not kept there: -1)."""
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Quote:
    """An exact span of one article quoted in an answer.

    - ``text == article_text[start:end]`` for the article ``doc_id`` (titled ``title``), offsets
      in characters (Python string indices) of the article as read: decoded as UTF-8, a leading
      byte-order mark dropped, line endings kept. The span is a sentence, or a sentence with the
      one before it that it leans on ("That threshold ..."), or quotes that shared a sentence
      merged into one, or the opening of a "sentence" too long to quote whole.
    - ``score``: the combined score of the quoted sentence (meaning, coverage of the question's
      words, passage rank, expected answer type: ``AnswerSettings``), on no fixed scale and not a
      probability. Higher is better; compare it within one answer only (its quotes come best first).
    - ``also_in`` lists other articles that state the same thing (corroboration); their own
      exact spans are in ``corroborations``, in the same order.
    - ``dated``: the date the article is dated with, an exact span of it (``rag.dates``: its
      dateline's "Wednesday 27 November 2024" or its front matter's date), or None when it gives
      none: what "on Thursday" or "last week" in the quote counts from.
    """

    text: str
    doc_id: str
    start: int
    end: int
    score: float
    title: str = ""
    also_in: tuple[str, ...] = ()
    corroborations: tuple["Citation", ...] = ()
    dated: "Citation | None" = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, the shape documented in the README."""
        return {
            "text": self.text,
            "doc_id": self.doc_id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 6),
            "also_in": list(self.also_in),
            "corroborations": [asdict(c) for c in self.corroborations],
            "dated": None if self.dated is None else asdict(self.dated),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Quote":
        """The quote whose ``to_dict()`` gave ``data`` (AnswerDataError if it is not one)."""
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Citation:
    """Where another article says the same thing as a quote: a sentence of the article ``doc_id``,
    ``text == article_text[start:end]`` (offsets in characters, as in ``Quote``)."""

    doc_id: str
    start: int
    end: int
    text: str


def searched_text(read_with: Sequence[str], question: str) -> str:
    """What the articles are searched with: ``question`` (as read) after the earlier questions a
    follow-up is read with, oldest first, joined by spaces."""
    return " ".join([*read_with, question])


@dataclass(frozen=True)
class Answer:
    """The product's reply: exact quotes with citations, or an abstention.

    - ``question``: the question as answered (cleaned: spaces, control and zero-width characters, NFKC).
    - ``abstained``: True when the articles do not answer it; ``quotes`` is then empty.
    - ``answer``: the reply as text: each quote in quotation marks followed by ``[doc_id, ...]``,
      each quote starting a new line (a table's or list's quote spans several lines: split the
      reply with ``quotes``, not by line), or the sentence saying the articles don't say.
    - ``quotes``: the exact quotes, best first (see ``Quote``).
    - ``passages``: the best retrieved passages, best first (see ``Passage``); quotes come from
      the best ``AnswerSettings.candidate_chunks`` retrieved, however many are here, so a quote
      may lie outside them.
    - ``answerability``: from 0 to 1, the probability the answerability model gives that the
      retrieved sentences answer the question; the answer abstains below the calibrated
      ``AnswerSettings.abstain_threshold``.
    - ``read_as``: None, or the question as it was searched when that differs from ``question``:
      typos read as the articles' words, pasted HTML or Markdown left out, a follow-up made of
      a name asked as the question before ("and Anthropic?" -> "What did Anthropic say?"), or a
      question comparing the articles asked of its topic ("Do the reports agree on the turnout?"
      -> "what is the turnout?"; it is answered with each article's own account).
    - ``read_with``: the earlier questions a follow-up was read with (their typos read away),
      oldest first; empty for a question read alone and for a follow-up read as another question.
      The articles were searched with ``searched``: these, then ``read_as`` or ``question``.
    - ``timings_ms``: how long each step took (encode, retrieve, compose, total).
    """

    question: str
    abstained: bool
    answer: str
    quotes: tuple[Quote, ...] = ()
    passages: tuple[Passage, ...] = ()
    answerability: float = 0.0
    read_as: str | None = None  # the question as searched, when it differs: typos read as the articles' words, or a name-only follow-up asked as the question before
    read_with: tuple[str, ...] = ()  # the earlier questions a follow-up was read with, oldest first
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)  # how long each step took; not part of equality or hash

    @property
    def searched(self) -> str:
        """The text the articles were searched with (``searched_text``): the question as read
        (``read_as``, else ``question``) after the earlier questions it was read with (``read_with``)."""
        return searched_text(self.read_with, self.read_as or self.question)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stable: external evaluation tools rely on it)."""
        return {
            "question": self.question,
            "abstained": self.abstained,
            "answer": self.answer,
            "answerability": round(float(self.answerability), 6),
            "read_as": self.read_as,
            "read_with": list(self.read_with),
            "quotes": [q.to_dict() for q in self.quotes],
            "passages": [p.to_dict() for p in self.passages],
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Answer":
        """The answer whose ``to_dict()`` (or ``rag ask --json``) gave ``data``: a stored answer read
        back. Raises AnswerDataError for anything else, such as the ``{"question", "error"}`` line
        ``rag ask --json -`` writes for a line it could not answer."""
        if isinstance(data, Mapping) and "error" in data and "abstained" not in data:
            raise AnswerDataError(f"this is the error line of a question that was not answered, not an answer: {data['error']}")
        return _from_dict(cls, data)
