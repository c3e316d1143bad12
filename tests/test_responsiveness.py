"""What the speed-ups must not change for the user: a long page still arrives whole, a wheel zoom
shows the drawing scaled at once and sharp once the wheel rests, a highlight leaves no trace when
it is cleared, and a pattern panel built late is still enlarged on a projector."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTextBrowser

from tests.ui_driver import click_item, on_screen, shown_window
from viewer.bench import send_wheel
from viewer.ui.presentation import BODY_PX, body_pixel_size
from viewer.ui.zoom_preview import REST_MS


def _shown_text(panel) -> str:
    """The text the panel is painting now (Qt's own document, not the completed page that
    ``panel.toPlainText()`` gives a reader)."""
    return QTextBrowser.document(panel).toPlainText()


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference of the two images' grey levels, 0..255, over a sample grid."""
    a = a.convertToFormat(QImage.Format.Format_Grayscale8)
    b = b.convertToFormat(QImage.Format.Format_Grayscale8)
    assert a.size() == b.size()
    total = count = 0
    for y in range(0, a.height(), 5):
        for x in range(0, a.width(), 5):
            total += abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
            count += 1
    return total / count


def test_a_long_page_shows_its_opening_at_once_and_then_the_whole_page(window, qtbot):
    window.state.select("regions", "buttock", "left")  # its places link to it
    QApplication.processEvents()
    panel = window.panel
    opening = _shown_text(panel)
    assert opening.startswith("Body region") and "Buttock" in opening
    assert QTextBrowser.document(panel).size().height() > panel.viewport().height()  # fills it
    assert "Red flags" not in opening  # the rest of the page comes a moment later...
    qtbot.waitUntil(lambda: "Red flags" in _shown_text(panel), timeout=2000)
    whole = _shown_text(panel)
    assert whole.startswith(opening.rsplit("\n", 1)[0])  # ...below the same opening
    # a reader of the panel (copy, tests, screen readers) always gets the whole page
    click_item(window, "places", "knee-back", "right")
    assert "Red flags" in panel.toPlainText()


def _wheel(canvas, notches: int) -> None:
    viewport = canvas.viewport()
    send_wheel(viewport, QPointF(viewport.rect().center()), notches)


def test_wheel_zoom_shows_the_drawing_scaled_at_once_and_sharp_when_the_wheel_rests(window, qtbot):
    canvas = window.canvas
    before = canvas.viewport().grab().toImage()
    range_before = canvas.vb.viewRange()
    _wheel(canvas, 2)
    QApplication.processEvents()
    assert canvas.zoom_preview.active
    preview = canvas.viewport().grab().toImage()
    qtbot.waitUntil(lambda: not canvas.zoom_preview.active, timeout=REST_MS * 8)
    QApplication.processEvents()
    sharp = canvas.viewport().grab().toImage()
    assert canvas.vb.viewRange() != range_before
    moved = _difference(before, sharp)
    assert moved > 5  # the zoom really changed the picture
    # the preview is the zoomed drawing, slightly soft, not the drawing as it was
    assert _difference(preview, sharp) < moved / 3


def test_clearing_a_highlight_restores_the_drawing_exactly(window, qtbot):
    canvas = window.canvas
    # the first frame paints directly; its antialiased edges may differ from the pictures'
    # by a few grey levels, so compare pictures with pictures
    qtbot.waitUntil(lambda: canvas.pictures_ahead.done, timeout=10000)
    QApplication.processEvents()
    plain = canvas.viewport().grab().toImage()
    for kind, rid in (("roots", "S1"), ("nerves", "sciatic"), ("regions", "calf-posterior")):
        window.state.select(kind, rid, "left")
        QApplication.processEvents()
        lit = canvas.viewport().grab().toImage()
        assert _difference(plain, lit) > 1, kind
        window.state.clear()
        QApplication.processEvents()
        assert canvas.viewport().grab().toImage() == plain, kind


