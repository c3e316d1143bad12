"""Start the window, or render it to a PNG without showing it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.content.atlas import Atlas  # noqa: E402
from viewer.content.pattern import Pattern  # noqa: E402
from viewer.drawing.shapes import View  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Sciatica Atlas")
    return app  # type: ignore[return-value]


def run_window(atlas: Atlas, views: list[View]) -> int:
    app = application()
    window = MainWindow(atlas, views)
    window.resize(1400, 900)
    window.show()
    return app.exec()


def screenshot(
    atlas: Atlas,
    views: list[View],
    out: Path,
    size: tuple[int, int],
    select: tuple[str, str] | None,
    side: str | None = None,
    shown: str = "both",
    pattern: Pattern | None = None,
    map_id: str | None = None,
    layer: str | None = None,
) -> None:
    app = application()
    window = MainWindow(atlas, views)
    window.resize(*size)
    window.show()
    if map_id is not None:
        window.canvas.set_map(map_id)
    if layer is not None:
        window.canvas.set_overlay(layer)
    if select:
        window.state.select(*select, side)  # type: ignore[arg-type]
    if pattern is not None:
        window.state.set_pattern(pattern)
    for _ in range(3):
        app.processEvents()
    window.show_view(shown)
    app.processEvents()
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    window.close()
