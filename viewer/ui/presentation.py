"""Presentation mode helpers, for a projector at the back of a room.

``Presentation`` makes the drawing's labels and the panels' text large (body text at least
``BODY_PX`` pixels, 24 at 1024×768), draws thick outlines over highlighted shapes, shows a
bright pointer dot that follows the mouse over the drawing, and leaves on Esc. It changes
nothing in the app state and undoes everything on ``leave()``; the window decides when to go
full screen and what to hide (the lead wires F5 and the View menu).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QTextEdit,
    QWidget,
)

from viewer.state.app_state import AppState
from viewer.ui import palette
from viewer.ui.label_layout import Spot, find_spots, lay_out, view_areas
from viewer.ui.shape_item import State

#: Smallest body text in the panels while presenting, in pixels.
BODY_PX = 24
#: Smallest height of a drawing label on screen while presenting, in pixels.
LABEL_PX = 18
#: Most a label is enlarged, so labels do not swallow the drawing when zoomed out far.
LABEL_MAX_SCALE = 5.0
#: Kept between a label and the drawing's edge on screen, in pixels.
SCREEN_MARGIN_PX = 4.0
#: Width of the outline drawn over highlighted shapes, in screen pixels.
OUTLINE_PX = 7.0
POINTER_PX = 26.0
#: Opacity (0-255) of the outline over a related nerve or root.
RELATED_LINE_ALPHA = 150

OUTLINE_COLOURS = {
    State.SELECTED: palette.VERMILLION,
    State.RELATED: palette.BLUE,
    State.MARKED: palette.PURPLE.darker(140),
}


def body_pixel_size(widget: QWidget) -> int:
    """The pixel size of the body text a widget shows: for a text view, the size most of its
    characters have; otherwise its font's."""
    if isinstance(widget, QTextEdit):
        counts: dict[int, int] = {}
        block = widget.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and frag.text().strip():
                    size = _pixels(widget, frag.charFormat().font())
                    counts[size] = counts.get(size, 0) + len(frag.text())
                it += 1
            block = block.next()
        if counts:
            return max(counts, key=lambda s: counts[s])
    return _pixels(widget, widget.font())


def _pixels(widget: QWidget, font: QFont) -> int:
    if font.pixelSize() > 0:
        return font.pixelSize()
    return round(font.pointSizeF() * widget.logicalDpiY() / 72)