def test_pattern_panel_built_during_a_presentation_is_enlarged_too(window, qtbot):
    window.registry["presentation"].trigger()
    QApplication.processEvents()
    assert window.presentation.active
    qtbot.keyClick(window.canvas, Qt.Key.Key_P)
    QApplication.processEvents()
    assert window.state.mode == "pattern"
    assert window.pattern_panel.isVisible()
    assert body_pixel_size(window.pattern_panel) >= BODY_PX
    window.presentation.leave()
    QApplication.processEvents()
    assert body_pixel_size(window.pattern_panel) < BODY_PX




def test_the_wheel_cannot_zoom_the_drawing_away(window, qtbot):
    """Found by a newcomer: fifteen notches in gave a screen of flat colour, thirty out a dot."""
    canvas = window.canvas
    whole = max(r.height() for r in canvas.view_rects.values())
    for notches in (-40, 60):
        for _ in range(abs(notches) // 5):
            _wheel(canvas, 5 if notches > 0 else -5)
        qtbot.waitUntil(lambda: not canvas.zoom_preview.active, timeout=REST_MS * 8)
        (x0, x1), (y0, y1) = canvas.vb.viewRange()
        if notches < 0:
            assert y1 - y0 <= 3.01 * whole  # out: the drawing still fills a third of the view
        else:
            assert y1 - y0 >= whole / 40 * 0.99  # in: a toe at most fills the view


def test_a_part_drawn_only_on_the_hidden_view_brings_both_views(window, qtbot):
    """Found by a newcomer: searching "calf" on the front view lit nothing."""
    from tests.ui_driver import states
    from viewer.ui.shape_item import State

    window.registry["view-anterior"].trigger()
    QApplication.processEvents()
    assert not window.canvas.layers["posterior"].isVisible()
    window.search.setText("calf")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.state.current.id == "calf-posterior"
    assert window.canvas.layers["posterior"].isVisible()
    assert State.SELECTED in states(window, "regions", "calf-posterior", None, "posterior")
    assert "other view" in window.statusBar().currentMessage()
    # a part the front view draws keeps the front view alone
    window.registry["view-anterior"].trigger()
    window.state.select("regions", "groin", "left")
    QApplication.processEvents()
    assert not window.canvas.layers["posterior"].isVisible()


def _underlined_links(panel) -> int:
    doc = QTextBrowser.document(panel)
    count, block = 0, doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            count += bool(fmt.anchorHref() and fmt.fontUnderline())
            it += 1
        block = block.next()
    return count


def test_leaving_a_presentation_restores_every_page_seen_during_it(window):
    """Found by a newcomer: after F5 and Esc every link stayed underlined; pages seen while
    presenting also kept their big text."""
    window.state.select("roots", "L5")
    QApplication.processEvents()
    normal = body_pixel_size(window.panel)
    assert _underlined_links(window.panel) == 0
    window.presentation.enter()
    window.state.select("nerves", "sural")
    window.state.select("roots", "L5")
    QApplication.processEvents()
    assert body_pixel_size(window.panel) >= BODY_PX
    window.presentation.leave()
    QApplication.processEvents()
    for kind, rid in (("roots", "L5"), ("nerves", "sural")):
        window.state.select(kind, rid)
        QApplication.processEvents()
        assert body_pixel_size(window.panel) == normal, rid
        assert _underlined_links(window.panel) == 0, rid


def test_the_disclaimer_stays_whole_at_1024x768_beside_the_hover_name(window, qtbot):
    """The hover name takes the room left of the disclaimer, never the disclaimer's own."""
    window.resize(1024, 768)
    QApplication.processEvents()
    click_item(window, "places", "ankle-outer", "left", "posterior")  # a hover name on show
    QApplication.processEvents()
    assert window.hover_name.text()
    assert window.disclaimer.isVisible()
    assert window.disclaimer.width() >= window.disclaimer.sizeHint().width()


def test_pages_of_what_can_be_clicked_are_made_ahead(window, qtbot, monkeypatch):
    panel = window.panel
    qtbot.waitUntil(lambda: panel.pages_ahead.done, timeout=20000)
    import viewer.ui.side_panel as side_panel

    def not_again(*_args, **_kwargs):
        raise AssertionError("a page made at the click, not ahead")

    def not_parsed_now(*_args, **_kwargs):
        raise AssertionError("a page's opening parsed at the click, not ahead")

    monkeypatch.setattr(side_panel, "explain", not_again)
    monkeypatch.setattr(panel, "_document", not_parsed_now)
    # the whole page is parsed 50 ms after its opening is painted, which a slow machine
    # reaches within the click: only the click itself is under test here
    monkeypatch.setattr(panel._finish, "start", lambda: None)
    for kind, rid, side in (("places", "ankle-outer", "right"), ("roots", "L4", "left")):
        click_item(window, kind, rid, side)
        assert window.state.current.id == rid
    assert "L4 nerve root" in _shown_text(panel)  # the opening parsed ahead is on show
    monkeypatch.undo()  # the whole page is parsed once the opening has been painted
    assert "L4 nerve root" in panel.toPlainText()


def test_an_opening_made_ahead_is_laid_out_and_kept_for_the_next_visit(
    window, qtbot, monkeypatch
):
    """A page seen before and since dropped from the laid-out pages opens from what was made
    ahead, as the first time did, and that arrived laid out at the panel's width."""
    import viewer.ui.side_panel as side_panel

    panel = window.panel
    qtbot.waitUntil(lambda: panel.pages_ahead.done, timeout=20000)
    width = panel.viewport().width()
    assert all(doc.textWidth() == width for doc in panel._parsed.values())  # laid out there
    monkeypatch.setattr(side_panel, "DOCUMENT_CACHE", 1)  # every whole page is soon dropped
    for kind, rid, side in (("roots", "L4", "left"), ("places", "ankle-outer", "right")):
        click_item(window, kind, rid, side)
        panel.finish_page()  # the whole page, then dropped by the next one
    opening = QTextBrowser.document(panel)

    def not_parsed_now(*_args, **_kwargs):
        raise AssertionError("a page's opening parsed at the click, not ahead")

    monkeypatch.setattr(panel, "_document", not_parsed_now)
    monkeypatch.setattr(panel._finish, "start", lambda: None)  # the click only, as above
    click_item(window, "roots", "L4", "left")
    click_item(window, "places", "ankle-outer", "right")
    assert QTextBrowser.document(panel) is opening  # the very document made ahead


def test_a_roots_dermatome_and_hatching_keep_their_pictures_between_visits(
    qtbot, atlas, monkeypatch
):
    """Hiding an item made Qt drop its picture, so each click on a root painted its dermatomes
    and hatched zones anew; out of sight they are transparent now, and a second visit blits."""
    from PySide6.QtWidgets import QGraphicsPathItem

    from viewer.ui.canvas import AtlasCanvas
    from viewer.ui.shape_item import LayerItem

    painted: list[tuple[str, str]] = []

    def counting_paint(item, painter, *args):
        painted.append((item.kind, item.content_id))
        QGraphicsPathItem.paint(item, painter, *args)

    # on the class before any item is made: Qt looks a Python override up once per item
    monkeypatch.setattr(LayerItem, "paint", counting_paint, raising=False)
    # nothing drawn ahead in idle moments, so the first visit draws what it shows
    monkeypatch.setattr(AtlasCanvas, "_look_steps", lambda canvas: iter(()))
    window = shown_window(qtbot, atlas)
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.zones_ahead.done and canvas.pictures_ahead.done, timeout=20000)

    def visit(kind: str, rid: str) -> list[tuple[str, str]]:
        del painted[:]
        click_item(window, kind, rid, "left")
        canvas.viewport().repaint()
        return [p for p in painted if p[1] == rid]

    first = visit("roots", "L5")
    assert {kind for kind, _ in first} == {"dermatomes", "zones"}  # drawn on the first visit
    assert visit("nerves", "sciatic") is not None
    assert all(not on_screen(i) for i in canvas.layer_items.values() if i.content_id == "L5")
    assert visit("roots", "L5") == []  # and blitted on the next
    shown = [i for i in canvas.shown_layer_items() if i.content_id == "L5"]
    assert {i.kind for i in shown} == {"dermatomes", "zones"} and all(map(on_screen, shown))


def test_a_first_click_finds_the_pictures_it_shows_drawn_ahead(qtbot, atlas, monkeypatch):
    """In idle moments the looks a click is likely to give each shape, and each root's
    dermatome and hatching, are drawn into their pictures out of sight: a first click on a
    root, a nerve or a place then draws nothing new, and nothing drawn ahead is on screen
    before a click asks for it."""
    from PySide6.QtWidgets import QGraphicsPathItem

    from viewer.ui.shape_item import LayerItem, ShapeItem

    painted: list[tuple[str, str, object]] = []
    paint_look = ShapeItem.paint_look

    def counting_layer_paint(item, painter, *args):
        painted.append((item.kind, item.content_id, None))
        QGraphicsPathItem.paint(item, painter, *args)

    def counting_look_paint(item, painter, state, hovered):
        painted.append((item.shape_data.kind, item.shape_data.content_id, state))
        paint_look(item, painter, state, hovered)

    monkeypatch.setattr(LayerItem, "paint", counting_layer_paint, raising=False)
    monkeypatch.setattr(ShapeItem, "paint_look", counting_look_paint)
    window = shown_window(qtbot, atlas)
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.looks_ahead.done, timeout=30000)
    # out of sight: only the look each shape is in shows, and no layer before it is asked for
    for shape in canvas.items:
        assert [look for look in shape.childItems() if look.opacity() > 0] == (
            [] if shape.at_rest_unseen() else [shape._look]
        )
    assert not any(on_screen(layer) for layer in canvas.layer_items.values())

    for kind, rid in (("roots", "L5"), ("nerves", "common-fibular"), ("places", "calf-upper-outer")):
        del painted[:]
        click_item(window, kind, rid, "left")
        canvas.viewport().repaint()
        assert window.state.current.id == rid
        assert painted == [], f"a first click on {rid} drew {painted}"
    shown = [i for i in canvas.shown_layer_items() if i.content_id == "L5"]
    assert shown == []  # the calf is selected now: L5's dermatome is out of sight again
    del painted[:]
    click_item(window, "roots", "L5", "right")
    canvas.viewport().repaint()
    shown = [i for i in canvas.shown_layer_items() if i.content_id == "L5"]
    assert {i.kind for i in shown} == {"dermatomes", "zones"} and all(map(on_screen, shown))
    assert painted == []


def test_the_roots_hatched_zones_are_worked_out_ahead(window, qtbot, monkeypatch):
    canvas = window.canvas
    qtbot.waitUntil(lambda: canvas.zones_ahead.done, timeout=20000)

    def not_now(*_args, **_kwargs):
        raise AssertionError("a hatched zone cut at the click, not ahead")

    monkeypatch.setattr(canvas, "_zone", not_now)
    from viewer.ui.shape_item import LayerStyle

    click_item(window, "roots", "L4", "left")
    assert window.state.current.id == "L4"
    hatched = [
        i
        for i in canvas.shown_layer_items()
        if i.style in (LayerStyle.DISAGREE, LayerStyle.OVERLAP)
    ]
    assert hatched, "the maps disagree about L4: its hatching shows"


def test_work_done_ahead_waits_while_the_user_moves_over_the_drawing(window, qtbot, monkeypatch):
    """A step of work done ahead inside a click's frame made that click late; while the
    pointer keeps moving over the drawing, none is taken, and it resumes once the user rests."""
    import time

    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QMouseEvent

    from viewer.ui import idle_steps

    # a longer stillness than the app's, so a slow machine's stalls between moves (20 ms
    # apart) cannot pass for a resting pointer
    monkeypatch.setattr(idle_steps, "QUIET_MS", 300)

    panel = window.panel
    qtbot.waitUntil(lambda: panel.pages_ahead.started, timeout=5000)
    viewport = window.canvas.viewport()
    made = len(panel._pages)
    end = time.monotonic() + 0.6
    x = 100
    while time.monotonic() < end:  # a pointer wandering over the drawing, a move every 20 ms
        x = 100 + (x + 7) % 300
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPoint(x, 300),
            viewport.mapToGlobal(QPoint(x, 300)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
        qtbot.wait(20)
    assert len(panel._pages) == made, "pages were made while the pointer was moving"
    assert panel.pages_ahead.held > 0
    assert idle_steps.quiet_for_ms() < idle_steps.QUIET_MS
    qtbot.waitUntil(lambda: len(panel._pages) > made, timeout=5000)  # resumes once still


def test_the_drawing_follows_the_pointer_without_qt_hover_events(window):
    """pyqtgraph lights shapes from plain mouse moves; a shape taking Qt's own hover events
    made Qt look up every item under the pointer at each move, so none does, and the canvas
    asks for moves itself (without mouse tracking a real pointer would light nothing)."""
    canvas = window.canvas
    assert canvas.viewport().hasMouseTracking()
    takers = [i for i in canvas.scene().items() if i.acceptHoverEvents()]
    assert takers == [], f"{len(takers)} items take Qt hover events, e.g. {takers[:3]}"


def test_the_first_frame_paints_the_drawing_directly_and_pictures_follow(qtbot):
    """Drawing each item into its own picture first made the first frame twice as slow; the
    window's first frame paints directly, and every static item and every shape's look takes
    its picture soon after, so clicks later blit them."""
    from viewer.session import Session
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings
    from viewer.ui.shape_item import CACHED, NO_CACHE

    session = Session.load()
    window = MainWindow(session.atlas, session.views, settings=Settings.throwaway())
    qtbot.addWidget(window)
    canvas = window.canvas
    static = list(canvas._static)
    looks = [look for item in canvas.items for look in item._looks.values()]
    assert static and looks
    assert {i.cacheMode() for i in static + looks} == {NO_CACHE}
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: canvas.pictures_ahead.done, timeout=10000)
    looks = [look for item in canvas.items for look in item._looks.values()]
    assert {i.cacheMode() for i in static + looks} == {CACHED}
    # the pictures were really drawn then, not left for the next click: a full repaint now
    # only blits them
    qtbot.waitUntil(lambda: not canvas.settling.isActive() and canvas.pictures_ahead.done)
    QApplication.processEvents()
    assert _looks_painted_by_a_full_repaint(canvas) == []
    # a zoom makes every picture stale: the drawing paints directly while the scale changes,
    # and once it has settled the pictures are taken again in idle moments, not by a click
    canvas.vb.scaleBy((0.8, 0.8))
    QApplication.processEvents()
    assert canvas.settling.isActive()
    assert {i.cacheMode() for i in static} == {NO_CACHE}
    assert not any(item.looks_cached for item in canvas.items)
    qtbot.waitUntil(lambda: not canvas.settling.isActive() and canvas.pictures_ahead.done)
    QApplication.processEvents()
    assert {i.cacheMode() for i in static} == {CACHED}
    shown = [item for item in canvas.items if item._look is not None]
    # (a look the drawing's box cuts through is pictured as far as it showed; the rest of it,
    # a handful at the box's edge, is finished by the next paint)
    assert len(_looks_painted_by_a_full_repaint(canvas)) < len(shown) / 5
    window.state.select("nerves", "sciatic", "left")  # a look made later is a picture at once
    looks = [look for item in canvas.items for look in item._looks.values()]
    assert {i.cacheMode() for i in looks} == {CACHED}


