"""Running a tour from the keyboard: each step's selection, pattern, view and zoom reach the
app state and the drawing, and the bar shows the caption and progress."""

import pytest
from PySide6.QtCore import Qt

from viewer.content.classroom import load_classroom
from viewer.ui.shape_item import State
from viewer.ui.tour_bar import TourBar, zoom_to


@pytest.fixture(scope="module")
def tours():
    return load_classroom().tours


@pytest.fixture
def bar(qtbot, window):
    bar = TourBar(window.atlas, window.state, zoom=lambda z: zoom_to(window.canvas, z))
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_keys_step_through_the_sciatic_tour(qtbot, window, bar, tours):
    tour = tours["tour-sciatic-nerve"]
    bar.start(tour)
    seen = [(window.state.current.kind, window.state.current.id)]
    assert bar.progress.text() == f"1 / {len(tour.steps)}"
    for key in [Qt.Key.Key_Right, Qt.Key.Key_Space] + [Qt.Key.Key_PageDown] * (len(tour.steps) - 3):
        qtbot.keyClick(bar, key)
        seen.append((window.state.current.kind, window.state.current.id))
    assert seen == [("nerves", s.select.target) for s in tour.steps]
    assert bar.progress.text() == f"{len(tour.steps)} / {len(tour.steps)}"
    assert bar.caption.text() == tour.steps[-1].caption
    assert "Wheeless" in bar.sources.text() or "wheeless" in bar.sources.text().lower()
    # the drawing follows: the selected nerve is drawn as selected
    assert {i.state for i in window.canvas.items_for("nerves", tour.steps[-1].select.target)} == {State.SELECTED}
    qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert window.state.current.id == tour.steps[-2].select.target
    assert bar.progress.text() == f"{len(tour.steps) - 1} / {len(tour.steps)}"


def test_view_and_zoom_follow_each_step(qtbot, window, bar, tours):
    tour = tours["tour-sciatic-nerve"]
    bar.start(tour)
    assert window.state.shown == "posterior"
    fitted = window.canvas.vb.viewRect().width()
    qtbot.keyClick(bar, Qt.Key.Key_Right)  # zoom 1.5
    assert window.canvas.vb.viewRect().width() == pytest.approx(fitted / 1.5, rel=0.05)
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    qtbot.keyClick(bar, Qt.Key.Key_Right)  # the superficial fibular step shows the front
    assert window.state.shown == "anterior"


def test_pattern_steps_set_the_pattern(qtbot, window, bar, tours):
    tour = tours["tour-l5-or-s1"]
    bar.start(tour, index=4)
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert window.state.mode == "pattern"
    assert {p.region for p in window.state.pattern.places} == {"foot-dorsum", "leg-lateral"}
    assert window.canvas.marked_items()
    assert window.panel.exploration.roots[0].ref.id == "L5"


def test_esc_and_finish_close_the_tour(qtbot, window, bar, tours):
    finished = []
    bar.sigFinished.connect(lambda: finished.append(True))
    bar.start(tours["tour-red-flags"])
    assert not bar.back_button.isEnabled()
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert finished == [True] and not bar.isVisible()
    assert not bar.handle_key(Qt.Key.Key_Right)  # no tour: keys go elsewhere
