"""One start-up probe, run in a fresh process by ``sciatica-atlas bench``.

It builds one window (the atlas, or one of the two floors it is compared with), shows it at
1400 x 900 and prints, as soon as the watched widget's first paint has been *flushed* (the
event loop has come back after the paint, so the frame is on its way to the screen), the
monotonic clock and the peak resident memory so far. Imports nothing at top level beyond the
standard library, so each probe pays only for what it builds.
"""

from __future__ import annotations

import sys
import time

SIZE = (1400, 900)
KINDS = ("bare-qt", "bare-pyqtgraph", "atlas")


def _peak_kb() -> int:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, kB elsewhere


def prepare(kind: str):  # type: ignore[no-untyped-def]
    """What a program of this kind does before it imports Qt: the atlas, like its command
    line, loads (and checks) its content and drawing with the Qt-free core; the floors have
    nothing to do. Timed like the rest: the clock starts before the process does."""
    if kind == "atlas":
        from viewer.startup import hold_collection

        hold_collection()  # as the app's window command does first (see viewer.startup)
        from viewer.session import Session

        return Session.load()
    return None


def build(kind: str, prepared=None):  # type: ignore[no-untyped-def]
    """The window of one kind and the widget whose first flushed paint ends start-up
    (``prepared``: what ``prepare`` gave, made here if not given)."""
    if kind == "bare-qt":
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setWindowTitle("bare")
        return window, window
    if kind == "bare-pyqtgraph":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        view = pg.GraphicsView(background="w")
        view.setCentralItem(pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False))
        window.setCentralWidget(view)
        return window, view.viewport()
    if kind == "atlas":
        window = make_window(prepared if prepared is not None else prepare(kind))
        return window, window.canvas.viewport()
    raise ValueError(f"unknown probe {kind!r}")


def make_window(session):  # type: ignore[no-untyped-def]
    """The atlas's main window for a loaded session, as a person gets it (shown by the caller).
    The one place the benchmark builds the window, so a change of constructor is one edit."""
    from viewer.ui.app import freeze_startup_objects
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    window = MainWindow(session.atlas, session.views, settings=Settings.throwaway())
    freeze_startup_objects()  # as the app does once its window is up
    return window


def run(kind: str) -> None:
    import os

    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    prepared = prepare(kind)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from viewer.ui.headless import quiet_offscreen_noise

    quiet_offscreen_noise()  # same for the atlas and the floors, so it cannot skew the race
    app = QApplication.instance() or QApplication(sys.argv[:1])

    class _FirstFlush(QObject):
        done = False

        def eventFilter(self, obj, ev):  # type: ignore[no-untyped-def]
            if ev.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, report)  # runs once the paint has been flushed
            return False

    def report() -> None:
        print(f"painted {time.monotonic():.6f} {_peak_kb()}", flush=True)
        app.quit()

    window, watched = build(kind, prepared)
    window.resize(*SIZE)
    watcher = _FirstFlush()
    watched.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    run(sys.argv[1])
