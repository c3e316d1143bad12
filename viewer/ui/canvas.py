"""The schematic: a pyqtgraph ViewBox (zoom with the wheel, pan by dragging) holding the views
side by side (back and front), one item per clickable shape, recoloured whenever the Selection
changes. Each view lives in its own layer, so it can be shown alone."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from viewer.content.atlas import Atlas
from viewer.drawing.shapes import View
from viewer.state.app_state import BOTH, AppState
from viewer.ui import palette
from viewer.ui.qt_paths import to_painter_path
from viewer.ui.shape_item import CACHED, NO_CACHE, ShapeItem, State, settle_cache

Z_ORDER = {
    "inset-frame": -1,
    "skin": 0,
    "region": 10,
    "bone": 20,
    "disc": 21,
    "muscle": 22,
    "dura": 25,
    "nerve": 30,
    "root": 40,
    "leader": 45,
}
LABEL_Z = 50
POINT_Z = 60
GAP = 70.0  # drawing units between two views
TITLE_Y = -34.0
RING = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))


class AtlasCanvas(pg.GraphicsView):
    sigHoverName = Signal(str)

    def __init__(self, atlas: Atlas, views: list[View], state: AppState, parent=None):
        super().__init__(parent, background="w")
        self.atlas = atlas
        self.views = views
        self.state = state
        self.vb = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.setCentralItem(self.vb)
        self.items: list[ShapeItem] = []
        #: skin, bones, muscles and labels: never change, so kept as pixmaps between zooms
        self._static: list[QGraphicsItem] = []
        self._scale = 0.0
        self.key_points: list[tuple[QGraphicsPathItem, str, str | None]] = []
        self._by_key: dict[tuple[str, str], list[ShapeItem]] = {}
        self.layers: dict[str, QGraphicsItem] = {}
        self.view_rects: dict[str, QRectF] = {}
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
        self.hover_label = pg.TextItem(
            "",
            color=palette.LABEL,
            fill=pg.mkBrush(255, 255, 255, 230),
            border=pg.mkPen(palette.ORANGE, width=1.5),
            anchor=(0.5, 1.2),
        )
        self.hover_label.setZValue(100)
        self.hover_label.hide()
        self.vb.addItem(self.hover_label, ignoreBounds=True)
        self.vb.sigTransformChanged.connect(self._on_transform)
        state.subscribe(self._on_state)
        state.subscribe_views(self.show_view)
        self.fit()

    # -- building -------------------------------------------------------------------------
    def _build(self, view: View, offset: float) -> None:
        layer = pg.ItemGroup()
        layer.setPos(offset, 0)
        self.vb.addItem(layer)
        self.layers[view.name] = layer
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
            elif shape.kind:
                item = ShapeItem(shape)
                item.setParentItem(layer)
                item.base_z = z
                item.setZValue(z)
                item.sigClicked.connect(self._on_item_clicked)
                item.sigHovered.connect(self._on_item_hovered)
                self.items.append(item)
                self._by_key.setdefault((shape.kind, shape.content_id or ""), []).append(item)
            else:
                deco = QGraphicsPathItem(to_painter_path(shape.ops), layer)
                if shape.cls == "leader":
                    deco.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    deco.setBrush(QBrush(palette.FILL.get(shape.cls, palette.FILL["skin"])))
                pen = QPen(palette.EDGE.get(shape.cls, palette.EDGE["skin"]), 1.3)
                pen.setCosmetic(True)
                deco.setPen(pen)
                deco.setZValue(z)
                self._cache_at_rest(deco)
        for label in view.labels:
            self._add_text(
                layer, label.text, label.size, label.bold, label.x, label.y, label.anchor
            )
        self._add_text(layer, view.title.upper(), 30, True, view.width / 2, TITLE_Y, "middle")

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
        self._cache_at_rest(text)

    def _cache_at_rest(self, item: QGraphicsItem) -> None:
        item.setCacheMode(CACHED)
        self._static.append(item)

    def _on_transform(self, *_args: object) -> None:
        """A highlight repaints much of the drawing; the unchanging parts are then blitted from
        pixmaps. A zoom makes every pixmap stale, so while the scale changes they are painted
        directly, and cached again once it settles (as the clickable shapes do)."""
        scale = self.vb.childGroup.transform().m11()
        if abs(scale - self._scale) > 1e-9 * abs(scale):
            if self._scale:
                for item in self._static:
                    if item.cacheMode() is not NO_CACHE:
                        item.setCacheMode(NO_CACHE)
                        settle_cache.add(item)
            self._scale = scale

    # -- reacting -------------------------------------------------------------------------
    def _on_item_clicked(self, item: ShapeItem, modifiers: Qt.KeyboardModifier) -> None:
        s = item.shape_data
        adding = bool(
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        self.state.click(s.kind or "", s.content_id or "", s.side, adding)  # type: ignore[arg-type]

    def _on_item_hovered(self, item: ShapeItem, entered: bool) -> None:
        if not entered:
            if not any(i.hovered for i in self.items):
                self.hover_label.hide()
                self.sigHoverName.emit("")
            return
        s = item.shape_data
        name = self.atlas.record(s.kind or "", s.content_id or "").name
        side = f" ({s.side})" if s.side else ""
        self.hover_label.setText(f"{name}{side}")
        rect = item.mapRectToItem(self.vb.childGroup, item.path.boundingRect())
        self.hover_label.setPos(rect.center().x(), rect.top())
        self.hover_label.show()
        self.sigHoverName.emit(f"{name}{side}")

    def _on_state(self, state: AppState) -> None:
        drawing = state.mode == "pattern"
        for item in self.items:
            # while drawing a pattern, a click anywhere on the skin marks the place under it
            item.takes_clicks = not drawing or item.shape_data.kind == "regions"
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
            for item in self.items:
                item.set_state(State.NORMAL)
            return
        hl = self.atlas.highlight(target.kind, target.id)
        related = {"regions": hl.regions, "roots": hl.roots, "nerves": hl.nerves}
        for item in self.items:
            s = item.shape_data
            if not _same_side(target.side, s.side):
                item.set_state(State.NORMAL)
            elif s.kind == target.kind and s.content_id == target.id:
                item.set_state(State.SELECTED)
            elif s.content_id in related.get(s.kind or "", ()):
                item.set_state(State.RELATED)
            else:
                item.set_state(State.NORMAL)

    def _show_pattern(self, state: AppState) -> None:
        """Every marked place at once, in its own fill, outline and hatching; nothing else."""
        marked: dict[str, set[str | None]] = {}
        for place in state.pattern.places:
            marked.setdefault(place.region, set()).add(place.side)
        for dot, _root, _side in self.key_points:
            dot.setVisible(False)
        for item in self.items:
            s = item.shape_data
            sides = marked.get(s.content_id or "") if s.kind == "regions" else None
            hit = bool(sides) and (None in sides or BOTH in sides or s.side in sides)  # type: ignore[operator]
            item.set_state(State.MARKED if hit else State.NORMAL)

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

    def fit(self) -> None:
        rect = QRectF()
        for name, r in self.view_rects.items():
            if self.layers[name].isVisible():
                rect = rect.united(r)
        self.vb.setRange(rect, padding=0.01)

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
        clickable item lies on top of it."""
        rect = item.shape().boundingRect()
        layer = item.parentItem()
        above = [
            i
            for i in self.items
            if i.parentItem() is layer
            and (i.zValue() > item.zValue() or (i.zValue() == item.zValue() and i is not item))
        ]
        # stay a few pixels clear of items on top: pyqtgraph picks within a small radius
        # and well inside the item itself, so rounding to whole pixels cannot miss it
        px = max(self.vb.viewPixelSize())
        ring = [QPointF(dx * px * 5, dy * px * 5) for dx, dy in RING]
        inner = [QPointF(dx * px * 1.5, dy * px * 1.5) for dx, dy in RING]
        steps = 24
        candidates = []
        for ix in range(1, steps):
            for iy in range(1, steps):
                p = QPointF(
                    rect.left() + rect.width() * ix / steps, rect.top() + rect.height() * iy / steps
                )
                if all(item.shape().contains(p + d) for d in inner) and not any(
                    i.shape().contains(p + d) for i in above for d in ring
                ):
                    candidates.append(p)
        if not candidates:
            raise LookupError(f"no free point on {item.shape_data.svg_id}")
        c = rect.center()
        best = min(candidates, key=lambda p: (p.x() - c.x()) ** 2 + (p.y() - c.y()) ** 2)
        return item.mapToItem(self.vb.childGroup, best)

    def to_viewport(self, point: QPointF) -> QPointF:
        scene_point = self.vb.mapViewToScene(point)
        return QPointF(self.mapFromScene(scene_point))


def _same_side(selected: str | None, drawn: str | None) -> bool:
    return selected in (None, BOTH) or drawn is None or drawn == selected
