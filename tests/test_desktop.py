"""The window behaves like a desktop app: menus from the action registry, shortcuts that work as
key presses, settings remembered between runs, themes whose safety text stays readable, a
parts list for the keyboard, and clear errors instead of aborts."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui_driver import click_item
from viewer.present.theme import SAFETY_PAIRS, THEMES, contrast_ratio, panel_css


def menu_actions(window, title):
    return [a.objectName() for a in window.menus[title].actions() if a.objectName()]


def test_menus_are_built_from_the_registry(window):
    assert {"open-pattern", "save-pattern", "export-png", "quit"} <= set(menu_actions(window, "File"))
    assert {"copy-image", "copy-text"} <= set(menu_actions(window, "Edit"))
    assert {"zoom-in", "zoom-out", "full-screen", "show-panel", "show-parts"} <= set(menu_actions(window, "View"))
    assert {"history-back", "history-forward", "search", "pattern-mode"} <= set(menu_actions(window, "Go"))
    assert {"shortcuts", "sources", "about"} <= set(menu_actions(window, "Help"))
    # the same action objects as the toolbar: one registry
    assert window.registry["history-back"] in window.menus["Go"].actions()


def test_shortcuts_work_as_key_presses(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.canvas.setFocus()
    before = window.canvas.vb.viewRange()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoomed = window.canvas.vb.viewRange()
    assert zoomed[0][1] - zoomed[0][0] < before[0][1] - before[0][0]
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.vb.viewRange()[0][1] - window.canvas.vb.viewRange()[0][0] == pytest.approx(
        before[0][1] - before[0][0], rel=0.02
    )
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.right.isVisible() and not window.registry["show-panel"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.right.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.parts_dock.isVisible()


def test_help_dialogs_open(window, qtbot):
    seen = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle() if dialog else None)
        if isinstance(dialog, QDialog):
            dialog.reject()

    for name, title in (("shortcuts", "Keyboard shortcuts"), ("sources", "Sources and licences"), ("about", "About Sciatica Atlas")):
        QTimer.singleShot(50, close_dialog)
        window.registry[name].trigger()
        assert seen[-1] == title


def test_full_screen_and_escape(window, qtbot):
    window.registry["full-screen"].trigger()
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()


def test_settings_are_remembered(qtbot, atlas, tmp_path):
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    path = tmp_path / "settings.ini"
    views = load_views(assets_dir())
    first = MainWindow(atlas, views, settings=Settings(path))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # inside the offscreen screen (800 x 600)
    first.set_theme("dark")
    first.state.show_view("posterior")
    first.state.select("roots", "L5", "left")
    first.scale_text(2)
    first.close()
    assert path.exists()
    second = MainWindow(atlas, views, settings=Settings(path))
    qtbot.addWidget(second)
    assert second.theme_choice == "dark" and second.registry["theme-dark"].isChecked()
    assert second.state.shown == "posterior" and second.registry["view-posterior"].isChecked()
    assert second.state.current.id == "L5" and second.state.current.side == "left"
    assert second.text_steps == 2
    assert (second.width(), second.height()) == (700, 500)
    second.set_theme("system")


def test_a_damaged_settings_file_is_ignored(qtbot, atlas, tmp_path):
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    path = tmp_path / "settings.ini"
    path.write_bytes(b"\x00\xff[window]\ngeometry=@ByteArray(garbage)\nsplitter=banana\n[view]\ntext_steps=lots\n")
    window = MainWindow(atlas, load_views(assets_dir()), settings=Settings(path))
    qtbot.addWidget(window)
    assert window.state.current is None and window.text_steps == 0


@pytest.mark.parametrize("name", sorted(THEMES))
def test_safety_text_contrast_in_every_theme(name):
    theme = THEMES[name]
    for what, fg, bg in SAFETY_PAIRS:
        ratio = contrast_ratio(getattr(theme, fg), getattr(theme, bg))
        assert ratio >= 4.5, f"{name}: {what} contrast {ratio:.2f}"


def test_contrast_check_can_fail():
    assert contrast_ratio("#777777", "#888888") < 1.5
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_dark_theme_reaches_the_panel_and_the_disclaimer(window):
    dark = window.set_theme("dark")
    assert window.panel.document().defaultStyleSheet() == panel_css(dark)
    assert dark.disclaimer in window.disclaimer.styleSheet()
    QApplication.processEvents()
    assert window.palette().color(window.backgroundRole()).lightness() < 100
    light = window.set_theme("light")
    assert window.panel.document().defaultStyleSheet() == panel_css(light)
    window.set_theme("system")


def test_search_says_when_nothing_matches_and_clears_after_another_selection(window, qtbot):
    window.search.setFocus()
    window.search.setText("zzqx")  # typed into the box (setText: no completer popup offscreen)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.search_message.text().startswith("No match for 'zzqx'")
    assert window.state.current is None
    click_item(window, "regions", "heel", "left")
    assert window.search.text() == "" and window.search_message.text() == ""


def test_parts_list_selects_from_the_keyboard(window, qtbot):
    window.registry["show-parts"].trigger()
    tree = window.parts.tree
    qtbot.keyClicks(window.parts.filter, "sural nerve")
    visible = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if not tree.topLevelItem(i).child(j).isHidden()
    ]
    assert [item.text(0) for item in visible] == ["Sural nerve"]
    tree.setFocus()
    tree.setCurrentItem(visible[0])
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.state.current.kind == "nerves" and window.state.current.id == "sural"
    # and the list follows a selection made on the drawing
    click_item(window, "places", "heel-pad", "left")
    assert tree.currentItem().text(0) == f"{window.atlas.places['heel-pad'].name} (left)"


def atlas_name(window, rid):
    return window.atlas.regions[rid].name


def test_copy_and_export(window, tmp_path):
    click_item(window, "regions", "heel", "left")
    window.registry["copy-text"].trigger()
    assert window.atlas.regions["heel"].name in QGuiApplication.clipboard().text()
    window.registry["copy-image"].trigger()
    assert not QGuiApplication.clipboard().pixmap().isNull()
    out = tmp_path / "atlas.png"
    assert window.export_png(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # no litter beside the export ("cache" is this test's own cache folder, see conftest)
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["atlas.png"]


def test_no_display_is_one_clear_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "viewer"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("sciatica-atlas: error: no display to open the window on")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_screenshot_prints_no_qt_noise(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "screenshot", str(tmp_path / "x.png")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0 and proc.stderr == ""


def test_search_forgives_typos_and_symptoms(window, qtbot):
    window.search.setFocus()
    window.search.setText("piriformus")
    window._suggest("piriformus")
    assert any("Piriformis syndrome" in s for s in window.suggestions.stringList())
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.state.current.id == "piriformis-syndrome"
    assert "Showing Piriformis syndrome" in window.search_message.text()
    window.search.setText("foot drop")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.state.current.id == "weak-dorsiflexion"
    # a picked suggestion selects exactly that record
    window._suggest("little toe")
    label = window.suggestions.stringList()[0]
    window._search_for(label)
    assert window.state.current.id == "little-toe"


def test_language_switch_rebuilds_the_window_in_spanish(qtbot, monkeypatch):
    from viewer import i18n
    from viewer.ui.app import WindowHost

    host = WindowHost(None, "en")
    first = host.open()
    qtbot.addWidget(first)
    first.state.select("roots", "L5", "left")
    assert first.registry["fit"].text() == "Fit"
    first.registry["lang-es"].trigger()
    second = host.window
    qtbot.addWidget(second)
    try:
        assert second is not first
        assert i18n.current_language() == "es" and second.registry["lang-es"].isChecked()
        assert second.registry["fit"].text() == i18n.tr("Fit") != "Fit"
        assert second.menus["File"].title() == i18n.tr("&File")
        assert second.state.current.id == "L5"  # the selection carries over
        assert "raíz" in second.panel.toPlainText().lower()
        assert second.disclaimer.text() == i18n.tr(
            "Educational only: this atlas does not diagnose. Red-flag symptoms need urgent medical care."
        )
    finally:
        i18n.set_language("en")


def test_open_content_folder_checks_it_first(window, tmp_path, qtbot):
    import shutil

    from viewer.paths import data_dir

    good = tmp_path / "mine"
    shutil.copytree(data_dir(), good, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    bad = tmp_path / "broken"
    shutil.copytree(good, bad)
    (bad / "roots.yaml").write_text("roots: [")
    with qtbot.assertNotEmitted(window.contentRequested):
        assert not window.open_content_folder(bad)
    assert any("roots.yaml" in line for line in window.content_problems)
    with qtbot.waitSignal(window.contentRequested) as signal:
        assert window.open_content_folder(good)
    assert signal.args == [str(good)]


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_disabled_actions_look_disabled_in_every_theme(window, choice):
    from PySide6.QtGui import QPalette

    window.set_theme(choice)
    palette = QApplication.instance().palette()
    enabled = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    assert abs(enabled.lightness() - disabled.lightness()) > 40
    window.set_theme("system")


def test_map_and_overlay_from_the_view_menu(window):
    window.state.select("roots", "S1", "left")
    before = {id(i) for i in window.canvas.shown_layer_items()}
    window.registry["map-keegan"].trigger()
    assert window.canvas.map_id == "keegan" and window.registry["map-keegan"].isChecked()
    assert window.canvas.map_box.currentData() == "keegan"
    assert {id(i) for i in window.canvas.shown_layer_items()} != before
    window.registry["overlay-dermatomes"].trigger()
    assert window.canvas.overlay == "dermatomes" and window.canvas.overlay_box.currentData() == "dermatomes"
    # and the legend-strip switch moves the menu's tick
    window.canvas.overlay_box.setCurrentIndex(window.canvas.overlay_box.findData(None))
    assert window.registry["overlay-none"].isChecked()


def test_arrow_keys_move_between_neighbouring_regions(window, qtbot):
    click_item(window, "regions", "heel", "left")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Up)
    above = window.state.current
    assert above.kind == "regions" and above.id != "heel" and above.side == "left"
    # the region chosen really lies above the heel on the screen
    heel = window.canvas.items_for("regions", "heel", "left", "posterior")[0]
    moved = window.canvas.items_for("regions", above.id, "left", "posterior")[0]
    y = lambda item: item.mapToScene(item.shape().boundingRect().center()).y()  # noqa: E731
    assert y(moved) < y(heel)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Down)
    assert window.state.current.id != above.id
    assert "Selected:" in window.canvas.accessibleDescription()


def test_citations_read_as_author_and_year_with_the_full_one_on_hover(window):
    from viewer.content.answers import Reference
    from viewer.present.panel_html import author_year

    assert author_year(Reference("x", "Suri P, Rainville J. Does this older adult... JAMA. 2010;304:2628.", "review")) == "Suri 2010"
    assert author_year(Reference("y", "van der Windt DA, Simons E. Physical examination. Cochrane. 2010.", "review")) == "van der Windt 2010"
    import re

    window.state.select("conditions", "central-stenosis")
    html = window.panel.html_for(window.state.current)
    cited = re.findall(r'href="cite:([^"]+)"', html)
    assert cited
    first = window.atlas.sources[cited[0]]
    assert author_year(Reference(first.id, first.citation, first.kind)) in window.panel.toPlainText()
    assert first.citation in window.panel.toPlainText()  # and in full in the list at the end
    # a citation link never navigates anywhere
    from PySide6.QtCore import QUrl

    window.panel.anchorClicked.emit(QUrl(f"cite:{cited[0]}"))
    assert window.state.current.id == "central-stenosis"


def test_clicking_a_short_citation_shows_its_full_entry_in_the_source_list(window):
    """A click on "[Suri 2010]" scrolls the panel to that source's entry at the end of the page
    and selects nothing else (found by a newcomer: the click did nothing visible)."""
    import re

    from PySide6.QtGui import QTextCursor

    from tests.ui_driver import click_link

    window.state.select("conditions", "central-stenosis")
    QApplication.processEvents()
    panel = window.panel
    sid = re.findall(r'href="cite:([^"]+)"', panel.html_for(window.state.current))[0]
    panel.verticalScrollBar().setValue(0)
    click_link(panel, f"cite:{sid}")
    assert window.state.current.id == "central-stenosis"
    doc = panel.document()
    entry = doc.find(window.atlas.sources[sid].citation[:40])
    assert not entry.isNull()
    cursor = QTextCursor(doc)
    cursor.setPosition(entry.position())
    top = panel.cursorRect(cursor).top()
    assert 0 <= top < panel.viewport().height(), top  # the entry is on screen
    assert panel.verticalScrollBar().value() > 0
