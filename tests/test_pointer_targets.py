"""The canvas finds what a pointer reaches its own way (viewer/ui/pointer_targets.py); it must
find what pyqtgraph's own search finds, in the same order, wherever the pointer is, after a
zoom and a pan too, and with a view hidden."""

import random

from pyqtgraph.GraphicsScene.GraphicsScene import GraphicsScene
from PySide6.QtCore import QPointF

from viewer.ui.pointer_targets import handles_pointer


class _At:
    """Just what itemsNearEvent reads from a mouse event."""

    def __init__(self, scene_pos: QPointF):
        self._pos = scene_pos

    def scenePos(self) -> QPointF:  # noqa: N802 - Qt's name
        return self._pos


def _both(canvas, viewport_point: QPointF, hoverable: bool):
    scene = canvas.scene()
    event = _At(canvas.mapToScene(viewport_point.toPoint()))
    theirs = [
        item
        for item in GraphicsScene.itemsNearEvent(scene, event, hoverable=hoverable)
        if handles_pointer(item)
    ]
    ours = scene.itemsNearEvent(event, hoverable=hoverable)
    return ours, theirs


def _sweep(canvas, n: int, seed: int) -> int:
    rng = random.Random(seed)
    size = canvas.viewport().size()
    shapes_found = 0
    for _ in range(n):
        point = QPointF(rng.uniform(0, size.width()), rng.uniform(0, size.height()))
        for hoverable in (False, True):
            ours, theirs = _both(canvas, point, hoverable)
            assert ours == theirs, f"at {point}: {ours} != {theirs}"
            shapes_found += sum(1 for item in ours if item is not canvas.vb)
    return shapes_found


def test_same_items_as_pyqtgraph_everywhere(window):
    assert window.canvas.scene().itemsNearEvent.__name__ == "near"  # ours is installed
    assert _sweep(window.canvas, 300, seed=1) > 100  # the sweep does land on shapes


def test_same_items_after_zoom_pan_and_one_view(window, qtbot):
    canvas = window.canvas
    canvas.vb.scaleBy((0.5, 0.5))
    canvas.vb.translateBy((40, -60))
    qtbot.wait(10)
    assert _sweep(canvas, 200, seed=2) > 50
    window.state.show_view("anterior")
    qtbot.wait(10)
    _sweep(canvas, 200, seed=3)  # a hidden view's shapes are found by neither
