"""What every colour and mark on the drawing means, in a small box over the canvas corner.

The fixed part names the highlights (selected, related, pattern mark, key sensory point, the
shape under the pointer) and the layer marks (dermatome or skin territory, overlap and disagreement hatching); while an overlay is
shown, its entries follow, one swatch per root or nerve. Swatches are painted with the same
colours, brushes and pens as the drawing (``palette``), so the legend cannot drift from it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
            "Dermatome / nerve skin shown",
        ),
        (
            swatch(
                palette.OVERLAP_HATCH,
                palette.OVERLAP_HATCH,
                brush_style=Qt.BrushStyle.DiagCrossPattern,
                pen_style=Qt.PenStyle.DotLine,
                width=1.2,
            ),
            "Dermatomes overlap",
        ),
        (
            swatch(
                palette.DISAGREE_HATCH,
                palette.DISAGREE_HATCH,
                brush_style=Qt.BrushStyle.FDiagPattern,
                pen_style=Qt.PenStyle.DashLine,
                width=1.2,
            ),
            "Maps disagree (hover)",
        ),
        (swatch(palette.HOVER_FILL, palette.ORANGE, width=2.5), "Under the pointer (orange)"),
    ]


class Legend(QFrame):
    """A strip of swatches under the drawing (never over it), with a right-hand column for the
    canvas's switches; ``set_overlay`` adds (or removes) one entry per overlay shape. The fold
    button hides the swatches."""

    sigResized = Signal()

    BASE_WIDTH = 185  # room one base entry needs, in pixels
    OVERLAY_WIDTH = 190  # a longer name wraps onto a second line
    SIDE_WIDTH = 200  # the right-hand column with the switches

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
        outer.setContentsMargins(6, 3, 6, 3)
        outer.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(8)
        outer.addLayout(top)
        self.body = QWidget(self)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        # the fixed entries beside the switches; an overlay's entries below both, across the
        # whole strip (19 nerves in one narrow column took most of a 1024 x 768 window)
        self.grid, self.overlay_grid = QGridLayout(), QGridLayout()
        self.overlay_box = QWidget(self)
        self.overlay_box.setLayout(self.overlay_grid)
        for grid in (self.grid, self.overlay_grid):
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(6)
            grid.setVerticalSpacing(1)
        column.addLayout(self.grid)
        top.addWidget(self.body, 1, Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.overlay_box)
        #: the right-hand column: the fold button, then whatever the canvas adds (its switches)
        self.side = QVBoxLayout()
        self.side.setSpacing(2)
        self.toggle = QToolButton(self)
        self.toggle.setText("▾")
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip("Show or hide what the colours and marks mean")
        self.toggle.clicked.connect(self._fold)
        top.addLayout(self.side)
        self.available = 760  # pixels the legend may use across; the canvas keeps it current
        self.overlay_title = ""
        self.overlay_entries: list[tuple[QPixmap, str]] = []
        #: the entries are laid out once the width is known (``set_available``), not before
        self._built = False

    def texts(self) -> list[str]:
        """Every entry's words, in order (for tests and screen readers)."""
        if not self._built:
            self._rebuild()
        out = []
        for grid in (self.grid, self.overlay_grid):
            for i in range(grid.count()):
                item = grid.itemAt(i)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel) and widget.text():
                    out.append(widget.text())
        return out

    def columns(self) -> tuple[int, int]:
        """How many entries fit side by side: base entries, overlay entries."""
        room = self.available - self.SIDE_WIDTH
        longest = max((len(text) for _, text in self.overlay_entries), default=0)
        per_entry = min(self.OVERLAY_WIDTH, 34 + 7 * longest)  # "L5" needs less room than a nerve
        return (
            max(1, min(3, room // self.BASE_WIDTH)),
            max(1, min(9, (self.available - 12) // per_entry)),  # the overlay spans the strip
        )

    def set_available(self, width: int) -> None:
        before = self.columns()
        self.available = max(width, 200)
        after = self.columns()
        if not self._built or after[0] != before[0] or (self.overlay_entries and after != before):
            self._rebuild()

    def set_overlay(self, title: str, entries: list[tuple[QPixmap, str]]) -> None:
        self.overlay_title, self.overlay_entries = title, entries
        self._rebuild()

    def _fold(self) -> None:
        shown = self.body.isHidden()
        self.body.setVisible(shown)
        self.overlay_box.setVisible(shown and bool(self.overlay_entries))
        self.toggle.setText("▾" if shown else "Legend ▸")
        self.adjustSize()
        self.sigResized.emit()

    def add_switches(self, first: QWidget, second: QWidget) -> None:
        """The canvas's switches, in the right-hand column: one on each row, the fold button
        beside the second."""
        self.side.addWidget(first)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(second)
        row.addWidget(self.toggle)
        self.side.addLayout(row)
        self.side.addStretch(1)

    def _rebuild(self) -> None:
        self._built = True
        for grid in (self.grid, self.overlay_grid):
            while grid.count():
                item = grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)  # gone now, not at the next event loop turn
                    widget.deleteLater()
            for col in range(grid.columnCount()):
                grid.setColumnStretch(col, 0)
        base_cols, overlay_cols = self.columns()
        base = base_entries()
        if self.overlay_entries:  # keep it short: the selection and the hatching only
            base = [base[0], base[6], base[7], base[8]]
        self._add_block(self.grid, base, base_cols, 0)
        if base_cols < 3:  # a narrow strip: the words take the room, wrapping where short of it
            for col in range(base_cols):
                self.grid.setColumnStretch(2 * col + 1, 1)
        else:
            self.grid.setColumnStretch(2 * base_cols, 1)
        if self.overlay_entries:
            title = QLabel(self.overlay_title, self.body)
            title.setStyleSheet("font-weight: bold; padding-top: 3px;")
            self.overlay_grid.addWidget(title, 0, 0, 1, 2 * overlay_cols)
            title.show()
            self._add_block(self.overlay_grid, self.overlay_entries, overlay_cols, 1)
            self.overlay_grid.setColumnStretch(2 * overlay_cols, 1)
        self.overlay_box.setVisible(bool(self.overlay_entries) and not self.body.isHidden())
        self.grid.activate()
        self.overlay_grid.activate()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()

    def _add_block(
        self, grid: QGridLayout, entries: list[tuple[QPixmap, str]], columns: int, first_row: int
    ) -> None:
        """Lay entries out row by row, swatch then words."""
        for i, (pix, text) in enumerate(entries):
            row, col = first_row + i // columns, 2 * (i % columns)
            icon = QLabel(self.body)
            icon.setPixmap(pix)
            grid.addWidget(icon, row, col)
            words = QLabel(text, self.body)
            words.setContentsMargins(0, 0, 10, 0)
            # a long name takes two lines rather than more room than the strip has (the fixed
            # entries only when the strip is too narrow for three columns of them)
            words.setWordWrap(columns > 1 and (grid is self.overlay_grid or columns < 3))
            grid.addWidget(words, row, col + 1)
            # shown now (a layout would show them only at the next event loop turn), so the
            # size the canvas reads right after a rebuild is the real one
            icon.show()
            words.show()
