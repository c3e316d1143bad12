"""Which items a mouse event may reach, found without asking every picture for its shape.

pyqtgraph's scene finds the items near a mouse event (for hover, click and drag) by asking Qt
for every item whose *shape* meets the point, then asks each of them for its shape again in
Python. On the atlas's drawing that is a few hundred items under the pointer at once (bones,
labels, the hidden looks of every shape), and a hover or a click spent about 2 ms per call
there, twice a click. Only items that handle the pointer (``hoverEvent``, ``mouseClickEvent``
or ``mouseDragEvent``, the methods pyqtgraph calls by name) can receive what pyqtgraph does
with the list, so the canvas names those few from where it knows its shapes lie (asking Qt
for the items under the pointer wrapped a few hundred of them for Python), and this applies
pyqtgraph's own shape test and order to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

POINTER_METHODS = ("hoverEvent", "mouseClickEvent", "mouseDragEvent")

def handles_pointer(item: QGraphicsItem) -> bool:
    """Whether pyqtgraph would ever deliver a hover, click or drag to this item: the items a
    scene's candidates must name."""
    return any(hasattr(type(item), m) for m in POINTER_METHODS)


def _abs_z(item: QGraphicsItem | None) -> float:
    z = 0.0
    while item is not None:
        z += item.zValue()
        item = item.parentItem()
    return z


#: the items that handle the pointer and whose bounds meet a rectangle (scene coordinates)
Candidates = Callable[[QRectF], list[QGraphicsItem]]


def items_near_event(
    scene: QGraphicsScene,
    candidates: Candidates,
    event: Any,
    selMode: Qt.ItemSelectionMode = Qt.ItemSelectionMode.IntersectsItemShape,  # noqa: N803
    sortOrder: Qt.SortOrder = Qt.SortOrder.DescendingOrder,  # noqa: N803 - pyqtgraph's names
    hoverable: bool = False,
) -> list[QGraphicsItem]:
    """What ``pyqtgraph.GraphicsScene.itemsNearEvent`` returns, for the items that can use it:
    the items whose shape contains the point (topmost first), then those within the click
    radius (topmost first), among ``candidates(near)``. ``selMode`` and ``sortOrder`` are
    accepted as pyqtgraph passes them; the answer is always pyqtgraph's default one."""
    point = event.buttonDownScenePos() if hasattr(event, "buttonDownScenePos") else event.scenePos()
    return items_near_point(scene, candidates, point, hoverable)


def items_near_point(
    scene: QGraphicsScene, candidates: Candidates, point: QPointF, hoverable: bool = False
) -> list[QGraphicsItem]:
    """``items_near_event`` for a point of the scene (no event needed)."""
    view = scene.views()[0]
    r = getattr(scene, "_clickRadius", 0)
    region: QRectF | None = None
    near = QRectF(point.x(), point.y(), 0, 0)
    if r > 0:
        radius = view.mapToScene(QRect(0, 0, 2 * r, 2 * r)).boundingRect()
        region = near = QRectF(
            point.x() - radius.width() / 2,
            point.y() - radius.height() / 2,
            radius.width(),
            radius.height(),
        )
    at_point: list[QGraphicsItem] = []
    within: list[QGraphicsItem] = []
    for item in candidates(near):
        if item.scene() is not scene or not item.isVisible():
            continue
        if hoverable and not hasattr(item, "hoverEvent"):
            continue
        shape = item.shape()
        if shape is None:
            continue
        # pyqtgraph's test of the item's own shape, then Qt's, which tests a clipped item by
        # its clip path (the clipping parent's shape cut by the item's; on an edge shared by
        # two places the two tests can differ, and both decide, as in pyqtgraph)
        local = item.mapFromScene(point)
        box = None if region is None else item.mapFromScene(region).boundingRect()
        if not (shape.contains(local) or (box is not None and shape.intersects(box))):
            continue
        area = item.clipPath() if item.isClipped() else shape
        if area.contains(local):
            at_point.append(item)
        elif box is not None and area.intersects(box):
            within.append(item)
    at_point.sort(key=_abs_z, reverse=True)
    within.sort(key=_abs_z, reverse=True)
    return at_point + within


def install(scene: QGraphicsScene, candidates: Candidates) -> None:
    """Make ``scene`` (a pyqtgraph GraphicsScene) find pointer targets among ``candidates``."""

    def near(event: Any, *args: Any, **kwargs: Any) -> list[QGraphicsItem]:
        return items_near_event(scene, candidates, event, *args, **kwargs)

    scene.itemsNearEvent = near  # type: ignore[attr-defined]
