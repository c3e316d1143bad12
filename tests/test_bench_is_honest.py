"""Each ``bench`` figure measures what its name says. No timing is asserted here: only that the
timed click really clicked the intended item and repainted the canvas and the panel, that
start-up waits for the canvas's flushed paint and alternates with its floors, that content load
includes its imports, and that an interrupted bench leaves no child behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from viewer import bench, bench_probe

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rig(qapp, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        made = bench.Rig()
        yield made
        made.close()


def test_timed_clicks_hit_the_intended_item_and_repaint_canvas_and_panel(rig):
    figures = {f.name: f for f in bench.measure_clicks(rig, 9)}
    samples = rig.samples["click"][-9:]
    for s in samples:
        assert s.received is s.intended  # the item that took the click is the one aimed at
        assert s.ok  # ok: it took the click and was SELECTED right after (checked in timed_click)
        assert s.canvas_paints >= 1 and s.panel_paints >= 1  # both viewports really repainted
    kinds = {s.intended.shape_data.kind for s in samples}
    assert kinds == {"places", "roots", "nerves"}  # not only the skin's fine places
    assert figures["clicks on the intended item (nerves, places, roots)"].value == 100
    assert figures["click → highlight + panel + repaint p95"].target == 16


def test_a_click_that_misses_is_not_counted_as_a_hit(rig):
    from PySide6.QtCore import QPointF

    item, _ = next(rig.targets())
    corner = QPointF(3, 3)  # blank paper, far from any item
    sample = bench.timed_click(rig, item, corner)
    assert not sample.ok and sample.received is None


def test_hover_lights_the_item_and_repaints_the_canvas(rig):
    bench.measure_hover(rig, 6)
    for s in rig.samples["hover"]:
        assert s.ok and s.received is s.intended and s.canvas_paints >= 1


def test_pan_and_zoom_frames_repaint_and_move_the_view(rig):
    before = rig.canvas.vb.viewRange()
    figures = {f.name: f for f in bench.measure_pan_zoom(rig, 6)}
    assert len(rig.samples["pan"]) == 6 and len(rig.samples["zoom"]) == 6
    assert all(s.canvas_paints >= 1 for s in rig.samples["pan"] + rig.samples["zoom"])
    assert figures["drags that moved the view"].value == 100
    assert rig.canvas.vb.viewRange() != before
    # wheel frames paint the scaled preview; the sharp frame after the wheel rests is timed too
    [sharp] = rig.samples["sharp"]
    assert sharp.canvas_paints >= 1 and not rig.canvas.zoom_preview.active
    assert figures["sharp repaint once the wheel rests (once a zoom)"].target is None


def test_startup_waits_for_the_canvas_paint_and_alternates_with_its_floors(qapp, tmp_path):
    window, watched = bench_probe.build("atlas")
    try:
        assert watched is window.canvas.viewport()  # not the main window's first Paint
        assert window.canvas.items  # the drawing is there when it paints
    finally:
        window.close()
    samples = bench.measure_startup(2)
    orders = [[s.probe for s in samples[:3]], [s.probe for s in samples[3:]]]
    assert sorted(orders[0]) == sorted(bench_probe.KINDS) == sorted(orders[1])
    assert orders[0] != orders[1]  # the order rotates, so no probe always runs first
    assert all(s.seconds > 0 and s.peak_mb > 0 for s in samples)
    names = [f.name for f in bench.startup_figures(samples)]
    assert (
        "start-up ÷ bare pyqtgraph window" in names
        and "peak memory ÷ bare pyqtgraph window" in names
    )


def test_content_load_is_timed_with_its_imports():
    [run] = bench.measure_content_load(1)
    assert {"pydantic", "yaml"} <= set(run["imported"])  # imported inside the timed span
    assert run["seconds"] > 0


def test_figures_say_whether_their_target_is_met():
    assert bench.Figure("x", 9, "ms", 16).met is True
    assert bench.Figure("x", 17, "ms", 16).met is False
    assert bench.Figure("x", 99, "%", 100, at_least=True).met is False
    assert bench.Figure("x", 3, "ms").met is None
    table = bench.format_table([bench.Figure("hover → repaint p95", 9.5, "ms", 8)])
    assert "hover → repaint p95" in table and "≤ 8" in table and "NO" in table
    record = json.loads(json.dumps(bench.Figure("a", 1, "ms", 2).__dict__))
    assert set(record) >= {"name", "value", "unit", "target", "met"}


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_bench_leaves_no_child_running(sig, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "viewer", "bench"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 30
        children: list[int] = []
        while not children and time.monotonic() < deadline:
            children = _children(proc.pid)
            time.sleep(0.02)
        assert children, "bench started no child process"
        proc.send_signal(sig)
        proc.wait(timeout=30)
        time.sleep(0.2)
        assert not [c for c in children if _alive(c)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_between_clicks_the_event_loop_runs_as_for_a_person(rig):
    """The pause before a click is a running event loop (work left for idle moments happens in
    it), and the back-to-back figure is the same clicks with no pause at all."""
    from PySide6.QtCore import QTimer

    fired: list[int] = []
    QTimer.singleShot(0, lambda: fired.append(1))
    started = time.perf_counter()
    rig.pause(0.03)
    assert fired and time.perf_counter() - started >= 0.025
    rig.forget_points()  # earlier tests panned and zoomed the drawing
    calls: list[float] = []
    real_pause = rig.pause
    rig.pause = lambda seconds: (calls.append(seconds), real_pause(seconds))  # type: ignore[method-assign]
    try:
        figures = {f.name: f for f in bench.measure_clicks(rig, 6)}
    finally:
        del rig.pause
    assert calls == [bench.PERSON_PAUSE_S] * 6  # one pause before each timed click, none after
    rushed = figures["clicks back to back, no pause between them, p95"]
    assert rushed.target is None and rushed.value > 0
    assert figures["clicks on the intended item (nerves, places, roots)"].value == 100
