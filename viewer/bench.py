"""``sciatica-atlas bench``: measure the atlas against a bare PySide6 window in the same run.

Start-up is wall time from process spawn to the first paint of the main window, median of
several runs. Click-to-highlight is a real mouse press/release on the canvas viewport, through
the Selection, the scene and the panel, ending with a synchronous repaint of the window.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

_FIRST_PAINT = """
import time
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication
class _Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QApplication.instance().quit()
        return False
"""

BARE = (
    _FIRST_PAINT
    + """
from PySide6.QtWidgets import QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1400, 900)
f = _Painted(); w.installEventFilter(f); w.show(); app.exec()
"""
)

ATLAS = (
    _FIRST_PAINT
    + """
from viewer.session import Session
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow
app = application()
s = Session.load()
w = MainWindow(s.atlas, s.views); w.resize(1400, 900)
f = _Painted(); w.installEventFilter(f); w.show(); app.exec()
"""
)


def _startup(code: str, runs: int = 5) -> float:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYQTGRAPH_QT_LIB="PySide6",
    )
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, text=True
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        proc.wait(timeout=60)
        if line.strip() != "painted":
            raise RuntimeError("the start-up probe did not paint a window")
    return statistics.median(times)


def _clicks(n: int) -> tuple[list[float], float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QMouseEvent

    from viewer.session import Session
    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow

    app = application()
    session = Session.load()
    window = MainWindow(session.atlas, session.views)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    canvas = window.canvas
    targets = []
    for item in canvas.items:
        if item.shape_data.kind == "regions" or item.shape_data.svg_id in (
            "root:L5@left",
            "root:S1@right",
            "nerve:sciatic@left",
            "nerve:tibial@right",
        ):
            try:
                targets.append(canvas.to_viewport(canvas.interior_point(item)))
            except LookupError:
                continue
    viewport = canvas.viewport()
    times = []
    for i in range(n):
        pos = targets[i % len(targets)]
        t0 = time.perf_counter()
        for etype, buttons in (
            (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
            (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
        ):
            app.sendEvent(
                viewport,
                QMouseEvent(
                    etype,
                    pos,
                    viewport.mapToGlobal(pos),
                    Qt.MouseButton.LeftButton,
                    buttons,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )
        window.repaint()
        times.append((time.perf_counter() - t0) * 1000)
        if i % 25 == 0:
            window.state.clear()  # also time clicks that start from an empty selection
    window.close()
    return times, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(clicks: int, as_json: bool) -> int:
    from viewer.ui.headless import ensure_platform

    ensure_platform()
    from viewer.content import load_atlas

    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        load_atlas()
        loads.append((time.perf_counter() - t0) * 1000)
    bare = _startup(BARE)
    ours = _startup(ATLAS)
    times, peak_mb = _clicks(clicks)
    result = {
        "content_load_ms": round(statistics.median(loads), 1),
        "startup_bare_s": round(bare, 3),
        "startup_atlas_s": round(ours, 3),
        "startup_ratio": round(ours / bare, 2),
        "click_count": len(times),
        "click_median_ms": round(statistics.median(times), 2),
        "click_p95_ms": round(statistics.quantiles(times, n=20)[18], 2),
        "click_max_ms": round(max(times), 2),
        "first_click_ms": round(times[0], 2),
        "peak_memory_mb": round(peak_mb, 1),
        "targets": {"click_p95_ms": 16, "startup_ratio": 1.5},
    }
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 0
