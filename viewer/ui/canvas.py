"""The schematic: a pyqtgraph ViewBox (zoom with the wheel, pan by dragging) holding one item
per clickable shape, drawn from an SVG view and recoloured whenever the Selection changes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from viewer.content.atlas import Atlas
from viewer.geometry import View
from viewer.selection import Selection, Target
from viewer.ui import palette
from viewer.ui.qt_paths import to_painter_path
from viewer.ui.shape_item import ShapeItem, State

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


class AtlasCanvas(pg.GraphicsView):
    sigHoverName = Signal(str)

    def __init__(self, atlas: Atlas, view: View, selection: Selection, parent=None):
        super().__init__(parent, background="w")
        self.atlas = atlas
        self.view_data = view
        self.selection = selection
        self.vb = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.setCentralItem(self.vb)
        self.items: list[ShapeItem] = []
        self._by_key: dict[tuple[str, str], list[ShapeItem]] = {}
        self._build()
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
        selection.subscribe(self._on_selection)
        self.fit()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        for shape in self.view_data.shapes:
            z = Z_ORDER.get(shape.cls, 5)
            if shape.kind:
                item = ShapeItem(shape)
                item.setZValue(z)
                item.sigClicked.connect(self._on_item_clicked)
                item.sigHovered.connect(self._on_item_hovered)
                self.vb.addItem(item)
                self.items.append(item)
                self._by_key.setdefault((shape.kind, shape.content_id or ""), []).append(item)
            else:
                deco = QGraphicsPathItem(to_painter_path(shape.ops))
                if shape.cls == "leader":
                    deco.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    deco.setBrush(QBrush(palette.FILL.get(shape.cls, palette.FILL["skin"])))
                pen = QPen(palette.EDGE.get(shape.cls, palette.EDGE["skin"]), 1.3)
                pen.setCosmetic(True)
                deco.setPen(pen)
                deco.setZValue(z)
                self.vb.addItem(deco)
        for label in self.view_data.labels:
            text = QGraphicsSimpleTextItem(label.text)
            font = QFont("DejaVu Sans")
            font.setPixelSize(max(int(round(label.size)), 8))
            font.setBold(label.bold)
            text.setFont(font)
            text.setBrush(palette.LABEL)
            rect = text.boundingRect()
            dx = {"middle": rect.width() / 2, "end": rect.width()}.get(label.anchor, 0.0)
            text.setPos(label.x - dx, label.y - rect.height() * 0.78)
            text.setZValue(LABEL_Z)
            self.vb.addItem(text, ignoreBounds=True)

    # -- reacting -------------------------------------------------------------------------
    def _on_item_clicked(self, item: ShapeItem) -> None:
        s = item.shape_data
        self.selection.select(s.kind or "", s.content_id or "", s.side)  # type: ignore[arg-type]

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
        rect = item.path.boundingRect()
        self.hover_label.setPos(rect.center().x(), rect.top())
        self.hover_label.show()
        self.sigHoverName.emit(f"{name}{side}")

    def _on_selection(self, target: Target | None) -> None:
        if target is None:
            for item in self.items:
                item.set_state(State.NORMAL)
            return
        hl = self.atlas.highlight(target.kind, target.id)
        related = {"regions": hl.regions, "roots": hl.roots, "nerves": hl.nerves}
        for item in self.items:
            s = item.shape_data
            same_side = target.side is None or s.side is None or s.side == target.side
            if not same_side:
                item.set_state(State.NORMAL)
            elif s.kind == target.kind and s.content_id == target.id:
                item.set_state(State.SELECTED)
            elif s.content_id in related.get(s.kind or "", ()):
                item.set_state(State.RELATED)
            else:
                item.set_state(State.NORMAL)

    # -- helpers for the toolbar, tests and the benchmark -----------------------------------
    def fit(self) -> None:
        self.vb.setRange(QRectF(0, 0, self.view_data.width, self.view_data.height), padding=0.01)

    def items_for(self, kind: str, content_id: str, side: str | None = None) -> list[ShapeItem]:
        return [
            i
            for i in self._by_key.get((kind, content_id), [])
            if side is None or i.shape_data.side == side
        ]

    def interior_point(self, item: ShapeItem) -> QPointF:
        """A point in scene-drawing coordinates where a click lands on this item and no other
        clickable item lies on top of it."""
        rect = item.shape().boundingRect()
        above = [
            i
            for i in self.items
            if i.zValue() > item.zValue() or (i.zValue() == item.zValue() and i is not item)
        ]
        steps = 24
        candidates = []
        for ix in range(1, steps):
            for iy in range(1, steps):
                p = QPointF(
                    rect.left() + rect.width() * ix / steps, rect.top() + rect.height() * iy / steps
                )
                if item.shape().contains(p) and not any(i.shape().contains(p) for i in above):
                    candidates.append(p)
        if not candidates:
            raise LookupError(f"no free point on {item.shape_data.svg_id}")
        c = rect.center()
        return min(candidates, key=lambda p: (p.x() - c.x()) ** 2 + (p.y() - c.y()) ** 2)

    def to_viewport(self, point: QPointF) -> QPointF:
        scene_point = self.vb.mapViewToScene(point)
        return QPointF(self.mapFromScene(scene_point))
