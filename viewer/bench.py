"""``sciatica-atlas bench``: what a person waits for, measured the way they meet it.

- **Start-up**: from spawning a fresh process to the first *flushed* paint of the canvas
  viewport with the drawing on it, against two floors built the same way at the same size
  (a bare PySide6 ``QMainWindow``, and a bare window holding a pyqtgraph ``GraphicsView`` +
  ``ViewBox``). The three are alternated in the same run, so a busy moment hits all of them.
- **Peak memory** of those same processes at that moment.
- **Content load** in a fresh process, imports included (PyYAML, pydantic, the schema).
- **Click**: mouse move, press and release on the canvas viewport at a point checked to lie on
  the intended item, then the event loop runs until the canvas viewport *and* the side panel's
  viewport have received their Paint events. A click counts as a hit only if that item emitted
  the click and ended up selected. Between two clicks the event loop runs for ``PERSON_PAUSE_S``
  (untimed), the least a person takes to aim at the next part, so work the app leaves for idle
  moments happens as it would for a person; the same clicks back to back, with the event loop
  stopped in between, are reported too, without a target.
- **Hover**: a mouse move from one item onto another, until the canvas has repainted.
- **Pan and zoom frames**: one drag step or one wheel notch, until the canvas has repainted.

Every figure is a ``Figure`` record (name, value, unit, target, met); the in-window measures are
functions in ``IN_WINDOW`` taking the shared ``Rig`` and a count, so one more figure (say,
"pattern re-rank + repaint p95") is one more function in that list.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

from viewer.bench_probe import KINDS as PROBES
from viewer.bench_probe import SIZE, make_window

#: Untimed pause before each timed click, with the event loop running: the least time a person
#: takes between clicks on two different parts of the drawing (finding and aiming at the next
#: one takes a person several times longer).
PERSON_PAUSE_S = 0.1


class BenchError(RuntimeError):
    """A measurement did not measure what it names (no repaint, wrong item); never hidden."""


@dataclass(frozen=True)
class Figure:
    """One measured figure beside its target. ``target`` is a ceiling unless ``at_least``."""

    name: str
    value: float
    unit: str
    target: float | None = None
    at_least: bool = False
    aim: float | None = None
    met: bool | None = field(init=False)

    def __post_init__(self) -> None:
        met = None
        if self.target is not None:
            met = self.value >= self.target if self.at_least else self.value <= self.target
        object.__setattr__(self, "met", met)


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


# -- child processes ---------------------------------------------------------------------------
def _child_env() -> dict[str, str]:
    # An installed atlas runs from compiled bytecode (pip compiles it at install), as the
    # pyqtgraph floor does; a shell that forbids writing bytecode would make the atlas alone
    # compile its modules at every start.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYQTGRAPH_QT_LIB="PySide6",
    )
    return env


def _run_child(args: list[str], timeout: float = 120) -> str:
    """Run a child to its end and return its stdout; it is killed, never left behind, if this
    process is interrupted (Ctrl-C, SIGTERM) or the child takes too long."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"the child {' '.join(args)} took over {timeout} s") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        raise BenchError(f"the child {' '.join(args)} failed:\n{err.strip()}")
    return out


@dataclass(frozen=True)
class StartupSample:
    probe: str
    seconds: float
    peak_mb: float


def measure_startup(rounds: int) -> list[StartupSample]:
    """Spawn the three probes ``rounds`` times each, alternating: the order rotates every round,
    so no probe always runs first or last."""
    for probe in PROBES:  # untimed: bytecode, content snapshot and drawing cache in place,
        _run_child(["-m", "viewer.bench_probe", probe])  # as at every start but the first
    samples = []
    for r in range(rounds):
        order = PROBES[r % len(PROBES) :] + PROBES[: r % len(PROBES)]
        for probe in order:
            t0 = time.monotonic()
            out = _run_child(["-m", "viewer.bench_probe", probe])
            words = out.split()
            if len(words) != 3 or words[0] != "painted":
                raise BenchError(f"the {probe} probe did not report a flushed paint: {out!r}")
            samples.append(StartupSample(probe, float(words[1]) - t0, int(words[2]) / 1024))
    return samples


