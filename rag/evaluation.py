"""`rag eval`: run a gold set through the answerer, score it, report it, calibrate it.

Every question goes through ``Answerer.answer`` (the code path of `rag ask`), with the
abstention threshold at 0 so that no answer is suppressed; each threshold's answers are
then derived from the stored answers and their answerability scores (``rag.gold_scoring``).

Sub-commands: `rag eval beir DIR` (retrieval-only, BEIR format) and `rag eval squad`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .errors import QuestionError, RagError, RagWarning, warn_caller
from .eval_report import REPORTS_DIR
from .gold import SPLITS, GoldQuestion, capped, load_gold, question_key, require_grounded, split_of, unquotable_quotes
from .jsonl import json_line
from .metrics import MAX_FALSE_ABSTENTION

if TYPE_CHECKING:
    from .answer import Answerer
    from .gold_scoring import Record
    from .settings import AnswerSettings

DEFAULT_GOLD = "eval/gold.jsonl"
EVAL_PASSAGES = 10
UNKNOWN_TERM_PENALTIES = (0.0, 2.0, 4.0, 6.0, 8.0)


def unsuppressed(answerer: "Answerer") -> "Answerer":
    """An answerer like ``answerer`` whose threshold (0) never turns an answer into an abstention."""
    from .answer import Answerer

    return Answerer(answerer.retriever, settings=replace(answerer.settings, abstain_threshold=0.0), answerability=answerer.answerability)


def answerer_for_eval(index: str, corpus: str | None = None, settings: str | None = None) -> "Answerer":
    """The answerer `python -m eval.typos` and `python -m eval.conversations` score: the index
    checked against its articles (``corpus``, else the folder it was built from; an index of
    changed articles is refused, IndexMismatchError, as `rag eval` refuses it), answering with
    the settings file ``settings`` (default: the shipped one, which `rag ask` reads)."""
    from .answer import Answerer
    from .arguments import articles_of_index
    from .settings import AnswerSettings

    chosen = AnswerSettings.load(settings)
    return Answerer.load(index, corpus_dir=articles_of_index(index, corpus), settings=chosen)


def settings_line(answerer: "Answerer", settings: str | None) -> str:
    """Which settings an evaluation answered with: the file and the values that shape abstention."""
    from .settings import CALIBRATED_SETTINGS

    values = answerer.settings
    return (
        f"settings: {settings or CALIBRATED_SETTINGS} (abstain_threshold {values.abstain_threshold:g}, "
        f"unknown_term_penalty {values.unknown_term_penalty:g}, unknown_name_penalty {values.unknown_name_penalty:g}, "
        f"name_elsewhere_penalty {values.name_elsewhere_penalty:g}, detail_conflict_penalty {values.detail_conflict_penalty:g}, type_unmet_penalty {values.type_unmet_penalty:g})"
    )


def warm_up(answerer: "Answerer", questions: Sequence[GoldQuestion]) -> None:
    """Answer one gold question (the first answerable one) untimed and unrecorded, so that
    what loads on the first answer (the model's first run, the token counter) is not timed
    as part of a question; and load the dictionary the first word the articles lack loads
    (``rag.spelling.base_form``) and the table of verb forms the first question reading a verb
    loads (``rag.lexical.is_verb``). A separate answerer, so that nothing it caches speeds that
    question up later."""
    from .lexical import is_verb
    from .spelling import base_form

    base_form("warming")
    is_verb("warming")
    first = next((q for q in questions if q.answerable), questions[0]) if questions else None
    if first is not None:
        try:
            unsuppressed(answerer).answer(first.question, k=EVAL_PASSAGES)
        except QuestionError:
            pass  # answer_gold reports an unusable question when it reaches it


def warn_unquotable(answerer: "Answerer", questions: Sequence[GoldQuestion]) -> None:
    """Warn (RagWarning, one per quote, the first few) about the gold quotes no answer can hold:
    titles, headings, question lines (``rag.gold.unquotable_quotes``). Not an error: the
    question's other gold quotes and its must_contain strings may still be answered."""
    index = answerer.index
    texts = {doc_id: doc.text for doc_id, doc in index.documents.items()}
    for line in capped(unquotable_quotes(questions, texts, index.sentences)):
        warn_caller(line, RagWarning)


def answer_gold(answerer: "Answerer", questions: Sequence[GoldQuestion], *, progress: bool = False) -> list["Record"]:
    """Answer every gold question (nothing suppressed) and record the answers for scoring.

    Raises RagError when the gold quotes are not in the indexed articles or a question
    is unusable, since the scores would then mean nothing.
    """
    from tqdm import tqdm

    from .gold_scoring import make_record

    texts = {doc_id: doc.text for doc_id, doc in answerer.index.documents.items()}
    require_grounded(questions, texts)
    split = split_of(questions)
    warm_up(answerer, questions)
    runner = unsuppressed(answerer)
    records = []
    for question in tqdm(questions, desc="answering", unit="question", disable=not progress, file=sys.stderr):
        try:
            answer = runner.answer(question.question, k=EVAL_PASSAGES)
        except QuestionError as exc:
            raise RagError(f"gold question {question.id} is unusable: {exc}") from exc
        stored = answer.to_dict() | {"answerability": answer.answerability}  # unrounded: thresholds apply exactly as in the answerer
        records.append(make_record(question, split[question.id], stored, texts))
    return records


def _by_split(records: Sequence["Record"]) -> dict[str, list["Record"]]:
    return {"all": list(records), **{name: [r for r in records if r.split == name] for name in SPLITS}}


def _question_rows(records: Sequence["Record"], threshold: float) -> list[dict]:
    """The JSON report's per-question rows: each answer at ``threshold`` and how it scored."""
    from .gold_scoring import gold_quote_ids, outcome

    rows = []
    for record in records:
        result = outcome(record, threshold)
        gold = record.gold
        applies = gold.answerable  # the answer metrics: null on an unanswerable question, so a plain mean of a column is the rate
        ranks = dict(record.quote_ranks)
        rows.append({
            "id": gold.id, "kind": gold.kind, "split": record.split, "question": gold.question, "read_as": record.answer["read_as"],
            "answerable": gold.answerable, "must_contain": list(gold.must_contain), "gold_docs": sorted(gold.gold_docs),
            "gold_quotes": [{"doc_id": g.doc_id, "quote": g.quote, "passage_rank": ranks.get(qid)} for qid, g in zip(gold_quote_ids(gold), gold.gold)],
            "missing": list(result.missing) if applies else None,
            "answerability": record.answerability, "abstained": result.abstained,
            "must_contain_hit": result.must_contain_hit if applies else None, "gold_quote_hit": result.gold_quote_hit if applies else None,
            "token_f1": result.token_f1 if applies else None, "cited": list(result.cited), "doc_ranking": list(record.doc_ranking),
            "passages": [{key: p[key] for key in ("doc_id", "start", "end", "score")} for p in record.answer["passages"]],
            "answer": "" if result.abstained else " … ".join(q["text"] for q in record.answer["quotes"]),
            "quotes": [] if result.abstained else record.answer["quotes"], "timings_ms": record.answer["timings_ms"],
        })
    return rows


# A half with fewer questions than this gets a note: one answer then moves a rate by 0.03 or more.
FEW_QUESTIONS = 30


def small_split_notes(records: Sequence["Record"]) -> list[str]:
    """A note for each half of the gold set too small for its rates' digits to mean much."""
    notes = []
    for name in SPLITS:
        split = [r for r in records if r.split == name]
        answerable = sum(r.gold.answerable for r in split)
        if 0 < len(split) < FEW_QUESTIONS:
            moves = f": one answer moves its must_contain hit by {1 / answerable:.2f}" if answerable else ""
            notes.append(
                f"the {name} half has only {len(split)} questions ({answerable} answerable, {len(split) - answerable} not){moves}; "
                "read the 95% intervals rather than the digits"
            )
    return notes


def dev_question_keys(questions: Sequence[GoldQuestion]) -> set[str]:
    """The keys (``rag.gold.question_key``) of the questions in the dev half: what calibration tunes on."""
    halves = split_of(questions)
    return {question_key(q.question) for q in questions if halves[q.id] == "dev"}


def repeated_question_notes(questions: Sequence[GoldQuestion]) -> list[str]:
    """A note when held-out questions repeat dev ones (the same words, case and punctuation
    aside): tuning on the dev half then tunes on them too."""
    halves, dev = split_of(questions), dev_question_keys(questions)
    repeated = [q.id for q in questions if halves[q.id] == "held-out" and question_key(q.question) in dev]
    if not repeated:
        return []
    return [f"{len(repeated)} held-out question(s) repeat a dev question, case and punctuation aside ({', '.join(capped(repeated))}): tuning on dev tunes on them too"]


def gold_payload(records: Sequence["Record"], threshold: float, *, title: str, notes: Sequence[str]) -> dict:
    """The evaluation payload (what the reports show) of ``records`` at ``threshold``: the
    threshold sweep of all questions and of each half that has any, calibrated or not, so that
    two runs compare like for like."""
    from .gold_scoring import recall_curve, summarize, sweep

    splits = _by_split(records)
    sweep_splits = ["all", *(name for name in SPLITS if splits[name])]
    return {
        "title": title,
        "notes": list(notes),
        "threshold": threshold,
        "summary": {name: summarize(rs, threshold) for name, rs in splits.items()},
        "recall_curve": {"all": recall_curve(records)},
        "sweep": {name: sweep(splits[name]) for name in sweep_splits},
        "questions": _question_rows(records, threshold),
    }


def calibrate(records: Sequence["Record"], max_false_abstention: float = MAX_FALSE_ABSTENTION, current: float | None = None) -> dict:
    """The sweep row chosen on the dev split (see ``rag.gold_scoring.choose_threshold``; ties keep the ``current`` threshold)."""
    from .gold_scoring import choose_threshold, sweep

    dev = [r for r in records if r.split == "dev"]
    if not any(not r.gold.answerable for r in dev) or not any(r.gold.answerable for r in dev):
        raise RagError("calibration needs answerable and unanswerable questions in the dev split")
    return choose_threshold(sweep(dev), max_false_abstention, current)


def calibrate_answerer(
    answerer: "Answerer", questions: Sequence[GoldQuestion], records: Sequence["Record"], max_false_abstention: float
) -> tuple["Answerer", list["Record"], dict]:
    """Choose ``unknown_term_penalty`` (from UNKNOWN_TERM_PENALTIES) and the threshold on the dev split.

    Returns the answerer with the chosen penalty, its records and the chosen sweep row.
    Ties keep the current penalty and threshold (a setting changes only on evidence), else
    the smaller penalty.
    """
    from .answer import Answerer

    best: tuple[tuple[float, float, bool], "Answerer", list["Record"], dict] | None = None
    for penalty in UNKNOWN_TERM_PENALTIES:
        candidate = answerer
        if penalty != answerer.settings.unknown_term_penalty:
            candidate = Answerer(answerer.retriever, settings=replace(answerer.settings, unknown_term_penalty=penalty), answerability=answerer.answerability)
        candidate_records = list(records) if candidate is answerer else answer_gold(candidate, questions)
        chosen = calibrate(candidate_records, max_false_abstention, current=answerer.settings.abstain_threshold)
        is_current = candidate is answerer and math.isclose(chosen["threshold"], answerer.settings.abstain_threshold)
        key = (round(chosen["f1"], 9), round(chosen["must_contain_hit"] or 0.0, 9), is_current)
        if best is None or key > best[0]:
            best = (key, candidate, candidate_records, chosen)
    assert best is not None  # UNKNOWN_TERM_PENALTIES is not empty
    return best[1], best[2], best[3]


def _sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _headline(summary: dict) -> dict:
    """The few numbers saved as provenance next to a calibrated setting."""
    return {
        "questions": summary["questions"],
        "must_contain_hit": summary["answers"]["must_contain_hit"],
        "abstention_f1": summary["abstention"]["f1"],
        "false_abstention_rate": summary["abstention"]["false_abstention_rate"],
    }


def run_gold_eval(args: argparse.Namespace, answerer: "Answerer", questions: Sequence[GoldQuestion] | None = None) -> int:
    """Evaluate ``answerer`` on the gold set named by ``args`` and write the reports.

    With ``args.calibrate``, choose the abstention threshold on the dev split, report
    both splits at it, and save it to ``args.settings`` once the reports are written.
    `rag eval` checks the output paths first (``check_outputs``).
    """
    from .eval_report import console_report, write_reports

    questions = questions if questions is not None else load_gold(args.gold)
    warn_unquotable(answerer, questions)
    records = answer_gold(answerer, questions, progress=not args.json and sys.stderr.isatty())
    sizes = {name: sum(r.split == name for r in records) for name in SPLITS}
    index = answerer.index.manifest
    notes = [
        f"gold set: {args.gold} ({len(records)} questions; dev {sizes['dev']}, held-out {sizes['held-out']}; sha256 {_sha256(args.gold)[:12]})",
        f"index: {args.index} (model {index.get('model', {}).get('name')}, built {index.get('built_at')}); {EVAL_PASSAGES} passages per question",
        "dev: the half `rag eval --calibrate` tunes on when calibrating on this set (it chooses the threshold there); held-out: only "
        "measured, never tuned on; whether the settings in use were tuned on any of these questions: the settings note below "
        "(the split rule and what each metric means: eval/README.md)",
        *small_split_notes(records),
        *repeated_question_notes(questions),
    ]
    calibration = None
    name = report_name(args)
    before = answerer.settings
    if args.calibrate:
        limit = false_abstention_limit(args)
        answerer, records, chosen = calibrate_answerer(answerer, questions, records, limit)
        threshold = chosen["threshold"]
        tied = tied_thresholds([r for r in records if r.split == "dev"], limit)
        notes.append(
            f"calibrated on the dev split: unknown_term_penalty {answerer.settings.unknown_term_penalty:g}, threshold {threshold:g} "
            f"(best abstention F1 with false-abstention rate ≤ {limit:.0%}{tie_note(tied, threshold, before.abstain_threshold)}); "
            "held-out reported at those values"
        )
    else:
        threshold = args.threshold if args.threshold is not None else answerer.settings.abstain_threshold
        notes.append(f"abstention threshold {threshold:g} ({'--threshold' if args.threshold is not None else 'from the settings'}); {settings_note(args, questions)}")
    payload = gold_payload(records, threshold, title=f"rag eval: {name}", notes=notes)
    payload["settings"] = asdict(replace(answerer.settings, abstain_threshold=threshold))
    if args.calibrate:
        calibration = {"chosen": chosen, "tied_thresholds": tied, "saved_to": str(settings_path(args)), "max_false_abstention": limit}
        payload["calibration"] = calibration
    written = write_reports(payload, args.out, name)
    rewritten = False
    if calibration is not None:
        summary = payload["summary"]
        rewritten = save_calibration(answerer, threshold, args, questions, _headline(summary["dev"]), _headline(summary["held-out"])) is not None
        calibration["rewritten"] = rewritten
    if args.json:
        sys.stdout.write(json_line({k: payload[k] for k in ("notes", "threshold", "summary", "settings")} | {"calibration": calibration, "reports": [str(p) for p in written]}))
    else:
        print(console_report(payload))
        if calibration:
            print("\n" + saved_line(before, answerer.settings.unknown_term_penalty, threshold, tied, str(settings_path(args)), rewritten))
        print("\nreports: " + ", ".join(str(p) for p in written))
    return 0


def tied_thresholds(dev: Sequence["Record"], max_false_abstention: float) -> list[float]:
    """The thresholds calibration ties between on ``dev`` (``rag.gold_scoring.best_rows``; one
    threshold when nothing ties)."""
    from .gold_scoring import best_rows, sweep

    return [r["threshold"] for r in best_rows(sweep(dev), max_false_abstention)]


def tie_note(tied: Sequence[float], threshold: float, current: float) -> str:
    """"; N thresholds tied …, the current one kept" (or the middle one chosen), or "" without a tie."""
    if len(tied) < 2:
        return ""
    kept = "the current one kept" if math.isclose(threshold, current) else "the middle one chosen"
    return f"; {len(tied)} thresholds tied, {min(tied):g} to {max(tied):g}: {kept}"


def saved_line(before: "AnswerSettings", penalty: float, threshold: float, tied: Sequence[float], path: str, rewritten: bool = True) -> str:
    """What `rag eval --calibrate` says it saved: both calibrated values, each with what it was, and
    any tie; or, when ``path`` already held them and the same provenance, that it was left as it was."""

    def value(name: str, new: float, old: float) -> str:
        return f"{name}={new:g} ({'unchanged' if math.isclose(new, old) else f'was {old:g}'})"

    values = f"{value('abstain_threshold', threshold, before.abstain_threshold)} and {value('unknown_term_penalty', penalty, before.unknown_term_penalty)}"
    if not rewritten:
        return f"{path} left as it was: it holds {values}, calibrated on the same questions with the same figures{tie_note(tied, threshold, before.abstain_threshold)}"
    return f"saved {values} to {path}{tie_note(tied, threshold, before.abstain_threshold)}"


def _seen_from(folder: Path, path: Path) -> str:
    """``path`` relative to ``folder`` (the settings file's: "../eval/gold.jsonl" for the shipped
    one, the same on every machine the repository is cloned to), or absolute on another drive."""
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:
        return str(path)


def save_calibration(
    answerer: "Answerer", threshold: float, args: argparse.Namespace, questions: Sequence[GoldQuestion], dev: dict, held_out: dict
) -> Path | None:
    """Save the answerer's settings with the calibrated ``threshold``, and where it came from, to
    ``settings_path(args)``: the gold file, and the keys of the dev questions it was tuned on
    (``rag.gold.question_key``). None, and the file left as it is, when it already holds all of
    that (a calibration that changed nothing does not rewrite the shipped file for its date)."""
    settings = replace(answerer.settings, abstain_threshold=threshold)
    path = settings_path(args)
    provenance = {
        "calibrated_by": "rag eval --calibrate",
        "gold": {"path": _seen_from(Path(path).resolve().parent, Path(args.gold).resolve()), "sha256": _sha256(args.gold)},
        "tuned_on": sorted(dev_question_keys(questions)),
        "split": "dev (each line's split key; lines without one by kind and sha256 of the id, each to the smaller half of its kind; rag.gold.split_of)",
        "max_false_abstention": false_abstention_limit(args),
        "dev_metrics": dev,
        "held_out_metrics": held_out,
    }
    try:
        saved = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    if isinstance(saved, dict) and {k: v for k, v in saved.items() if k != "calibrated_at"} == {"settings": asdict(settings), **provenance}:
        return None
    # SettingsError naming the path when it cannot be written
    return settings.save(path, calibrated_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **provenance)


def settings_note(args: argparse.Namespace, questions: Sequence[GoldQuestion]) -> str:
    """Which settings `rag eval` reports with and what they were calibrated on, from the
    provenance `rag eval --calibrate` saves in the settings file (``save_calibration``): the
    gold file, and which of ``questions`` were among the dev questions tuned on (by their
    words, whatever file they are in: a frozen or grown copy of the gold file, or another
    set that repeats some of its questions)."""
    path = settings_path(args)
    if not path.exists():
        return "settings: the built-in defaults (no settings file), never calibrated"
    saved, gold = calibration_record(path)
    if gold is None or "sha256" not in gold:
        return f"settings: {path}, which records no calibration"
    same = gold["sha256"] == _sha256(args.gold)
    calibrated = (
        f"settings: {path}, calibrated by {saved.get('calibrated_by', '?')} at {saved.get('calibrated_at', '?')} on the dev split of "
        f"{_gold_named_in(path, gold)} (sha256 {str(gold['sha256'])[:12]}: {'this gold file' if same else 'another gold file than this one'})"
    )
    tuned_on = saved.get("tuned_on")
    if not isinstance(tuned_on, list):
        return calibrated + ("" if same else "; it records no dev questions, so which of these it was tuned on is not known")
    keys = frozenset(str(key) for key in tuned_on)
    halves = split_of(questions)
    seen = {half: sum(question_key(q.question) in keys for q in questions if halves[q.id] == half) for half in SPLITS}
    if not any(seen.values()):
        return calibrated + "; none of this set's questions is one the threshold was tuned on"
    counts = ", ".join(f"{seen[half]} of {sum(h == half for h in halves.values())} {half}" for half in SPLITS if seen[half])
    return calibrated + f"; questions the threshold was tuned on (the same words as a dev question of that calibration): {counts}" + (
        " — those held-out figures are not blind" if seen["held-out"] else ""
    )


def calibration_record(settings_file: Path) -> tuple[dict, dict | None]:
    """The settings file's contents and the gold file it records being calibrated on (its
    ``gold``: path and sha256, see ``save_calibration``), None when it records none. The file
    has been read as valid settings before (``eval_settings``)."""
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    gold = saved.get("gold") if isinstance(saved, dict) else None
    return (saved if isinstance(saved, dict) else {}), (gold if isinstance(gold, dict) else None)


def _recorded_gold(settings_file: Path, gold: dict | None) -> Path | None:
    """The gold file a settings file records (``gold``: a path relative to its folder), resolved; None if none."""
    recorded = gold.get("path") if gold else None
    return (settings_file.resolve().parent / recorded).resolve() if isinstance(recorded, str) else None


def _gold_named_in(settings_file: Path, gold: dict) -> str:
    """The gold file a settings file records as seen from here."""
    recorded = _recorded_gold(settings_file, gold)
    return "?" if recorded is None else _seen_from(Path.cwd(), recorded)


def settings_path(args: argparse.Namespace) -> Path:
    """The settings file `rag eval` reads, and `--calibrate` writes: ``--settings``, else the shipped one."""
    from .settings import CALIBRATED_SETTINGS

    return Path(args.settings) if args.settings is not None else CALIBRATED_SETTINGS


def report_name(args: argparse.Namespace) -> str:
    """The reports' file name stem: ``--name``, else the gold file's stem (plus ``-calibrated``)."""
    return args.name or Path(args.gold).stem + ("-calibrated" if args.calibrate else "")


def false_abstention_limit(args: argparse.Namespace) -> float:
    """The calibration's limit on false abstentions: ``--max-false-abstention``, else MAX_FALSE_ABSTENTION."""
    return MAX_FALSE_ABSTENTION if args.max_false_abstention is None else args.max_false_abstention


def check_options(args: argparse.Namespace) -> None:
    """Refuse ``--max-false-abstention`` without ``--calibrate``, which alone uses it (ArgumentsError)."""
    from .arguments import ArgumentsError

    if args.max_false_abstention is not None and not args.calibrate:
        raise ArgumentsError("argument --max-false-abstention: only with --calibrate (see `rag eval --help`)")


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before anything is answered, reports or settings that could not be written
    or would overwrite an input: ``--name`` must be a file name, ``--out`` a folder that can
    be written (or created), no report may be the gold or the settings file, and with
    ``--calibrate`` the settings file must be writable, and be one's own unless the gold file is
    the one the shipped settings were calibrated on (``refuse_retuning_shipped_settings``).
    Raises RagError naming the path.
    """
    from .eval_report import check_report_folder, report_files

    name = report_name(args)
    if "/" in name or os.sep in name or (os.altsep and os.altsep in name):
        raise RagError(f"--name {name!r} must be a file name, without a path separator (choose the folder with --out)")
    check_report_folder(args.out)
    inputs = {"the gold file": Path(args.gold), "the settings file": settings_path(args)}
    for report in report_files(args.out, name).values():
        for what, path in inputs.items():
            if report.resolve() == path.resolve():
                raise RagError(f"the report {report} would overwrite {what} {path}; choose another --out or --name")
    if args.calibrate:
        target = settings_path(args)
        refuse_retuning_shipped_settings(args)
        if target.exists():
            problem = None if target.is_file() and os.access(target, os.W_OK) else "not a writable file"
        else:
            folder = target.parent
            problem = None if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) else f"{folder} is not a writable folder" if folder.exists() else f"no folder {folder}"
        if problem:
            raise RagError(f"cannot write the settings to {target}: {problem}")


def refuse_retuning_shipped_settings(args: argparse.Namespace) -> None:
    """Refuse ``--calibrate`` without ``--settings`` on a gold file other than the one the shipped
    settings were calibrated on: it would retune every ``rag ask`` and chat to another set of
    questions (RagError saying to write one's own file instead)."""
    from .settings import CALIBRATED_SETTINGS

    if args.settings is not None or not CALIBRATED_SETTINGS.is_file():
        return
    shipped_gold = _recorded_gold(CALIBRATED_SETTINGS, calibration_record(CALIBRATED_SETTINGS)[1])
    if shipped_gold is not None and shipped_gold != Path(args.gold).resolve():
        raise RagError(
            f"--calibrate without --settings would retune the shipped settings, calibrated on {_seen_from(Path.cwd(), shipped_gold)}, "
            f"to {args.gold}; save your calibration to a file of your own with --settings FILE "
            "(then `rag ask --settings FILE` and `python app.py --settings FILE` answer with it)"
        )


def cmd_eval(args: argparse.Namespace) -> int:
    """rag eval"""
    from .answer import Answerer
    from .arguments import articles_of_index, ensure_index
    from .retrieve import Retriever

    check_options(args)
    questions = load_gold(args.gold)
    settings = eval_settings(args)
    check_outputs(args)
    ensure_index(args)
    retriever = Retriever.load(args.index, corpus_dir=articles_of_index(args.index, args.corpus))  # refuses an index of other or changed articles
    return run_gold_eval(args, Answerer(retriever, settings=settings), questions)


def eval_settings(args: argparse.Namespace) -> "AnswerSettings":
    """The answer settings `rag eval` starts from.

    ``--settings FILE`` must name a readable settings file, except with ``--calibrate``, which
    may name a new file to write: calibration then starts from the shipped settings. Without
    ``--settings``, the shipped settings (the built-in defaults if that file is absent).
    A file that cannot be read or parsed raises SettingsError naming it.
    """
    from .settings import AnswerSettings

    if args.settings is not None and args.calibrate and not Path(args.settings).exists():
        return AnswerSettings.load()
    return AnswerSettings.load(args.settings)


def cmd_squad(args: argparse.Namespace) -> int:
    """rag eval squad: hands its arguments to ``rag.squad``."""
    from . import squad

    from .arguments import RagArgumentParser

    parser = RagArgumentParser(prog="rag eval squad", description="Evaluate on SQuAD 2.0 (answerable and unanswerable questions).")
    squad.add_squad_arguments(parser)
    squad_args = parser.parse_args(args.squad_args)
    args.json = squad_args.json  # so that an error is printed as JSON too
    return squad.run_squad_eval(squad_args)


def add_eval_parser(sub: argparse._SubParsersAction, common: Callable[..., None]) -> None:
    """Register `rag eval` (and its `beir` and `squad` sub-commands) on the CLI's subparsers."""
    from .beir import add_beir_arguments, run_beir_eval
    from .arguments import fraction
    from .settings import CALIBRATED_SETTINGS

    p = sub.add_parser(
        "eval",
        help="evaluate on a gold Q&A set (or a BEIR folder, or SQuAD 2.0)",
        description="Run every gold question through the answerer and report retrieval, answer, abstention and latency metrics "
        "(console table, JSON, Markdown with plots). With --calibrate, choose the abstention threshold on the dev split and save it.",
    )
    common(p, corpus=False)
    p.add_argument("--corpus", help="folder of the articles the index must match (default: the folder the index was built from, else data/articles)")
    p.add_argument("--gold", default=DEFAULT_GOLD, help=f"gold set, JSON lines (default: {DEFAULT_GOLD}; format in eval/README.md)")
    p.add_argument("--out", default=REPORTS_DIR, help=f"folder for the reports (default: {REPORTS_DIR})")
    p.add_argument("--name", help="report file name stem (default: the gold file's, plus -calibrated with --calibrate)")
    p.add_argument(
        "--settings",
        help=f"answer settings file read (it must exist), and written by --calibrate (which may name a new file) "
        f"(default: the one `rag ask` reads, {CALIBRATED_SETTINGS.name} in the rag package)",
    )
    threshold = p.add_mutually_exclusive_group()
    threshold.add_argument("--threshold", type=fraction, help="report at this abstention threshold (0 to 1) instead of the saved one")
    threshold.add_argument("--calibrate", action="store_true", help="choose the abstention threshold on the dev split, report both splits, save it")
    p.add_argument("--max-false-abstention", type=fraction, help=f"with --calibrate: limit (0 to 1) on abstaining on answerable dev questions (default: {MAX_FALSE_ABSTENTION})")
    p.set_defaults(func=cmd_eval)
    sets = p.add_subparsers(dest="eval_set", metavar="SET", title="other evaluation sets")
    beir = sets.add_parser("beir", help="retrieval-only evaluation on a BEIR-format folder", description="Index a BEIR folder (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv) in a scratch folder and report retrieval metrics.")
    add_beir_arguments(beir)
    beir.set_defaults(func=run_beir_eval)
    # Its options belong to rag.squad, imported only when it runs: every argument (even --help)
    # is passed through verbatim, since no argument starts with this parser's prefix "+".
    squad = sets.add_parser("squad", help="SQuAD 2.0 evaluation (`rag eval squad --help` for its options)", add_help=False, prefix_chars="+")
    squad.add_argument("squad_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    squad.set_defaults(func=cmd_squad)
