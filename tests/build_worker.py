"""Runs index builds in forked children so a test can kill them with SIGKILL.

The model is loaded once here, before any fork, so each build starts at once. Protocol
(one JSON object per line): the test writes {"corpus": DIR, "index": DIR}; the worker
forks a child that runs ``build_index`` and answers {"pid": PID}; when the child ends it
answers {"pid": PID, "status": "exit 0" | "exit N" | "signal N", "seconds": S}.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback

from rag.embedding import SentenceTransformerEncoder
from rag.build import build_index


def _reply(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main() -> None:
    """Serve build requests from stdin until it closes."""
    encoder = SentenceTransformerEncoder()
    encoder.model  # loads torch and the model now (the encoder would on its first encode, in every child)
    _reply({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                build_index(request["corpus"], request["index"], encoder=encoder, progress=False)
            except BaseException:  # the child must never return into the serving loop
                traceback.print_exc()
                sys.stderr.flush()
                os._exit(1)
            os._exit(0)
        _reply({"pid": pid})
        _, status = os.waitpid(pid, 0)
        outcome = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
        _reply({"pid": pid, "status": outcome, "seconds": time.perf_counter() - started})


if __name__ == "__main__":
    main()
