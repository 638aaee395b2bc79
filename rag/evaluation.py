"""`rag eval`: the gold-set runner (placeholder parser until the runner lands)."""

from __future__ import annotations

import argparse


def add_eval_parser(sub, common) -> None:
    """Register `rag eval` on the CLI's subparsers."""
    p = sub.add_parser("eval", help="evaluate on a gold Q&A set")
    common(p)
    p.add_argument("--gold", default="eval/gold.jsonl")
    p.set_defaults(func=lambda args: 0)
