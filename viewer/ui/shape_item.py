"""One clickable thing on the drawing: a region of skin, a nerve root or a nerve.

Follows pyqtgraph's pattern: hovering reserves the click with ``acceptClicks`` (so only the top
item under the mouse takes it), clicking checks the real shape and emits ``sigClicked``.
"""

from __future__ import annotations

from enum import Enum

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from viewer.drawing.shapes import Shape
from viewer.ui import palette
from viewer.ui.qt_paths import to_painter_path


class State(Enum):
    NORMAL = 0
    RELATED = 1
    SELECTED = 2
    MARKED = 3  # a place in the pain pattern


REGION_LIFT = (
    11.5  # regions sit at z 10; lifted, above bones (20) and discs (21), below muscle (22)
)


#: How far (drawing units) a flattened curve of a stroke outline may stray from the true curve:
#: a hundredth of a pixel at the default fit, a fifth of a pixel at 20x zoom.
CURVE_THRESHOLD = 0.02


#: nerves and roots at rest are drawn at this share of their SVG width
NORMAL_LINE = 0.6

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
NO_CACHE = QGraphicsItem.CacheMode.NoCache
SETTLE_MS = 250  # a zoom has settled when the scale has not changed for this long


class _Settle:
    """Turns the pixmap cache back on for items that stopped it during a zoom."""

    def __init__(self) -> None:
        self.items: set[QGraphicsItem] = set()
        self.timer: QTimer | None = None

    def add(self, item: QGraphicsItem) -> None:
        self.items.add(item)
        if self.timer is None:
            self.timer = QTimer()
            self.timer.setSingleShot(True)
            self.timer.timeout.connect(self.restore)
        self.timer.start(SETTLE_MS)

    def restore(self) -> None:
        items, self.items = self.items, set()
        for item in items:
            try:
                item.setCacheMode(CACHED)
            except RuntimeError:  # deleted with its window meanwhile
                continue


#: The one settle timer shared by every cached item of the drawing (shapes, skin, labels).
settle_cache = _Settle()


