"""`python -m bench`: measure the product's speed and scale, print a table, write JSON.

Sections (``--sections``, all by default):
  build    `rag build` of the seed corpus and of SQuAD 2.0's 1,204 paragraphs: time, peak
           memory; rebuilding unchanged (embeds nothing); adding one article (embeds its text)
  encoder  the ONNX question encoders against the torch reference: cosine, gold answers
  cold     `rag ask QUESTION` as a fresh process, median of --repeats runs, and its phases
  warm     in-process p50/p95 over --questions questions of answer() (encode, retrieve,
           compose), of retrieval alone, and of the floor (sentence-transformers + FAISS)
  scale    FAISS at --scale sizes (default 10k, 100k; add 1000000 for the full run):
           latency, memory and recall@10 of the chosen index against exact search
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from rag.metrics import latency_summary

from .questions import ROOT, SEED_CORPUS, SQUAD_DEV, benchmark_questions, conversations, gold_questions
from .vectors import CACHE

RESULTS = Path(__file__).resolve().parent / "results"
SECTIONS = ("build", "encoder", "cold", "warm", "scale")
# Reference figures from the issue (this machine, plain dense top-5 with the same model).
PEERS_MS = {"LangChain": 15.5, "LlamaIndex": 17.0}
SEED_INDEX = CACHE / "seed-index"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1", GRADIO_ANALYTICS_ENABLED="False", TOKENIZERS_PARALLELISM="false")
    return env


def run_worker(kind: str, *args: str) -> dict:
    """Run ``bench.worker KIND ARGS`` in a fresh process; its JSON plus the process's wall time."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bench.worker", kind, *args], cwd=ROOT, env=_env(), stdout=subprocess.PIPE, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def rag_command() -> list[str]:
    """The installed `rag` script next to this Python, else `python -m rag.cli`."""
    script = Path(sys.executable).with_name("rag")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "rag.cli"]


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def write_squad_corpus(folder: Path, path: Path = SQUAD_DEV) -> Path:
    """Each SQuAD 2.0 dev paragraph as one article file in ``folder``."""
    from rag.squad import load_squad

    folder.mkdir(parents=True, exist_ok=True)
    for paragraph in load_squad(path).paragraphs:
        target = folder / f"{paragraph.doc_id}.txt"
        if not target.is_file():
            target.write_text(paragraph.context, encoding="utf-8")
    return folder


def section_build() -> dict:
    """Build times and peak memory; unchanged rebuild; one article added to an existing index
    (the seed corpus's last article, added to the seed corpus without it and to SQuAD's)."""
    seed_cold = run_worker("build", str(SEED_CORPUS), str(_fresh(SEED_INDEX)))
    seed_again = run_worker("build", str(SEED_CORPUS), str(SEED_INDEX))
    articles = sorted(SEED_CORPUS.glob("*.txt"))
    partial = _fresh(CACHE / "seed-minus-one")
    partial.mkdir(parents=True)
    for article in articles[:-1]:
        shutil.copy(article, partial / article.name)
    incremental_index = _fresh(CACHE / "incremental-index")
    before = run_worker("build", str(partial), str(incremental_index))
    shutil.copy(articles[-1], partial / articles[-1].name)
    added = run_worker("build", str(partial), str(incremental_index))
    squad_corpus = write_squad_corpus(CACHE / "squad-corpus")
    squad_index = _fresh(CACHE / "squad-index")
    squad_cold = run_worker("build", str(squad_corpus), str(squad_index))
    squad_again = run_worker("build", str(squad_corpus), str(squad_index))
    squad_plus_one, grown_index = _fresh(CACHE / "squad-plus-one"), _fresh(CACHE / "squad-plus-one-index")
    shutil.copytree(squad_corpus, squad_plus_one)
    shutil.copytree(squad_index, grown_index)
    shutil.copy(articles[-1], squad_plus_one / articles[-1].name)
    squad_added = run_worker("build", str(squad_plus_one), str(grown_index))
    return {
        "added_article": articles[-1].name,
        "seed": {"cold": seed_cold, "unchanged_rebuild": seed_again, "without_the_article": before, "add_one_article": added},
        "squad": {"cold": squad_cold, "unchanged_rebuild": squad_again, "add_one_article": squad_added},
    }


def ensure_seed_index() -> Path:
    """The seed corpus index the other sections use (built if missing or out of date)."""
    from rag.build import ensure_built

    ensure_built(SEED_CORPUS, SEED_INDEX, progress=sys.stderr.isatty())
    return SEED_INDEX


def section_encoder(index_dir: Path, questions: list[str]) -> dict:
    """Agreement of the ONNX question encoders with the torch reference."""
    from .agreement import compare_encoders, encoder_latency

    return {"agreement": compare_encoders(index_dir, questions, gold_questions()), "latency": encoder_latency(index_dir, questions)}