def startup_figures(samples: list[StartupSample]) -> list[Figure]:
    def median(probe: str, attr: str) -> float:
        return statistics.median(getattr(s, attr) for s in samples if s.probe == probe)

    atlas, bare_pg, bare_qt = (median(p, "seconds") for p in ("atlas", "bare-pyqtgraph", "bare-qt"))
    mem = {p: median(p, "peak_mb") for p in PROBES}
    return [
        Figure("start-up to first flushed canvas paint", _ms(atlas), "ms"),
        Figure("start-up, bare pyqtgraph window (floor)", _ms(bare_pg), "ms"),
        Figure("start-up, bare PySide6 window (floor)", _ms(bare_qt), "ms"),
        Figure("start-up ÷ bare pyqtgraph window", round(atlas / bare_pg, 2), "×", 1.3, aim=1.2),
        Figure("start-up ÷ bare PySide6 window", round(atlas / bare_qt, 2), "×"),
        Figure("peak memory at start-up", round(mem["atlas"], 1), "MB"),
        Figure("peak memory, bare pyqtgraph window (floor)", round(mem["bare-pyqtgraph"], 1), "MB"),
        Figure(
            "peak memory ÷ bare pyqtgraph window",
            round(mem["atlas"] / mem["bare-pyqtgraph"], 2),
            "×",
            1.3,
        ),
    ]


CONTENT_LOAD = """
import json, sys, time
before = set(sys.modules)
t0 = time.monotonic()
from viewer.session import Session
Session.load()
seconds = time.monotonic() - t0
new = sorted(m for m in set(sys.modules) - before if "." not in m)
print(json.dumps({"seconds": seconds, "imported": new}))
"""


def measure_content_load(runs: int) -> list[dict[str, Any]]:
    """Loading the content and views in a fresh process, timed from before the first import."""
    return [json.loads(_run_child(["-c", CONTENT_LOAD])) for _ in range(runs)]


def content_load_figures(runs: list[dict[str, Any]]) -> list[Figure]:
    seconds = statistics.median(r["seconds"] for r in runs)
    return [Figure("content + views load, fresh process, imports included", _ms(seconds), "ms")]


# -- in the window -----------------------------------------------------------------------------
@dataclass
class Sample:
    """One timed interaction and the evidence that it did what its figure names."""

    what: str
    seconds: float
    canvas_paints: int
    panel_paints: int
    intended: Any = None
    received: Any = None
    ok: bool = True


