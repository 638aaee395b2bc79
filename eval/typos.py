"""How the answers hold up when the gold questions are typed with typos.

    python -m eval.typos [--gold eval/gold.jsonl] [--index index] [--seed 7]

Each gold question gets a typo (a letter dropped, doubled, swapped with the next or
replaced) in up to two of its content words of 5 or more letters, chosen by ``--seed``.
It then prints, for the clean and the typo'd questions, with and without the spelling
step (``rag.spelling``): the needed fact in answers to answerable questions
(must_contain hit), false abstentions, and abstentions on unanswerable questions; and
how many typo'd questions are read back exactly as written in the gold set.
must_contain is counted as `rag eval` counts it (``rag.gold_scoring.outcome``). A gold set
that does not match the index is refused, as `rag eval` refuses it; errors are one
``eval.typos: error: …`` message with exit code 2.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence

from tabulate import tabulate

from rag.answer import Answerer
from rag.arguments import DEFAULT_INDEX
from rag.errors import RagError
from rag.evaluation import answerer_for_eval, settings_line
from rag.gold import GoldQuestion, load_gold, require_grounded
from rag.lexical import STOPWORDS
from rag.retrieve import Retriever
from rag.gold_scoring import Outcome, make_record, outcome

_CONTENT_WORD = re.compile(r"[A-Za-z]{5,}")
_EDITS = ("drop", "double", "swap", "replace")


def misspell(word: str, rng: random.Random) -> str:
    """``word`` with one typo inside it (never in its first letter)."""
    i = rng.randrange(1, len(word) - 1)
    edit = rng.choice(_EDITS)
    if edit == "drop":
        return word[:i] + word[i + 1 :]
    if edit == "double":
        return word[:i] + word[i] + word[i:]
    if edit == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeioustnr") + word[i + 1 :]


def with_typos(question: str, rng: random.Random, words: int = 2) -> str:
    """``question`` with typos in up to ``words`` of its content words of 5+ letters."""
    found = [m for m in _CONTENT_WORD.finditer(question) if m.group(0).lower() not in STOPWORDS]
    rng.shuffle(found)
    for match in sorted(found[:words], key=lambda m: -m.start()):
        question = question[: match.start()] + misspell(match.group(0), rng) + question[match.end() :]
    return question


def without_spelling(answerer: Answerer) -> Answerer:
    """The same answerer with the spelling step turned off."""
    retriever = answerer.retriever
    return Answerer(Retriever(retriever.index, retriever.encoder, retriever.settings, spelling=False), answerer.settings, answerer.answerability)


def outcomes(answerer: Answerer, gold: Sequence[GoldQuestion], questions: Sequence[str]) -> list[Outcome]:
    """How each of ``questions`` (one per gold line) is answered, judged as `rag eval` judges it."""
    texts = {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()}
    return [
        outcome(make_record(item, item.split or "", answerer.answer(question).to_dict(), texts), threshold=0.0)  # the answer as given
        for item, question in zip(gold, questions)
    ]


def score(answerer: Answerer, gold: Sequence[GoldQuestion], questions: Sequence[str]) -> dict[str, float]:
    """must_contain hit (as `rag eval` counts it) and false abstentions (answerable), abstentions (unanswerable)."""
    return _rates(gold, outcomes(answerer, gold, questions))


def _rates(gold: Sequence[GoldQuestion], judged: Sequence[Outcome]) -> dict[str, float]:
    answerable = [j for g, j in zip(gold, judged) if g.answerable]
    unanswerable = [j for g, j in zip(gold, judged) if not g.answerable]
    return {
        "must_contain hit": sum(j.must_contain_hit for j in answerable) / max(1, len(answerable)),
        "false abstentions": sum(j.abstained for j in answerable) / max(1, len(answerable)),
        "abstained (unanswerable)": sum(j.abstained for j in unanswerable) / max(1, len(unanswerable)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m eval.typos``; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.typos", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="eval/gold.jsonl", help="gold set whose questions are misspelt, every one (default: %(default)s)")
    parser.add_argument("--index", default=DEFAULT_INDEX, help="index folder to answer from (default: %(default)s)")
    parser.add_argument("--corpus", help="folder of the articles the index must match (default: the folder it was built from)")
    parser.add_argument("--settings", help="answer settings file, e.g. one `rag eval --calibrate --settings FILE` wrote (default: the shipped one)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the typos drawn, so a run can be repeated (default: %(default)s)")
    parser.add_argument("--show", action="store_true", help="also list each question that its typos cost an answer, and how it was read")
    args = parser.parse_args(argv)
    try:
        return report(args)
    except RagError as exc:
        print(f"eval.typos: error: {exc}", file=sys.stderr)
        return 2


LEGEND = (
    "must_contain hit: answerable questions whose answer holds the needed fact; false abstentions: answerable "
    "questions abstained on; abstained (unanswerable): unanswerable questions abstained on, as they should be."
)


def report(args: argparse.Namespace) -> int:
    """Score the clean and the typo'd gold questions and print the table (and, with ``--show``,
    the questions the typos cost an answer)."""
    gold = load_gold(args.gold)
    answerer = answerer_for_eval(args.index, args.corpus, args.settings)
    require_grounded(gold, {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()})
    rng = random.Random(args.seed)
    typoed = [with_typos(g.question, rng) for g in gold]
    read_back = sum(answerer.retriever.read(t) == g.question for g, t in zip(gold, typoed) if t != g.question)
    clean, spelled = outcomes(answerer, gold, [g.question for g in gold]), outcomes(answerer, gold, typoed)
    rows = [
        ("clean questions", _rates(gold, clean)),
        ("typo'd, spelling step", _rates(gold, spelled)),
        ("typo'd, no spelling step", score(without_spelling(answerer), gold, typoed)),
    ]
    print(tabulate([[name, *(f"{v:.3f}" for v in values.values())] for name, values in rows], headers=["", *rows[0][1]], disable_numparse=True))
    changed = sum(t != g.question for g, t in zip(gold, typoed))
    print(f"\n{LEGEND}\n{settings_line(answerer, args.settings)}")
    print(
        f"{changed} of {len(gold)} questions got typos (seed {args.seed}); the spelling step read {read_back} of them "
        "back to exactly the gold question's words."
    )
    if args.show:
        for item, typed, before, after in zip(gold, typoed, clean, spelled):
            if (before.must_contain_hit and not after.must_contain_hit) or (not item.answerable and before.abstained and not after.abstained):
                lost = "the needed fact" if item.answerable else "its abstention"
                print(f"\n{item.id} ({item.kind}) lost {lost}: {typed!r}, read as {answerer.retriever.read(typed)!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
