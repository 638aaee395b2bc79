"""Run the real web app (``app.py``) for tests: a subprocess on a free port, a browser, its API.

For tests that need a running server (browser, API, load, security)::

    with web_server(index_dir, workdir=tmp_path) as server:
        answer = ask_api(server.url, "Who wrote the blog post?")  # the JSON of `rag ask --json`
        with chromium() as browser:
            browser.new_page().goto(server.url)

The server listens on 127.0.0.1 (the app's default), writes its log and its feedback file
into ``workdir``, and is terminated when the ``with`` block ends. ``run_app(*args)`` runs
``app.py`` until it exits, for the errors that stop it at start-up.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "NO_PROXY": "127.0.0.1,localhost",
    "PYTHONUNBUFFERED": "1",
}
# Debian's chromium, with nothing that reaches out (see ../shared/recipes/).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
READY_STATUSES = (200, 401)  # 401: the server is up and asks for a login (RAG_AUTH, --auth-file)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class WebServer:
    """A running app: its base URL (ending in ``/``), process, log and feedback file."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path
    feedback_path: Path

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _status(url: str) -> int | None:
    """HTTP status of GET ``url``, or None when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_until_ready(server: WebServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"app.py exited with code {server.process.returncode}:\n{server.log()[-4000:]}")
        if _status(server.url + "gradio_api/info") in READY_STATUSES:
            return
        time.sleep(0.5)
    raise TimeoutError(f"app.py did not answer on {server.url} within {timeout:.0f} s:\n{server.log()[-4000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextlib.contextmanager
def web_server(
    index_dir: str | Path,
    *,
    workdir: str | Path,
    corpus_dir: str | Path | None = None,
    args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 120.0,
) -> Iterator[WebServer]:
    """Run ``python app.py --port <free> --index index_dir`` until the block ends.

    ``args`` are extra command-line options, ``env`` extra environment variables
    (e.g. ``{"RAG_AUTH": "user:password"}``). Waits until GET /gradio_api/info answers.
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = workdir / f"app-{port}.log"
    feedback_path = workdir / f"feedback-{port}.jsonl"
    command = [sys.executable, str(APP), "--port", str(port), "--index", str(index_dir), "--feedback-file", str(feedback_path)]
    if corpus_dir is not None:
        command += ["--corpus", str(corpus_dir)]
    command += list(args)
    with log_path.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **OFFLINE_ENV, **(env or {})},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    server = WebServer(f"http://127.0.0.1:{port}/", port, process, log_path, feedback_path)
    try:
        _wait_until_ready(server, timeout)
        yield server
    finally:
        _stop(process)


def run_app(*args: str, timeout: float = 120.0) -> subprocess.CompletedProcess:
    """Run ``python app.py --port <free> *args`` until it exits (for start-up errors); its output as text.

    A server that starts instead of exiting is killed after ``timeout`` seconds
    (``subprocess.TimeoutExpired``).
    """
    command = [sys.executable, str(APP), "--port", str(free_port()), *args]
    return subprocess.run(command, cwd=ROOT, env={**os.environ, **OFFLINE_ENV}, capture_output=True, text=True, timeout=timeout)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian chromium driven by playwright (one per process at a time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def api_client(url: str, auth: tuple[str, str] | None = None):
    """A gradio_client Client for the app at ``url`` that calls nowhere else."""
    from gradio_client import Client

    return Client(url, auth=auth, analytics_enabled=False, verbose=False)


def ask_api(url: str, question: str, *, k: int = 5, history: list[str] | None = None) -> dict[str, Any]:
    """The app's answer from its ``/ask`` endpoint: the JSON that ``rag ask --json`` prints."""
    return api_client(url).predict(question, k, history, api_name="/ask")


def _split_numbers(value: Any, numbers: list[float]) -> Any:
    if isinstance(value, float):
        numbers.append(value)
        return float
    if isinstance(value, dict):
        return {key: _split_numbers(item, numbers) for key, item in value.items()}
    if isinstance(value, list):
        return [_split_numbers(item, numbers) for item in value]
    return value


def assert_same_answer(got: dict[str, Any], expected: dict[str, Any], tolerance: float = 1e-3) -> None:
    """Assert two answer JSONs agree: same keys, texts, spans and sources; scores within ``tolerance``.

    Timings are ignored; scores may differ in the last digits between processes that
    encode on a different number of threads.
    """
    got_numbers: list[float] = []
    expected_numbers: list[float] = []
    got_shape = _split_numbers({k: v for k, v in got.items() if k != "timings_ms"}, got_numbers)
    expected_shape = _split_numbers({k: v for k, v in expected.items() if k != "timings_ms"}, expected_numbers)
    assert got_shape == expected_shape
    assert set(got.get("timings_ms", {})) == set(expected.get("timings_ms", {}))
    assert all(abs(a - b) <= tolerance for a, b in zip(got_numbers, expected_numbers)), (got_numbers, expected_numbers)
