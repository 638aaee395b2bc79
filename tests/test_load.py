"""A bounded load test against the real server on 127.0.0.1: 50 concurrent clients ask
1,000 questions in all; zero errors, every answer identical to `rag ask --json`'s, memory
flat. Prints p50/p95 latency and the server's RSS before and after."""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
from pathlib import Path

import httpx
import pytest
from web_server import assert_same_answer, web_server

from hostile_checks import ROOT, run_rag

CLIENTS = 50
QUESTIONS_PER_CLIENT = 20


def question_pool() -> list[str]:
    """The gold questions, variations of them, a few off-topic and a few unusable ones."""
    gold = [json.loads(line)["question"] for line in (ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    variations = []
    for n, question in enumerate(gold[:60]):
        variations.append(
            (
                question.rstrip("?") + "?",
                "  " + question.replace(" ", "  ") + " ",
                question.replace(" ", " \u200b", 1),
                question.upper(),
            )[n % 4]
        )
    extra = ["What is the capital of France?", "Who won the 1998 World Cup?", "", "?!", "w" * 2001]
    return list(dict.fromkeys(gold + variations + extra))


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


async def _ask(client: httpx.AsyncClient, url: str, question: str, session: str) -> tuple[float, dict]:
    """One question through /call/ask as one client session: (seconds, answer JSON)."""
    started = time.perf_counter()
    posted = await client.post(url + "gradio_api/call/ask", json={"data": [question, 5, None], "session_hash": session})
    posted.raise_for_status()
    streamed = await client.get(url + f"gradio_api/call/ask/{posted.json()['event_id']}")
    streamed.raise_for_status()
    lines = streamed.text.splitlines()
    data = next(d for e, d in zip(lines, lines[1:]) if e == "event: complete")
    return time.perf_counter() - started, json.loads(data.removeprefix("data: "))[0]


async def _run(url: str, plans: list[list[str]]) -> list[tuple[str, float, dict | Exception]]:
    """Each plan is one client asking its questions one after another; all clients at once."""
    limits = httpx.Limits(max_connections=2 * len(plans), keepalive_expiry=1.0)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:

        async def one_client(n: int, questions: list[str]):
            results = []
            for question in questions:
                try:
                    seconds, answer = await _ask(client, url, question, f"load-client-{n}")
                    results.append((question, seconds, answer))
                except (httpx.HTTPError, StopIteration, ValueError) as error:
                    results.append((question, float("nan"), error))
            return results

        per_client = await asyncio.gather(*(one_client(n, plan) for n, plan in enumerate(plans)))
    return [result for results in per_client for result in results]


@pytest.fixture(scope="module")
def server(index_dir, tmp_path_factory):
    """The app over the bundled articles."""
    with web_server(index_dir, workdir=tmp_path_factory.mktemp("load")) as running:
        yield running


@pytest.mark.timeout(600)
def test_fifty_clients_a_thousand_questions(server, index_dir):
    pool = question_pool()
    cli = run_rag(["ask", "--index", str(index_dir), "--json", "-"], stdin=("\n".join(pool) + "\n").encode("utf-8"))
    assert cli.returncode == 0, cli.stderr.decode()
    expected = dict(zip(pool, (json.loads(line) for line in cli.stdout.decode("utf-8").splitlines())))
    assert len(expected) == len(pool)

    rng = random.Random(50)
    warm_up = asyncio.run(_run(server.url, [[rng.choice(pool)] for _ in range(CLIENTS)]))
    assert all(isinstance(answer, dict) for _, _, answer in warm_up)
    before = rss_mb(server.process.pid)
    plans = [[rng.choice(pool) for _ in range(QUESTIONS_PER_CLIENT)] for _ in range(CLIENTS)]
    started = time.perf_counter()
    results = asyncio.run(_run(server.url, plans))
    elapsed = time.perf_counter() - started
    after = rss_mb(server.process.pid)

    errors = [(question, answer) for question, _, answer in results if isinstance(answer, Exception)]
    assert not errors, errors[:5]
    assert len(results) == CLIENTS * QUESTIONS_PER_CLIENT
    for question, _, answer in results:
        assert_same_answer(answer, expected[question])
    latencies = sorted(seconds for _, seconds, _ in results)
    p50, p95 = statistics.median(latencies), latencies[int(0.95 * len(latencies)) - 1]
    print(
        f"{len(results)} questions ({len(set(q for q, _, _ in results))} distinct) from {CLIENTS} clients in {elapsed:.1f} s "
        f"({len(results) / elapsed:.1f}/s): latency p50 {1000 * p50:.0f} ms, p95 {1000 * p95:.0f} ms; "
        f"server RSS {before:.0f} MiB before, {after:.0f} MiB after"
    )
    assert after - before < 0.1 * before, (before, after)
    assert server.process.poll() is None