def _looks_painted_by_a_full_repaint(canvas) -> list[object]:
    """The shapes whose look is drawn anew (not blitted from its picture) by a full repaint."""
    painted: list[object] = []
    for item in canvas.items:
        item.paint_look = lambda p, state, hovered, item=item: painted.append(item)
    try:
        canvas.viewport().repaint()
    finally:
        for item in canvas.items:
            del item.paint_look
    return painted


def test_panel_pages_are_set_without_shaping_at_every_text_size(window):
    """Skipping text shaping and kerning made a new page's layout and paint a quarter faster;
    a larger text size must keep it (and still be larger)."""
    from PySide6.QtGui import QFont

    panel = window.panel
    for step in (None, "text-larger"):
        before = QTextBrowser.document(panel).defaultFont().pointSizeF()
        if step:
            window.registry[step].trigger()
        click_item(window, "roots", "L5", "left")
        QApplication.processEvents()
        font = QTextBrowser.document(panel).defaultFont()
        assert font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
        assert not font.kerning()
        if step:
            assert font.pointSizeF() > before


def test_regions_and_places_at_rest_are_drawn_as_one_picture_of_borders(window):
    """Painting some sixty regions at rest one by one was a third of the first frame; at rest
    they (and the fine places) show nothing of their own, the canvas draws their borders as one
    picture, and a region lit by a selection shows its own look again."""
    canvas = window.canvas
    regions = [i for i in canvas.items if i.shape_data.kind == "regions"]
    assert regions and all(i._look is None for i in regions)
    borders = [
        i
        for i in canvas.scene().items()
        if type(i).__name__ == "QGraphicsPathItem" and i.zValue() == 10 - 0.01
    ]
    assert len(borders) == len(canvas.layers)  # one picture of region borders per view
    window.state.select("regions", "calf-posterior", "left")
    QApplication.processEvents()
    lit = [i for i in regions if i._look is not None]
    assert lit and all(i._look.opacity() == 1.0 for i in lit)
    window.state.clear()
    QApplication.processEvents()
    assert all(i._look is None for i in regions)


