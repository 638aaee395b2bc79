"""The library's types and names are checked, as a developer importing `rag` relies on them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_library_and_the_web_app_type_check():
    done = run("mypy", "rag", "app.py", "webchat")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_undefined_or_unused_names_anywhere():
    done = run("ruff", "check", "rag", "app.py", "webchat", "eval", "bench", "tests")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_name_is_assigned_twice_in_the_tests():
    """A test article given a name another test's article already has silently replaces it for both."""
    for path in sorted((ROOT / "tests").glob("*.py")):
        body = ast.parse(path.read_text()).body
        targets = [target for node in body if isinstance(node, ast.Assign) for target in node.targets] + [node.target for node in body if isinstance(node, ast.AnnAssign)]
        names = [target.id for target in targets if isinstance(target, ast.Name)]
        twice = sorted({name for name in names if names.count(name) > 1})
        assert not twice, f"{path.name}: {twice}"
