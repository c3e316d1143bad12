"""Where Qt draws: offscreen for the commands that only render (screenshots, the benchmark),
and a clear word instead of Qt's abort when the window is asked for and there is no display."""

from __future__ import annotations

import os
import sys

#: Messages the offscreen platform prints for things it cannot do and that do not matter for a
#: rendered image; the command line stays quiet about them.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def ensure_platform() -> None:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def quiet_offscreen_noise() -> None:
    """Drop Qt's known offscreen chatter; anything else still reaches stderr."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if not any(noise in message for noise in OFFSCREEN_NOISE):
            sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)


def display_problem() -> str | None:
    """Why a real window cannot open here, in one line, or None if it can (or we cannot tell)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY") and platform in ("", "wayland")
    if not os.environ.get("DISPLAY") and not wayland:
        return (
            "no display to open the window on (DISPLAY is not set); run it on a desktop, or use "
            "'sciatica-atlas screenshot OUT.png' to render the atlas without one"
        )
    if not wayland and _missing_library("xcb-cursor"):
        return (
            "the system library libxcb-cursor0 is missing, which Qt needs for a window on X11; "
            "install it (Debian/Ubuntu: apt install libxcb-cursor0)"
        )
    return None


def _missing_library(name: str) -> bool:
    import ctypes.util  # only when there is a display to check (it imports subprocess)

    return ctypes.util.find_library(name) is None
