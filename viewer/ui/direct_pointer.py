"""Hovers and plain clicks on the drawing's shapes, told to the shapes directly.

pyqtgraph turns every mouse event on the drawing into its own hover, click and drag events:
at each move a hover pass over the items near the pointer, at each press a click record and a
scan of the items under it for one to focus, at each release a click pass and another hover
pass, each going through Qt's own lookups of the items under the pointer as well. That was
about 2 ms of a click of some 8 ms, for an answer the canvas can give from where its shapes
lie: the topmost shape that wants a pointer there (``ShapeItem.wants``), which is the one
pyqtgraph lit and clicked, since a shape claims a hover or a click only where it wants it.

So a plain move (no button held), a left press and its release close by are handled here,
and pyqtgraph never sees them. A move that carries the press further than ``DRAG_PX`` is a
drag: the press is handed to pyqtgraph then, with what lies under the pointer unlit, and from
there pyqtgraph pans the view as before, up to and including the release. Other buttons,
double clicks and wheel notches go to pyqtgraph unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from viewer.ui.pointer_targets import Candidates, items_near_point
from viewer.ui.shape_item import ShapeItem

#: a press carried further than this (pixels) before its release is a drag, not a click
DRAG_PX = 6


class DirectPointer:
    def __init__(
        self,
        view: Any,
        candidates: Candidates,
        shapes_hovered: Callable[[], set[ShapeItem]],
        forward_press: Callable[[QMouseEvent], None],
    ):
        """``view``: the pyqtgraph GraphicsView of the drawing; ``candidates``: the items a
        pointer may reach near a rectangle (see ``pointer_targets``); ``shapes_hovered``: the
        shapes lit as under the pointer now; ``forward_press``: hands a press to pyqtgraph."""
        self._view = view
        self._candidates = candidates
        self._hovered = shapes_hovered
        self._forward_press = forward_press
        #: the left press being handled here (a copy), until its release or a drag
        self._press: QMouseEvent | None = None

    # -- what lies under the pointer --------------------------------------------------------
    def shape_at(self, viewport_pos: QPointF) -> ShapeItem | None:
        """The topmost shape that wants a pointer at this point of the viewport."""
        scene = self._view.scene()
        at = self._view.mapToScene(viewport_pos.toPoint())
        for item in items_near_point(scene, self._candidates, at, hoverable=True):
            if isinstance(item, ShapeItem) and item.wants(item.mapFromScene(at)):
                return item
        return None

    def hover(self, viewport_pos: QPointF | None) -> None:
        """Light the shape under the pointer (none when ``viewport_pos`` is None), unlight the
        others."""
        self._light(None if viewport_pos is None else self.shape_at(viewport_pos), viewport_pos)

    def _light(self, shape: ShapeItem | None, viewport_pos: QPointF | None) -> None:
        for other in list(self._hovered()):
            if other is not shape:
                other.set_hover(False)
        if shape is not None and viewport_pos is not None:
            at = self._view.mapToScene(viewport_pos.toPoint())
            shape.set_hover(True, shape.mapFromScene(at))

    # -- the mouse's events on the viewport; True when handled here -----------------------
    def moved(self, ev: QMouseEvent) -> bool:
        if self._press is not None:
            if _distance(ev, self._press) <= DRAG_PX:
                return True  # a hand's tremor within a click
            press, self._press = self._press, None
            self.hover(None)  # nothing is lit while the view is dragged
            self._forward_press(press)
            return False  # pyqtgraph takes the move, and the drag from here
        if ev.buttons() != Qt.MouseButton.NoButton:
            return False  # a drag pyqtgraph has under way
        # what pyqtgraph's scene tells of each move (presentation mode's pointer follows it)
        self._view.scene().sigMouseMoved.emit(self._view.mapToScene(ev.position().toPoint()))
        self.hover(ev.position())
        return True

    def pressed(self, ev: QMouseEvent) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton or ev.buttons() != ev.button():
            self._press = None
            return False
        self._press = _copy(ev)
        return True

    def released(self, ev: QMouseEvent) -> bool:
        press, self._press = self._press, None
        if press is None or ev.button() != press.button():
            return False
        if _distance(ev, press) > DRAG_PX:
            self.hover(ev.position())
            return True
        shape = self.shape_at(press.position())
        if shape is not None:
            shape.sigClicked.emit(shape, press.modifiers())
        if ev.position() == press.position():
            # what the click found is still under the pointer: selected or marked, a shape
            # only rises above the others
            self._light(shape, ev.position())
        else:
            self.hover(ev.position())
        return True


def _distance(ev: QMouseEvent, press: QMouseEvent) -> float:
    return (ev.position() - press.position()).manhattanLength()


def _copy(ev: QMouseEvent) -> QMouseEvent:
    """A press kept past its handler (Qt deletes the event it delivered)."""
    return QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(ev.position()),
        QPointF(ev.scenePosition()),
        QPointF(ev.globalPosition()),
        ev.button(),
        ev.buttons(),
        ev.modifiers(),
    )
