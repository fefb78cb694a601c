"""What the benchmark scripts share: running one measured phase in a fresh child process, and
describing the machine a result was measured on."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from typing import Any


def run_json_child(script: str, args: list[str], what: str) -> dict[str, Any]:
    """Run ``python script args...`` and return the JSON object on its last stdout line.

    A failing child stops the benchmark with the tail of its stderr, naming ``what`` failed.
    """
    proc = subprocess.run([sys.executable, script, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"{what} failed (exit {proc.returncode}):\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine_info() -> dict[str, Any]:
    """CPU count, load average now and platform, recorded beside every figure."""
    return {
        "cpus": os.cpu_count(),
        "load_avg_1m_at_end": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
    }
