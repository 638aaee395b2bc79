"""Presenting an evaluation: a console table, a JSON file, a Markdown report with plots.

Every function here reads the evaluation *payload*, the dict that is also written as
JSON: ``title``, ``notes`` (lines), ``summary`` (split -> metrics, see
``rag.gold_scoring.summarize``), ``recall_curve`` (split -> level -> recall@1..10) and,
for gold-set runs, ``sweep`` (split -> rows), ``threshold`` and ``questions``.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from tabulate import tabulate

from .errors import RagError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

REPORTS_DIR = "eval/reports"
SYMLOG_LINEAR_BELOW = 1e-4  # the abstention plot's threshold axis is linear from 0 to here, logarithmic above
LEVELS = {"documents": "gold documents", "gold_quotes": "gold quotes' passages"}
METRIC_ROWS = (
    *((label, name, ("retrieval", level, name)) for level, label in LEVELS.items()
      for name in ("recall@1", "recall@3", "recall@5", "recall@10", "recall@100", "mrr@10", "ndcg@10")),
    *(("answers", label, ("answers", key)) for key, label in (
        ("quote_exactness", "quote exactness"), ("must_contain_hit", "must_contain hit"), ("gold_quote_hit", "gold quote hit"),
        ("token_f1", "token F1"), ("citation_precision", "citation precision"), ("citation_recall", "citation recall"))),
    *(("abstention", label, ("abstention", key)) for key, label in (
        ("threshold", "threshold"), ("precision", "precision"), ("recall", "recall"), ("f1", "F1"), ("false_abstention_rate", "false-abstention rate"))),
    ("latency", "median (ms)", ("latency", "median_ms")),
    ("latency", "p95 (ms)", ("latency", "p95_ms")),
)
KIND_COLUMNS = (("questions", "n"), ("abstained", "abstained"), ("must_contain_hit", "must_contain hit"),
                ("gold_quote_hit", "gold quote hit"), ("token_f1", "token F1"), ("mean_answerability", "mean answerability"))


# The Markdown report's legend: each metric in a line (eval/README.md defines them in full).
METRIC_LEGEND = (
    "**gold documents / gold quotes' passages**: recall@k, MRR@10 and nDCG@10 of the gold articles, and of the passages "
    "holding the gold quotes, among the passages retrieved (answerable questions only)",
    "**quote exactness**: share of quoted spans equal to the article text at their offsets (must be 1.000)",
    "**must_contain hit**: share of answerable questions whose quotes hold every `must_contain` string (an abstention is a miss)",
    "**gold quote hit**: share of answerable questions with a quote overlapping a gold quote; **token F1**: word overlap "
    "of the quotes with the best gold quote, as SQuAD scores it but with words split at punctuation",
    "**citation precision / recall**: share of the cited articles that are gold / of the gold articles that are cited",
    "**abstention precision / recall / F1**: abstaining counted as the positive class (right on unanswerable questions); "
    "**false-abstention rate**: share of answerable questions abstained on",
    "**latency**: each answer's own time in ms, with the model loaded",
)

_ABSENT = object()  # a metric a summary does not have, unlike one it has as None (undefined)


def _lookup(summary: Mapping, path: Sequence[str]) -> object:
    value: object = summary
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return _ABSENT
        value = value[key]
    return value


def _cell(value: object, spec: str = ".3f") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return format(value, spec)
    return str(value)


def metric_table(summaries: Mapping[str, Mapping], tablefmt: str = "simple") -> str:
    """Metrics (rows) by split (columns); rows no split has are left out, undefined values show "–"."""
    rows, previous_group = [], None
    for group, name, path in METRIC_ROWS:
        values = [_lookup(s, path) for s in summaries.values()]
        if any(v is not _ABSENT for v in values):
            spec = ".1f" if group == "latency" else "g" if name == "threshold" else ".3f"  # a threshold keeps its digits: 0.005012, 1e-05
            rows.append(["" if group == previous_group else group, name, *(_cell(None if v is _ABSENT else v, spec) for v in values)])
            previous_group = group
    counts = [f"{s.get('questions', '?')}" for s in summaries.values()]
    rows.insert(0, ["", "questions", *counts])
    return tabulate(rows, headers=["", "metric", *summaries], tablefmt=tablefmt, disable_numparse=True)


INTERVAL_ROWS = (("must_contain_hit", "must_contain hit"), ("abstention_f1", "abstention F1"), ("false_abstention_rate", "false-abstention rate"))


def interval_table(summaries: Mapping[str, Mapping], tablefmt: str = "simple") -> str:
    """95% intervals of the headline rates, by split ("" when no split has them): Wilson for the two
    rates over answerable questions, a bootstrap over the questions for abstention F1."""
    if not any(s.get("intervals") for s in summaries.values()):
        return ""
    rows = [
        [label, *(f"{iv[0]:.3f} – {iv[1]:.3f}" if (iv := (s.get("intervals") or {}).get(key)) else "–" for s in summaries.values())]
        for key, label in INTERVAL_ROWS
    ]
    return tabulate(rows, headers=["95% interval (Wilson; F1: bootstrap)", *summaries], tablefmt=tablefmt, disable_numparse=True)


def kind_table(summary: Mapping, tablefmt: str = "simple") -> str:
    """Per-kind rates (abstentions, must_contain hits, …) of one split."""
    rows = [[kind, *(_cell(values.get(key)) for key, _ in KIND_COLUMNS)] for kind, values in summary.get("by_kind", {}).items()]
    return tabulate(rows, headers=["kind", *(label for _, label in KIND_COLUMNS)], tablefmt=tablefmt, disable_numparse=True)


def console_report(payload: Mapping) -> str:
    """The text printed by `rag eval`."""
    parts = [payload["title"], *payload.get("notes", []), "", metric_table(payload["summary"])]
    intervals = interval_table(payload["summary"])
    if intervals:
        parts += ["", intervals]
    first = next(iter(payload["summary"].values()))
    if first.get("by_kind"):
        parts += ["", f"by kind ({next(iter(payload['summary']))}):", kind_table(first)]
    return "\n".join(parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")  # what Markdown or HTML would read as markup


def markdown_escaped(text: str) -> str:
    """``text`` with every character Markdown or HTML would read as markup (``*``, ``_``,
    ``<``, ``|``, …) escaped with a backslash, so that it shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _md_text(text: object, limit: int = 160) -> str:
    """``text`` as one table cell: on one line, at most ``limit`` characters, markup escaped."""
    text = " ".join(str(text).split())
    return markdown_escaped(text if len(text) <= limit else text[: limit - 1] + "…")


