"""Plain data classes passed between the pipeline's steps.

Every ``start``/``end`` pair is a character offset into the *original* text of the
document named by ``doc_id``: ``document.text[start:end] == text`` always holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeAlias, TypeVar

from .errors import AnswerDataError

# A path as every function taking one accepts it: text, a pathlib.Path or any other os.PathLike.
StrPath: TypeAlias = str | os.PathLike[str]
_Read = TypeVar("_Read")


def _read_back(kind: str, data: object, read: Callable[[Mapping[str, Any]], _Read]) -> _Read:
    """``read(data)``, with a missing key or a value of the wrong kind raised as AnswerDataError
    naming ``kind`` (not a bare KeyError from deep inside)."""
    if not isinstance(data, Mapping):
        raise AnswerDataError(f"{kind} must be a mapping (a JSON object) as {kind}.to_dict() writes it, not {type(data).__name__}")
    try:
        return read(data)
    except AnswerDataError:
        raise  # a quote's or passage's own, which names it
    except KeyError as exc:
        raise AnswerDataError(f"{kind} has no {exc.args[0]!r}: it is not what {kind}.to_dict() writes") from None
    except (TypeError, ValueError) as exc:
        raise AnswerDataError(f"{kind} holds a value of the wrong kind ({exc}): it is not what {kind}.to_dict() writes") from exc


@dataclass(frozen=True)
class Document:
    """One article, its text kept byte-for-byte as read from disk (left out of its repr)."""

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
    kind: str = "sentence"  # sentence | heading | question | boilerplate | fragment | markup


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
    """A retrieved chunk with its citation and fused relevance score."""

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
        return _read_back("Passage", data, lambda d: cls(d["doc_id"], d["title"], d["start"], d["end"], d["text"], d["score"]))


@dataclass(frozen=True)
class Quote:
    """An exact span of one article quoted in an answer.

    ``also_in`` lists other articles that state the same thing (corroboration); their own
    exact spans are in ``corroborations``.
    """

    text: str
    doc_id: str
    start: int
    end: int
    score: float
    title: str = ""
    also_in: tuple[str, ...] = ()
    corroborations: tuple["Citation", ...] = ()

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
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Quote":
        """The quote whose ``to_dict()`` gave ``data`` (AnswerDataError if it is not one)."""
        return _read_back(
            "Quote",
            data,
            lambda d: cls(
                text=d["text"],
                doc_id=d["doc_id"],
                start=d["start"],
                end=d["end"],
                score=d["score"],
                title=d.get("title", ""),
                also_in=tuple(d.get("also_in", ())),
                corroborations=tuple(Citation(**c) for c in d.get("corroborations", ())),
            ),
        )


@dataclass(frozen=True)
class Citation:
    """Where another article says the same thing as a quote."""

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
    """The product's reply: exact quotes with citations, or an abstention."""

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
        return _read_back(
            "Answer",
            data,
            lambda d: cls(
                question=d["question"],
                abstained=d["abstained"],
                answer=d["answer"],
                quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
                passages=tuple(Passage.from_dict(p) for p in d.get("passages", ())),
                answerability=d.get("answerability", 0.0),
                read_as=d.get("read_as"),
                read_with=tuple(d.get("read_with", ())),
                timings_ms=dict(d.get("timings_ms", {})),
            ),
        )
