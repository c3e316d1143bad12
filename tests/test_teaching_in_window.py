"""The classroom pieces wired into the window: the Teach menu starts tours and quizzes in a
bottom dock, F5 presents, saved views go to the content folder and come back, and File offers
the handout only when there is something to explain."""

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui_driver import click_item
from viewer.ui.presentation import BODY_PX, body_pixel_size


def menu(window, name):
    for top in window.menus.values():
        for action in top.actions():
            sub = action.menu()
            if sub is not None and sub.objectName() == name:
                sub.aboutToShow.emit()
                return sub
    raise LookupError(name)


def test_teach_menu_lists_tours_and_starts_one(window, qtbot):
    tours = menu(window, "tours-menu")
    titles = [a.text() for a in tours.actions()]
    assert "Follow the sciatic nerve" in titles and len(titles) >= 4
    tours.actions()[titles.index("Follow the sciatic nerve")].trigger()
    QApplication.processEvents()
    assert window.teach_dock.isVisible() and window.teach_stack.currentWidget() is window.tour_bar
    first = window.state.current
    assert first is not None
    qtbot.keyClick(window.tour_bar, Qt.Key.Key_Right)
    assert window.state.current != first
    qtbot.keyClick(window.tour_bar, Qt.Key.Key_Escape)
    assert not window.teach_dock.isVisible()


def test_a_quiz_hides_the_panel_that_would_give_it_away(window):
    quizzes = menu(window, "quiz-menu")
    assert all("questions)" in a.text() for a in quizzes.actions())
    quizzes.actions()[0].trigger()
    QApplication.processEvents()
    assert window.teach_stack.currentWidget() is window.quiz_panel
    assert not window.right.isVisible()
    assert window.quiz_panel.question is not None


def test_presentation_mode_with_f5(window, qtbot):
    window.resize(1024, 768)
    click_item(window, "regions", "heel", "left")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    QApplication.processEvents()
    assert window.presentation.active and window.isFullScreen()
    assert body_pixel_size(window.panel) >= BODY_PX
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not window.presentation.active and not window.isFullScreen()
    assert not window.registry["presentation"].isChecked()


def test_saved_views_live_in_the_content_folder(window, tmp_path):
    from viewer.paths import data_dir

    folder = tmp_path / "mine"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    window.content_folder = folder
    window.state.show_view("anterior")
    click_item(window, "places", "groin-inner", "right", "anterior")
    path = window.save_bookmark("Groin for Tuesday")
    assert path is not None and path.parent == folder / "bookmarks" and path.exists()
    window.state.clear()
    saved = menu(window, "bookmarks-menu")
    names = [a.text() for a in saved.actions()]
    saved.actions()[names.index("Groin for Tuesday")].trigger()
    assert window.state.current.id == "groin-inner" and window.state.current.side == "right"


def test_handout_actions_need_something_to_explain(window):
    assert not window.registry["print"].isEnabled()
    assert not window.registry["export-handout"].isEnabled()
    click_item(window, "regions", "heel", "left")
    assert window.registry["print"].isEnabled() and window.registry["export-handout"].isEnabled()
    window.state.clear()
    window.state.set_mode("pattern")
    assert not window.registry["export-handout"].isEnabled()  # an empty pattern explains nothing


def test_instructor_saves_a_case_and_a_student_opens_it(window, tmp_path):
    window.state.set_mode("pattern")
    click_item(window, "places", "calf-lower", "left")
    window.state.set_mark("reduced-ankle-jerk", True, "left")
    path = tmp_path / "case.yaml"
    assert window.save_case(path, "Case 1", ["L9"], []).startswith("Not a root or condition")
    assert window.save_case(path, "Case 1", ["S1"], ["disc-herniation"]) is None
    assert "S1" not in path.read_text()  # the answer is not there to read by accident
    window.state.clear_pattern()
    assert window.open_case(path)
    assert window.teach_stack.currentWidget() is window.case_panel
    assert window.state.pattern.has_place("calf-lower", "left")


def test_presentation_shows_one_view_without_the_legend_and_restores_them(window, qtbot):
    assert window.state.shown == "both" and window.canvas.legend_shown
    window.registry["presentation"].trigger()
    QApplication.processEvents()
    assert window.state.shown == "posterior" and not window.canvas.legend.isVisible()
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.state.shown == "both" and window.canvas.legend.isVisible()
    assert window.menuBar().isVisible()


def test_legend_can_be_hidden_from_the_view_menu(window):
    window.registry["show-legend"].trigger()
    assert not window.canvas.legend.isVisible() and not window.registry["show-legend"].isChecked()
    window.registry["show-legend"].trigger()
    assert window.canvas.legend.isVisible()
