"""Start the window, or render it to a PNG without showing it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Qt hands big fills to a pool of helper threads and waits for them; for a window this size the
# hand-offs cost more than they save (a click's canvas repaint took twice as long with them,
# measured with the bench on 2 cores), so every paint stays on the GUI thread.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.content.atlas import Atlas  # noqa: E402
from viewer.content.pattern import Pattern  # noqa: E402
from viewer.drawing.shapes import View  # noqa: E402
from viewer.session import Session  # noqa: E402
from viewer.startup import release_collection  # noqa: E402
from viewer.state.app_state import AppState  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402
from viewer.ui.settings import Settings  # noqa: E402


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Sciatica Atlas")
    return app  # type: ignore[return-value]


def freeze_startup_objects() -> None:
    """Move everything built at start-up (content, geometry, widgets) out of the garbage
    collector's reach: it will live as long as the window, and scanning it again and again
    would put collection pauses into clicks. (Freezing is cheap; a full collection first would
    not be, so start-up does not pay for one.) The collector, held since start-up began
    (``viewer.startup``), runs again from here."""
    release_collection()


class WindowHost:
    """Keeps the one main window, and builds it anew when the user picks another language or
    content folder: names, panel pages and search all come from the loaded content. The app
    state carries over to a new language; a new content folder starts fresh."""

    def __init__(self, content: Path | None, language: str):
        self.content = content
        self.language = language
        self.window: MainWindow | None = None

    def open(self, state: AppState | None = None, session: Session | None = None) -> MainWindow:
        """Build and show the window; ``session``, if given, is the content already loaded for
        this folder and language (the command line loads it to check it, before importing Qt)."""
        from viewer.i18n import set_language

        set_language(self.language)
        if session is None:
            session = Session.load(self.content, language=self.language)
        old = self.window
        window = MainWindow(session.atlas, session.views, state, content=self.content)
        window.languageRequested.connect(self.switch_language)
        window.contentRequested.connect(self.switch_content)
        if old is not None:
            window.setGeometry(old.geometry())
            old.remember()
            old.hide()
            old.deleteLater()
        self.window = window
        window.show()
        window.activateWindow()
        window.canvas.setFocus()  # shortcuts (P, F5, Ctrl+P…) work before the first click
        freeze_startup_objects()
        return window

    def switch_language(self, code: str) -> None:
        self.language = code
        self.open(self.window.state if self.window else None)

    def switch_content(self, folder: str) -> None:
        self.content = Path(folder)
        self.open()


def run_window(
    content: Path | None = None, language: str = "en", session: Session | None = None
) -> int:
    app = application()
    host = WindowHost(content, language)
    host.open(session=session)
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
    theme: str = "light",
) -> None:
    app = application()
    window = MainWindow(atlas, views, settings=Settings.throwaway())
    window.set_theme(theme)
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
