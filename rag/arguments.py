"""What the commands (`rag`, `python app.py`, the eval tools) share: their default folders,
argument types, the one-line error their parsers raise, the articles an index is checked
against, and building a missing index with its progress shown."""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from typing import Callable, NoReturn, TextIO

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


def ensure_index(args: argparse.Namespace) -> None:
    """Build a missing index first from ``--corpus``, or from the bundled articles when ``--index``
    is the default too (so they work out of the box). A missing ``--index`` of one's own with no
    ``--corpus`` is left to fail with its message: a mistyped folder must not quietly hold the
    bundled articles."""
    from .index import CURRENT_FILE

    corpus = args.corpus or (DEFAULT_CORPUS if Path(args.index).resolve() == Path(DEFAULT_INDEX).resolve() else None)
    if corpus is not None and not (Path(args.index) / CURRENT_FILE).exists() and Path(corpus).is_dir():
        from .build import build_index

        print(f"no index in {args.index} yet: building it from {corpus} …", file=sys.stderr)
        bar, told = build_progress(False)
        report = build_index(corpus, args.index, progress=bar, on_embedded=told)
        print(report.summary(), file=sys.stderr)


PROGRESS_LINE_EVERY_S = 30.0  # off a terminal, a long build tells how far it is this often


def progress_lines(every_s: float = PROGRESS_LINE_EVERY_S, stream: TextIO | None = None) -> Callable[[int, int], None]:
    """``build_index``'s ``on_embedded`` for a build whose stderr is no terminal (a log file, a
    pipe): one line, "rag: embedded 12,288 of 70,000 texts (18%)", each ``every_s`` seconds
    (none for a build shorter than that), where a progress bar would fill the log with redraws."""
    last = time.monotonic()

    def told(done: int, total: int) -> None:
        nonlocal last
        if time.monotonic() - last >= every_s:
            last = time.monotonic()
            print(f"rag: embedded {done:,} of {total:,} texts ({done * 100 // max(total, 1)}%)", file=stream or sys.stderr, flush=True)

    return told


def build_progress(json_output: bool) -> tuple[bool, Callable[[int, int], None] | None]:
    """How a build the command runs shows its progress, as ``build_index``'s ``progress`` and
    ``on_embedded``: a bar on a terminal (not with --json), else a line now and then (``progress_lines``)."""
    bar = not json_output and sys.stderr.isatty()
    return bar, None if bar else progress_lines()
