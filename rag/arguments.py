"""What the commands (`rag`, `python app.py`, the eval tools) share: their default folders,
argument types, the one-line error their parsers raise, and the articles an index is checked
against."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Callable, NoReturn

from .errors import RagError

DEFAULT_CORPUS = "data/articles"
DEFAULT_INDEX = "index"


class ArgumentsError(RagError):
    """Command-line arguments that the parser refuses (shown as one `rag: error:` line, exit 2)."""


class RagArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, `rag: error: ...` with exit code 2, like the
    command's other errors (and a JSON error line with --json), instead of argparse's usage dump."""

    def error(self, message: str) -> NoReturn:
        raise ArgumentsError(f"{message} (see `{self.prog} --help`)")


def fraction(text: str) -> float:
    """argparse type: a finite number from 0 to 1 (NaN, infinities and anything outside are refused)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.0 <= value <= 1.0:  # false for NaN too
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}")
    return value


def whole_number_from(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` (to ``high``, if given)."""
    expected = f"a whole number of at least {low}" if high is None else f"a whole number from {low} to {high}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {expected}, not {text!r}")
        return value

    return parse


SETTINGS_HELP = (
    "answer settings file, such as one `rag eval --calibrate --settings FILE` wrote with a threshold "
    "calibrated on your own gold set (default: the shipped settings)"
)


def articles_of_index(index: str, corpus: str | None) -> str:
    """The articles a command checks the index in ``index`` against: ``corpus``, else the folder
    the index was built from (wherever the command runs) while it is there, else ``data/articles``."""
    from .index import built_from

    own = built_from(index)
    return corpus or (own if own and Path(own).is_dir() else DEFAULT_CORPUS)
