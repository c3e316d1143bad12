"""One clickable thing on the drawing: a region of skin, a nerve root or a nerve.

Follows pyqtgraph's pattern: hovering reserves the click with ``acceptClicks`` (so only the top
item under the mouse takes it), clicking checks the real shape and emits ``sigClicked``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

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


#: the kinds of shape whose looks at rest the canvas draws all together, as one picture of
#: their borders (a region's fill at rest is the skin's colour, so only its border shows)
DRAWN_TOGETHER_AT_REST = ("places", "regions")

#: nerves and roots at rest are drawn at this share of their SVG width
NORMAL_LINE = 0.6

#: the looks a click or a hover is likely to give a shape next, drawn ahead (see ``looks_ahead``):
#: hovered on the way to a click, selected under the pointer (and in its other view, not under
#: it), related to what was clicked, and marked in a pain pattern for the places of skin
LIKELY_LOOKS = (
    (State.NORMAL, True),
    (State.SELECTED, True),
    (State.SELECTED, False),
    (State.RELATED, False),
)
LIKELY_MARKS = ((State.MARKED, True), (State.MARKED, False))

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
NO_CACHE = QGraphicsItem.CacheMode.NoCache


class Callbacks:
    """What a shape tells the canvas (a click, a hover), as plain Python calls: a Qt signal
    needs a QObject per shape, and building hundreds of them slowed the window's start."""

    __slots__ = ("_calls",)

    def __init__(self) -> None:
        self._calls: list[Callable[..., object]] = []

    def connect(self, call: Callable[..., object]) -> None:
        self._calls.append(call)

    def emit(self, *args: object) -> None:
        for call in list(self._calls):
            call(*args)


