"""Run the real command as a user does, in a subprocess."""

import subprocess
import sys


def run(*args, ok=True, **kw):
    """``python -m viewer ARGS``; with ``ok``, a non-zero exit fails the test with its stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", *args], capture_output=True, text=True, timeout=120, **kw
    )
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc
