"""Presentation mode at 1024×768: text sizes measured from the widgets, big outlines on
highlights, the pointer dot, Esc to leave, light and dark palettes."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsSimpleTextItem

from tests.ui_driver import click_item
from viewer.ui.presentation import BODY_PX, LABEL_PX, Presentation, body_pixel_size
from viewer.ui.quiz_panel import QuizPanel
from viewer.ui.tour_bar import TourBar


def _dark() -> QPalette:
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#171717"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
    ):
        pal.setColor(role, QColor(colour))
    return pal


@pytest.fixture(params=["light", "dark"])
def room(request, qtbot, window):
    if request.param == "dark":
        window.setPalette(_dark())
    window.resize(1024, 768)
    QApplication.processEvents()
    window.canvas.fit()
    bar = TourBar(window.atlas, window.state)
    quiz = QuizPanel(window.atlas, window.state)
    for widget in (bar, quiz):
        qtbot.addWidget(widget)
        widget.show()
    show = Presentation(window.canvas, window.state, [window.panel, window.pattern_panel, bar, quiz], host=window)
    return window, show, bar, quiz


def test_text_is_large_enough_at_1024x768(qtbot, room):
    window, show, bar, quiz = room
    window.state.select("roots", "L5")
    QApplication.processEvents()
    assert body_pixel_size(window.panel) < BODY_PX  # the normal panel is too small to project
    labels = show.labels()
    assert labels and min(lb.font().pixelSize() * show.view_scale() for lb in labels) < LABEL_PX
    show.enter()
    QApplication.processEvents()
    assert body_pixel_size(window.panel) >= BODY_PX
    for widget in (bar.caption, quiz.prompt, quiz.explanation, window.pattern_panel):
        assert body_pixel_size(widget) >= BODY_PX, widget
    assert min(show.label_screen_px(lb) for lb in labels) >= LABEL_PX - 0.5
    # a new page is scaled too
    window.state.select("nerves", "sural")
    QApplication.processEvents()
    assert body_pixel_size(window.panel) >= BODY_PX
    # zooming in makes the labels grow on their own, so they shrink back towards normal
    window.canvas.vb.scaleBy((0.25, 0.25))
    QApplication.processEvents()
    assert min(lb.scale() for lb in labels) == pytest.approx(1.0)
    show.leave()
    QApplication.processEvents()
    assert body_pixel_size(window.panel) < BODY_PX
    assert all(lb.scale() == 1.0 for lb in labels)


def test_big_outlines_follow_the_highlights(qtbot, room):
    window, show, _bar, _quiz = room
    show.enter()
    click_item(window, "places", "heel-pad", "left")
    outlined = {o.parentItem().shape_data.content_id for o in show.outlines}
    assert "heel-pad" in outlined and "S1" in outlined  # the place and the root behind it
    assert all(o.pen().widthF() >= 7 for o in show.outlines)
    window.state.clear()
    assert show.outlines == []
    show.leave()
    window.state.select("roots", "L5")
    assert show.outlines == []


def test_pointer_follows_the_mouse_and_lets_clicks_through(qtbot, room):
    window, show, _bar, _quiz = room
    show.enter()
    canvas = window.canvas
    viewport = canvas.viewport()
    at = QPointF(200, 150)  # a real move of the mouse over the drawing
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseMove, at, viewport.mapToGlobal(at), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert show.pointer.isVisible() and show.pointer.pos() == canvas.mapToScene(at.toPoint())
    click_item(window, "places", "calf-lower", "left")  # the dot never eats a click
    assert window.state.current.id == "calf-lower"


def test_esc_leaves(qtbot, room):
    window, show, _bar, _quiz = room
    left = []
    show.sigLeft.connect(lambda: left.append(True))
    show.enter()
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert left == [True] and not show.active
    assert show.pointer.scene() is None


def _drawing_labels(window):
    from viewer.ui.canvas import ITEM_ROLE

    return [
        lb
        for layer in window.canvas.layers.values()
        for lb in layer.childItems()
        if isinstance(lb, QGraphicsSimpleTextItem) and lb.data(ITEM_ROLE) == "label"
    ]


def _skins(window, role: str = "skin"):
    from viewer.ui.canvas import ITEM_ROLE

    return [
        item.mapToScene(item.path())
        for layer in window.canvas.layers.values()
        if layer.isVisible()
        for item in layer.childItems()
        if isinstance(item, QGraphicsPathItem) and item.data(ITEM_ROLE) == role
    ]


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
@pytest.mark.parametrize("view", ["both", "posterior", "anterior"])
def test_enlarged_labels_grow_away_from_the_body_and_never_overlap(qtbot, window, size, view):
    """Enlarged about their centres, the labels ran into each other and across the body (the
    spine levels, the iliac crest, the inset titles). Each now grows from the end its leader
    meets and labels with no room are hidden: every label shown is readable, clear of every
    other, and clear of the body if it was before."""
    from viewer.ui.canvas import LABEL_ANCHOR

    window.resize(*size)
    window.state.show_view(view)
    QApplication.processEvents()
    window.canvas.fit()
    QApplication.processEvents()
    labels = _drawing_labels(window)
    skins = _skins(window)
    frames = _skins(window, "inset-frame")
    before = {lb: lb.sceneBoundingRect() for lb in labels}
    clear_before = {lb for lb in labels if not any(s.intersects(before[lb]) for s in skins)}
    framed = {lb: f for lb in labels for f in frames if f.contains(before[lb])}  # inset titles
    show = Presentation(window.canvas, window.state, [], host=window)
    show.enter()
    QApplication.processEvents()
    shown = [lb for lb in labels if lb.isVisible()]
    assert len(shown) >= {"both": 12, "posterior": 16, "anterior": 14}[view]
    for i, a in enumerate(shown):
        assert show.label_screen_px(a) >= LABEL_PX - 0.5, a.text()
        for b in shown[i + 1 :]:
            assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect()), (a.text(), b.text())
    px = 1.0
    for lb in shown:
        rect = lb.sceneBoundingRect()
        if lb.data(LABEL_ANCHOR) == "start":  # right of the body: grows rightwards only
            assert rect.left() >= before[lb].left() - px, lb.text()
        elif lb.data(LABEL_ANCHOR) == "end":
            assert rect.right() <= before[lb].right() + px, lb.text()
        if lb in clear_before:
            assert not any(s.intersects(rect) for s in skins), lb.text()
        if lb in framed:  # an inset's title stays inside its frame or clears it, never across it
            assert framed[lb].contains(rect) or not framed[lb].intersects(rect), lb.text()
    for spot in show._spots:  # a label with no room takes its leader with it
        if spot.anchor in ("start", "end"):
            assert len(spot.leaders) == 1, spot.text
        if spot.layer.isVisible():
            assert all(leader.isVisible() == spot.item.isVisible() for leader in spot.leaders), spot.text
    if view != "anterior":  # the roots most sciatica comes from are named on the spine
        assert {"L5", "S1", "Sciatic nerve"} <= {" ".join(lb.text().split()) for lb in shown}
    names = {lb.text() for lb in shown}
    sacral = [level for level in ("S1", "S2", "S3", "S4") if level in names]
    assert sacral == ["S1", "S2", "S3", "S4"][: len(sacral)], sacral  # a run down from S1, no gap
    show.leave()
    QApplication.processEvents()
    assert all(lb.isVisible() or not lb.parentItem().isVisible() for lb in labels)
    assert all(lb.sceneBoundingRect() == before[lb] for lb in labels)
    assert all("\n" not in lb.text() for lb in labels)  # broken lines are joined again


def test_panel_text_wraps_between_words_while_presenting(qtbot, room):
    """At 1024x768 the side panel's value column is narrow for 24 px text: a long word
    ('(gastrocnemius') must move to the next line whole, not break in the middle, and leaving
    puts the panel's own wrapping back."""
    from PySide6.QtGui import QTextOption

    window, show, _bar, _quiz = room
    before = window.panel.wordWrapMode(), window.panel.horizontalScrollBarPolicy()
    window.state.select("roots", "S1")
    show.enter()
    QApplication.processEvents()
    assert window.panel.wordWrapMode() == QTextOption.WrapMode.WordWrap
    doc = window.panel.document()
    block = doc.begin()
    while block.isValid():  # no line of the page ends inside a word
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            end = layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
            if 0 < end < len(text):
                assert not (text[end - 1].isalpha() and text[end].isalpha()), (text, end)
        block = block.next()
    show.leave()
    QApplication.processEvents()
    assert (window.panel.wordWrapMode(), window.panel.horizontalScrollBarPolicy()) == before
