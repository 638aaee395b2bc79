"""How follow-ups are answered: the last turn of each conversation in a conversation set.

    python -m eval.conversations [--conversations eval/conversations.jsonl] [--index index] [--split dev] [--show]

Each line of the set is one conversation (see eval/README.md, *Conversations*). Its last
turn is asked with the turns before it as history, as the web chat asks it, and judged:

- hit: an answerable last turn is answered and its quotes hold every ``must_contain``
  string (case-insensitive, as `rag eval` counts must_contain);
- wrong quote: the quotes hold a ``must_not_contain`` string, such as the previous
  answer again after "why?";
- false abstention, and abstained on the unanswerable ones;
- repeats: the answer quotes again something that the answer to the turn before quoted.

Printed for the dev half (tuned on), the held-out half (judged) and by kind. Errors are one
``eval.conversations: error: …`` message with exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

from rag.answer import Answerer
from rag.arguments import DEFAULT_INDEX
from rag.errors import RagError
from rag.evaluation import answerer_for_eval, settings_line
from rag.gold import SPLITS, format_error, key_problems, parse_rows, read_lines, value_problems, well_typed
from rag.metrics import contains_all

KEYS = {"id": str, "turns": list, "answerable": bool, "must_contain": list, "kind": str, "split": str}
OPTIONAL_KEYS = {"must_not_contain": list}
STRING_LISTS = ("turns", "must_contain", "must_not_contain")
KINDS = ("pronoun", "ellipsis", "why", "more", "switch", "correction", "after-abstention", "chain")


@dataclass(frozen=True)
class Conversation:
    """One conversation of the set: its turns, and what the answer to the last one must quote."""

    id: str
    turns: tuple[str, ...]
    answerable: bool
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]
    kind: str
    split: str


@dataclass(frozen=True)
class Judged:
    """How the last turn of one conversation was answered."""

    conversation: Conversation
    abstained: bool
    hit: bool
    wrong_quote: bool
    repeats: bool
    quotes: tuple[str, ...]


def _problems(line: object) -> list[str]:
    """What in one line of a conversation set does not follow its format (eval/README.md,
    *Conversations*): its keys, then what its well-typed values say, all at once."""
    problems = key_problems(line, KEYS, OPTIONAL_KEYS)
    if not isinstance(line, dict):
        return problems
    row = well_typed(line, KEYS, OPTIONAL_KEYS)
    problems += value_problems(row, {"split": SPLITS, "kind": KINDS})
    problems += [f"{key} must hold non-empty strings" for key in STRING_LISTS if not all(isinstance(text, str) and text.strip() for text in row.get(key, []))]
    if "turns" in row and len(row["turns"]) < 2:
        problems.append("turns must be two or more questions")
    if "answerable" in row and "must_contain" in row:
        if row["answerable"] and not row["must_contain"]:
            problems.append("an answerable conversation needs must_contain strings")
        if not row["answerable"] and row["must_contain"]:
            problems.append("an unanswerable conversation must have empty must_contain")
    return problems


def load_conversations(path: str | Path) -> list[Conversation]:
    """The conversations of a JSON Lines file, checked as `rag eval` checks a gold set (``rag.gold.parse_rows``):
    RagError naming every bad line (the first 20 problems, then how many more)."""
    rows, errors = parse_rows(read_lines(path, "the conversation set"), _problems, path)
    if errors:
        raise format_error(str(path), "the conversation format (eval/README.md, Conversations)", errors)
    return [
        Conversation(
            id=row["id"],
            turns=tuple(row["turns"]),
            answerable=row["answerable"],
            must_contain=tuple(row["must_contain"]),
            must_not_contain=tuple(row.get("must_not_contain", ())),
            kind=row["kind"],
            split=row["split"],
        )
        for _, row in rows
    ]


def require_found(conversations: Sequence[Conversation], texts: Mapping[str, str]) -> None:
    """RagError unless every must_contain and must_not_contain string is in some article of ``texts``
    (a set written for other articles would score nothing)."""
    corpus = "\n".join(texts.values()).casefold()
    missing = [(c.id, s) for c in conversations for s in (*c.must_contain, *c.must_not_contain) if s.casefold() not in corpus]
    if missing:
        shown = "; ".join(f"{cid}: {text!r}" for cid, text in missing[:3])
        more = f" … and {len(missing) - 3} more" if len(missing) > 3 else ""
        raise RagError(f"strings of the conversation set are in none of the index's articles ({shown}{more}): is it the right index?")


def judge(answerer: Answerer, conversation: Conversation) -> Judged:
    """Ask the last turn after the others, as the chat does, and judge its answer."""
    *before, last = conversation.turns
    answer = answerer.answer(last, history=before)
    previous = answerer.answer(before[-1], history=before[:-1])
    quoted = "\n".join(quote.text for quote in answer.quotes)
    return Judged(
        conversation=conversation,
        abstained=answer.abstained,
        hit=conversation.answerable and not answer.abstained and contains_all(quoted, conversation.must_contain),
        wrong_quote=any(contains_all(quoted, [text]) for text in conversation.must_not_contain),
        repeats=any(q.doc_id == p.doc_id and q.start < p.end and p.start < q.end for q in answer.quotes for p in previous.quotes),
        quotes=tuple(quote.text for quote in answer.quotes),
    )


def summary(judged: Sequence[Judged]) -> dict[str, str]:
    """The rates of one group of judged conversations, as table cells."""
    answerable = [j for j in judged if j.conversation.answerable]
    unanswerable = [j for j in judged if not j.conversation.answerable]
    guarded = [j for j in judged if j.conversation.must_not_contain]

    def rate(group: Sequence[Judged], flag: str) -> str:
        return f"{sum(getattr(j, flag) for j in group) / len(group):.3f}" if group else "–"

    return {
        "conversations": str(len(judged)),
        "hit": rate(answerable, "hit"),
        "false abstention": rate(answerable, "abstained"),
        "abstained (unanswerable)": rate(unanswerable, "abstained"),
        "wrong quote": rate(guarded, "wrong_quote"),
        "repeats": rate(judged, "repeats"),
    }


LEGEND = (
    "hit: answerable conversations whose last answer holds the needed fact; false abstention: answerable ones abstained on; "
    "abstained (unanswerable): unanswerable ones abstained on, as they should be; wrong quote: of those with a quote that must "
    "not be given, how many gave it; repeats: last answers that quote again something the answer before quoted."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m eval.conversations``; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.conversations", description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", default="eval/conversations.jsonl", help="the conversations file, one JSON object a line (default: %(default)s)")
    parser.add_argument("--index", default=DEFAULT_INDEX, help="index folder to answer from (default: %(default)s)")
    parser.add_argument("--corpus", help="folder of the articles the index must match (default: the folder it was built from)")
    parser.add_argument("--settings", help="answer settings file, e.g. one `rag eval --calibrate --settings FILE` wrote (default: the shipped one)")
    parser.add_argument("--split", choices=SPLITS, help="judge only this half (while tuning: dev, keeping held-out unseen)")
    parser.add_argument("--show", action="store_true", help="also list each conversation that missed and how")
    args = parser.parse_args(argv)
    try:
        conversations = [c for c in load_conversations(args.conversations) if args.split in (None, c.split)]
        if not conversations:
            raise RagError(f"no conversations{' of the ' + args.split + ' half' if args.split else ''} in {args.conversations}")
        answerer = answerer_for_eval(args.index, args.corpus, args.settings)
        require_found(conversations, {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()})
        judged = [judge(answerer, c) for c in conversations]
    except RagError as exc:
        print(f"eval.conversations: error: {exc}", file=sys.stderr)
        return 2
    rows = [(split, summary([j for j in judged if j.conversation.split == split])) for split in SPLITS if args.split in (None, split)]
    if not args.split:
        rows.append(("all", summary(judged)))
    print(tabulate([[name, *values.values()] for name, values in rows], headers=["", *rows[0][1]], disable_numparse=True))
    print(f"\n{LEGEND}\n{settings_line(answerer, args.settings)}")
    kinds = sorted({j.conversation.kind for j in judged})
    by_kind = [(kind, summary([j for j in judged if j.conversation.kind == kind])) for kind in kinds]
    print(f"\nBy kind ({args.split or 'both halves'}):\n")
    print(tabulate([[name, *values.values()] for name, values in by_kind], headers=["", *by_kind[0][1]], disable_numparse=True))
    if args.show:
        for j in judged:
            if j.hit or (not j.conversation.answerable and j.abstained):
                continue
            print(f"\n{j.conversation.id} ({j.conversation.kind}): {' → '.join(j.conversation.turns)}")
            got = "an abstention" if j.abstained else " / ".join(f"“{quote[:70]}…”" for quote in j.quotes)
            print(f"  expected: {' + '.join(j.conversation.must_contain) or 'an abstention'}")
            print(f"  got{' (a wrong quote)' if j.wrong_quote else ''}{' (the previous answer again)' if j.repeats else ''}: {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