def score_cell(value: float, threshold: float | None) -> str:
    """An answerability score to 4 significant digits, or as many more as it takes to tell it from
    ``threshold`` (0.0050119 next to 0.005012), so the table shows which side of it a score fell."""
    cell = format(value, ".4g")
    for digits in range(5, 18):
        if threshold is None or value == threshold or cell != format(threshold, f".{digits - 1}g"):
            break
        cell = format(value, f".{digits}g")
    return cell


def _failure_section(heading: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """One section of the failure lists: its table, or "None." when no question failed that way."""
    body = tabulate(rows, headers=list(headers), tablefmt="github", disable_numparse=True) if rows else "None."
    return [f"## {heading}", "", body, ""]


def _gold_rank(question: Mapping) -> str:
    """The best rank among the passages of a gold quote's passage ("–" when none was retrieved)."""
    ranks = [g["passage_rank"] for g in question.get("gold_quotes", []) if g.get("passage_rank")]
    return str(min(ranks)) if ranks else "–"


def _failure_tables(questions: Sequence[Mapping], threshold: float | None = None) -> list[str]:
    """The answerable questions that missed a must_contain string and the unanswerable ones that
    were answered (each section present, saying "None." when empty, once there are questions)."""
    if not questions:
        return []
    missed = [q for q in questions if q["answerable"] and not q["must_contain_hit"]]
    wrongly_answered = [q for q in questions if not q["answerable"] and not q["abstained"]]
    return [
        *_failure_section(
            "Answerable questions that missed a must_contain string",
            ["id", "kind", "split", "question", "missing", "answerability", "gold passage rank", "answer"],
            [[_md_text(q["id"]), q["kind"], q["split"], _md_text(q["question"], 80), _md_text(", ".join(q.get("missing") or q["must_contain"])),
              score_cell(q["answerability"], threshold), _gold_rank(q), "abstained" if q["abstained"] else _md_text(q["answer"], 400)] for q in missed],
        ),
        *_failure_section(
            "Unanswerable questions that were answered",
            ["id", "kind", "split", "question", "answerability", "answer"],
            [[_md_text(q["id"]), q["kind"], q["split"], _md_text(q["question"], 80), score_cell(q["answerability"], threshold), _md_text(q["answer"])]
             for q in wrongly_answered],
        ),
    ]


def markdown_report(payload: Mapping, images: Mapping[str, str]) -> str:
    """The Markdown report; ``images`` maps a caption to a PNG file name beside it."""
    parts = [f"# {payload['title']}", "", *(f"- {line}" for line in payload.get("notes", [])), "", "## Metrics", "",
             metric_table(payload["summary"], "github"), "", *(f"- {line}" for line in METRIC_LEGEND), ""]
    intervals = interval_table(payload["summary"], "github")
    if intervals:
        parts += ["A difference smaller than these intervals is within what another draw of questions could give.", "", intervals, ""]
    for split, summary in payload["summary"].items():
        if summary.get("by_kind"):
            parts += [f"## By kind ({split})", "", kind_table(summary, "github"), ""]
    parts += [f"![{caption}]({name})\n" for caption, name in images.items()]
    parts += _failure_tables(payload.get("questions", []), payload.get("threshold"))
    return "\n".join(parts).rstrip() + "\n"


def plot_recall_curve(curves: Mapping[str, Mapping[str, Sequence[float]]], path: Path) -> None:
    """PNG of recall@k (k = 1..10) per split and level."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for split, levels in curves.items():
        for level, values in levels.items():
            ax.plot(range(1, len(values) + 1), values, marker="o", label=f"{LEVELS.get(level, level)} ({split})",
                    linestyle="-" if level == "documents" else "--")
    ax.set(xlabel="k (rank cutoff)", ylabel="recall@k", ylim=(0, 1.02), title="Recall@k")
    ax.set_xticks(range(1, 11))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def abstention_figure(sweeps: Mapping[str, Sequence[Mapping]], threshold: float | None) -> "Figure":
    """Abstention precision, recall, F1 and false-abstention rate against the threshold, one panel per split.

    The threshold axis is symmetric-logarithmic (linear below 0.0001, where it starts at 0),
    so the fine steps below 0.01, where a penalised score sits, are as visible as the rest.
    An undefined rate (None: precision where nothing is abstained on) is left unplotted.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(sweeps), figsize=(6.0 * len(sweeps), 4.2), squeeze=False, sharey=True)
    for ax, (split, rows) in zip(axes[0], sweeps.items()):
        x = [r["threshold"] for r in rows]
        for key, label in (("precision", "precision"), ("recall", "recall"), ("f1", "F1"), ("false_abstention_rate", "false-abstention rate")):
            ax.plot(x, [math.nan if r[key] is None else r[key] for r in rows], label=label, linestyle=":" if key == "false_abstention_rate" else "-")
        if threshold is not None:
            ax.axvline(threshold, color="grey", linestyle="--", linewidth=1, label=f"threshold {threshold:g}")
        ax.set_xscale("symlog", linthresh=SYMLOG_LINEAR_BELOW)
        ax.set(xlabel="abstention threshold (answerability below it → abstain; log scale above 0.0001)", title=f"Abstention ({split})", ylim=(0, 1.02), xlim=(0, 1))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    axes[0][0].set_ylabel("rate")
    fig.tight_layout()
    return fig


