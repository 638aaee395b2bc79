"""The benchmark's results as a readable table."""

from __future__ import annotations


def _ms(summary: dict) -> str:
    if summary["median_ms"] is None:  # nothing was timed
        return "–"
    return f"p50 {summary['median_ms']:7.2f} ms   p95 {summary['p95_ms']:7.2f} ms"


def _rows(results: dict) -> list[tuple[str, str, str]]:
    sections = results["sections"]
    rows: list[tuple[str, str, str]] = []
    if "build" in sections:
        build = sections["build"]
        for corpus in ("seed", "squad"):
            cold, again = build[corpus]["cold"], build[corpus]["unchanged_rebuild"]
            rows.append(("build", f"{corpus}: {cold['documents']} articles, {cold['chunks']} chunks",
                         f"{cold['seconds']:.1f} s, peak {cold['peak_rss_mb']:.0f} MB, embedded {cold['embedded']}"))
            rows.append(("build", f"{corpus}: unchanged rebuild", f"{again['seconds']:.1f} s, embedded {again['embedded']}, reused {again['reused']}"))
            added = build[corpus]["add_one_article"]
            rows.append(("build", f"{corpus}: add one article", f"{added['seconds']:.1f} s, embedded {added['embedded']}, reused {added['reused']}"))
    if "encoder" in sections:
        for variant, agreement in sections["encoder"]["agreement"].items():
            rows.append(("encoder", f"ONNX {variant} vs torch ({agreement['model_mb']} MB)",
                         f"cosine min {agreement['cosine_min']:.4f} mean {agreement['cosine_mean']:.4f}; gold answers differ "
                         f"{agreement['answers_differ']}/{agreement['gold_questions']} (abstentions {agreement['abstentions_differ']})"))
        for name, summary in sections["encoder"]["latency"].items():
            rows.append(("encoder", f"encode one question, ONNX {name}", _ms(summary)))
    if "cold" in sections:
        cold = sections["cold"]
        rows.append(("cold", f"`rag ask` fresh process ({len(cold['wall_seconds'])} runs)",
                     f"median {cold['wall']['median_s']:.2f} s   p95 {cold['wall']['p95_s']:.2f} s"))
        for phase, seconds in cold["phases_median_s"].items():
            rows.append(("cold", f"  {phase}", f"{seconds:.3f} s"))
        rows.append(("cold", "  heavy modules imported", ", ".join(cold["heavy_modules_loaded"]) or "none"))
    if "warm" in sections:
        warm = sections["warm"]
        for stage, summary in warm["answer"].items():
            rows.append(("warm", f"answer() {stage} ({warm['questions']} q x {warm['rounds']})", _ms(summary)))
        rows.append(("warm", "answer() total, gold questions only", _ms(warm["answer_gold_only"])))
        if "follow_up" in warm:
            rows.append(("warm", f"answer() of a follow-up ({warm['follow_ups']} conversations' last turns)", _ms(warm["follow_up"])))
        rows.append(("warm", "retrieval alone (search k=5)", _ms(warm["retrieval"])))
        for part, summary in warm["floor"].items():
            rows.append(("warm", f"floor {part} (sentence-transformers + FAISS)", _ms(summary)))
        for name, ratio in warm["ratios"].items():
            rows.append(("warm", name.replace("_", " "), f"{ratio:.2f}x"))
    for entry in sections.get("scale", []):
        index = entry["index"]
        params = ", ".join(f"{k}={v}" for k, v in index.items() if k not in ("backend", "kind", "count", "dimension"))
        rows.append(("scale", f"{entry['vectors']:>9,} vectors: {index['kind']} {params}",
                     f"{_ms(entry['latency'])}  recall@10 {entry['recall_at_10']:.3f}  {entry['index_file_mb']:.0f} MB  "
                     f"build {entry['build_seconds']:.0f} s  (exact p50 {entry['exact_latency']['median_ms']:.1f} ms)"))
    return rows


def print_table(results: dict) -> None:
    """Print one line per measurement: section, what, result."""
    rows = _rows(results)
    width = max((len(what) for _, what, _ in rows), default=10)
    machine = results.get("machine", {})
    print(f"machine: {machine.get('cpu', 'unknown')}, {machine.get('cpus')} cpus, Python {machine.get('python')}")
    print(f"{'section':8} {'measure':{width}}  result")
    for section, what, value in rows:
        print(f"{section:8} {what:{width}}  {value}")
    loads = results.get("load_average", {})
    if loads:
        print("load average (1 min) per section: " + ", ".join(f"{k} {v['start']:.1f}->{v['end']:.1f}" for k, v in loads.items()))
