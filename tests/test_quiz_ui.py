"""Answering quiz questions in the window: clicks on the drawing (right and wrong), number keys,
the keyboard-only place list, the feedback, the answer shown on the drawing, and the score."""

import pytest
from PySide6.QtCore import Qt

from tests.ui_driver import click_item
from viewer.content.classroom import load_classroom
from viewer.content.quiz import question
from viewer.ui.quiz_panel import QuizPanel


@pytest.fixture(scope="module")
def banks():
    return load_classroom().banks


def _bank(banks, *ids):
    by_id = {q.id: q for b in banks.values() for q in b.questions}
    return banks["quiz-find-it"].model_copy(update={"questions": [by_id[i] for i in ids]})


@pytest.fixture
def panel(qtbot, window):
    panel = QuizPanel(window.atlas, window.state)
    panel.connect_canvas(window.canvas)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_click_right_then_wrong_then_choice_and_score(qtbot, window, panel, banks):
    finished = []
    panel.sigFinished.connect(finished.append)
    panel.start(_bank(banks, "click-sural-skin", "click-L5-dermatome", "root-first-web"), seed=3)
    assert sorted(q.id for q in panel.questions) == ["click-L5-dermatome", "click-sural-skin", "root-first-web"]
    for q in list(panel.questions):
        assert panel.prompt.text() == q.prompt
        if q.id == "click-sural-skin":
            click_item(window, "regions", "little-toe", "left")  # right
            assert panel.feedback.text() == "Right."
            assert panel.grade.correct
        elif q.id == "click-L5-dermatome":
            click_item(window, "regions", "heel", "left")  # wrong: the heel is S1 skin
            assert panel.feedback.text().startswith("Not quite. You chose Heel.")
            assert "First web space" in panel.feedback.text()
            # the right answer is shown on the drawing: L5 selected, its dermatome drawn
            assert (window.state.current.kind, window.state.current.id) == ("roots", "L5")
            shown = window.canvas.shown_layer_items()
            assert any(i.kind == "dermatomes" and i.content_id == "L5" for i in shown)
        else:
            assert window.state.mode == "pattern"  # the marked area is on show
            assert [p.region for p in window.state.pattern.places] == ["first-web-space"]
            qtbot.keyClick(panel, Qt.Key.Key_3)  # options L4, L5, S1: 3 is S1, wrong
            assert not panel.grade.correct and "L5" in panel.feedback.text()
            assert window.state.current.id == "L5"
        assert panel.explanation.text() == q.explanation
        assert panel.sources.text().startswith("Sources: ")
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert panel.prompt.text() == "Score: 1 / 3"
    assert finished and finished[0].right == 1 and finished[0].total == 3


def test_clicks_after_answering_do_not_count_twice(qtbot, window, panel, banks):
    panel.start(_bank(banks, "click-sural-skin", "click-S1-dermatome"), seed=1)
    first = panel.question
    target = "little-toe"
    click_item(window, "regions", target, "left")
    click_item(window, "regions", target, "left")
    assert len(panel.grades) == 1 and panel.question is first


def test_keyboard_only(qtbot, window, panel, banks):
    panel.start(_bank(banks, "click-deep-fibular-skin", "root-heel"), seed=0)
    for q in list(panel.questions):
        if q.id == "click-deep-fibular-skin":
            while panel.place_list.currentData() != ("first-web-space", "left"):
                qtbot.keyClick(panel, Qt.Key.Key_Down)
            qtbot.keyClick(panel, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(panel, Qt.Key.Key_3)  # L4, L5, S1: S1 is right
        assert panel.grade.correct
        qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert panel.score.text == "2 / 2"


def test_random_order_follows_the_seed(qtbot, panel, banks):
    bank = banks["quiz-which-root"]
    panel.start(bank, seed=11)
    first = [q.id for q in panel.questions]
    panel.start(bank, seed=11)
    assert [q.id for q in panel.questions] == first
    panel.start(bank, seed=12)
    assert [q.id for q in panel.questions] != first


def test_side_is_graded(qtbot, window, panel, banks):
    panel.start(_bank(banks, "click-S1-left"), seed=0)
    click_item(window, "regions", "heel", "right")
    assert not panel.grade.correct
    assert question(banks["quiz-find-it"], "click-S1-left").side == "left"
