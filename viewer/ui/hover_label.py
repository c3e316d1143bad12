"""The floating name of the shape under the pointer: a small framed box above the point it
names, the same size on screen at any zoom.

Plain Qt items (a rectangle holding a simple text) rather than pyqtgraph's ``TextItem``, which
lays its text out as a rich-text document and keeps its size on screen from Python: showing a
new name cost a hover, and so a click, about half a millisecond.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from viewer.ui import palette

#: room between the frame and the text, in screen pixels
PADDING = 4.0
#: the box's bottom sits this share of its height above the point it names
LIFT = 0.2
LABEL_Z = 100.0


class HoverLabel(QGraphicsRectItem):
    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # a name, never a target
        self.setAcceptHoverEvents(False)
        frame = QPen(palette.ORANGE, 1.5)
        frame.setCosmetic(True)
        self.setPen(frame)
        self.setBrush(QBrush(QColor(255, 255, 255, 230)))
        self.setZValue(LABEL_Z)
        self._text = QGraphicsSimpleTextItem(self)
        self._text.setBrush(palette.LABEL)
        self._text.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - as Qt's text items name it
        """Show this name (plain text: a name from the content is never markup), centred
        above the label's position."""
        if text == self._text.text():
            return
        self._text.setText(text)
        box = self._text.boundingRect()
        width, height = box.width() + 2 * PADDING, box.height() + 2 * PADDING
        left, top = -width / 2, -(1 + LIFT) * height
        self.setRect(left, top, width, height)
        self._text.setPos(left + PADDING, top + PADDING)

    def toPlainText(self) -> str:  # noqa: N802 - as Qt's text items name it
        return self._text.text()
