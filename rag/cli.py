"""The `rag` command: build an index, search it, ask questions, evaluate.

Heavy libraries (torch, faiss, sentence-transformers) are imported only by the
commands that need them, so `rag --help` and argument errors answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import re
import sys
import warnings
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Sequence, TextIO

from . import __version__
from .arguments import DEFAULT_CORPUS, DEFAULT_INDEX, SETTINGS_HELP, ArgumentsError, RagArgumentParser, articles_of_index, build_progress, ensure_index, whole_number_from
from .errors import RagError, RagWarning, SkippedFileWarning
from .jsonl import json_line
from .question import MAX_QUESTION_CHARS, as_echoed, clean_question

if TYPE_CHECKING:
    from .types import Answer, Document

def _print_json(payload: object) -> None:
    sys.stdout.write(json_line(payload))
    sys.stdout.flush()


def _chunking_value(field: str) -> Callable[[str], int]:
    """argparse type: a whole number that ``ChunkingSettings`` accepts for ``field`` (its ranges live there)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        from .chunking import ChunkingSettings

        try:
            ChunkingSettings(**{field: value})
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix(field + " ")) from None
        return value

    return parse


def _fail(message: str, as_json: bool) -> int:
    if as_json and sys.stdout is not None:
        with contextlib.suppress(OSError):  # the output itself may be what failed
            _print_json({"error": message})
    print(f"rag: error: {message}", file=sys.stderr)
    return 2


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a terminal would act on (colours, its title), not show


