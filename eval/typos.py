"""How the answers hold up when the gold questions are typed with typos.

    python -m eval.typos [--gold eval/gold.jsonl] [--index index] [--seed 7]

Each gold question gets a typo (a letter dropped, doubled, swapped with the next or
replaced) in up to two of its content words of 5 or more letters, chosen by ``--seed``.
It then prints, for the clean and the typo'd questions, with and without the spelling
step (``rag.spelling``): the needed fact in answers to answerable questions
(must_contain hit), false abstentions, and abstentions on unanswerable questions; and
how many typo'd questions are read back exactly as written in the gold set.
must_contain is counted as `rag eval` counts it (``rag.scoring.outcome``). A gold set
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
from rag.errors import RagError
from rag.gold import GoldQuestion, load_gold, require_grounded
from rag.lexical import STOPWORDS
from rag.retrieve import Retriever
from rag.scoring import make_record, outcome

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


def score(answerer: Answerer, gold: Sequence[GoldQuestion], questions: Sequence[str]) -> dict[str, float]:
    """must_contain hit (as `rag eval` counts it) and false abstentions (answerable), abstentions (unanswerable)."""
    hits = false_abstentions = abstentions = 0
    answerable = [g.answerable for g in gold]
    texts = {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()}
    for item, question in zip(gold, questions):
        result = outcome(make_record(item, item.split or "", answerer.answer(question).to_dict(), texts), threshold=0.0)  # the answer as given
        if item.answerable:
            false_abstentions += result.abstained
            hits += result.must_contain_hit
        else:
            abstentions += result.abstained
    n_answerable, n_unanswerable = sum(answerable), len(gold) - sum(answerable)
    return {
        "must_contain hit": hits / max(1, n_answerable),
        "false abstentions": false_abstentions / max(1, n_answerable),
        "abstained (unanswerable)": abstentions / max(1, n_unanswerable),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m eval.typos``; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.typos", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="eval/gold.jsonl")
    parser.add_argument("--index", default="index")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        return report(args)
    except RagError as exc:
        print(f"eval.typos: error: {exc}", file=sys.stderr)
        return 2


def report(args: argparse.Namespace) -> int:
    """Score the clean and the typo'd gold questions and print the table."""
    gold = load_gold(args.gold)
    answerer = Answerer.load(args.index)
    require_grounded(gold, {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()})
    rng = random.Random(args.seed)
    typoed = [with_typos(g.question, rng) for g in gold]
    read_back = sum(answerer.retriever.read(t) == g.question for g, t in zip(gold, typoed) if t != g.question)
    rows = [
        ("clean questions", score(answerer, gold, [g.question for g in gold])),
        ("typo'd, spelling step", score(answerer, gold, typoed)),
        ("typo'd, no spelling step", score(without_spelling(answerer), gold, typoed)),
    ]
    print(tabulate([[name, *(f"{v:.3f}" for v in values.values())] for name, values in rows], headers=["", *rows[0][1]]))
    changed = sum(t != g.question for g, t in zip(gold, typoed))
    print(f"\n{changed} of {len(gold)} questions got typos (seed {args.seed}); {read_back} were read back exactly as written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
