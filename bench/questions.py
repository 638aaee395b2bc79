"""The questions the benchmark asks: the gold set plus a spread of real SQuAD questions."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
CONVERSATIONS = ROOT / "eval" / "conversations.jsonl"
SEED_CORPUS = ROOT / "data" / "articles"
SQUAD_DEV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "squad2-dev" / "dev-v2.0.json"


def gold_questions(path: Path = GOLD) -> list[str]:
    """The gold set's questions, in file order."""
    from rag.gold import load_gold

    return [q.question for q in load_gold(path)]


def squad_questions(count: int, path: Path = SQUAD_DEV) -> list[str]:
    """``count`` SQuAD 2.0 dev questions spread evenly over the file (all 35 articles)."""
    from rag.squad import load_squad

    questions = list(dict.fromkeys(q.question for q in load_squad(path).questions))
    step = max(1, len(questions) // max(1, count))
    return questions[::step][:count]


def benchmark_questions(total: int = 360) -> list[tuple[str, str]]:
    """(source, question) pairs: every gold question, then SQuAD ones up to ``total``.

    Gold questions are about the seed articles (answered or rightly abstained); SQuAD
    questions are off-topic for them and exercise the abstention path on real text.
    """
    gold = [("gold", q) for q in gold_questions()]
    return gold + [("squad", q) for q in squad_questions(max(0, total - len(gold)))]


def conversations(path: Path = CONVERSATIONS) -> list[list[str]]:
    """The turns of every conversation of the conversation set (its last turn is a follow-up)."""
    from eval.conversations import load_conversations

    return [list(c.turns) for c in load_conversations(path)]
