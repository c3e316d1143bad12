"""The schematic: a pyqtgraph ViewBox (zoom with the wheel, pan by dragging) holding the views
side by side (back and front), one item per clickable shape, recoloured whenever the Selection
changes. Each view lives in its own layer, so it can be shown alone.

Over the skin lie two switchable layers read from the same SVG views: each root's dermatome as
each named map draws it (``dermatome:ROOT@side#MAP``) and each nerve's skin territory
(``territory:NERVE@side``). Selecting a root shows its dermatome in the chosen map (not the
whole regions it touches), with hatching where neighbouring dermatomes overlap and where the
maps disagree; selecting a nerve shows its skin. ``set_map`` chooses the map and
``set_overlay("dermatomes" | "nerves" | None)`` shows every root's or nerve's shape at once,
with a legend. Layer shapes never take clicks and are hidden unless shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPen,
    QPixmap,
    QPixmapCache,
    QRegion,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QWidget,
)

from viewer.content.atlas import Atlas
from viewer.drawing.shapes import LAYER_KINDS, Shape, View
from viewer.state.app_state import BOTH, MARKABLE, AppState, Target
from viewer.ui import palette, pointer_targets
from viewer.ui.direct_pointer import DRAG_PX, DirectPointer
from viewer.ui.hover_label import HoverLabel
from viewer.ui.idle_steps import IdleSteps, Step, note_input
from viewer.ui.legend import Legend, swatch
from viewer.ui.qt_paths import to_painter_path
from viewer.ui.shape_item import (
    CACHED,
    NO_CACHE,
    LayerItem,
    LayerStyle,
    ShapeItem,
    State,
)
from viewer.ui.zoom_preview import ZoomPreview

#: overlay names ``set_overlay`` takes, and the layer kind each shows
OVERLAYS = {"dermatomes": "dermatomes", "nerves": "territories"}
#: a hatched zone smaller than this (drawing units, both ways) is a seam, not an overlap
MIN_ZONE = 6.0
LayerKey = tuple[str, str, str | None, str | None, str]  # kind, id, side, map, view
ANY_MAP = "*"  # in the set of drawn layers' ids: drawn in some map, or in none

Z_ORDER = {
    "inset-frame": -1,
    "skin": 0,
    "region": 10,
    "place": 11,  # fine places (cells) tile the regions; clear at rest, so regions show through
    "bone": 20,
    "disc": 21,
    "muscle": 22,
    "dura": 25,
    "nerve": 30,
    "root": 40,
    "leader": 45,
}
LABEL_Z = 50
#: ``QGraphicsItem.data`` keys the presentation mode reads: what a drawing item is ("label",
#: "leader", "skin", "inset-frame") and, for a label, its SVG anchor ("start", "middle", "end")
ITEM_ROLE = 0
LABEL_ANCHOR = 1
POINT_Z = 60
GAP = 70.0  # drawing units between two views
TITLE_Y = -34.0
RING = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))


#: the view's height may shrink to the drawing's height divided by this, and no further
ZOOM_IN_LIMIT = 40
#: room for the pictures of the static drawing, every shape in each of its likely looks and the
#: dermatomes and hatching in one map, at full-HD size (about 70 MB; 45 MB at 1400 x 900)
PIXMAP_CACHE_KB = 128 * 1024
#: the roots' hatched zones are worked out ahead from this long after the window opens
ZONES_AHEAD_AFTER_MS = 600
#: After the first frame, the static drawing and the shapes' looks take their pictures (Qt's
#: item cache) a few items per idle moment: the first frame paints them directly, which took
#: it about half the time that drawing each into a picture first did.
PICTURES_PER_STEP = 12
#: shapes whose likely looks are drawn ahead in one idle step (about 1 ms each)
SHAPES_AHEAD_PER_STEP = 3
#: a zoom has settled when the scale has not changed for this long; the pictures are then
#: taken again the same way
SETTLE_MS = 250


class AtlasCanvas(pg.GraphicsView):
    sigHoverName = Signal(str)
    sigMapChanged = Signal(str)  # the dermatome map now drawn

    def __init__(self, atlas: Atlas, views: list[View], state: AppState, parent=None):
        self._room = (0, 0)  # pixels kept free above and below the drawing
        #: the clickable shapes (before Qt's own set-up, which already sends a resize)
        self.items: list[ShapeItem] = []
        #: the shapes not at rest now (selected, related or marked), and those under the pointer
        self._lit: set[ShapeItem] = set()
        self._hovered: set[ShapeItem] = set()
        #: (kind, id, map) of every dermatome and territory drawn, and (kind, id, ANY_MAP)
        self._layer_ids: set[tuple[str, str, str | None]] = set()
        self._drawing_takers: bool | None = None  # which shapes take clicks was set for
        super().__init__(parent, background="w")
        pointer_targets.install(self.scene(), self._pointer_candidates)
        #: hovers and plain clicks, handled without pyqtgraph (drags go to pyqtgraph)
        self.pointer = DirectPointer(
            self, self._pointer_candidates, lambda: self._hovered, self._forward_press
        )
        # pyqtgraph lights what lies under the pointer from plain moves of the mouse; no item
        # takes Qt's own hover events (see ShapeItem), so Qt would not ask for those moves
        self.viewport().setMouseTracking(True)
        self._shape_bounds: tuple[list[ShapeItem], np.ndarray] | None = None
        self.atlas = atlas
        self.views = views
        self.state = state
        # Qt keeps item pictures in its pixmap cache (10 MB by default); the shapes' looks and
        # the static drawing need a few times what one full-screen drawing takes, or pictures
        # would be dropped and redrawn at every click
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.vb = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.setCentralItem(self.vb)
        #: skin, bones, muscles and labels: never change, so kept as pixmaps between zooms
        self._static: list[QGraphicsItem] = []
        self._scale = 0.0
        self.key_points: list[tuple[QGraphicsPathItem, str, str | None]] = []
        self._by_key: dict[tuple[str, str], list[ShapeItem]] = {}
        self.layers: dict[str, QGraphicsItem] = {}
        self.view_rects: dict[str, QRectF] = {}
        #: dermatome and territory shapes, one item per (kind, id, side, map, view); hidden
        #: until asked for, so built after the first frame (see ``layer_items``)
        self._layer_items: dict[LayerKey, LayerItem] = {}
        self._unbuilt_layers: list[tuple[QGraphicsItem, str, Shape]] = []
        self._zones: dict[tuple[str, str | None, str | None, str], list[LayerItem]] = {}
        #: the hatched zones of each root in the chosen map, worked out ahead in idle moments
        #: (cutting the paths took the first click on a root 4-6 ms)
        self.zones_ahead = IdleSteps(self, ZONES_AHEAD_AFTER_MS, self._zone_steps)
        #: the pictures of what paints directly (started by the first frame, and again once a
        #: zoom has settled)
        self.pictures_ahead = IdleSteps(self, None, self._picture_steps, wait_for_quiet=False)
        #: the pictures of the looks and layers a click is likely to show next, drawn out of
        #: sight once the pictures on show are taken (and again after a zoom or a new map)
        self.looks_ahead = IdleSteps(self, None, self._look_steps)
        self._before_first_frame = True  # items built now paint directly until pictures_ahead
        self.settling = QTimer(self)  # runs while a zoom's scale keeps changing
        self.settling.setSingleShot(True)
        self.settling.setInterval(SETTLE_MS)
        self.settling.timeout.connect(self.pictures_ahead.restart)
        self._overlay_labels: dict[tuple[str, str | None], list[QGraphicsSimpleTextItem]] = {}
        self._shown_layers: list[QGraphicsItem] = []
        self.map_id: str | None = next(iter(atlas.maps), None)
        self.overlay: str | None = None
        offset = 0.0
        for i, view in enumerate(views):
            left, right = view.x_extent()
            if i:
                offset += GAP - left
            self._build(view, offset)
            self.view_rects[view.name] = QRectF(
                offset + left, TITLE_Y - 30, right - left, view.height - TITLE_Y + 30
            )
            offset += right
        self.hover_label = HoverLabel()
        self.vb.addItem(self.hover_label, ignoreBounds=True)
        self.vb.sigTransformChanged.connect(self._on_transform)
        self.zoom_preview = ZoomPreview(self, self.vb.childGroup)
        self.drag_ended = False  # true while a release that ends a drag is handled
        self._build_controls()
        state.subscribe(self._on_state)
        state.subscribe_views(self.show_view)
        self._set_click_takers(state.mode == "pattern")
        self._limit_zoom()
        self.fit()

    # -- building -------------------------------------------------------------------------
    def _build(self, view: View, offset: float) -> None:
        # a plain Qt item holds the view's drawing: pyqtgraph's ItemGroup answered each of the
        # few hundred children added at start-up in Python
        layer = QGraphicsPathItem()
        layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        layer.setPos(offset, 0)
        self.vb.addItem(layer)
        self.layers[view.name] = layer
        place_borders, region_borders = QPainterPath(), QPainterPath()
        for shape in view.shapes:
            z = Z_ORDER.get(shape.cls, 5)
            if shape.kind == "points":
                dot = QGraphicsPathItem(to_painter_path(shape.ops), layer)
                dot.setBrush(QBrush(palette.VERMILLION))
                pen = QPen(palette.POINT_RING, 2.5)
                pen.setCosmetic(True)
                dot.setPen(pen)
                dot.setZValue(POINT_Z)
                dot.setToolTip(f"{shape.content_id} key sensory point")
                dot.hide()
                self.key_points.append((dot, shape.content_id or "", shape.side))
            elif shape.kind in LAYER_KINDS:
                self._unbuilt_layers.append((layer, view.name, shape))
            elif shape.kind == "places" and shape.content_id not in self.atlas.places:
                continue  # content from before the fine places: its regions take the clicks
            elif shape.kind:
                item = ShapeItem(shape, cached=not self._before_first_frame)
                if shape.kind == "places":
                    place_borders.addPath(item.outline)
                elif shape.kind == "regions":
                    region_borders.addPath(item.outline)
                item.setParentItem(layer)
                item.base_z = z
                item.setZValue(z)
                item.sigClicked.connect(self._on_item_clicked)
                item.sigHovered.connect(self._on_item_hovered)
                self.items.append(item)
                self._by_key.setdefault((shape.kind, shape.content_id or ""), []).append(item)
            else:
                deco = QGraphicsPathItem(to_painter_path(shape.ops), layer)
                deco.setData(ITEM_ROLE, shape.cls)
                if shape.cls == "leader":
                    deco.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    deco.setBrush(QBrush(palette.FILL.get(shape.cls, palette.FILL["skin"])))
                pen = QPen(palette.EDGE.get(shape.cls, palette.EDGE["skin"]), 1.3)
                pen.setCosmetic(True)
                deco.setPen(pen)
                deco.setZValue(z)
                self._cache_at_rest(deco)
        # the borders of the regions and of the fine places at rest, each kind as one picture
        # under the shapes' own looks (see ShapeItem.at_rest_unseen)
        for outlines, colour, width, join, border_z in (
            (
                region_borders,
                palette.EDGE["region"],
                1.2,
                Qt.PenJoinStyle.RoundJoin,
                Z_ORDER["region"] - 0.01,
            ),
            (
                place_borders,
                palette.PLACE_EDGE,
                0.7,
                Qt.PenJoinStyle.BevelJoin,
                Z_ORDER["place"] - 0.01,
            ),
        ):
            if outlines.isEmpty():
                continue
            borders = QGraphicsPathItem(outlines, layer)
            borders.setBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setJoinStyle(join)
            borders.setPen(pen)
            borders.setZValue(border_z)
            borders.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._cache_at_rest(borders)
        for label in view.labels:
            self._add_text(
                layer, label.text, label.size, label.bold, label.x, label.y, label.anchor
            )
        self._add_text(layer, view.title.upper(), 30, True, view.width / 2, TITLE_Y, "middle")

    @property
    def layer_items(self) -> dict[LayerKey, LayerItem]:
        """The dermatome and territory items, built on first use or just after the first
        frame: all hidden until a selection or an overlay shows them, they were a fifth of
        building the window."""
        if self._unbuilt_layers:
            unbuilt, self._unbuilt_layers = self._unbuilt_layers, []
            for layer, view, shape in unbuilt:
                self._add_layer_shape(layer, view, shape)
            self._layer_ids = {(k[0], k[1], k[3]) for k in self._layer_items}
            self._layer_ids |= {(k[0], k[1], ANY_MAP) for k in self._layer_items}
        return self._layer_items

    def _add_layer_shape(self, layer: QGraphicsItem, view: str, shape: Shape) -> None:
        """Pieces of one dermatome or territory (same id, side and map in a view) become one
        item, filled as a union (the SVG writes every piece wound the same way)."""
        key: LayerKey = (shape.kind or "", shape.content_id or "", shape.side, shape.map_id, view)
        path = to_painter_path(shape.ops)
        path.setFillRule(Qt.FillRule.WindingFill)
        item = self._layer_items.get(key)
        if item is None:
            item = LayerItem(path, *key)
            item.setParentItem(layer)
            self._cache_at_rest(item)  # hatched fills are slow to paint: blit them
            self._layer_items[key] = item
        else:
            merged = item.path()
            merged.addPath(path)
            merged.setFillRule(Qt.FillRule.WindingFill)
            item.setPath(merged)

    def _build_controls(self) -> None:
        """The legend strip under the drawing, with the map and overlay switches at its right."""
        self.legend = Legend(self)
        self.legend.sigResized.connect(self._place_controls)
        self.controls = self.legend  # the switches sit in the legend strip's right column
        self.map_box = QComboBox(self.controls)
        self.map_box.setToolTip("Which published dermatome map to draw")
        for map_id, record in self.atlas.maps.items():
            self.map_box.addItem(record.name, map_id)
        self.map_box.setVisible(bool(self.atlas.maps))
        self.map_box.currentIndexChanged.connect(lambda i: self.set_map(self.map_box.itemData(i)))
        self.overlay_box = QComboBox(self.controls)
        self.overlay_box.setToolTip("Show every root's dermatome or every nerve's skin at once")
        for text, value in (
            ("No overlay", None),
            ("All dermatomes", "dermatomes"),
            ("All nerve territories", "nerves"),
        ):
            self.overlay_box.addItem(text, value)
        self.overlay_box.currentIndexChanged.connect(
            lambda i: self.set_overlay(self.overlay_box.itemData(i))
        )
        for box in (self.map_box, self.overlay_box):
            # reached by the mouse (and by the menu items the window binds to set_map and
            # set_overlay), not by Tab, so typing in the window never opens their lists
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            box.setMaximumWidth(self.legend.SIDE_WIDTH)
        self.legend.add_switches(self.map_box, self.overlay_box)
        # placed (and its entries laid out) at the first resize, when the width is known

    def _place_controls(self) -> None:
        """The legend, with the switches, in a strip below the drawing: the ViewBox is given the
        room above it, so the strip never covers the drawing."""
        if not hasattr(self, "controls"):
            return
        self.legend.set_available(self.width() - 30)
        self.legend.adjustSize()
        top = 0
        bottom = self.legend.sizeHint().height() + 4 if self.legend_shown else 0
        if self._room != (top, bottom):
            self._room = (top, bottom)
            self.updateMatrix()
            if self.view_rects:
                self.fit()
                QTimer.singleShot(0, self.fit)  # the drawing's room changed: show all of it
        self.legend.setFixedWidth(self.width() - 8)
        self.legend.move(4, self.height() - bottom + 2)

    def updateMatrix(self, propagate: bool = True) -> None:
        """pyqtgraph gives the ViewBox the whole widget; give it the room between the switches
        strip and the legend strip instead, so neither covers the drawing."""
        super().updateMatrix(propagate)
        vb = getattr(self, "vb", None)
        if vb is not None:
            top, bottom = self._room
            r = self.range
            vb.setGeometry(
                QRectF(r.left(), r.top() + top, r.width(), max(r.height() - top - bottom, 50.0))
            )

    def resizeEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(ev)
        self._drop_hover()
        self._place_controls()

    def _add_text(
        self, layer: QGraphicsItem, s: str, size: float, bold: bool, x: float, y: float, anchor: str
    ) -> None:
        text = QGraphicsSimpleTextItem(s, layer)
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(int(round(size)), 8))
        font.setBold(bold)
        text.setFont(font)
        text.setBrush(palette.LABEL)
        rect = text.boundingRect()
        dx = {"middle": rect.width() / 2, "end": rect.width()}.get(anchor, 0.0)
        text.setPos(x - dx, y - rect.height() * 0.78)
        text.setZValue(LABEL_Z)
        text.setData(ITEM_ROLE, "label")
        text.setData(LABEL_ANCHOR, anchor)
        self._cache_at_rest(text)

    def _cache_at_rest(self, item: QGraphicsItem) -> None:
        """An item that never changes: kept as a picture between zooms. One built for the
        first frame is painted directly in it, and takes its picture soon after."""
        self._static.append(item)
        item.setCacheMode(NO_CACHE if self._before_first_frame else CACHED)

    def _picture_steps(self) -> list[Step]:
        """Turn on the pictures of what paints directly (after the first frame, or after a
        zoom), a few items a step, each repainted at once so its picture is drawn then and not
        inside a later click."""
        self._before_first_frame = False
        todo: list[QGraphicsItem] = [i for i in self._static if i.cacheMode() is NO_CACHE]
        todo += [shape for shape in self.items if not shape.looks_cached]
        return [
            partial(self._take_pictures, todo[start : start + PICTURES_PER_STEP])
            for start in range(0, len(todo), PICTURES_PER_STEP)
        ] + [self.looks_ahead.restart]

    def _take_pictures(self, items: list[QGraphicsItem]) -> None:
        if self.settling.isActive():
            return  # a zoom is under way: the pictures are planned again once it settles
        for item in items:
            if isinstance(item, ShapeItem):
                item.cache_looks(True)
                item.repaint_look()  # the shape itself has no contents: Qt ignores its update()
            else:
                item.setCacheMode(CACHED)
                item.update()

    def _look_steps(self) -> Iterator[Step]:
        """Each shape's likely looks (see ``ShapeItem.looks_ahead``), a few shapes a step;
        then each root's dermatome and hatching and each nerve's skin as selecting it shows
        them, one selection a step. A click drew the new ones into their pictures: 1-4 ms of
        the slowest clicks (a root's dermatome, hatching and a dozen related shapes)."""
        for start in range(0, len(self.items), SHAPES_AHEAD_PER_STEP):
            yield partial(self._draw_looks_ahead, self.items[start : start + SHAPES_AHEAD_PER_STEP])
        selections = dict.fromkeys(
            Target(kind, rid, item.shape_data.side)  # type: ignore[arg-type]
            for (kind, rid), items in self._by_key.items()
            if kind in ("roots", "nerves")
            for item in items
        )
        for target in selections:
            yield partial(self._draw_layers_ahead, target)

    def _drawing_at_rest(self) -> bool:
        """No zoom under way: pictures drawn now are the ones the next frames use."""
        return not self.settling.isActive() and not self.zoom_preview.active

    def _draw_looks_ahead(self, shapes: list[ShapeItem]) -> None:
        if self._drawing_at_rest():
            for shape in shapes:
                if shape.looks_cached and shape.isVisible():
                    self._draw_unseen(shape.looks_ahead())

    def _draw_layers_ahead(self, target: Target) -> None:
        # an overlay styles the same layers its own way; they are drawn as it shows them
        if self._drawing_at_rest() and self.overlay is None and self.isVisible():
            self._draw_unseen(
                [layer for layer in self._selection_layers(target) if not layer.shown]
            )

    def _draw_unseen(self, items: list[QGraphicsItem]) -> None:
        """Have Qt draw the pictures of items out of sight. Qt keeps an item's picture for
        each viewport, so painting the viewport elsewhere fills it: the items are made opaque
        for a moment, the part of the drawing they cover is painted into a scratch pixmap, and
        they are out of sight again before the screen is next painted."""
        viewport = self.viewport()
        area = QRect()
        for item in items:
            area |= self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        area = area.adjusted(-2, -2, 2, 2) & viewport.rect()
        if area.isEmpty():
            return
        for item in items:
            item.setOpacity(1.0)
        try:
            viewport.render(
                QPixmap(area.size()),
                QPoint(),
                QRegion(area),
                QWidget.RenderFlag.DrawWindowBackground,
            )
        finally:
            for item in items:
                item.setOpacity(0.0)

    # -- pointer ---------------------------------------------------------------------------
    def _pointer_candidates(self, near: QRectF) -> list[QGraphicsItem]:
        """The items a hover, click or drag may reach (see pointer_targets): the shapes whose
        bounds meet ``near``, found from their bounds in the drawing's coordinates
        (shapes never move within it) all at once, and the ViewBox, which pans and zooms."""
        group = self.vb.childGroup
        if self._shape_bounds is None:
            # topmost first where z is equal, as Qt lists them: later siblings lie on top
            order = list(reversed(self.items))
            rects = [item.mapRectToItem(group, item.boundingRect()) for item in order]
            self._shape_bounds = (
                order,
                np.array([(r.left(), r.right(), r.top(), r.bottom()) for r in rects]).T.copy(),
            )
        order, (left, right, top, bottom) = self._shape_bounds
        box = group.mapRectFromScene(near).normalized()
        found: list[QGraphicsItem] = []
        if box.width() > 0 and box.height() > 0:  # as QRectF.intersects: an empty box meets none
            meets = (
                (left < box.right())
                & (box.left() < right)
                & (top < box.bottom())
                & (box.top() < bottom)
            )
            found = [order[i] for i in np.flatnonzero(meets)]
        found.append(self.vb)
        return found

    # -- wheel zoom ------------------------------------------------------------------------
    def wheelEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        note_input()
        self.zoom_preview.begin()
        super().wheelEvent(ev)

    def paintEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        self.scene().prepareForPaint()  # pyqtgraph applies a pending zoom or pan here
        if not self.zoom_preview.paint(self.viewport()):
            super().paintEvent(ev)
        if self._unbuilt_layers:  # the first frame is done: build the hidden layers now
            QTimer.singleShot(0, self, lambda: self.layer_items)  # not if the canvas is gone
        if not self.pictures_ahead.started:
            self.pictures_ahead.restart()

    def mouseMoveEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        note_input()  # work done ahead waits while the pointer moves over the drawing
        if not self.pointer.moved(ev):
            super().mouseMoveEvent(ev)

    def mousePressEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        note_input()
        self.zoom_preview.end()  # a click is aimed at the real drawing
        if not self.pointer.pressed(ev):
            self._forward_press(ev)

    def _forward_press(self, ev) -> None:  # type: ignore[no-untyped-def]
        """A press for pyqtgraph: other buttons than the left, or a left press that turned
        out to start a drag."""
        self._pressed_at = ev.position()
        super().mousePressEvent(ev)

    def mouseReleaseEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        note_input()
        if self.pointer.released(ev):
            return
        # a release away from the press ends a drag (a pan), never a click on what lay under
        # the press: pyqtgraph can take a quick drag for a click when it saw no move in between
        moved = ev.position() - getattr(self, "_pressed_at", ev.position())
        self.drag_ended = moved.manhattanLength() > DRAG_PX  # shapes refuse the click then
        try:
            super().mouseReleaseEvent(ev)
        finally:
            self.drag_ended = False

    def _drop_hover(self) -> None:
        """The drawing moved under a still pointer (a zoom, a pan, a resize, presentation
        mode): what was under it no longer is, so nothing stays lit as hovered; the next move
        of the mouse lights what is under it now."""
        for item in self.items:
            if item.hovered:
                item.drop_hover()

    def _on_transform(self, *_args: object) -> None:
        """A highlight repaints much of the drawing; the unchanging parts are then blitted from
        pixmaps. A zoom makes every pixmap stale, so while the scale changes they are painted
        directly, and cached again once it settles (as the clickable shapes do)."""
        self._drop_hover()
        scale = self.vb.childGroup.transform().m11()
        if abs(scale - self._scale) > 1e-9 * abs(scale):
            # under a wheel zoom's preview nothing is painted until it rests, and then every
            # picture is drawn again at the new size anyway
            if self._scale and not self.zoom_preview.active:
                for item in self._static:
                    if item.cacheMode() is not NO_CACHE:
                        item.setCacheMode(NO_CACHE)
                for shape in self.items:
                    if shape.looks_cached:
                        shape.cache_looks(False)
                self.settling.start()  # then the pictures are taken again (pictures_ahead)
            self._scale = scale

    # -- reacting -------------------------------------------------------------------------
    def _on_item_clicked(self, item: ShapeItem, modifiers: Qt.KeyboardModifier) -> None:
        s = item.shape_data
        adding = bool(
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        self.state.click(s.kind or "", s.content_id or "", s.side, adding)  # type: ignore[arg-type]

    def _on_item_hovered(self, item: ShapeItem, entered: bool) -> None:
        if entered:
            self._hovered.add(item)
        else:
            self._hovered.discard(item)
            if not self._hovered:
                self.hover_label.hide()
                self.sigHoverName.emit("")
            return
        s = item.shape_data
        name = self.atlas.record(s.kind or "", s.content_id or "").name
        side = f" ({s.side})" if s.side else ""
        self.hover_label.setText(f"{name}{side}")
        if item.is_line and item.hover_pos is not None:  # beside the pointer on a long line
            self.hover_label.setPos(item.mapToItem(self.vb.childGroup, item.hover_pos))
        else:
            rect = item.mapRectToItem(self.vb.childGroup, item.outline.boundingRect())
            self.hover_label.setPos(rect.center().x(), rect.top())
        self.hover_label.show()
        self.sigHoverName.emit(f"{name}{side}")

    def _on_state(self, state: AppState) -> None:
        self.zoom_preview.end()  # a change of highlight is shown sharp at once
        drawing = state.mode == "pattern"
        self._set_click_takers(drawing)
        self._show_layers(state)
        if drawing:
            self._show_pattern(state)
            return
        target = state.current
        for dot, root, side in self.key_points:
            dot.setVisible(
                target is not None
                and target.kind == "roots"
                and target.id == root
                and _same_side(target.side, side)
            )
        if target is None:
            self._apply_states({})
            return
        hl = self.atlas.highlight(target.kind, target.id)
        related = {"regions": hl.regions, "roots": hl.roots, "nerves": hl.nerves}
        if self._layer_kind(target.kind, target.id):
            # the root's dermatome or the nerve's skin is drawn itself: whole regions are not
            related["regions"] = frozenset()
        states: dict[ShapeItem, State] = {}
        for kind, ids in related.items():
            for rid in ids:
                states.update(dict.fromkeys(self._drawn_for(target, kind, rid), State.RELATED))
        states.update(dict.fromkeys(self._drawn_for(target, target.kind, target.id), State.SELECTED))
        self._apply_states(states)

    def _drawn_for(self, target: Target, kind: str, rid: str) -> list[ShapeItem]:
        """The shapes of this record on the side (or sides) the selection is on."""
        return [
            item
            for item in self._by_key.get((kind, rid), ())
            if _same_side(target.side, item.shape_data.side)
        ]

    def _apply_states(self, states: dict[ShapeItem, State]) -> None:
        """Give these shapes these looks and every other shape its look at rest. Only the
        shapes lit before or now are visited: a click changes a few dozen of the hundreds."""
        for item in self._lit:
            if item not in states:
                item.set_state(State.NORMAL)
        for item, look in states.items():
            item.set_state(look)
        self._lit = {item for item, look in states.items() if look is not State.NORMAL}

    def _set_click_takers(self, drawing: bool) -> None:
        """The fine places lie over the regions and take their clicks (a region is reached
        from its places' pages); while drawing a pattern, a click anywhere on the skin marks
        the place under it, and nerves and roots take none."""
        if drawing == self._drawing_takers:
            return
        self._drawing_takers = drawing
        skin = self._skin_kind
        for item in self.items:
            kind = item.shape_data.kind
            item.takes_clicks = kind == skin if drawing or kind in MARKABLE else True

    @property
    def _skin_kind(self) -> str:
        """What a click on the skin selects: fine places when the drawing has them."""
        found = getattr(self, "_skin", None)
        if found is None:
            found = self._skin = (
                "places" if ("places" in {k for k, _ in self._by_key}) else "regions"
            )
        return found

    # -- the dermatome and territory layers -------------------------------------------------
    def _layer_kind(self, kind: str, content_id: str) -> str | None:
        """The layer that draws this selection's own skin ("dermatomes" for a root drawn in the
        chosen map, "territories" for a nerve), or None."""
        self.layer_items  # noqa: B018 - built if not yet, with the set of their ids
        if kind == "roots" and self.map_id is not None:
            if ("dermatomes", content_id, self.map_id) in self._layer_ids:
                return "dermatomes"
        if kind == "nerves" and ("territories", content_id, ANY_MAP) in self._layer_ids:
            return "territories"
        return None

    def set_map(self, map_id: str) -> None:
        """Draw dermatomes as this map (an id from data/maps.yaml) draws them."""
        if map_id not in self.atlas.maps:
            raise KeyError(f"no map {map_id!r}; have {', '.join(self.atlas.maps)}")
        changed = map_id != self.map_id
        self.map_id = map_id
        if changed and self.zones_ahead.started:  # the new map's zones, ahead too
            self.zones_ahead.restart()
        if changed and self.looks_ahead.started:  # and its dermatomes' pictures
            self.looks_ahead.restart()
        index = self.map_box.findData(map_id)
        if index != self.map_box.currentIndex():
            self.map_box.setCurrentIndex(index)
        self._on_state(self.state)
        if changed:
            self.sigMapChanged.emit(map_id)

    def set_overlay(self, overlay: str | None) -> None:
        """Show every root's dermatome (``"dermatomes"``) or every nerve's skin (``"nerves"``)
        at once, with a legend; ``None`` hides the overlay."""
        if overlay is not None and overlay not in OVERLAYS:
            raise KeyError(f"no overlay {overlay!r}; have {', '.join(OVERLAYS)}")
        self.overlay = overlay
        index = self.overlay_box.findData(overlay)
        if index >= 0 and index != self.overlay_box.currentIndex():
            self.overlay_box.setCurrentIndex(index)
        self._on_state(self.state)

    def shown_layer_items(self) -> list[LayerItem]:
        """The dermatome, territory and hatched items on screen now."""
        return [
            i for i in self._shown_layers if isinstance(i, LayerItem) and i.shown and i.isVisible()
        ]

    def _show_layers(self, state: AppState) -> None:
        shown: list[QGraphicsItem] = []
        entries: list[tuple[str, str]] = []
        if self.overlay is not None:
            shown, entries = self._overlay_items(OVERLAYS[self.overlay])
        target = state.current if state.mode == "browse" else None
        if target is not None:
            shown += self._selection_layers(target)
        # only what comes or goes changes: an item hidden and shown again within the click
        # was repainted for nothing (every overlay shape, at each click with an overlay on)
        staying = set(shown)
        for gone in self._shown_layers:
            if gone not in staying:
                _set_shown(gone, False)
        for layer in shown:
            _set_shown(layer, True)
        self._shown_layers = shown
        self._update_legend(entries)

    def _selection_layers(self, target: Target) -> list[LayerItem]:
        """A root's dermatome in the chosen map with its hatched zones, or a nerve's skin,
        styled as selected; nothing for other selections."""
        layers: list[LayerItem] = []
        kind = self._layer_kind(target.kind, target.id)
        if kind is not None:
            for key, item in self.layer_items.items():
                if (
                    key[0] == kind
                    and key[1] == target.id
                    and (kind == "territories" or key[3] == self.map_id)
                    and _same_side(target.side, key[2])
                ):
                    item.set_style(LayerStyle.SELECTED)
                    layers.append(item)
            if kind == "dermatomes":
                for side in self._sides(target.side):
                    for view in self.layers:
                        layers += self._zones_for(target.id, side, view)
        return layers

    def _sides(self, side: str | None) -> list[str | None]:
        drawn = {k[2] for k in self.layer_items}
        return sorted((s for s in drawn if _same_side(side, s)), key=str)

    def _overlay_items(self, kind: str) -> tuple[list[QGraphicsItem], list[tuple[str, str]]]:
        """Every shape of one layer in its own colour and with its name on it, and the legend
        entries (id, name) in order."""
        if kind == "dermatomes":
            ids = [r for r in self.atlas.roots if self.map_id not in self._not_drawn(r)]
        else:
            ids = [n for n in self.atlas.nerves if not self._covered_by_branches(n)]
        order = {rid: i for i, rid in enumerate(ids)}
        shown: list[QGraphicsItem] = []
        present: set[str] = set()
        for key, item in self.layer_items.items():
            if key[0] != kind or key[1] not in order:
                continue
            if kind == "dermatomes" and key[3] != self.map_id:
                continue
            i = order[key[1]]
            colours = palette.OVERLAY_COLOURS
            item.set_style(LayerStyle.OVERLAY, colours[i % len(colours)], i // len(colours))
            # later entries (smaller branches, lower roots) on top of earlier ones
            item.setZValue(item.zValue() + i * 0.001)
            shown.append(item)
            present.add(key[1])
            shown += self._labels_for(key, item, str(i + 1) if kind == "territories" else key[1])
        entries = [
            (rid, self.atlas.record(self._record_kind(kind), rid).name)
            for rid in ids
            if rid in present
        ]
        return shown, entries

    @staticmethod
    def _record_kind(layer_kind: str) -> str:
        return "roots" if layer_kind == "dermatomes" else "nerves"

    def _not_drawn(self, root: str) -> set[str]:
        """The maps that leave this root out."""
        return {m for m, rec in self.atlas.maps.items() if root in rec.not_drawn}

    def _covered_by_branches(self, nerve: str) -> bool:
        """A trunk nerve whose skin is all its branches' (sciatic, tibial...): the overlay shows
        the branches instead, so nothing is drawn twice."""
        branches, todo = [], [nerve]
        while todo:  # every nerve below this one, branches of branches too
            parent = todo.pop()
            children = [n.id for n in self.atlas.nerves.values() if n.branch_of == parent]
            branches += children
            todo += children
        if not branches:
            return False
        for key, item in self.layer_items.items():
            if key[0] != "territories" or key[1] != nerve:
                continue
            rest = QPainterPath(item.path())
            for b in branches:
                other = self.layer_items.get(("territories", b, key[2], None, key[4]))
                if other is not None:
                    rest = rest.subtracted(other.path())
            box = rest.boundingRect()
            if box.width() > MIN_ZONE * 3 and box.height() > MIN_ZONE * 3:
                return False
        return True

    def _labels_for(self, key: LayerKey, item: LayerItem, name: str) -> list[QGraphicsItem]:
        """The name written on each piece of an overlay shape big enough to hold it."""
        label_key = (key[0], f"{key[1]}|{key[2]}|{key[3]}|{key[4]}")
        labels = self._overlay_labels.get(label_key)
        if labels is None:
            labels = []
            for poly in item.path().toSubpathPolygons():
                box = poly.boundingRect()
                centre = box.center()
                if not item.path().contains(centre):
                    continue
                font = QFont("DejaVu Sans")
                font.setPixelSize(15)
                font.setBold(True)
                r = QFontMetricsF(font).boundingRect(name)
                if box.width() < r.width() + 6 or box.height() < r.height() + 4:
                    continue
                text = QGraphicsSimpleTextItem(name, item.parentItem())
                text.setFont(font)
                text.setBrush(palette.LABEL)
                r = text.boundingRect()
                text.setPos(centre.x() - r.width() / 2, centre.y() - r.height() / 2)
                text.setZValue(LABEL_Z - 1)
                text.hide()
                labels.append(text)
            self._overlay_labels[label_key] = labels
        return list(labels)

    def _zone_steps(self) -> Iterator[Step]:
        """Working out every root's hatched zones in the chosen map, one root, side and view
        a step; none once the window is closed (its drawing may be gone already)."""
        if not self.isVisible():
            return
        sides = sorted({k[2] for k in self.layer_items}, key=str)
        for root in self.atlas.roots:
            for side in sides:
                for view in self.layers:
                    if not self.isVisible():
                        return
                    yield partial(self._zones_for, root, side, view)

    def _zones_for(self, root: str, side: str | None, view: str) -> list[LayerItem]:
        """Hatched zones for one root's dermatome in the chosen map: where a neighbouring root's
        dermatome overlaps it, and where the maps disagree about it. Worked out on first use."""
        key = (root, side, self.map_id, view)
        zones = self._zones.get(key)
        if zones is not None:
            return zones
        zones = []
        mine = self.layer_items.get(("dermatomes", root, side, self.map_id, view))
        layer = self.layers[view]
        roots = list(self.atlas.roots)
        if mine is not None:
            i = roots.index(root)
            for other in roots[max(i - 2, 0) : i + 3]:
                nb = self.layer_items.get(("dermatomes", other, side, self.map_id, view))
                if other == root or nb is None:
                    continue
                if not mine.path().boundingRect().intersects(nb.path().boundingRect()):
                    continue
                zone = mine.path().intersected(nb.path())
                if _big(zone):
                    zones.append(
                        self._zone(
                            zone,
                            root,
                            side,
                            view,
                            LayerStyle.OVERLAP,
                            self._overlap_tip(root, other),
                            layer,
                        )
                    )
        drawn_by = (
            [
                self.layer_items[k]
                for k in self.layer_items
                if k[0] == "dermatomes"
                and k[1] == root
                and k[2] == side
                and k[4] == view
                and root not in self.atlas.maps[k[3] or ""].not_drawn
            ]
            if all(k[3] in self.atlas.maps for k in self.layer_items if k[0] == "dermatomes")
            else []
        )
        if len(drawn_by) > 1:
            union, common = QPainterPath(drawn_by[0].path()), QPainterPath(drawn_by[0].path())
            for other_item in drawn_by[1:]:
                union = union.united(other_item.path())
                common = common.intersected(other_item.path())
            zone = union.subtracted(common)
            if _big(zone):
                zones.append(
                    self._zone(
                        zone, root, side, view, LayerStyle.DISAGREE, self._disagree_tip(root), layer
                    )
                )
        self._zones[key] = zones
        return zones

    def _zone(
        self,
        path: QPainterPath,
        root: str,
        side: str | None,
        view: str,
        style: LayerStyle,
        tip: str,
        layer: QGraphicsItem,
    ) -> LayerItem:
        item = LayerItem(path, "zones", root, side, self.map_id, view)
        item.setParentItem(layer)
        item.setCacheMode(CACHED)  # made anew for each selection, so not kept among the static
        item.set_style(style)
        item.setToolTip(tip)
        return item

    def _map_disputes(self, root: str) -> list[str]:
        """Topics of the disputes the chosen map names that concern this root (or all roots)."""
        record = self.atlas.maps.get(self.map_id or "")
        ids = record.disputes if record else []
        about = [
            d for d in ids if d in self.atlas.disputes and root in self.atlas.disputes[d].about
        ]
        return [self.atlas.disputes[d].topic for d in (about or ids) if d in self.atlas.disputes]

    def _overlap_tip(self, root: str, other: str) -> str:
        map_name = self.atlas.maps[self.map_id or ""].name if self.map_id in self.atlas.maps else ""
        topics = "; ".join(f"“{t}”" for t in self._map_disputes(root))
        return (
            f"{root} and {other} overlap here in {map_name}: this skin may feel through either "
            f"root. Disputes: {topics}"
        )

    def _disagree_tip(self, root: str) -> str:
        topics = "; ".join(f"“{t}”" for t in self._map_disputes(root))
        return (
            f"The maps disagree here: some give this skin to {root}, others do not. "
            f"Disputes: {topics}"
        )

    def _update_legend(self, entries: list[tuple[str, str]]) -> None:
        if not entries:
            if self.legend.overlay_entries:
                self.legend.set_overlay("", [])
                self._place_controls()
                QTimer.singleShot(0, self._place_controls)
            return
        colours = palette.OVERLAY_COLOURS
        rows = []
        for i, (rid, name) in enumerate(entries):
            c = colours[i % len(colours)]
            fill = QColor(c)
            fill.setAlpha(palette.OVERLAY_ALPHA)
            styles = palette.OVERLAY_PATTERNS
            pattern = styles[(i // len(colours)) % len(styles)]
            label = f"{i + 1}  {name}" if self.overlay == "nerves" else f"{rid}"
            rows.append((swatch(fill, c.darker(150), brush_style=pattern, width=1.4), label))
        if self.overlay == "dermatomes":
            record = self.atlas.maps.get(self.map_id or "")
            title = f"Dermatomes: {record.name}" if record else "Dermatomes"
        else:
            title = "Skin of each nerve"
        if (title, [r[1] for r in rows]) != (
            self.legend.overlay_title,
            [e[1] for e in self.legend.overlay_entries],
        ):
            self.legend.set_overlay(title, rows)
            self._place_controls()
            self.fit()
            QTimer.singleShot(0, self._place_controls)  # once the new rows are laid out

    def _show_pattern(self, state: AppState) -> None:
        """Every marked place at once, in its own fill, outline and hatching; nothing else."""
        marked: dict[str, set[str | None]] = {}
        for place in state.pattern.places:
            marked.setdefault(place.region, set()).add(place.side)
        for dot, _root, _side in self.key_points:
            dot.setVisible(False)
        states: dict[ShapeItem, State] = {}
        for rid, sides in marked.items():
            for kind in MARKABLE:
                for item in self._by_key.get((kind, rid), ()):
                    if None in sides or BOTH in sides or item.shape_data.side in sides:
                        states[item] = State.MARKED
        self._apply_states(states)

    def marked_items(self) -> list[ShapeItem]:
        return [i for i in self.items if i.state is State.MARKED]

    # -- helpers for the toolbar, tests and the benchmark -----------------------------------
    def show_view(self, name: str) -> None:
        """Show one view by name, or ``"both"``, and fit it (the state calls this)."""
        if name != BOTH and name not in self.layers:
            raise KeyError(f"no view named {name!r}; have {', '.join(self.layers)}")
        for view_name, layer in self.layers.items():
            layer.setVisible(name in (BOTH, view_name))
        self.fit()

    @property
    def legend_shown(self) -> bool:
        return getattr(self, "_legend_shown", True)

    def set_legend_visible(self, shown: bool) -> None:
        """Show or hide the legend strip (and its switches); the drawing takes the room."""
        self._legend_shown = shown
        self.legend.setVisible(shown)
        self._place_controls()

    def _limit_zoom(self) -> None:
        """Zoom and pan stay where the drawing is useful: out to three times the whole
        drawing, in to a fortieth of its height (a toe fills the view), and never so far off
        that the drawing leaves the screen."""
        whole = QRectF()
        for r in self.view_rects.values():
            whole = whole.united(r)
        if whole.isEmpty():
            return
        w, h = whole.width(), whole.height()
        self.vb.setLimits(
            xMin=whole.left() - w,
            xMax=whole.right() + w,
            yMin=whole.top() - h,
            yMax=whole.bottom() + h,
            minXRange=h / ZOOM_IN_LIMIT,
            maxXRange=3 * max(w, h),
            minYRange=h / ZOOM_IN_LIMIT,
            maxYRange=3 * max(w, h),
        )

    def fit(self) -> None:
        rect = QRectF()
        for name, r in self.view_rects.items():
            if self.layers[name].isVisible():
                rect = rect.united(r)
        self.vb.setRange(rect, padding=0.01)

    # -- the keyboard ----------------------------------------------------------------------
    ARROWS = {
        Qt.Key.Key_Left: (-1.0, 0.0),
        Qt.Key.Key_Right: (1.0, 0.0),
        Qt.Key.Key_Up: (0.0, -1.0),
        Qt.Key.Key_Down: (0.0, 1.0),
    }

    def neighbour(self, item: ShapeItem, key: Qt.Key) -> ShapeItem | None:
        """The nearest region on screen in the arrow's direction (within 60° of it), in the
        same view: what the arrow keys move to."""
        dx, dy = self.ARROWS[key]
        here = item.mapToScene(item.shape().boundingRect().center())
        best: tuple[float, ShapeItem] | None = None
        for other in self.items:
            if other is item or other.shape_data.kind != "regions" or not other.isVisible():
                continue
            if other.parentItem() is not item.parentItem():
                continue
            there = other.mapToScene(other.shape().boundingRect().center())
            vx, vy = there.x() - here.x(), there.y() - here.y()
            along = vx * dx + vy * dy
            dist = (vx * vx + vy * vy) ** 0.5
            if along <= 0 or along < dist * 0.5:  # behind, or more than 60° off the arrow
                continue
            score = dist + abs(vx * dy - vy * dx)  # near, and close to the arrow's line
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else None

    def keyPressEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        """Arrow keys move the selection between neighbouring regions; Enter in pattern mode
        marks or unmarks the selected place. Without a selected region, the first arrow picks
        the low back."""
        note_input()
        key = ev.key()
        if key in self.ARROWS and ev.modifiers() == Qt.KeyboardModifier.NoModifier:
            cur = self.state.current
            if cur is None or cur.kind != "regions":
                start = self.items_for("regions", "low-back", "left") or [
                    i for i in self.items if i.shape_data.kind == "regions"
                ]
                if start:
                    s = start[0].shape_data
                    self.state.select("regions", s.content_id or "", s.side)  # type: ignore[arg-type]
                ev.accept()
                return
            items = [
                i
                for i in self.items_for("regions", cur.id, cur.side if cur.side != BOTH else None)
                if i.isVisible()
            ]
            nxt = self.neighbour(items[0], key) if items else None
            if nxt is not None:
                s = nxt.shape_data
                self.state.select("regions", s.content_id or "", s.side)  # type: ignore[arg-type]
            ev.accept()
            return
        super().keyPressEvent(ev)

    def draws(self, target: Target) -> bool:
        """Whether the views on show draw the target itself (a region, place, root or nerve), or
        the target is not a part of the drawing at all (a condition, an exercise...)."""
        if target.kind not in ("regions", "places", "roots", "nerves"):
            return True
        items = self.items_for(target.kind, target.id)
        return not items or any(i.parentItem().isVisible() for i in items)

    def items_for(
        self, kind: str, content_id: str, side: str | None = None, view: str | None = None
    ) -> list[ShapeItem]:
        return [
            i
            for i in self._by_key.get((kind, content_id), [])
            if (side is None or i.shape_data.side == side)
            and (view is None or i.parentItem() is self.layers[view])
        ]

    def visible_key_points(self) -> list[tuple[str, str | None]]:
        return [(root, side) for dot, root, side in self.key_points if dot.isVisible()]

    def interior_point(self, item: ShapeItem) -> QPointF:
        """A point in the ViewBox's coordinates where a click lands on this item and no other
        clickable item lies on top of it: on a nerve's drawn line where there is room (its
        wider hit area does not count over skin), else anywhere on its hit area."""
        for clear in (5.0, 2.5):  # pixels clear of items on top; less only for tiny parts
            for shape in (item.sure_shape(), item.shape()):
                point = self._free_point(item, shape, clear)
                if point is not None:
                    return point
        raise LookupError(f"no free point on {item.shape_data.svg_id}")

    def _free_point(self, item: ShapeItem, shape: QPainterPath, clear: float) -> QPointF | None:
        rect = shape.boundingRect()
        layer = item.parentItem()
        above = [
            i
            for i in self.items
            if i.parentItem() is layer
            and i.takes_clicks  # a lifted, highlighted region lets clicks through to its places
            and (i.zValue() > item.zValue() or (i.zValue() == item.zValue() and i is not item))
        ]
        # stay a few pixels clear of items on top: pyqtgraph picks within a small radius
        # and well inside the item itself, so rounding to whole pixels cannot miss it
        px = max(self.vb.viewPixelSize())
        ring = [QPointF(dx * px * clear, dy * px * clear) for dx, dy in RING]
        inner = [QPointF(dx * px * 1.5, dy * px * 1.5) for dx, dy in RING]
        steps = 24
        candidates = []
        # each piece on its own grid: a toe far from the rest of its place is still sampled
        pieces = [poly.boundingRect() for poly in shape.toSubpathPolygons()] or [rect]
        for piece in pieces:
            for ix in range(1, steps):
                for iy in range(1, steps):
                    p = QPointF(
                        piece.left() + piece.width() * ix / steps,
                        piece.top() + piece.height() * iy / steps,
                    )
                    if all(shape.contains(p + d) for d in inner) and not any(
                        i.shape().contains(p + d) for i in above for d in ring
                    ):
                        candidates.append(p)
        # a point the view shows (not scrolled off, nor under the switches or the legend)
        shown = self.vb.viewRect()
        on_screen = [p for p in candidates if shown.contains(item.mapToItem(self.vb.childGroup, p))]
        candidates = on_screen or candidates
        if not candidates:
            return None
        c = rect.center()
        best = min(candidates, key=lambda p: (p.x() - c.x()) ** 2 + (p.y() - c.y()) ** 2)
        return item.mapToItem(self.vb.childGroup, best)

    def to_viewport(self, point: QPointF) -> QPointF:
        scene_point = self.vb.mapViewToScene(point)
        return QPointF(self.mapFromScene(scene_point))


def _set_shown(item: QGraphicsItem, shown: bool) -> None:
    """Show or put out of sight a layer's item: a dermatome, territory or zone keeps its
    picture (see LayerItem), an overlay's label is simply hidden."""
    if isinstance(item, LayerItem):
        item.set_shown(shown)
    else:
        item.setVisible(shown)


def _big(path: QPainterPath) -> bool:
    box = path.boundingRect()
    return not path.isEmpty() and box.width() > MIN_ZONE and box.height() > MIN_ZONE


def _same_side(selected: str | None, drawn: str | None) -> bool:
    return selected in (None, BOTH) or drawn is None or drawn == selected
