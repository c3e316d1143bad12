"""What every colour and mark on the drawing means, in a small box over the canvas corner.

The fixed part names the highlights (selected, related, pattern mark, key sensory point) and the
layer marks (dermatome or skin territory, overlap and disagreement hatching); while an overlay is
shown, its entries follow, one swatch per root or nerve. Swatches are painted with the same
colours, brushes and pens as the drawing (``palette``), so the legend cannot drift from it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from viewer.ui import palette

SWATCH = 18


def swatch(
    fill: QColor | None,
    edge: QColor,
    *,
    brush_style: Qt.BrushStyle = Qt.BrushStyle.SolidPattern,
    pen_style: Qt.PenStyle = Qt.PenStyle.SolidLine,
    width: float = 2.0,
    dot: bool = False,
    line: bool = False,
) -> QPixmap:
    pix = QPixmap(SWATCH, SWATCH)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(2, 2, SWATCH - 4, SWATCH - 4)
    if line:
        p.setPen(QPen(edge, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(3, SWATCH - 4, SWATCH - 3, 4)
    elif dot:
        p.setPen(QPen(palette.POINT_RING, 2))
        p.setBrush(edge)
        p.drawEllipse(rect.adjusted(1, 1, -1, -1))
    else:
        p.setBrush(QBrush(fill, brush_style) if fill is not None else Qt.BrushStyle.NoBrush)
        p.setPen(QPen(edge, width, pen_style))
        p.drawRoundedRect(rect, 3, 3)
    p.end()
    return pix


def base_entries() -> list[tuple[QPixmap, str]]:
    return [
        (swatch(palette.SELECTED_FILL, palette.VERMILLION, width=3), "Selected (vermillion)"),
        (swatch(palette.RELATED_FILL, palette.BLUE), "Related (blue)"),
        (swatch(None, palette.VERMILLION, line=True), "Selected nerve or root"),
        (swatch(None, palette.BLUE, line=True), "Related nerve or root"),
        (
            swatch(
                palette.MARKED_FILL,
                palette.PURPLE.darker(140),
                brush_style=Qt.BrushStyle.BDiagPattern,
            ),
            "Marked in the pain pattern",
        ),
        (swatch(None, palette.VERMILLION, dot=True), "Root's key sensory point"),
        (
            swatch(palette.LAYER_SELECTED_FILL, palette.VERMILLION),
            "Selected root's dermatome / nerve's skin",
        ),
        (
            swatch(
                palette.OVERLAP_HATCH,
                palette.OVERLAP_HATCH,
                brush_style=Qt.BrushStyle.DiagCrossPattern,
                pen_style=Qt.PenStyle.DotLine,
                width=1.2,
            ),
            "Dermatomes overlap (this map)",
        ),
        (
            swatch(
                palette.DISAGREE_HATCH,
                palette.DISAGREE_HATCH,
                brush_style=Qt.BrushStyle.FDiagPattern,
                pen_style=Qt.PenStyle.DashLine,
                width=1.2,
            ),
            "Maps disagree (hover: the dispute)",
        ),
    ]


class Legend(QFrame):
    """A strip of swatches under the drawing (never over it); ``set_overlay`` adds (or removes)
    one entry per overlay shape. The header button folds it to one line."""

    sigResized = Signal()

    BASE_WIDTH = 250  # room one base entry needs, in pixels
    OVERLAY_WIDTH = 190

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#legend { background: rgba(255,255,255,235); border: 1px solid #c8c2ba;"
            " border-radius: 4px; } QLabel { font-size: 11px; color: #2b2b2b; }"
        )
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        outer.setContentsMargins(6, 4, 6, 6)
        outer.setSpacing(2)
        self.toggle = QToolButton(self)
        self.toggle.setText("Legend ▾")
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(self._fold)
        outer.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(1)
        outer.addWidget(self.body)
        self.available = 760  # pixels the legend may use across; the canvas keeps it current
        self.overlay_title = ""
        self.overlay_entries: list[tuple[QPixmap, str]] = []
        self._rebuild()

    def texts(self) -> list[str]:
        """Every entry's words, in order (for tests and screen readers)."""
        out = []
        for i in range(self.grid.count()):
            item = self.grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text():
                out.append(widget.text())
        return out

    def columns(self) -> tuple[int, int]:
        """How many entries fit side by side: base entries, overlay entries."""
        return (
            max(1, min(3, self.available // self.BASE_WIDTH)),
            max(1, min(6, self.available // self.OVERLAY_WIDTH)),
        )

    def set_available(self, width: int) -> None:
        before = self.columns()
        self.available = max(width, 200)
        if self.columns() != before:
            self._rebuild()

    def set_overlay(self, title: str, entries: list[tuple[QPixmap, str]]) -> None:
        self.overlay_title, self.overlay_entries = title, entries
        self._rebuild()

    def _fold(self) -> None:
        self.body.setVisible(not self.body.isVisible())
        self.toggle.setText("Legend ▾" if self.body.isVisible() else "Legend ▸")
        self.adjustSize()
        self.sigResized.emit()

    def _rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone now, not at the next event loop turn
                widget.deleteLater()
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        base_cols, overlay_cols = self.columns()
        base = base_entries()
        if self.overlay_entries:  # keep it short: the selection and the hatching only
            base = [base[0], base[6], base[7], base[8]]
            base_cols = max(base_cols, overlay_cols // 2 + 1)
        row = self._add_block(base, base_cols, 0)
        if self.overlay_entries:
            title = QLabel(self.overlay_title, self.body)
            title.setStyleSheet("font-weight: bold; padding-top: 3px;")
            self.grid.addWidget(title, row, 0, 1, 2 * overlay_cols)
            self._add_block(self.overlay_entries, overlay_cols, row + 1)
        # swatch and words side by side; spare width goes to the right, not between them
        self.grid.setColumnStretch(2 * max(base_cols, overlay_cols), 1)
        self.grid.activate()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()

    def _add_block(self, entries: list[tuple[QPixmap, str]], columns: int, first_row: int) -> int:
        """Lay entries out row by row; returns the first free row."""
        for i, (pix, text) in enumerate(entries):
            row, col = first_row + i // columns, 2 * (i % columns)
            icon = QLabel(self.body)
            icon.setPixmap(pix)
            self.grid.addWidget(icon, row, col)
            words = QLabel(text, self.body)
            words.setContentsMargins(0, 0, 10, 0)
            self.grid.addWidget(words, row, col + 1)
        return first_row + -(-len(entries) // columns)
