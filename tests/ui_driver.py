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
    """Click inside a drawn item. The skin is tiled by fine places lying over the regions, so
    "click the calf" clicks inside the calf's first cell in that view (``cell_of``), as a user
    pointing at the calf does; the cell is returned."""
    if kind == "regions":
        kind, rid = "places", cell_of(window, rid, side, view)
    item = window.canvas.items_for(kind, rid, side, view)[0]
    click_at(window.canvas, window.canvas.interior_point(item), modifiers)
    return item


def cell_of(window, region, side, view="posterior"):
    """The first fine place of a region drawn in the view on that side."""
    for pid in window.atlas.places_in_region(region):
        if window.canvas.items_for("places", pid, side, view):
            return pid
    raise LookupError(f"no cell of {region} on the {side} in the {view} view")


def states(window, kind, rid, side, view=None):
    return {i.state for i in window.canvas.items_for(kind, rid, side, view)}


def click_link(browser, href: str) -> None:
    """Click a rendered link in a text browser where a user would: scroll it into view, then
    press and release the mouse over its text."""
    from PySide6.QtGui import QTextCursor

    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + max(frag.length() // 2, 0))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                QApplication.processEvents()
                pos = browser.cursorRect(cursor).center()
                viewport = browser.viewport()
                for etype, buttons in (
                    (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                    (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
                ):
                    event = QMouseEvent(
                        etype,
                        QPointF(pos),
                        viewport.mapToGlobal(QPointF(pos)),
                        Qt.MouseButton.LeftButton,
                        buttons,
                        Qt.KeyboardModifier.NoModifier,
                    )
                    QApplication.sendEvent(viewport, event)
                QApplication.processEvents()
                return
            it += 1
        block = block.next()
    raise LookupError(f"no link {href!r} in the panel")


def on_screen(item) -> bool:
    """Whether a drawing item can be seen: shown, and not fully transparent (a dermatome out
    of sight keeps its picture by being transparent, not hidden)."""
    return item.isVisible() and item.effectiveOpacity() > 0


def shown_window(qtbot, atlas):
    """A main window with both views made now (after a test may have patched what its items
    paint), shown at the bench's size, 1400 x 900."""
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir
    from viewer.ui.main_window import MainWindow

    window = MainWindow(atlas, load_views(assets_dir()))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window