def _ask_seconds(index_dir: Path, question: str) -> float:
    started = time.perf_counter()
    subprocess.run([*rag_command(), "ask", "--index", str(index_dir), question], cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


def section_cold(index_dir: Path, repeats: int) -> dict:
    """`rag ask` as a fresh process (wall, to the printed answer) and the phases inside it."""
    questions = gold_questions()
    first = _ask_seconds(index_dir, questions[0])  # after a build this one also exports the ONNX encoder
    walls = [_ask_seconds(index_dir, questions[i % len(questions)]) for i in range(repeats)]
    runs = [run_worker("phases", str(index_dir), questions[i % len(questions)]) for i in range(repeats)]
    phase_names = list(runs[0]["seconds"])
    phases = {name: _median([r["seconds"][name] for r in runs]) for name in phase_names}
    phases["interpreter_start_and_exit"] = _median([r["process_seconds"] - r["seconds"]["in_process_total"] for r in runs])
    return {
        "command": " ".join([Path(rag_command()[0]).name, "ask", "--index", str(index_dir), "QUESTION"]),
        "first_run_seconds": first,
        "wall_seconds": walls,
        "wall": {"median_s": _median(walls), "p95_s": float(np.percentile(walls, 95))},
        "phases_median_s": phases,
        "encoder": runs[0]["encoder"],
        "heavy_modules_loaded": sorted({m for r in runs for m in r["heavy_modules_loaded"]}),
        "peak_rss_mb": _median([r["peak_rss_mb"] for r in runs]),
    }


def section_warm(index_dir: Path, total: int, rounds: int) -> dict:
    """Warm latencies, alternating answer/retrieval and floor processes ``rounds`` times."""
    pairs = benchmark_questions(total)
    questions_file = CACHE / "questions.json"
    questions_file.write_text(json.dumps([q for _, q in pairs]), encoding="utf-8")
    conversations_file = CACHE / "conversations.json"
    conversations_file.write_text(json.dumps(conversations()), encoding="utf-8")
    warm_runs, floor_runs = [], []
    for _ in range(rounds):
        warm_runs.append(run_worker("warm", str(index_dir), str(questions_file), str(conversations_file)))
        floor_runs.append(run_worker("floor", str(index_dir), str(questions_file)))
    answers = [t for run in warm_runs for t in run["answer_ms"]]
    sources = [source for _ in warm_runs for source, _ in pairs]
    stages = {stage: latency_summary([t[stage] for t in answers]) for stage in ("encode", "retrieve", "compose", "total")}
    gold_total = latency_summary([t["total"] for t, s in zip(answers, sources) if s == "gold"])
    retrieval = latency_summary([t for run in warm_runs for t in run["retrieval_ms"]])
    floor = {part: latency_summary([t for run in floor_runs for t in run[f"{part}_ms"]]) for part in ("encode", "search", "total")}
    answer_p50 = stages["total"]["median_ms"]
    return {
        "questions": len(pairs),
        "question_sources": {s: sum(1 for x, _ in pairs if x == s) for s in ("gold", "squad")},
        "rounds": rounds,
        "encoder": warm_runs[0]["encoder"],
        "answer": stages,
        "answer_gold_only": gold_total,
        "follow_up": latency_summary([t for run in warm_runs for t in run["follow_up_ms"]]),
        "follow_ups": len(warm_runs[0]["follow_up_ms"]),
        "abstained_share": sum(a for run in warm_runs for a in run["abstained"]) / max(1, len(answers)),
        "retrieval": retrieval,
        "floor": floor,
        "ratios": {
            "floor_p50_over_answer_p50": floor["total"]["median_ms"] / answer_p50,
            "floor_p50_over_retrieval_p50": floor["total"]["median_ms"] / retrieval["median_ms"],
            **{f"{peer}_over_answer_p50": ms / answer_p50 for peer, ms in PEERS_MS.items()},
        },
        "heavy_modules_loaded_in_answer_process": warm_runs[0]["heavy_modules_loaded"],
    }


def section_scale(sizes: list[int]) -> list[dict]:
    """FAISS latency, memory and recall@10 at each size."""
    from .scale import run_scale

    return run_scale(sizes, progress=sys.stderr.isatty())


def _cpu_model() -> str:
    """The processor's name and the vector instructions that decide encoder speed (Linux)."""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unknown"
    fields = {key.strip(): value.strip() for key, value in (line.split(":", 1) for line in cpuinfo.splitlines() if ":" in line)}
    name = fields.get("model name", "unknown")
    flags = set(fields.get("flags", "").split())
    vector = [f for f in ("avx2", "avx512f", "avx512_vnni", "amx_int8") if f in flags]
    return f"{name} ({', '.join(vector) or 'no AVX2'})"


def _machine() -> dict:
    import platform
    from importlib.metadata import version

    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
        "versions": {p: version(p) for p in ("faiss-cpu", "onnxruntime", "torch", "sentence-transformers", "numpy")},
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options of `python -m bench`."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, from {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--scale", default="10000,100000", help="vector counts for the scale section (default: 10000,100000)")
    parser.add_argument("--repeats", type=int, default=7, help="fresh `rag ask` processes for the cold start (default: 7)")
    parser.add_argument("--questions", type=int, default=360, help="questions for the warm section, at least 300 (default: 360)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating warm/floor processes (default: 2)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"folder for the JSON result (default: {RESULTS})")
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    args.scale = [int(float(n)) for n in args.scale.split(",") if n.strip()]
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections, print the table, write the JSON; returns the exit status."""
    from .report import print_table

    args = parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    results: dict = {"started_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": _machine(), "sections": {}, "load_average": {}}
    if "build" in args.sections:
        results["sections"]["build"] = section_build()
    index_dir = ensure_seed_index()
    jobs = {
        "encoder": lambda: section_encoder(index_dir, [q for _, q in benchmark_questions(args.questions)]),
        "cold": lambda: section_cold(index_dir, args.repeats),
        "warm": lambda: section_warm(index_dir, args.questions, args.rounds),
        "scale": lambda: section_scale(args.scale),
    }
    for name, job in jobs.items():
        if name in args.sections:
            started = os.getloadavg()[0]
            results["sections"][name] = job()
            results["load_average"][name] = {"start": started, "end": os.getloadavg()[0]}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {target}")
    return 0