def test_what_makes_an_answer_is_imported_ahead_of_the_first_click(qtbot):
    """Start-up leaves most answer types unimported (the welcome page needs few); the first idle
    moments after the panel's first paint import them, so the first click does not."""
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from viewer.session import Session\n"
        "from viewer.ui.main_window import MainWindow\n"
        "from viewer.ui.settings import Settings\n"
        "s = Session.load()\n"
        "w = MainWindow(s.atlas, s.views, settings=Settings.throwaway())\n"
        "before = 'viewer.content.answers' in sys.modules\n"
        "w.resize(1400, 900); w.show()\n"
        "end = time.monotonic() + 3\n"
        "while time.monotonic() < end and 'viewer.content.answers' not in sys.modules:\n"
        "    app.processEvents()\n"
        "print(before, 'viewer.content.answers' in sys.modules, w.state.current)\n"
    )
    warm = "from viewer.session import Session; Session.load()"  # a first start checks it all
    subprocess.run([sys.executable, "-c", warm], check=True, capture_output=True, timeout=120)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()
    assert out == ["False", "True", "None"]  # imported in idle time, with nothing clicked


def test_a_roots_dermatome_keeps_its_picture_from_click_to_click(window):
    """A new pen or brush throws an item's picture away: styling a shown dermatome again with
    the style it has must leave it alone, or every click on a root drew its skin anew."""
    canvas = window.canvas
    click_item(window, "roots", "L5", "left")
    QApplication.processEvents()
    shown = [i for i in canvas.shown_layer_items() if i.kind == "dermatomes"]
    assert shown
    restyled: list[object] = []
    for item in shown:
        item.setBrush = lambda *_a, item=item: restyled.append(item)
        item.setPen = lambda *_a, item=item: restyled.append(item)
    try:
        click_item(window, "nerves", "sciatic", "left")
        click_item(window, "roots", "L5", "left")
        QApplication.processEvents()
        assert all(on_screen(i) for i in shown)
    finally:
        for item in shown:
            del item.setBrush, item.setPen
    assert restyled == []


def test_a_click_with_an_overlay_on_leaves_the_overlay_alone(window, monkeypatch):
    """Every overlay shape was put out of sight and shown again at each click, repainting the
    whole overlay for nothing; only the layers that come or go may change."""
    from viewer.ui.shape_item import LayerItem

    canvas = window.canvas
    canvas.set_overlay("dermatomes")
    click_item(window, "places", "ankle-outer", "left")
    overlay = [i for i in canvas.shown_layer_items() if i.kind == "dermatomes"]
    assert len(overlay) > 10
    put_away: list[object] = []
    set_shown = LayerItem.set_shown

    def recording(item, shown):
        if not shown:
            put_away.append(item)
        set_shown(item, shown)

    monkeypatch.setattr(LayerItem, "set_shown", recording)
    click_item(window, "places", "knee-back", "right")
    assert window.state.current.id == "knee-back"
    assert not any(item in put_away for item in overlay)
    assert all(on_screen(item) for item in overlay)