class ShapeItem(QGraphicsPathItem):
    """A plain Qt path item underneath, holding the area that takes the pointer (the shape's
    own area, or a band around a nerve's line), so Qt finds its bounds and tests its shape
    without calling into Python; those calls, made for every item under the pointer at every
    move and press, and thousands of times a frame, were much of what a click cost. pyqtgraph's
    scene finds ``hoverEvent`` and ``mouseClickEvent`` by name, so it needs no GraphicsObject.
    The item draws nothing itself (its looks do), and takes no hover events from Qt: pyqtgraph
    sends its own, and one item taking Qt's made Qt look up the items under the pointer at
    every move."""

    def __init__(self, shape: Shape, cached: bool = True):
        """``cached``: whether its looks start as pictures (see ``cache_looks``)."""
        super().__init__()
        self.sigClicked = Callbacks()  # (item, keyboard modifiers)
        self.sigHovered = Callbacks()  # (item, whether the pointer is on it now)
        self.shape_data = shape
        #: the outline the looks draw
        self.outline = to_painter_path(shape.ops)
        self.is_line = shape.kind in ("roots", "nerves")
        self.state = State.NORMAL
        self.hovered = False
        #: where the pointer came onto the shape (item coordinates): a long nerve's name is
        #: shown there, not at the top of the nerve
        self.hover_pos: QPointF | None = None
        self.takes_clicks = True  # off for nerves and roots while a pain pattern is drawn
        self.base_z = 0.0
        if self.is_line:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(shape.stroke_width + 4, 9))
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            self._hit = stroker.createStroke(self.outline)
            # over a region of skin, only the drawn line itself counts: a nerve crossing the
            # calf must not swallow clicks meant for the calf around it
            stroker.setWidth(max(shape.stroke_width + 1, 4))
            self._core = stroker.createStroke(self.outline)
        else:
            self._hit = self.outline
        pad = shape.stroke_width + 6
        self._bounds = self._hit.boundingRect().adjusted(-pad, -pad, pad, pad)
        self.setPen(Qt.PenStyle.NoPen)
        self.setPath(self._hit)  # Qt's shape() and boundingRect() of the item: the hit area
        # the shape itself draws nothing: each look it takes is a child with its own picture
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._looks: dict[tuple[State, bool], _Look] = {}
        self._look: _Look | None = None
        self._look_cache = CACHED if cached else NO_CACHE
        self._show_look()

    # -- the pictures ---------------------------------------------------------------------
    # Each look a shape takes (at rest, related, selected, marked; hovered or not) is a child
    # item with its own device-pixel picture (Qt's item cache); the look on show is opaque and
    # the others are fully transparent, which Qt skips without dropping their pictures. So a
    # click or a hover that changes a dozen shapes only blits pictures drawn before, instead of
    # redrawing the shapes. A zoom makes every picture stale at once, and redrawing them all
    # costs more than painting directly, so while the scale changes the looks paint directly,
    # and they take pictures again once it settles (the canvas sees to both).
    def at_rest_unseen(self) -> bool:
        """At rest, a region or a fine place shows nothing of its own: the canvas draws the
        borders of all of them as one picture per view (see ``_show_look``)."""
        return (
            self.shape_data.kind in DRAWN_TOGETHER_AT_REST
            and self.state is State.NORMAL
            and not self.hovered
        )

    @property
    def looks_cached(self) -> bool:
        return self._look_cache is not NO_CACHE

    def cache_looks(self, cached: bool) -> None:
        self._look_cache = CACHED if cached else NO_CACHE
        for look in self._looks.values():
            look.setCacheMode(self._look_cache)

    def looks_ahead(self) -> list[QGraphicsItem]:
        """Its likely looks (``LIKELY_LOOKS``) other than the one on show, made now if not yet,
        out of sight: for the canvas to have their pictures drawn ahead. A click drew each new
        look of a dozen shapes into its picture, 1-2 ms of the slowest clicks."""
        keys = list(LIKELY_LOOKS)
        if self.shape_data.kind in DRAWN_TOGETHER_AT_REST:
            keys += LIKELY_MARKS
        return [look for look in map(self._look_for, keys) if look is not self._look]

    def _look_for(self, key: tuple[State, bool]) -> _Look:
        """The look for (state, hovered), made (out of sight) if it was not yet."""
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = _Look(self, *key)
            look.setCacheMode(self._look_cache)
        return look

    def repaint_look(self) -> None:
        """Have the look on show painted again (into its picture, if it keeps one)."""
        if self._look is not None:
            self._look.update()

    def _show_look(self) -> None:
        key = (self.state, self.hovered)
        if self.at_rest_unseen():
            # blitting a hundred clear pictures of places at rest cost a click 2 ms, and
            # painting the regions' one by one was a third of the window's first frame
            if self._look is not None:
                self._look.setOpacity(0.0)
                self._look = None
            return
        look = self._look_for(key)
        if look is not self._look:
            look.setOpacity(1.0)
            if self._look is not None:
                self._look.setOpacity(0.0)
            self._look = look

    # -- drawing --------------------------------------------------------------------------
    def sure_shape(self) -> QPainterPath:
        """Where a pointer means this item wherever it is: the drawn line of a nerve or root
        (its wider hit area only counts away from skin regions), the whole of a region."""
        return self._core if self.is_line else self._hit

    @property
    def drawn_bounds(self) -> QRectF:
        """Where its looks may draw: the hit area and room for the widest outline."""
        return self._bounds

    def set_state(self, state: State) -> None:
        if state is not self.state:
            if not self.is_line:
                # a highlighted region draws above the translucent bones, so its colour shows
                lift = REGION_LIFT if state is not State.NORMAL else 0.0
                self.setZValue(self.base_z + lift)
            self.state = state
            self._show_look()

    def paint(self, p: QPainter, *args: object) -> None:
        """Never called (the shape has no contents of its own; its looks draw it)."""

    def paint_look(self, p: QPainter, state: State, hovered: bool) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_line:
            self._paint_line(p, state, hovered)
        else:
            self._paint_region(p, state, hovered)

    def _paint_region(self, p: QPainter, state: State, hovered: bool) -> None:
        fill = palette.FILL["region"]
        edge, width = palette.EDGE["region"], 1.2
        if state is State.SELECTED:
            fill, edge, width = palette.SELECTED_FILL, palette.VERMILLION, 3.5
        elif state is State.RELATED:
            fill, edge, width = palette.RELATED_FILL, palette.BLUE, 2.5
        elif state is State.MARKED:
            fill, edge, width = palette.MARKED_FILL, palette.PURPLE.darker(140), 3.5
        p.setBrush(fill)
        pen = QPen(edge, width)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(self.outline)
        if state is State.MARKED:
            # hatching as well as colour, so a marked place reads in greyscale too
            p.setBrush(QBrush(palette.PURPLE.darker(160), Qt.BrushStyle.BDiagPattern))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawPath(self.outline)
        if hovered:
            p.setBrush(palette.HOVER_FILL)
            hover_pen = QPen(palette.ORANGE, 2.5)
            hover_pen.setCosmetic(True)
            p.setPen(hover_pen)
            p.drawPath(self.outline)

    def _paint_line(self, p: QPainter, state: State, hovered: bool) -> None:
        w = self.shape_data.stroke_width
        core, edge = palette.NERVE, palette.NERVE_EDGE
        if state is State.NORMAL and not hovered:
            w *= NORMAL_LINE  # quieter until selected, so the plexus reads as a few calm lines
        if state is State.SELECTED:
            core, edge, w = palette.VERMILLION, palette.VERMILLION.darker(150), w + 3
        elif state is State.RELATED:
            core, edge, w = palette.BLUE, palette.BLUE.darker(150), w + 2
        if hovered:
            core, w = palette.ORANGE, w + 2
        # Drawn once per look and scale into the look's picture, so a plain wide round pen
        # is all it needs (and keeps a PDF small).
        p.setBrush(Qt.BrushStyle.NoBrush)
        for color, width in ((edge, w + 1.6), (core, w)):
            pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.drawPath(self.outline)

    # -- mouse ----------------------------------------------------------------------------
    def hoverEvent(self, ev: object) -> None:
        over = (
            not ev.isExit()  # type: ignore[attr-defined]
            and self.wants(ev.pos())  # type: ignore[attr-defined]
            and ev.acceptClicks(Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        )
        self.set_hover(bool(over), ev.pos())  # type: ignore[attr-defined]

    def set_hover(self, over: bool, pos: QPointF | None = None) -> None:
        """Lit as under the pointer, at ``pos`` (item coordinates) where it came on, or not."""
        if over and not self.hovered and pos is not None:
            self.hover_pos = QPointF(pos)
        if over != self.hovered:
            self.hovered = over
            self._show_look()
            self.sigHovered.emit(self, over)

    def drop_hover(self) -> None:
        """No longer under the pointer, though the pointer did not move (the drawing did)."""
        self.set_hover(False)

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
        scene = self.scene()
        if scene is not None and any(getattr(v, "drag_ended", False) for v in scene.views()):
            ev.ignore()  # type: ignore[attr-defined]
            return  # the release ended a pan far from the press: not a click on this shape
        if self.wants(ev.pos()):  # type: ignore[attr-defined]
            ev.accept()  # type: ignore[attr-defined]
            self.sigClicked.emit(self, ev.modifiers())  # type: ignore[attr-defined]
        else:
            ev.ignore()  # type: ignore[attr-defined]


class _Look(QGraphicsRectItem):
    """One look of a shape, drawn by the shape, cached as a picture by Qt; never takes the
    mouse (the shape does). A rectangle item, so Qt reads its bounds and shape without Python."""

    def __init__(self, owner: ShapeItem, state: State, hovered: bool):
        super().__init__(owner.drawn_bounds, owner)
        self.owner, self.state, self.hovered = owner, state, hovered
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setOpacity(0.0)

    def paint(self, p: QPainter, *args: object) -> None:
        self.owner.paint_look(p, self.state, self.hovered)


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
    names the dispute behind them.

    Out of sight unless shown (see ``set_shown``): fully transparent rather than hidden, as a
    shape's looks are, because Qt drops a hidden item's picture, and each click on a root drew
    its dermatomes and hatching anew (about 1 ms). Qt neither paints a fully transparent item
    nor finds it under the pointer, so it costs nothing while out of sight but its picture."""

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
        self._style_key: tuple[LayerStyle, int | None, int] | None = None
        self.colour = palette.VERMILLION
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.shown = False
        self.setOpacity(0.0)

    def set_shown(self, shown: bool) -> None:
        """Show it, or put it out of sight keeping its picture."""
        if shown != self.shown:
            self.shown = shown
            self.setOpacity(1.0 if shown else 0.0)

    def set_style(self, style: LayerStyle, colour: QColor | None = None, pattern: int = 0) -> None:
        """Fill and outline it in this style. Setting the same style again changes nothing: a
        new pen or brush throws its picture away, and a root's dermatome was drawn anew at
        every click on the root."""
        key = (style, None if colour is None else colour.rgba(), pattern)
        if key == self._style_key:
            return
        self._style_key = key
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
