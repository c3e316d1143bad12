"""Pick the offscreen Qt platform when there is no display, so rendering works on servers."""

import os
import sys


def ensure_platform() -> None:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