def plot_abstention(sweeps: Mapping[str, Sequence[Mapping]], threshold: float | None, path: Path) -> None:
    """PNG of ``abstention_figure``."""
    import matplotlib.pyplot as plt

    fig = abstention_figure(sweeps, threshold)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def check_report_folder(out_dir: str | Path) -> None:
    """Raise RagError ("cannot write the reports to …") unless files can be written in
    ``out_dir``, or in the folders it would be created in: checked before a long run."""
    existing = Path(out_dir)
    while not existing.exists() and not existing.is_symlink() and existing != existing.parent:
        existing = existing.parent
    problem: str | None
    if not existing.exists():
        problem = f"{existing} is a broken link"
    elif not existing.is_dir():
        problem = f"{existing} is not a folder"
    else:
        problem = None if os.access(existing, os.W_OK | os.X_OK) else f"{existing} is not writable"
    if problem:
        raise RagError(f"cannot write the reports to {out_dir}: {problem}")


def report_files(out_dir: str | Path, name: str) -> dict[str, Path]:
    """The report files ``write_reports`` may write: the JSON, the Markdown and the two plots."""
    out = Path(out_dir)
    return {"json": out / f"{name}.json", "md": out / f"{name}.md", "recall": out / f"{name}-recall.png", "abstention": out / f"{name}-abstention.png"}


def write_reports(payload: Mapping, out_dir: str | Path, name: str) -> list[Path]:
    """Write ``<name>.json``, ``<name>.md`` and the PNG plots under ``out_dir``; returns the paths.

    Raises RagError ("cannot write …") when the folder or a file cannot be written.
    """
    files = report_files(out_dir, name)
    images: dict[str, str] = {}
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        if payload.get("recall_curve"):
            plot_recall_curve(payload["recall_curve"], files["recall"])
            images["Recall@k"] = files["recall"].name
        if payload.get("sweep"):
            plot_abstention(payload["sweep"], payload.get("threshold"), files["abstention"])
            images["Abstention against the threshold"] = files["abstention"].name
        files["json"].write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files["md"].write_text(markdown_report(payload, images), encoding="utf-8")
    except OSError as exc:
        raise RagError(f"cannot write the reports to {out_dir}: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")) from exc
    return [files["json"], files["md"], *(Path(out_dir) / image for image in images.values())]
