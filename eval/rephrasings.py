"""Whether a question is answered the same however it is asked.

    python -m eval.rephrasings [--index gold=index] [--index uk-news=DIR] [--index anz-news=DIR] [--split dev|held-out] [--show]

``eval/rephrasings.jsonl`` holds questions of ``gold.jsonl``, ``uk-news`` and ``anz-news`` asked
another way, each labelled with its kind: lower case with no question mark, a contraction, a
request ("Tell me …"), a question inside another ("Do you know if …"), a phrase moved before the
question word, the other voice, another question word ("what amount", "for what reason"), a
"please", the other country's spelling. Each rephrasing and its original are answered and
judged as `rag eval` judges them; a pair *disagrees* when one is abstained on and the other is
not, or only one holds the needed fact. Printed per kind and half: the pairs, those that
disagree, and those whose original was right and rephrasing wrong. The dev half (written by a
reviewer on the sets' dev questions) was tuned on; the held-out half (written blind, on their
held-out questions) is only measured. Each set is answered from its own index (``--index
SET=DIR``, built with `rag build --corpus` of the set's articles); a set with none given is
skipped. Errors are one ``eval.rephrasings: error: …`` message with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

from rag.answer import Answerer
from rag.arguments import DEFAULT_INDEX
from rag.errors import RagError
from rag.evaluation import answerer_for_eval, settings_line
from rag.gold import GoldQuestion, load_gold, require_grounded
from rag.gold_scoring import Outcome, make_record, outcome

EVAL = Path(__file__).resolve().parent
SETS = {  # a set's questions and articles
    "gold": (EVAL / "gold.jsonl", EVAL.parent / "data" / "articles"),
    "uk-news": (EVAL / "uk-news" / "questions.jsonl", EVAL / "uk-news" / "articles"),
    "anz-news": (EVAL / "anz-news" / "questions.jsonl", EVAL / "anz-news" / "articles"),
}
KINDS = ("case_punct", "contraction", "imperative", "embedded", "fronted", "voice", "wh_synonym", "polite", "spelling")


@dataclass(frozen=True)
class Rephrasing:
    """One line of the rephrasings file: question ``id`` of ``set`` asked as ``question``."""

    set: str
    id: str
    split: str
    kind: str
    question: str


def load_rephrasings(path: str | Path) -> list[Rephrasing]:
    """The lines of a rephrasings file; a line that is not one raises RagError naming it."""
    found = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = Rephrasing(**json.loads(line))
        except (ValueError, TypeError) as exc:
            raise RagError(f"{path}:{number}: not a rephrasing ({exc})") from exc
        if item.set not in SETS or item.kind not in KINDS or item.split not in ("dev", "held-out"):
            raise RagError(f"{path}:{number}: unknown set, kind or split: {item.set!r}, {item.kind!r}, {item.split!r}")
        found.append(item)
    return found


def disagree(original: Outcome, rephrased: Outcome, answerable: bool) -> bool:
    """Whether two answers to one question differ in what matters: an abstention, or the needed fact."""
    return original.abstained != rephrased.abstained or (answerable and original.must_contain_hit != rephrased.must_contain_hit)


def right(judged: Outcome, answerable: bool) -> bool:
    """Whether an answer is what the gold line wants: the needed fact, or an abstention."""
    return judged.must_contain_hit if answerable else judged.abstained


def judged_pairs(rephrasings: Sequence[Rephrasing], answerers: dict[str, Answerer]) -> list[tuple[Rephrasing, GoldQuestion, Outcome, Outcome]]:
    """Each rephrasing of a set with an answerer, its gold line, and how its original and it are answered."""
    pairs = []
    for name, answerer in answerers.items():
        questions = SETS[name][0]
        gold = {item.id: item for item in load_gold(questions)}
        texts = {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()}
        require_grounded(list(gold.values()), texts)

        def judge(item: GoldQuestion, asked: str) -> Outcome:
            return outcome(make_record(item, item.split or "", answerer.answer(asked).to_dict(), texts), threshold=0.0)

        originals: dict[str, Outcome] = {}
        for rephrasing in (r for r in rephrasings if r.set == name):
            if rephrasing.id not in gold:
                raise RagError(f"{questions} has no question {rephrasing.id!r}, which a rephrasing asks another way")
            item = gold[rephrasing.id]
            if item.id not in originals:
                originals[item.id] = judge(item, item.question)
            pairs.append((rephrasing, item, originals[item.id], judge(item, rephrasing.question)))
    return pairs


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m eval.rephrasings``; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.rephrasings", description=__doc__.splitlines()[0])
    parser.add_argument("--rephrasings", default=str(EVAL / "rephrasings.jsonl"), help="rephrasings file (default: eval/rephrasings.jsonl)")
    parser.add_argument(
        "--index", action="append", default=[], metavar="SET=DIR",
        help=f"the index a set is answered from, one of {', '.join(SETS)} (default: gold={DEFAULT_INDEX}; repeat for each set)",
    )
    parser.add_argument("--split", choices=("dev", "held-out"), help="only this half (default: both, each on its rows)")
    parser.add_argument("--settings", help="answer settings file (default: the shipped one)")
    parser.add_argument("--show", action="store_true", help="also list each pair whose answers disagree")
    args = parser.parse_args(argv)
    try:
        return report(args)
    except RagError as exc:
        print(f"eval.rephrasings: error: {exc}", file=sys.stderr)
        return 2


def _indexes(given: Sequence[str]) -> dict[str, str]:
    indexes = {"gold": DEFAULT_INDEX}
    for pair in given:
        name, _, folder = pair.partition("=")
        if name not in SETS or not folder:
            raise RagError(f"--index wants SET=DIR with SET one of {', '.join(SETS)}, not {pair!r}")
        indexes[name] = folder
    return indexes


def report(args: argparse.Namespace) -> int:
    """Answer every rephrasing and its original, and print the table of disagreements by kind."""
    rephrasings = [r for r in load_rephrasings(args.rephrasings) if args.split in (None, r.split)]
    answerers = {name: answerer_for_eval(index, str(SETS[name][1]), args.settings) for name, index in _indexes(args.index).items()}
    pairs = judged_pairs(rephrasings, answerers)
    rows = []
    for split in ("dev", "held-out"):
        of_split = [p for p in pairs if p[0].split == split]
        if not of_split:
            continue
        tried, differ, broke = Counter(), Counter(), Counter()
        for rephrasing, item, original, rephrased in of_split:
            tried[rephrasing.kind] += 1
            differ[rephrasing.kind] += disagree(original, rephrased, item.answerable)
            broke[rephrasing.kind] += right(original, item.answerable) and not right(rephrased, item.answerable)
        for kind in [*KINDS, None]:
            count = sum(tried.values()) if kind is None else tried[kind]
            if count:
                pick = (lambda c: sum(c.values())) if kind is None else (lambda c: c[kind])
                rows.append([split, kind or "all", count, pick(differ), f"{pick(differ) / count:.3f}", pick(broke)])
    print(tabulate(rows, headers=["half", "kind", "pairs", "disagree", "rate", "right only as first asked"], disable_numparse=True))
    skipped = sorted({r.set for r in rephrasings} - set(answerers))
    print(
        "\ndisagree: the rephrasing and its original differ in abstaining or in holding the needed fact; right only as first "
        "asked: the original got what its gold line wants (the needed fact, or an abstention) and the rephrasing did not."
    )
    if skipped:
        print(f"skipped (no --index SET=DIR): {', '.join(skipped)}")
    print(settings_line(answerers["gold"], args.settings))
    if args.show:
        for rephrasing, item, original, rephrased in pairs:
            if disagree(original, rephrased, item.answerable):
                print(f"\n{rephrasing.set} {item.id} [{rephrasing.kind}] {item.question!r} -> {rephrasing.question!r}: "
                      f"abstained {original.abstained} -> {rephrased.abstained}, needed fact {original.must_contain_hit} -> {rephrased.must_contain_hit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
