"""Click the drawing like a user: mouse events on the view's viewport, then read the panel."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui_driver import click_item, click_link, states
from viewer.ui.shape_item import State


def test_click_calf_fills_panel_and_highlights(window):
    click_item(window, "places", "calf-lower", "left")
    sel = window.state.current
    assert (sel.kind, sel.id, sel.side) == ("places", "calf-lower", "left")
    text = window.panel.toPlainText()
    assert "Lower calf" in text and "S1 nerve root" in text and "Sural nerve" in text
    assert "Lumbar disc herniation" in text
    assert "Red flags" in text and "Cauda equina" in text
    assert states(window, "places", "calf-lower", "left") == {State.SELECTED}
    assert states(window, "roots", "S1", "left") == {State.RELATED}
    assert states(window, "nerves", "sural", "left") == {State.RELATED}
    assert states(window, "nerves", "sciatic", "left") == {State.RELATED}
    # the other leg stays as it was, and unrelated roots are not lit
    assert states(window, "places", "calf-lower", "right") == {State.NORMAL}
    assert states(window, "roots", "L2", "left") == {State.NORMAL}
    # the whole calf is one click away, with its conditions, exercises and sources
    click_link(window.panel, "atlas:regions/calf-posterior")
    text = window.panel.toPlainText()
    assert "Calf" in text and "radicular" in text and "referred" in text
    assert "Exercises" in text and "Sources" in text
    assert states(window, "regions", "calf-posterior", "left") == {State.SELECTED}


def test_click_top_of_foot_in_inset(window):
    click_item(window, "places", "foot-top-inner", "right")
    assert window.state.current.id == "foot-top-inner"
    assert states(window, "roots", "L5", "right") == {State.RELATED}
    assert states(window, "nerves", "superficial-fibular", "right") == {State.RELATED}
    assert "L5 nerve root" in window.panel.toPlainText()


def test_click_root_explains_root(window):
    click_item(window, "roots", "S1", "right")
    assert window.state.current.id == "S1"
    text = window.panel.toPlainText()
    assert "Achilles" in text and "Key sensory point" in text and "outer side of the heel" in text
    # the root's own dermatome is drawn (test_dermatomes.py), not every region it touches
    assert states(window, "regions", "heel", "right") == {State.NORMAL}
    assert any(
        i.kind == "dermatomes" and i.content_id == "S1" and i.side == "right"
        for i in window.canvas.shown_layer_items()
    )


def test_click_nerve_and_escape_clears(window, qtbot):
    click_item(window, "nerves", "sciatic", "right")
    assert window.state.current.id == "sciatic"
    assert "L4" in window.panel.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.state.current is None
    assert states(window, "nerves", "sciatic", "right") == {State.NORMAL}
    assert "Click a part of the body" in window.panel.toPlainText()


@pytest.mark.parametrize(
    "rid, side, view, shown",
    [
        ("heel-pad", "left", "posterior", "Underside of the heel (left)"),
        ("groin-inner", "right", "anterior", "Groin crease (right)"),
    ],
)
def test_hover_shows_name(window, rid, side, view, shown):
    item = window.canvas.items_for("places", rid, side, view)[0]
    pos = window.canvas.to_viewport(window.canvas.interior_point(item))
    viewport = window.canvas.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        viewport.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()
    # pyqtgraph delivers hover events on a timer; give it a moment
    for _ in range(20):
        if item.hovered:
            break
        QApplication.processEvents()
        viewport.repaint()
    assert item.hovered
    assert window.hover_name.text() == shown
    # the floating label sits over the hovered item, in whichever view it is
    label = window.canvas.hover_label
    assert label.isVisible() and label.toPlainText() == shown
    assert window.canvas.view_rects[view].contains(label.pos())
    others = [r for name, r in window.canvas.view_rects.items() if name != view]
    assert not any(r.contains(label.pos()) for r in others)


def test_panel_link_selects_and_back_returns(window):
    window.state.select("regions", "heel", "left")
    window.panel.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl("atlas:roots/S1"))
    assert window.state.current.id == "S1"
    window.state.back()
    assert window.state.current.id == "heel"


def test_search_box_selects(window, qtbot):
    window.search.setText("spinal stenosis")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.state.current.id == "central-stenosis"
    assert states(window, "regions", "calf-posterior", "left") == {State.RELATED}
    assert "Red flags" in window.panel.toPlainText()


def test_disclaimer_always_visible(window):
    assert window.disclaimer.isVisible()
    assert "does not diagnose" in window.disclaimer.text()
    assert window.windowTitle() == "Sciatica Atlas"


def test_a_click_beside_a_nerve_over_the_calf_selects_the_calf(window):
    """The wide grab area of a nerve only counts away from skin regions; over the calf, a click
    beside the drawn line is a click on the calf, and one on the line is a click on the nerve."""
    from PySide6.QtCore import QPointF

    from tests.ui_driver import click_at

    calf = window.canvas.items_for("regions", "calf-posterior", "left", "posterior")[0]
    nerves = [i for i in window.canvas.items if i.is_line and i.parentItem() is calf.parentItem()]
    rect = calf.shape().boundingRect()
    beside = None
    for ix in range(1, 40):
        for iy in range(1, 40):
            p = QPointF(rect.left() + rect.width() * ix / 40, rect.top() + rect.height() * iy / 40)
            if not calf.shape().contains(p):
                continue
            at = calf.mapToScene(p)
            for nerve in nerves:
                q = nerve.mapFromScene(at)
                if nerve._hit.contains(q) and not nerve._core.contains(q) and beside is None:
                    others = [n for n in nerves if n is not nerve and n._hit.contains(n.mapFromScene(at))]
                    if not others:
                        beside = (calf.mapToItem(window.canvas.vb.childGroup, p), nerve)
    assert beside is not None
    click_at(window.canvas, beside[0])
    # the skin there is one of the calf's fine places
    assert window.state.current.kind == "places"
    assert window.atlas.region_of(window.state.current.id) == "calf-posterior"
    # and the nerve itself is still a click away, on its line
    nerve = beside[1]
    click_at(window.canvas, window.canvas.interior_point(nerve))
    assert window.state.current.kind == "nerves"


def _hover(window, item):
    pos = window.canvas.to_viewport(window.canvas.interior_point(item))
    viewport = window.canvas.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove, pos, viewport.mapToGlobal(pos), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    for _ in range(20):
        if item.hovered:
            break
        QApplication.processEvents()
        viewport.repaint()


def test_a_drawing_that_moves_under_a_still_pointer_drops_its_hover(window, qtbot):
    """Presentation mode (F5) lays the drawing out afresh under a pointer that did not move:
    the place that was under it must not stay lit (found by a newcomer)."""
    item = window.canvas.items_for("places", "calf-upper-inner", "left", "posterior")[0]
    _hover(window, item)
    assert item.hovered and window.canvas.hover_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait(50)
    assert not item.hovered
    assert not window.canvas.hover_label.isVisible() and window.hover_name.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    _hover(window, item)  # the next move lights what is under the pointer again
    assert item.hovered


def test_a_long_nerve_names_itself_beside_the_pointer(window):
    """Hovering a long nerve part-way down shows its name where the pointer is, not at the
    nerve's top end (found by a newcomer: the name appeared 150 px away)."""
    canvas = window.canvas
    item = canvas.items_for("nerves", "posterior-femoral-cutaneous", "left", "posterior")[0]
    group = canvas.vb.childGroup
    top = item.mapRectToItem(group, item.outline.boundingRect()).top()
    point = canvas.interior_point(item)  # drawing coordinates
    assert point.y() - top > 100, "the test needs a point well down the nerve"
    _hover(window, item)
    assert item.hovered
    label = canvas.hover_label.pos()
    assert abs(label.y() - point.y()) < 30 and abs(label.x() - point.x()) < 30, (label, point)


def test_the_hover_name_keeps_its_size_on_screen_and_sits_above_the_pointer(window):
    """Zooming in must not blow the floating name up, nor zooming out shrink it unreadable;
    and it sits above the point it names, not over it."""
    canvas = window.canvas
    item = canvas.items_for("places", "calf-upper-inner", "left", "posterior")[0]
    _hover(window, item)
    label = canvas.hover_label
    assert label.isVisible() and label.toPlainText().startswith(item_name(window, item))

    def on_screen():  # where the view paints it, in viewport pixels
        return label.deviceTransform(canvas.viewportTransform()).mapRect(label.boundingRect())

    before = on_screen()
    anchor = canvas.mapFromScene(label.scenePos())
    assert before.bottom() < anchor.y() and before.left() < anchor.x() < before.right()
    canvas.vb.scaleBy((0.5, 0.5))  # twice as close
    QApplication.processEvents()
    after = on_screen()
    assert abs(after.width() - before.width()) <= 1 and abs(after.height() - before.height()) <= 1
    assert before.height() >= 14  # a line of text, readable


def item_name(window, item) -> str:
    s = item.shape_data
    return window.atlas.record(s.kind, s.content_id).name