def send_wheel(viewport: Any, pos: Any, notches: int) -> None:
    """Turn the mouse wheel ``notches`` notches (positive: away from the user) at ``pos``."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(
        pos,
        viewport.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


class Rig:
    """The real main window, shown at 1400 x 900, with Paint events counted on the canvas
    viewport and the side panel's viewport, and every item's click recorded."""

    def __init__(self) -> None:
        from viewer.ui.headless import ensure_platform, quiet_offscreen_noise

        ensure_platform()
        quiet_offscreen_noise()
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from viewer.session import Session

        class PaintCounter(QObject):
            def __init__(self, widget: Any) -> None:
                super().__init__(widget)
                self.count = 0
                widget.installEventFilter(self)

            def eventFilter(self, obj: Any, ev: Any) -> bool:  # noqa: N802 - Qt's name
                if ev.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.window = make_window(Session.load())
        self.window.resize(*SIZE)
        self.canvas = self.window.canvas
        panel = self.window.panel
        self.panel_viewport = panel.viewport() if hasattr(panel, "viewport") else panel
        self.canvas_paints = PaintCounter(self.canvas.viewport())
        self.panel_paints = PaintCounter(self.panel_viewport)
        self.clicked: list[Any] = []
        for item in self.canvas.items:
            item.sigClicked.connect(lambda it, *_: self.clicked.append(it))
        self.window.show()
        self.pump(lambda: self.canvas_paints.count > 0, "the first canvas paint")
        self._last_move = 0.0
        self._clickable = set(self.canvas.items)
        self._points: dict[Any, Any] = {}
        self.samples: dict[str, list[Sample]] = {}

    # -- driving ------------------------------------------------------------------------------
    def pump(self, done: Callable[[], bool], what: str, timeout: float = 3.0) -> None:
        """Run the event loop until ``done()``; a measure that never completes is an error."""
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                raise BenchError(f"no {what} within {timeout} s")
            self.app.processEvents()

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def pause(self, seconds: float) -> None:
        """Let the event loop run, untimed, for ``seconds`` (a person between two actions)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    def wait_for_move_slot(self) -> None:
        """pyqtgraph ignores mouse moves closer than 10 ms apart (``mouseRateLimit``); a person's
        moves are that far apart too, so wait (untimed) rather than have a move dropped."""
        import pyqtgraph as pg

        gap = 1.0 / max(pg.getConfigOption("mouseRateLimit"), 1) + 0.001
        delay = self._last_move + gap - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        self._last_move = time.perf_counter()

    def mouse(self, etype: Any, pos: Any, button: Any = None, buttons: Any = None) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QMouseEvent

        viewport = self.canvas.viewport()
        event = QMouseEvent(
            etype,
            pos,
            viewport.mapToGlobal(pos),
            button if button is not None else Qt.MouseButton.NoButton,
            buttons if buttons is not None else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        self.app.sendEvent(viewport, event)
        if etype == QEvent.Type.MouseMove:
            # pyqtgraph dates a move when it has handled it, so the next move is spaced from here
            self._last_move = time.perf_counter()

    def wheel(self, pos: Any, notches: int) -> None:
        send_wheel(self.canvas.viewport(), pos, notches)

    def lands_on(self, item: Any, pos: Any) -> bool:
        """Whether a click at this viewport point (the whole-pixel point the mouse really sends)
        reaches ``item``: it is the topmost clickable item that wants the point (a nerve
        crossing a region only wants its drawn line; see ShapeItem.wants)."""
        from PySide6.QtCore import QPoint

        scene_pos = self.canvas.mapToScene(QPoint(round(pos.x()), round(pos.y())))
        for other in self.canvas.scene().items(scene_pos):  # topmost first
            if other in self._clickable and other.wants(other.mapFromScene(scene_pos)):
                return other is item
        return False

    def targets(self) -> Iterator[tuple[Any, Any]]:
        """(item, viewport point) for items with a point checked to land on that item alone,
        interleaved by kind (region, root, nerve, ...) so each kind gets its share; worked out
        as needed (finding a free point is slow) and remembered."""
        by_kind: dict[str, list[Any]] = {}
        for item in self.canvas.items:
            if item.takes_clicks:  # regions lie under their fine places, which take the clicks
                by_kind.setdefault(item.shape_data.kind or "", []).append(item)
        rows = list(by_kind.values())
        order = [row[i] for i in range(max(map(len, rows))) for row in rows if i < len(row)]
        while True:
            for item in order:
                if item not in self._points:
                    try:
                        pos = self.canvas.to_viewport(self.canvas.interior_point(item))
                    except LookupError:
                        pos = None
                    self._points[item] = (
                        pos if pos is not None and self.lands_on(item, pos) else None
                    )
                if self._points[item] is not None:
                    yield item, self._points[item]

    def forget_points(self) -> None:
        """After the layout changed (a panel shown or hidden), points found before are stale."""
        self._points.clear()

    def record(self, sample: Sample) -> Sample:
        self.samples.setdefault(sample.what, []).append(sample)
        return sample

    def close(self) -> None:
        self.window.close()
        self.settle()


def _key(item: Any) -> tuple[Any, ...]:
    s = item.shape_data
    return (s.kind, s.content_id, s.side)


def _click_until_repainted(rig: Rig, pos: Any, what: str) -> tuple[float, Any, int, int]:
    """One click as a person makes it (move, press, release) at ``pos``, then the event loop
    until the canvas and the panel have repainted. Returns the seconds taken, the item that
    received the click (None for a miss: nothing to wait for) and the paint counts."""
    from PySide6.QtCore import QEvent, Qt

    left = Qt.MouseButton.LeftButton
    rig.wait_for_move_slot()
    canvas0, panel0, clicks0 = rig.canvas_paints.count, rig.panel_paints.count, len(rig.clicked)
    t0 = time.perf_counter()
    rig.mouse(QEvent.Type.MouseMove, pos)
    rig.mouse(QEvent.Type.MouseButtonPress, pos, left, left)
    rig.mouse(QEvent.Type.MouseButtonRelease, pos, left)
    received = rig.clicked[-1] if len(rig.clicked) > clicks0 else None  # emitted synchronously
    if received is not None:
        rig.pump(
            lambda: rig.canvas_paints.count > canvas0 and rig.panel_paints.count > panel0,
            f"repaint of the canvas and the panel after {what}",
        )
    else:  # a miss: recorded as a miss, not timed as a click
        rig.settle()
    seconds = time.perf_counter() - t0
    return seconds, received, rig.canvas_paints.count - canvas0, rig.panel_paints.count - panel0


def timed_click(rig: Rig, item: Any, pos: Any) -> Sample:
    from viewer.ui.shape_item import State

    seconds, received, canvas, panel = _click_until_repainted(rig, pos, "a click")
    ok = received is item and getattr(item, "state", None) is State.SELECTED
    return rig.record(Sample("click", seconds, canvas, panel, item, received, ok=ok))


def _click_series(rig: Rig, n: int, pause: float) -> list[Sample]:
    """``n`` timed clicks on different parts in turn, ``pause`` seconds of event loop before
    each (0: back to back, the event loop stopped between clicks)."""
    targets = rig.targets()
    samples: list[Sample] = []
    previous = None
    while len(samples) < n:
        item, pos = next(targets)
        if previous is not None and _key(item) == _key(previous):
            continue  # clicking what is already selected changes nothing to draw
        if pause:
            rig.pause(pause)
        samples.append(timed_click(rig, item, pos))
        previous = item
    return samples


def measure_clicks(rig: Rig, n: int) -> list[Figure]:
    samples = _click_series(rig, n, PERSON_PAUSE_S)
    hits = [s for s in samples if s.ok]
    times = [s.seconds for s in hits] or [float("nan")]
    kinds = {s.intended.shape_data.kind for s in hits}
    rushed = [s.seconds for s in _click_series(rig, max(n // 3, 2), 0) if s.ok] or [float("nan")]
    return [
        Figure(
            f"clicks on the intended item ({', '.join(sorted(kinds))})",
            round(100 * len(hits) / len(samples), 1),
            "%",
            100,
            at_least=True,
        ),
        Figure("click → highlight + panel + repaint p50", _ms(statistics.median(times)), "ms"),
        Figure("click → highlight + panel + repaint p95", _ms(p95(times)), "ms", 16, aim=8),
        Figure("first click", _ms(samples[0].seconds), "ms"),
        Figure("clicks back to back, no pause between them, p95", _ms(p95(rushed)), "ms"),
    ]


def timed_hover(rig: Rig, item: Any, pos: Any) -> Sample:
    from PySide6.QtCore import QEvent, QPointF

    if item.hovered:  # already lit (the pointer rests on it): come in from outside, untimed
        rig.wait_for_move_slot()
        rig.mouse(QEvent.Type.MouseMove, QPointF(2, 2))
        rig.settle()
    rig.wait_for_move_slot()
    canvas0, panel0 = rig.canvas_paints.count, rig.panel_paints.count
    t0 = time.perf_counter()
    rig.mouse(QEvent.Type.MouseMove, pos)
    if item.hovered:  # lit synchronously by the move: time it to the repaint
        rig.pump(lambda: rig.canvas_paints.count > canvas0, "canvas repaint after a hover")
    else:  # a miss: nothing to wait for; counted as a miss, not timed
        rig.settle()
    seconds = time.perf_counter() - t0
    return rig.record(
        Sample(
            "hover",
            seconds,
            rig.canvas_paints.count - canvas0,
            rig.panel_paints.count - panel0,
            item,
            item if item.hovered else None,
            ok=bool(item.hovered),
        )
    )


def measure_hover(rig: Rig, n: int) -> list[Figure]:
    targets = rig.targets()
    samples = [timed_hover(rig, *next(targets)) for _ in range(n)]
    times = [s.seconds for s in samples if s.ok] or [float("nan")]
    return [
        Figure(
            "hovers that light the intended item",
            round(100 * len(times) / len(samples), 1),
            "%",
            100,
            at_least=True,
        ),
        Figure("hover → repaint p95", _ms(p95(times)), "ms", 8),
    ]


def _frame(rig: Rig, what: str, send: Callable[[], None]) -> Sample:
    canvas0 = rig.canvas_paints.count
    t0 = time.perf_counter()
    send()
    rig.pump(lambda: rig.canvas_paints.count > canvas0, f"canvas repaint after a {what}")
    return rig.record(Sample(what, time.perf_counter() - t0, rig.canvas_paints.count - canvas0, 0))


def measure_pan_zoom(rig: Rig, n: int) -> list[Figure]:
    """``n`` drag steps (back and forth, so the drawing stays in view) and ``n`` wheel notches
    (in and out) at the middle of the canvas, each followed by its repaint."""
    from PySide6.QtCore import QEvent, QPointF, Qt

    left = Qt.MouseButton.LeftButton
    centre = QPointF(rig.canvas.viewport().rect().center())
    before = rig.canvas.vb.viewRange() if hasattr(rig.canvas, "vb") else None
    pans: list[Sample] = []
    step = 12.0
    while len(pans) < n:
        rig.wait_for_move_slot()
        rig.mouse(QEvent.Type.MouseButtonPress, centre, left, left)
        pos = QPointF(centre)
        for k in range(min(20, n - len(pans))):
            direction = 1 if k < 10 else -1
            pos = pos + QPointF(step * direction, step * 0.5 * direction)
            rig.wait_for_move_slot()
            pans.append(
                _frame(rig, "pan", partial(rig.mouse, QEvent.Type.MouseMove, pos, None, left))
            )
        rig.mouse(QEvent.Type.MouseButtonRelease, pos, left)
        rig.settle()
    moved = before is None or rig.canvas.vb.viewRange() != before
    zooms = [
        _frame(rig, "zoom", partial(rig.wheel, centre, 1 if (i // 2) % 2 == 0 else -1))
        for i in range(n)
    ]
    # once the wheel rests, the drawing is painted sharp at its new size: one slower frame
    preview = getattr(rig.canvas, "zoom_preview", None)
    sharp = _frame(rig, "sharp", preview.end) if preview is not None and preview.active else None
    pan_t = [s.seconds for s in pans]
    zoom_t = [s.seconds for s in zooms]
    figures = [
        Figure("pan frame (drag step → repaint) p95", _ms(p95(pan_t)), "ms", 16),
        Figure("zoom frame (wheel notch → repaint) p95", _ms(p95(zoom_t)), "ms", 16),
        Figure("pan/zoom frame p95", _ms(p95(pan_t + zoom_t)), "ms", 16),
        Figure("drags that moved the view", 100.0 if moved else 0.0, "%", 100, at_least=True),
    ]
    if sharp is not None:
        figures.insert(
            2, Figure("sharp repaint once the wheel rests (once a zoom)", _ms(sharp.seconds), "ms")
        )
    return figures


def timed_mark(rig: Rig, item: Any, pos: Any) -> Sample:
    """In pattern mode: one click that adds or removes a place, until the canvas and the
    re-ranked panel have repainted. A hit only if the place really changed in the pattern."""
    state = rig.window.state
    s = item.shape_data
    was = state.pattern.has_place(s.content_id, s.side)
    seconds, received, canvas, panel = _click_until_repainted(rig, pos, "marking a place")
    changed = state.pattern.has_place(s.content_id, s.side) != was
    ok = received is item and changed and state.mode == "pattern"
    return rig.record(Sample("mark", seconds, canvas, panel, item, received, ok=ok))


def timed_answer(rig: Rig, finding: str, present: bool) -> Sample:
    """In pattern mode: one real click on a finding's Yes or No button, until the re-ranked
    panel has repainted."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    panel = rig.window.pattern_panel
    yes, no = panel.finding_buttons[finding]
    button = yes if present else no
    before = rig.window.state.pattern.mark(finding)
    panel0 = rig.panel_paints.count
    centre = QPointF(button.rect().center())
    t0 = time.perf_counter()
    for etype, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            etype, centre, button.mapToGlobal(centre), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        rig.app.sendEvent(button, event)
    rig.pump(lambda: rig.panel_paints.count > panel0, "repaint of the re-ranked panel")
    seconds = time.perf_counter() - t0
    after = rig.window.state.pattern.mark(finding)
    return rig.record(
        Sample("answer", seconds, 0, rig.panel_paints.count - panel0, finding, after, ok=after != before)
    )


def measure_pattern(rig: Rig, n: int) -> list[Figure]:
    """Pattern mode: marking places and answering findings, each re-ranking the explanations."""
    state = rig.window.state
    state.set_mode("pattern")
    rig.settle()
    rig.forget_points()  # the pattern panel takes room, so the drawing moved: find points anew
    regions = []
    for item, pos in rig.targets():
        if item.shape_data.kind in ("places", "regions"):
            regions.append((item, pos))
        if len(regions) >= 12:
            break
    marks = []
    for i in range(n):
        rig.pause(PERSON_PAUSE_S)
        marks.append(timed_mark(rig, *regions[i % len(regions)]))
    findings = [f for f in rig.window.pattern_panel.finding_buttons if not f.startswith("sensory")]
    tab = rig.window.pattern_panel.tabs
    answers = []
    for i in range(max(n // 2, 2)):
        fid = findings[i % 7]  # the first tab is the one on show: "How it feels"
        tab.setCurrentIndex(0)
        rig.pause(PERSON_PAUSE_S)
        answers.append(timed_answer(rig, fid, present=(i // 7) % 2 == 0))
    state.set_mode("browse")
    rig.settle()
    rig.forget_points()
    mark_t = [s.seconds for s in marks if s.ok] or [float("nan")]
    answer_t = [s.seconds for s in answers if s.ok] or [float("nan")]
    return [
        Figure(
            "pattern clicks that changed the intended place",
            round(100 * sum(s.ok for s in marks) / len(marks), 1),
            "%",
            100,
            at_least=True,
        ),
        Figure("mark a place → re-rank + repaint p95", _ms(p95(mark_t)), "ms", 16),
        Figure("answer a finding → re-rank + repaint p95", _ms(p95(answer_t)), "ms", 16),
    ]


HANDOUT_EXERCISES = ("nerve-slider", "directional-preference", "walking-program")


def measure_handout(rig: Rig | None = None, n: int = 10, session: Any = None) -> list[Figure]:
    """Handout PDF written for a pattern (two places, a finding) with three exercises: typed
    answers, the offscreen drawing, layout, vector painting and the atomic write, each time from
    scratch. Takes the ``IN_WINDOW`` arguments (the rig is not needed, only a QApplication)."""
    import tempfile
    from datetime import date
    from pathlib import Path

    from viewer.content.pattern import Mark, Pattern, Place
    from viewer.ui.headless import ensure_platform

    ensure_platform()
    from viewer.session import Session
    from viewer.ui.app import application
    from viewer.ui.export import write_handout_pdf

    application()
    session = session or Session.load()
    pattern = Pattern(
        places=(Place("calf-posterior", "left"), Place("buttock", "left")),
        marks=(Mark("worse-sitting", True),) if "worse-sitting" in session.atlas.findings else (),
    )
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "handout.pdf"
        for _ in range(max(n, 3)):
            t0 = time.perf_counter()
            write_handout_pdf(session, pattern, HANDOUT_EXERCISES, "Walk daily.", "a4", out, date.today())
            times.append(time.perf_counter() - t0)
    return [
        Figure("handout PDF written (pattern with three exercises) p50", _ms(statistics.median(times)), "ms"),
        Figure("handout PDF written (pattern with three exercises) p95", _ms(p95(times)), "ms", 300),
    ]


#: In-window measures, run in this order on one Rig: (function, share of ``--clicks``).
IN_WINDOW: list[tuple[Callable[[Rig, int], list[Figure]], float]] = [
    (measure_clicks, 1.0),
    (measure_hover, 1.0),
    (measure_pan_zoom, 0.5),
    (measure_pattern, 0.5),
]


# -- the command -------------------------------------------------------------------------------
def _interrupt_on_sigterm() -> None:
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, handler)


def collect(clicks: int, startup_rounds: int = 5, load_runs: int = 3) -> list[Figure]:
    _interrupt_on_sigterm()
    figures = startup_figures(measure_startup(startup_rounds))
    figures += content_load_figures(measure_content_load(load_runs))
    rig = Rig()
    try:
        for measure, share in IN_WINDOW:
            figures += measure(rig, max(int(clicks * share), 2))
    finally:
        rig.close()
    return figures


def format_table(figures: list[Figure]) -> str:
    width = max(len(f.name) for f in figures)
    lines = [f"{'figure':<{width}}  {'value':>10}  {'target':>16}  met"]
    for f in figures:
        value = f"{f.value:g} {f.unit}"
        target = "" if f.target is None else f"{'≥' if f.at_least else '≤'} {f.target:g}"
        if f.aim is not None:
            target += f" (aim {f.aim:g})"
        met = {True: "yes", False: "NO", None: ""}[f.met]
        lines.append(f"{f.name:<{width}}  {value:>10}  {target:>16}  {met}")
    return "\n".join(lines)


def run_bench(clicks: int, as_json: bool) -> int:
    """Print every figure beside its target; exit 0 even when a target is missed (the table
    says so), 1 if a measurement could not be made honestly."""
    try:
        figures = collect(clicks)
    except BenchError as exc:
        print(f"sciatica-atlas: bench: {exc}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps({"figures": [asdict(f) for f in figures]}, indent=2, ensure_ascii=False))
    else:
        print(format_table(figures))
    return 0