def _shown(text: str) -> str:
    """``text`` for a terminal: its control characters written out ("\\x1b"), tabs and line breaks kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def checked_corpus(args: argparse.Namespace) -> str | None:
    """The corpus folder ``rag search``/``rag ask`` check the index against: None without
    ``--check-corpus``, else ``articles_of_index``."""
    return articles_of_index(args.index, args.corpus) if args.check_corpus else None


def cmd_build(args: argparse.Namespace) -> int:
    """rag build"""
    from .chunking import ChunkingSettings
    from .build import build_index

    bar, told = build_progress(args.json)
    report = build_index(
        args.corpus,
        args.index,
        chunking=ChunkingSettings(max_tokens=args.max_tokens, overlap_sentences=args.overlap),
        vector_kind=args.vector_index,
        progress=bar,  # no bar drawn into a log file
        on_embedded=told,
    )
    if args.json:
        _print_json({**report.__dict__, "skipped": [{"path": p, "reason": r} for p, r in report.skipped]})
    else:
        print(report.summary())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """rag search"""
    from .retrieve import Retriever

    question = clean_question(args.question)  # refuse a bad question before loading the model
    ensure_index(args)
    retriever = Retriever.load(args.index, corpus_dir=checked_corpus(args))
    passages = retriever.search(question, k=args.k)
    if args.json:
        _print_json({"question": question, "passages": [p.to_dict() for p in passages]})
        return 0
    for rank, passage in enumerate(passages, 1):
        print(_shown(f"{rank}. [{passage.doc_id} {passage.start}:{passage.end}] fused score {passage.score:.4f} — {passage.title}"))
        print(_shown(_indented(f"   {passage.text}", "   ")) + "\n")
    return 0


def _indented(text: str, prefix: str) -> str:
    """``text`` with its later lines indented by ``prefix``, so that a quote or passage that spans
    lines of its article stays one block in the terminal."""
    return "\n".join(line if n == 0 else prefix + line for n, line in enumerate(text.splitlines() or [""]))


def _render_answer(result: Answer, documents: Mapping[str, Document]) -> str:
    """``result`` for a terminal: each quote as a reader of its article sees it (``as_shown``: a
    Markdown article's without its "**" or block-quote "> "), with where it stands in the article."""
    from .answer import dated_note, in_quotation_marks
    from .documents import as_shown

    read_as = [f"(read as: {result.read_as})"] if result.read_as else []
    if result.read_with:
        read_as.insert(0, "(read with: " + " / ".join(result.read_with) + ")")
    if result.abstained:
        lines = [*read_as, result.answer]
        if result.passages:
            lines.append("Closest passages:")
            lines += [f"  [{p.doc_id} {p.start}:{p.end}] {' '.join(p.text[:160].split())}…" for p in result.passages[:3]]
        return "\n".join(lines)
    lines = read_as
    for n, quote in enumerate(result.quotes, 1):
        lines.append(_indented(f"[{n}] {in_quotation_marks(as_shown(quote.text, documents[quote.doc_id]))}", "    "))
        lines.append(f"    — {quote.doc_id} ({quote.start}:{quote.end}) {quote.title}{dated_note(quote)}")
        for other in quote.corroborations:  # in that article's own words, which can differ from the quote's
            said = in_quotation_marks(as_shown(other.text, documents[other.doc_id]))
            lines.append(_indented(f"      also said in {other.doc_id} ({other.start}:{other.end}): {said}", "        "))
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    """rag ask"""
    from .answer import Answerer
    from .errors import QuestionError
    from .settings import AnswerSettings

    try:  # an unusable earlier question is refused, as the question is, before the model loads
        history = tuple(clean_question(earlier) for earlier in args.after)
    except QuestionError as exc:
        raise QuestionError(f"--after: {exc}") from exc
    if args.question != "-":
        clean_question(args.question)  # refuse a bad question before loading the model
    settings = AnswerSettings.load(args.settings) if args.settings else None  # and a bad settings file before a build
    ensure_index(args)
    answerer = Answerer.load(args.index, corpus_dir=checked_corpus(args), settings=settings)
    if args.question != "-":
        result = answerer.answer(args.question, history=history, k=args.k)
        if args.json:
            _print_json(result.to_dict())
        else:
            print(_shown(_render_answer(result, answerer.index.documents)))
        return 0
    if sys.stdin is None:
        raise RagError("standard input is closed: there are no questions to read (pipe one per line, or give the question)")
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")  # bytes that are not UTF-8 are kept, to be refused line by line
    for line in sys.stdin:
        question, problem = _decoded(line.rstrip("\r\n"))
        if problem is None:
            try:
                result = answerer.answer(question, history=history, k=args.k)
            except QuestionError as exc:
                problem = str(exc)
        if problem is not None:
            question = as_echoed(question)
        if args.json:
            _print_json({"question": question, "error": problem} if problem is not None else result.to_dict())
        else:  # each reply under its question, so that many can be read in one terminal
            print(_shown(f"Q: {question}\n" + (f"error: {problem}" if problem is not None else _render_answer(result, answerer.index.documents))) + "\n")
    return 0


def _decoded(line: str) -> tuple[str, str | None]:
    """A stdin line read with ``surrogateescape``: its text (bytes that are not UTF-8 shown as
    U+FFFD), and why it cannot be asked when they are there (naming the first bad byte's offset), else None."""
    try:
        line.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate that no byte of stdin became: text, cleaned when asked
        return line, None
    except UnicodeDecodeError as exc:
        return exc.object.decode("utf-8", "replace"), f"this line is not valid UTF-8 text ({exc.reason} at byte {exc.start}); save the questions as UTF-8"
    return line, None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `rag` command."""
    parser = RagArgumentParser(prog="rag", description="Grounded answers made only of exact quotes from your articles.")
    parser.add_argument("--version", action="version", version=f"rag {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, corpus: bool = True) -> None:
        p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default: {DEFAULT_INDEX})")
        if corpus:
            p.add_argument("--corpus", default=DEFAULT_CORPUS, help=f"folder of .txt/.md articles (default: {DEFAULT_CORPUS})")
        p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("build", help="index a folder of articles", description="Index every .txt/.md article under --corpus into --index. Only new text is embedded; the previous index stays usable until the new one is complete.")
    common(p)
    p.add_argument("--max-tokens", type=_chunking_value("max_tokens"), default=128, help="chunk size in cl100k tokens (default: 128)")
    p.add_argument("--overlap", type=_chunking_value("overlap_sentences"), default=1, help="sentences shared by neighbouring chunks (default: 1)")
    p.add_argument("--vector-index", choices=("auto", "flat", "ivf", "hnsw"), default="auto", help="FAISS index type (default: auto: exact up to 10,000 chunks, IVF above)")
    p.set_defaults(func=cmd_build)

    searching = (
        ("search", cmd_search, "show the passages that best match a question",
         "A passage's fused score is the reciprocal-rank fusion of its rank by meaning (FAISS) and by words (BM25): "
         "higher is better, and it compares passages of one search only."),
        ("ask", cmd_ask, "answer a question with exact quotes",
         "Use '-' to read one question per line from stdin (with --json: one JSON object per line)."),
    )
    for name, func, text, more in searching:
        p = sub.add_parser(name, help=text, description=f"{text[0].upper()}{text[1:]}. {more}")
        p.add_argument("question", help=f"the question, at most {MAX_QUESTION_CHARS:,} characters" + (" (or '-' for stdin, one per line)" if name == "ask" else ""))
        p.add_argument(
            "-k", type=whole_number_from(1), default=5 if name == "search" else None,
            help="passages to return (default: 5)" if name == "search" else "passages to return (default: the settings' passages, 5 as shipped)",
        )
        p.add_argument("--check-corpus", action="store_true", help="refuse an index whose articles changed since it was built")
        common(p, corpus=False)
        if name == "ask":
            p.add_argument("--settings", help=SETTINGS_HELP)
            p.add_argument(
                "--after", action="append", default=[], metavar="EARLIER",
                help="an earlier question of the conversation (repeat it for several, oldest first): a follow-up such as 'and when?' is read with them (with '-', every line is)",
            )
        p.add_argument(
            "--corpus",
            help=f"folder of .txt/.md articles: built from when there is no index yet (default: {DEFAULT_CORPUS}, into the default --index only), "
            "and checked by --check-corpus (default: the folder the index was built from)",
        )
        p.set_defaults(func=func)

    from .evaluation import add_eval_parser

    add_eval_parser(sub, common)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """One of rag's warnings as one line for the user ("rag: warning: ..."), not Python's file
    and line; any other warning as Python shows it."""
    if issubclass(category, RagWarning):
        print(f"rag: warning: {message}", file=sys.stderr)
    else:
        print(warnings.formatwarning(message, category, filename, lineno, line), end="", file=file or sys.stderr)


@contextlib.contextmanager
def _saying_why_it_waits() -> Iterator[None]:
    """While a command runs, show rag's log records (a build waiting for another, the one-off
    ONNX export) as "rag: …" lines on stderr, unless the program already handles them."""
    logger = logging.getLogger("rag")
    if logger.hasHandlers():  # its own, or the root's (logging.basicConfig)
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("rag: %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _refuse_options_before_eval_set(argv: list[str], eval_set: str | None) -> None:
    """ArgumentsError for options given between `rag eval` and a set's name (`rag eval --json beir
    DIR`): they are the gold set's, and the set would run without them."""
    if eval_set is None or "eval" not in argv:
        return
    start = argv.index("eval") + 1
    before = [arg for arg in argv[start : argv.index(eval_set, start)] if arg.startswith("-")]
    if before:
        raise ArgumentsError(f"{', '.join(before)} before `{eval_set}` would be ignored: give them after it (see rag eval {eval_set} --help)")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `rag` command."""
    for name, value in (("HF_HUB_OFFLINE", "1"), ("HF_HUB_DISABLE_TELEMETRY", "1"), ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(name, value)  # nothing is ever downloaded; no tokenizer threads to fork
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with its output closed (`rag ask … >&-`): an answer would be lost
        return _fail("standard output is closed: nothing could be printed", False)
    try:
        args = build_parser().parse_args(argv)
        _refuse_options_before_eval_set(argv, getattr(args, "eval_set", None))
    except ArgumentsError as exc:
        return _fail(str(exc), "--json" in argv)
    try:
        with warnings.catch_warnings(), _saying_why_it_waits():
            warnings.showwarning = _show_warning
            warnings.simplefilter("ignore", SkippedFileWarning)  # each build's summary lists the skipped files
            return args.func(args)
    except ArgumentsError as exc:  # a sub-command that parses its own arguments (rag eval squad)
        return _fail(str(exc), getattr(args, "json", False) or "--json" in argv)
    except RagError as exc:
        return _fail(str(exc), getattr(args, "json", False))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file it cannot read or write (permissions, a full disk), output it cannot write
        return _fail(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), getattr(args, "json", False))
    except Exception as exc:  # last resort: one line for the user instead of a traceback
        print(f"rag: internal error: {exc.__class__.__name__}: {exc}; please report it", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