class _TextScaler(QObject):
    """Keeps a text view's body text at ``BODY_PX`` or more, page after page: each time its
    content is replaced, every font in the document is scaled by one factor (headings stay
    larger than the body)."""

    def __init__(self, view: QTextEdit):
        super().__init__(view)
        self.view = view
        self._busy = False
        self._unscaled = ""  # the page as it was before scaling, to put back on leaving
        # at presenting sizes a narrow table cell breaks a long word anywhere ("gastrocnemiu|s"
        # in the side panel at 1024x768): each page wraps only between words when all its text
        # still fits the width (a table may then reach a cell's padding past the edge: no scroll
        # bar for that), and keeps the view's own wrapping when a word is wider than its cell
        self._wrap, self._across = view.wordWrapMode(), view.horizontalScrollBarPolicy()
        view.textChanged.connect(self.apply)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._fit_wrap()
        return False

    def _fit_wrap(self) -> None:
        view = self.view
        view.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        fits = not self._text_overflows()
        view.setWordWrapMode(QTextOption.WrapMode.WordWrap if fits else self._wrap)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else self._across)

    def _text_overflows(self) -> bool:
        """Whether a line of the page's text reaches past the view's visible width."""
        doc = self.view.document()
        width = self.view.viewport().width() + 0.5
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            x = layout.blockBoundingRect(block).x()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                if x + line.x() + line.naturalTextWidth() > width:
                    return True
            block = block.next()
        return False

    def apply(self) -> None:
        if self._busy:
            return
        body = body_pixel_size(self.view)
        if body >= BODY_PX or body <= 0:
            self._fit_wrap()
            return
        factor = BODY_PX / body
        self._busy = True
        try:
            self._unscaled = self.view.toHtml()
            doc = self.view.document()
            cursor = QTextCursor(doc)
            block = doc.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    frag = it.fragment()
                    if frag.isValid():
                        fmt = QTextCharFormat()
                        size = _pixels(self.view, frag.charFormat().font())
                        fmt.setFontPointSize(max(size * factor, BODY_PX) * 72 / self.view.logicalDpiY())
                        cursor.setPosition(frag.position())
                        cursor.setPosition(frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.mergeCharFormat(fmt)
                    it += 1
                block = block.next()
        finally:
            self._busy = False
        self._fit_wrap()

    def detach(self) -> None:
        self.view.textChanged.disconnect(self.apply)
        self.view.viewport().removeEventFilter(self)
        self.view.setWordWrapMode(self._wrap)
        self.view.setHorizontalScrollBarPolicy(self._across)
        restyle = getattr(self.view, "restyle", None)
        if restyle is not None:
            # the side panel keeps its laid-out pages: every page seen while presenting was
            # scaled in place, so it lays them out afresh (a round trip through toHtml would
            # also underline every link)
            restyle()
        elif self._unscaled:
            self.view.setHtml(self._unscaled)


class Presentation(QObject):
    sigLeft = Signal()

    def __init__(
        self,
        canvas: object,
        state: AppState,
        panels: Sequence[QWidget] = (),
        host: QWidget | None = None,
    ):
        super().__init__(host)
        self.canvas = canvas
        self.state = state
        self.panels = list(panels)
        self.host: QWidget = host or canvas  # type: ignore[assignment]
        self.active = False
        self._fonts: dict[QWidget, QFont] = {}
        self._scalers: list[_TextScaler] = []
        self._outlines: list[QGraphicsPathItem] = []
        self._spots: list[Spot] = []
        self._keep_out: dict[QGraphicsItem, tuple[list[QPainterPath], list[QPainterPath]]] = {}
        self.pointer = QGraphicsEllipseItem(-POINTER_PX / 2, -POINTER_PX / 2, POINTER_PX, POINTER_PX)
        self.pointer.setBrush(QBrush(QColor(255, 40, 0, 200)))
        ring = QPen(QColor("#ffffff"), 3)
        self.pointer.setPen(ring)
        self.pointer.setZValue(10_000)
        self.pointer.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.pointer.setAcceptHoverEvents(False)
        self.pointer.hide()
        state.subscribe(lambda _s: self._refresh_outlines())

    # -- entering and leaving ------------------------------------------------------------------
    def enter(self) -> None:
        if self.active:
            return
        self.active = True
        for panel in self.panels:
            self._enlarge(panel)
        canvas = self.canvas
        canvas.vb.sigTransformChanged.connect(self._scale_labels)  # type: ignore[attr-defined]
        scene = canvas.scene()  # type: ignore[attr-defined]
        scene.addItem(self.pointer)
        scene.sigMouseMoved.connect(self._follow)
        self._spots, self._keep_out = find_spots(canvas.layers.values())  # type: ignore[attr-defined]
        app = QApplication.instance()
        if app is not None:  # Esc leaves, before any Esc shortcut of the window sees it
            app.installEventFilter(self)
        self._scale_labels()
        self._refresh_outlines()

    def add_panel(self, panel: QWidget) -> None:
        """A panel built later (the pattern panel): enlarged like the others, at once if the
        presentation is on."""
        self.panels.append(panel)
        if self.active:
            self._enlarge(panel)

    def _enlarge(self, panel: QWidget) -> None:
        self._fonts[panel] = QFont(panel.font())
        font = QFont(panel.font())
        font.setPixelSize(max(BODY_PX, _pixels(panel, font)))
        panel.setFont(font)
        for view in [panel, *panel.findChildren(QTextEdit)]:
            if isinstance(view, QTextEdit):
                scaler = _TextScaler(view)
                self._scalers.append(scaler)
                scaler.apply()

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        for panel, font in self._fonts.items():
            panel.setFont(font)
        self._fonts.clear()
        for scaler in self._scalers:
            scaler.detach()
        self._scalers.clear()
        canvas = self.canvas
        canvas.vb.sigTransformChanged.disconnect(self._scale_labels)  # type: ignore[attr-defined]
        scene = canvas.scene()  # type: ignore[attr-defined]
        scene.sigMouseMoved.disconnect(self._follow)
        scene.removeItem(self.pointer)
        self.pointer.hide()
        for label in self.labels():
            label.setScale(1.0)
        for spot in self._spots:
            spot.item.setText(spot.text)
            spot.item.setPos(spot.home)
            spot.item.setVisible(True)
            for leader in spot.leaders:
                leader.setVisible(True)
        self._spots, self._keep_out = [], {}
        self._clear_outlines()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.sigLeft.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.active
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QWidget)
            and watched.window() is self.host.window()
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # not a shortcut: deliver it as a key press, caught below
            else:
                self.leave()
            return True
        return False

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    # -- the drawing ---------------------------------------------------------------------------
    def labels(self) -> list[QGraphicsSimpleTextItem]:
        """The drawing's text labels (view titles included)."""
        out: list[QGraphicsSimpleTextItem] = []
        for layer in self.canvas.layers.values():  # type: ignore[attr-defined]
            out.extend(i for i in layer.childItems() if isinstance(i, QGraphicsSimpleTextItem))
        return out

    def view_scale(self) -> float:
        """Screen pixels per drawing unit."""
        return float(self.canvas.vb.childGroup.transform().m11())  # type: ignore[attr-defined]

    def label_screen_px(self, label: QGraphicsSimpleTextItem) -> float:
        """How tall a label's letters are on screen, in pixels."""
        return label.font().pixelSize() * label.scale() * self.view_scale()

    def _scale_labels(self, *_args: object) -> None:
        """Every label at least ``LABEL_PX`` high on screen; the drawing's own labels grow from
        their anchored end and make room for each other (``label_layout``)."""
        if not self.active:
            return
        scale = self.view_scale()
        if scale <= 0:
            return
        factors = {}
        for label in self.labels():
            px = label.font().pixelSize() * scale
            factors[label] = min(max(LABEL_PX / px, 1.0), LABEL_MAX_SCALE) if px > 0 else 1.0
        shown = [s for s in self._spots if s.layer.isVisible()]
        skin = [p for layer, (paths, _) in self._keep_out.items() if layer.isVisible() for p in paths]
        frames = [p for layer, (_, paths) in self._keep_out.items() if layer.isVisible() for p in paths]
        areas = view_areas(
            {layer: paths for layer, (paths, _) in self._keep_out.items() if layer.isVisible()},
            self.canvas.vb.viewRect(),  # type: ignore[attr-defined]
            SCREEN_MARGIN_PX / scale,
        )
        places = lay_out(shown, factors, skin, frames, areas)
        laid = {s.item for s in self._spots}
        for spot in self._spots:
            place = places.get(spot.item)
            label = spot.item
            if place is None:  # no room (or its view is hidden): hidden with its leader
                label.setVisible(not spot.layer.isVisible())
                for leader in spot.leaders:
                    leader.setVisible(not spot.layer.isVisible())
                if label.text() != spot.text:
                    label.setText(spot.text)
                label.setPos(spot.home)
                label.setScale(factors[label])
                continue
            label.setVisible(True)
            for leader in spot.leaders:
                leader.setVisible(True)
            if label.text() != place.text:
                label.setText(place.text)
            label.setTransformOriginPoint(place.origin)
            label.setScale(place.factor)
            label.setPos(spot.home + place.offset)
        for label in self.labels():  # names on an overlay: over the body, grown about the centre
            if label in laid:
                continue
            factor = factors[label]
            if abs(label.scale() - factor) > 1e-3:
                rect = label.boundingRect()
                label.setTransformOriginPoint(rect.center().x(), rect.height() * 0.78)
                label.setScale(factor)

    def _follow(self, scene_pos: QPointF) -> None:
        self.pointer.setPos(scene_pos)
        self.pointer.show()

    def _clear_outlines(self) -> None:
        for outline in self._outlines:
            scene = outline.scene()
            if scene is not None:
                scene.removeItem(outline)
        self._outlines.clear()

    def _refresh_outlines(self) -> None:
        """Thick outlines over every highlighted shape, so highlights read from far away."""
        self._clear_outlines()
        if not self.active:
            return
        for item in self.canvas.items:  # type: ignore[attr-defined]
            colour = OUTLINE_COLOURS.get(item.state)
            if colour is None:
                continue
            outline = QGraphicsPathItem(item.outline, item)
            width = OUTLINE_PX
            if item.is_line and item.state == State.SELECTED:
                width += 3  # the chosen nerve or root stands out from the ones it feeds
            elif item.is_line:
                # the nerves a chosen root feeds run over its dermatome: see-through, so the
                # skin under them still shows from the back of the room
                colour = QColor(colour)
                colour.setAlpha(RELATED_LINE_ALPHA)
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            outline.setPen(pen)
            outline.setBrush(Qt.BrushStyle.NoBrush)
            outline.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            outline.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)
            self._outlines.append(outline)

    @property
    def outlines(self) -> list[QGraphicsPathItem]:
        return list(self._outlines)
