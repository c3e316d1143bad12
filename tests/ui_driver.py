"""Drive the window like a user: real mouse events on the canvas viewport."""

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def click_at(canvas, drawing_point: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    pos = canvas.to_viewport(drawing_point)
    viewport = canvas.viewport()
    for etype in (
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
    ):
        button = (
            Qt.MouseButton.NoButton if etype == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        )
        buttons = (
            Qt.MouseButton.LeftButton
            if etype == QEvent.Type.MouseButtonPress
            else Qt.MouseButton.NoButton
        )
        event = QMouseEvent(etype, pos, viewport.mapToGlobal(pos), button, buttons, modifiers)
        QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def click_item(window, kind, rid, side, view="posterior", modifiers=Qt.KeyboardModifier.NoModifier):
    item = window.canvas.items_for(kind, rid, side, view)[0]
    click_at(window.canvas, window.canvas.interior_point(item), modifiers)
    return item


def states(window, kind, rid, side, view=None):
    return {i.state for i in window.canvas.items_for(kind, rid, side, view)}
