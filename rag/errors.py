"""Errors the library raises on purpose, each with a message that says what to do."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

_PACKAGE_DIR = str(Path(__file__).resolve().parent) + "/"


_PLAIN_KINDS = {
    bool: "true or false", int: "a number", float: "a number", str: "text", bytes: "bytes", type(None): "None (null in JSON)",
    list: "a list", tuple: "a tuple", dict: "a mapping (an object in JSON)", set: "a set",
}


def kind_of(value: object) -> str:
    """What ``value`` is, in words a person who sent JSON also understands ("a number", "None (null in JSON)")."""
    return _PLAIN_KINDS.get(type(value), type(value).__name__)


def require_type(value: object, kind: type | tuple[type, ...], name: str, hint: str = "") -> None:
    """Raise TypeError, naming ``name``, what it must be and what it is, unless ``value`` is a ``kind``."""
    if not isinstance(value, kind):
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wanted = " or ".join("None" if k is type(None) else k.__name__ for k in kinds)
        raise TypeError(f"{name} must be {wanted}, not {type(value).__name__}" + (f"; {hint}" if hint else ""))


class RagError(Exception):
    """Base class for every error this package raises deliberately."""


class QuestionError(RagError, ValueError):
    """The question cannot be answered as given (empty, too long, ...)."""


class QuestionTypeError(QuestionError, TypeError):
    """The question, or the history asked with it, is not text: a QuestionError that is also a TypeError."""


class IndexMissingError(RagError):
    """No index where one was expected."""


class IndexCorruptError(RagError):
    """An index file is missing, truncated or unreadable."""


class IndexMismatchError(RagError):
    """The index was built with another model, version or from other documents."""


class IndexWriteError(RagError, OSError):
    """A build could not write the index (no permission, no space, a file where its folder goes);
    the previous index is unchanged."""


class SettingsError(RagError, ValueError):
    """Settings that cannot be used: a value of the wrong kind or out of range, or a settings file that cannot be read."""


class AnswerDataError(RagError, ValueError):
    """Data read back with ``Answer.from_dict`` (or ``Quote``'s, ``Passage``'s) that is not what ``to_dict()`` writes."""


class CorpusError(RagError):
    """The corpus folder is missing or holds no readable article."""


class RagWarning(UserWarning):
    """Base class for the warnings this package issues on purpose."""


class StaleIndexWarning(RagWarning):
    """The articles of the folder the index was built from changed since: quotes come from them as they were indexed."""


class SkippedFileWarning(RagWarning):
    """A file of the corpus folder was not indexed (empty, not UTF-8, a duplicate, ...); the message names it and says why."""


def warn_caller(message: str, category: type[Warning]) -> None:
    """Issue a warning attributed to the first line outside this package that led to it (the
    user's own call), however deep inside the package it arises, so that warning filters by
    module and Python's once-per-place display work for the user's code."""
    frame, level = sys._getframe(1), 2  # level 2: whoever called warn_caller
    while frame.f_back is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)
