"""This process's memory figures, from ``/proc/self/status`` (Linux)."""

from __future__ import annotations


def status_mb(field: str) -> float:
    """The kB figure of ``field`` (e.g. ``VmHWM``, ``RssAnon``) in MiB; 0 where there is none."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0