class ShapeItem(pg.GraphicsObject):
    sigClicked = Signal(object, object)  # (item, keyboard modifiers)
    sigHovered = Signal(object, bool)

    def __init__(self, shape: Shape):
        super().__init__()
        self.shape_data = shape
        self.path = to_painter_path(shape.ops)
        self.is_line = shape.kind in ("roots", "nerves")
        self.state = State.NORMAL
        self.hovered = False
        self.takes_clicks = True  # off for nerves and roots while a pain pattern is drawn
        self._outlines: dict[float, QPainterPath] = {}  # stroke width -> filled outline
        self.base_z = 0.0
        if self.is_line:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(shape.stroke_width + 4, 9))
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            self._hit = stroker.createStroke(self.path)
            # over a region of skin, only the drawn line itself counts: a nerve crossing the
            # calf must not swallow clicks meant for the calf around it
            stroker.setWidth(max(shape.stroke_width + 1, 4))
            self._core = stroker.createStroke(self.path)
        else:
            self._hit = self.path
        pad = shape.stroke_width + 6
        self._bounds = self._hit.boundingRect().adjusted(-pad, -pad, pad, pad)
        self.setAcceptHoverEvents(True)
        self._scale = 0.0
        self.setCacheMode(CACHED)

    # -- the pixmap cache -----------------------------------------------------------------
    # At rest each item keeps a device-pixel pixmap of itself, so a hover, a click or a pan
    # frame only repaints the items that changed and blits the rest. A zoom makes every
    # pixmap stale at once, and redrawing them all costs more than painting directly, so
    # while the scale changes items paint directly, and they cache again once it settles.
    def viewTransformChanged(self) -> None:
        vb = self.getViewBox()
        scale = vb.childGroup.transform().m11() if vb is not None else 0.0
        if abs(scale - self._scale) > 1e-9 * abs(scale):  # a pan may jitter the last digits
            if self._scale and self.cacheMode() is not NO_CACHE:
                self.setCacheMode(NO_CACHE)
                settle_cache.add(self)
            self._scale = scale

    # -- drawing --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._hit

    def set_state(self, state: State) -> None:
        if state is not self.state:
            if not self.is_line:
                # a highlighted region draws above the translucent bones, so its colour shows
                lift = REGION_LIFT if state is not State.NORMAL else 0.0
                self.setZValue(self.base_z + lift)
            self.state = state
            self.update()

    def paint(self, p: QPainter, *args: object) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_line:
            self._paint_line(p)
        else:
            self._paint_region(p)

    def _paint_region(self, p: QPainter) -> None:
        fill = palette.FILL["region"]
        edge, width = palette.EDGE["region"], 1.2
        if self.shape_data.kind == "places" and self.state is State.NORMAL:
            # a fine place at rest: no fill, so the region (and its highlight) shows through,
            # and a thin light border, so the drawing stays calm
            fill, edge, width = QColor(0, 0, 0, 0), palette.PLACE_EDGE, 0.7
        if self.state is State.SELECTED:
            fill, edge, width = palette.SELECTED_FILL, palette.VERMILLION, 3.5
        elif self.state is State.RELATED:
            fill, edge, width = palette.RELATED_FILL, palette.BLUE, 2.5
        elif self.state is State.MARKED:
            fill, edge, width = palette.MARKED_FILL, palette.PURPLE.darker(140), 3.5
        p.setBrush(fill)
        pen = QPen(edge, width)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(self.path)
        if self.state is State.MARKED:
            # hatching as well as colour, so a marked place reads in greyscale too
            p.setBrush(QBrush(palette.PURPLE.darker(160), Qt.BrushStyle.BDiagPattern))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawPath(self.path)
        if self.hovered:
            p.setBrush(palette.HOVER_FILL)
            hover_pen = QPen(palette.ORANGE, 2.5)
            hover_pen.setCosmetic(True)
            p.setPen(hover_pen)
            p.drawPath(self.path)

    def _paint_line(self, p: QPainter) -> None:
        w = self.shape_data.stroke_width
        core, edge = palette.NERVE, palette.NERVE_EDGE
        if self.state is State.NORMAL and not self.hovered:
            w *= NORMAL_LINE  # quieter until selected, so the plexus reads as a few calm lines
        if self.state is State.SELECTED:
            core, edge, w = palette.VERMILLION, palette.VERMILLION.darker(150), w + 3
        elif self.state is State.RELATED:
            core, edge, w = palette.BLUE, palette.BLUE.darker(150), w + 2
        if self.hovered:
            core, w = palette.ORANGE, w + 2
        # Filling each stroke's outline, worked out once per width, draws the same pixels as
        # stroking the path with a wide round pen, without re-stroking it at every repaint
        # (which was most of the time a click, hover or pan frame took).
        if p.paintEngine().type() != QPaintEngine.Type.Raster:
            # printing or PDF: a wide round pen keeps the file small (an outline is hundreds
            # of points) and is drawn once, so there is nothing to cache
            p.setBrush(Qt.BrushStyle.NoBrush)
            for color, width in ((edge, w + 1.6), (core, w)):
                pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
                p.setPen(pen)
                p.drawPath(self.path)
            return
        p.setPen(Qt.PenStyle.NoPen)
        for color, width in ((edge, w + 1.6), (core, w)):
            p.setBrush(color)
            p.drawPath(self._outline(width))

    def _outline(self, width: float) -> QPainterPath:
        outline = self._outlines.get(width)
        if outline is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            stroker.setCurveThreshold(CURVE_THRESHOLD)
            outline = self._outlines[width] = stroker.createStroke(self.path)
        return outline

    # -- mouse ----------------------------------------------------------------------------
    def hoverEvent(self, ev: object) -> None:
        over = (
            not ev.isExit()  # type: ignore[attr-defined]
            and self.wants(ev.pos())  # type: ignore[attr-defined]
            and ev.acceptClicks(Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        )
        if over != self.hovered:
            self.hovered = bool(over)
            self.update()
            self.sigHovered.emit(self, self.hovered)

    def wants(self, pos: QPointF) -> bool:
        """Whether a pointer at ``pos`` (item coordinates) means this item: anywhere on its
        generous hit area for a region, or for a line away from skin regions; only on the drawn
        line where it crosses a region."""
        if not self.takes_clicks or not self._hit.contains(pos):
            return False
        if not self.is_line or self._core.contains(pos):
            return True
        scene = self.scene()
        if scene is None:
            return True
        at = self.mapToScene(pos)
        return not any(
            isinstance(other, ShapeItem)
            and not other.is_line
            and other.takes_clicks
            and other.isVisible()
            and other.shape().contains(other.mapFromScene(at))
            for other in scene.items(at)
        )

    def mouseClickEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        if self.wants(ev.pos()):  # type: ignore[attr-defined]
            ev.accept()  # type: ignore[attr-defined]
            self.sigClicked.emit(self, ev.modifiers())  # type: ignore[attr-defined]
        else:
            ev.ignore()  # type: ignore[attr-defined]


class LayerStyle(Enum):
    SELECTED = 0  # the selected root's dermatome or the selected nerve's territory
    OVERLAY = 1  # one of all roots' dermatomes, or all nerves' territories, in its own colour
    OVERLAP = 2  # hatching: neighbouring dermatomes overlap here in the chosen map
    DISAGREE = 3  # hatching: the maps disagree here about the selected root


#: above the bones and discs (so their colour shows through the translucent bones), below the
#: muscles, nerves and labels
LAYER_Z = {
    LayerStyle.OVERLAY: 21.4,
    LayerStyle.SELECTED: 21.6,
    LayerStyle.OVERLAP: 21.7,
    LayerStyle.DISAGREE: 21.8,
}


class LayerItem(QGraphicsPathItem):
    """A dermatome (per map), a nerve's skin territory, or a hatched zone over them. Never takes
    a click, so the region underneath is what a click selects; hatched zones carry a tooltip that
    names the dispute behind them. Hidden unless shown, so it costs nothing otherwise."""

    def __init__(
        self,
        path: QPainterPath,
        kind: str,
        content_id: str,
        side: str | None,
        map_id: str | None,
        view: str,
    ):
        super().__init__(path)
        self.kind, self.content_id, self.side, self.map_id, self.view = (
            kind,
            content_id,
            side,
            map_id,
            view,
        )
        self.style: LayerStyle | None = None
        self.colour = palette.VERMILLION
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.hide()

    def set_style(self, style: LayerStyle, colour: QColor | None = None, pattern: int = 0) -> None:
        self.style = style
        self.setZValue(LAYER_Z[style])
        if style is LayerStyle.SELECTED:
            brush, pen = QBrush(palette.LAYER_SELECTED_FILL), QPen(palette.VERMILLION, 2.5)
        elif style is LayerStyle.OVERLAY:
            c = QColor(colour or palette.ORANGE)
            fill = QColor(c)
            fill.setAlpha(palette.OVERLAY_ALPHA)
            styles = palette.OVERLAY_PATTERNS
            brush = QBrush(fill, styles[pattern % len(styles)])
            pen = QPen(c.darker(150), 1.4)
        elif style is LayerStyle.OVERLAP:
            brush = QBrush(palette.OVERLAP_HATCH, Qt.BrushStyle.DiagCrossPattern)
            pen = QPen(palette.OVERLAP_HATCH, 1.2, Qt.PenStyle.DotLine)
        else:
            brush = QBrush(palette.DISAGREE_HATCH, Qt.BrushStyle.FDiagPattern)
            pen = QPen(palette.DISAGREE_HATCH, 1.4, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setBrush(brush)
        self.setPen(pen)
