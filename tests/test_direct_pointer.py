"""Hovers and plain clicks on the drawing are handled by the canvas itself, without
pyqtgraph's passes (viewer/ui/direct_pointer.py): they must reach the same shape pyqtgraph
reached, wherever the pointer is; a press carried into a drag must still pan the view."""

import random

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui_driver import click_item
from viewer.ui.direct_pointer import DRAG_PX

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def _mouse(canvas, etype, pos: QPointF, button, buttons) -> None:
    viewport = canvas.viewport()
    event = QMouseEvent(
        etype, pos, viewport.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)


def _press_release(canvas, pos: QPointF, release_at: QPointF | None = None) -> None:
    _mouse(canvas, QEvent.Type.MouseButtonPress, pos, LEFT, LEFT)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, release_at or pos, LEFT, NONE)


def test_a_click_and_a_hover_reach_the_shape_without_pyqtgraphs_passes(window, monkeypatch):
    scene = window.canvas.scene()

    def refused(*_args, **_kwargs):
        raise AssertionError("a plain click or move went through pyqtgraph")

    for name in ("sendClickEvent", "sendHoverEvents", "mousePressEvent", "mouseReleaseEvent"):
        monkeypatch.setattr(scene, name, refused)
    click_item(window, "places", "calf-lower", "left")
    assert window.state.current.id == "calf-lower"
    nerve = window.canvas.items_for("nerves", "sciatic", "left", "posterior")[0]
    point = window.canvas.to_viewport(window.canvas.interior_point(nerve))
    _mouse(window.canvas, QEvent.Type.MouseMove, point, NONE, NONE)
    assert nerve.hovered and window.hover_name.text().startswith("Sciatic")


def test_the_canvas_clicks_and_lights_what_pyqtgraph_did_everywhere(window, monkeypatch):
    canvas = window.canvas
    clicked: list = []
    for item in canvas.items:
        item.sigClicked.connect(lambda it, *_: clicked.append(it))
    pointer = canvas.pointer
    direct = (pointer.pressed, pointer.released)
    # which shape takes the click is the question here, not what the window then shows
    monkeypatch.setattr(window.state, "click", lambda *_args: None)

    def through(path: str, pos: QPointF):
        if path == "pyqtgraph":
            monkeypatch.setattr(pointer, "pressed", lambda ev: False)
            monkeypatch.setattr(pointer, "released", lambda ev: False)
        else:
            monkeypatch.setattr(pointer, "pressed", direct[0])
            monkeypatch.setattr(pointer, "released", direct[1])
        for item in canvas.items:
            item.drop_hover()
        del clicked[:]
        _press_release(canvas, pos)
        return list(clicked), [i for i in canvas.items if i.hovered]

    rng = random.Random(7)
    size = canvas.viewport().size()
    # anywhere, and close around shapes, where lines cross regions and regions meet
    points = [
        QPointF(rng.uniform(0, size.width()), rng.uniform(0, size.height() - 60))
        for _ in range(40)
    ]
    for shape in rng.sample([i for i in canvas.items if i.isVisible()], 100):
        on_outline = shape.outline.pointAtPercent(rng.random())  # a line, or a region's edge
        near = canvas.mapFromScene(shape.mapToScene(on_outline)).toPointF()
        points.append(near + QPointF(rng.uniform(-6, 6), rng.uniform(-6, 6)))
    hits = 0
    for pos in points:
        theirs, ours = through("pyqtgraph", pos), through("direct", pos)
        assert ours == theirs, f"at {pos}: {ours} != {theirs}"
        hits += bool(ours[0])
    assert hits > 50  # the sweep does land on shapes


def test_a_trembling_press_is_a_click_and_a_longer_carry_is_a_pan(window, qtbot):
    canvas = window.canvas
    cell = canvas.items_for("places", "calf-lower", "left", "posterior")[0]
    start = canvas.to_viewport(canvas.interior_point(cell))
    _mouse(canvas, QEvent.Type.MouseMove, start, NONE, NONE)
    _mouse(canvas, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    _mouse(canvas, QEvent.Type.MouseMove, start + QPointF(2, 1), NONE, LEFT)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, start + QPointF(3, 2), LEFT, NONE)
    assert window.state.current.id == "calf-lower"

    window.state.clear()
    before = canvas.vb.viewRange()
    _mouse(canvas, QEvent.Type.MouseMove, start, NONE, NONE)
    _mouse(canvas, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    assert cell.hovered
    for k in range(1, 6):  # a swift drag: far from the press at its first step
        qtbot.wait(15)  # pyqtgraph ignores moves closer than 10 ms apart
        _mouse(canvas, QEvent.Type.MouseMove, start + QPointF(20 * DRAG_PX * k, 0), NONE, LEFT)
        assert not any(i.hovered for i in canvas.items)  # nothing is lit under a drag
    _mouse(canvas, QEvent.Type.MouseButtonRelease, start + QPointF(100 * DRAG_PX, 0), LEFT, NONE)
    QApplication.processEvents()
    assert window.state.current is None
    assert canvas.vb.viewRange() != before
