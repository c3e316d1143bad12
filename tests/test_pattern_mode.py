"""Pattern mode as a clinician uses it: press P, click the places on the drawing, answer the
findings with Yes / No, read the ranking, leave with Esc, come back with Back, save and open."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui_driver import click_item, click_link, states
from viewer.ui.shape_item import State

S1_PATH = [  # the fine places a patient with S1 sciatica points at
    ("sitting-bone", "posterior"),
    ("thigh-back-upper", "posterior"),
    ("calf-lower", "posterior"),
    ("toe-little", "posterior"),
]


def enter_pattern_mode(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_P)
    QApplication.processEvents()  # let the newly shown panel lay out its buttons
    assert window.state.mode == "pattern"
    assert window.pattern_panel.isVisible()


def answer(window, qtbot, finding, present=True):
    yes, no = window.pattern_panel.finding_buttons[finding]
    button = yes if present else no
    button.ensurePolished()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_clicking_places_marks_them_all_and_counts(window, qtbot):
    enter_pattern_mode(window, qtbot)
    for rid, view in S1_PATH:
        click_item(window, "places", rid, "left", view)
    for rid, _view in S1_PATH:
        assert states(window, "places", rid, "left") == {State.MARKED}, rid
        assert State.MARKED not in states(window, "places", rid, "right")
    assert window.pattern_panel.count.text().startswith("4 places marked")
    # clicking a marked place again removes it
    click_item(window, "places", "calf-lower", "left")
    assert states(window, "places", "calf-lower", "left") == {State.NORMAL}
    assert window.pattern_panel.count.text().startswith("3 places marked")


def test_findings_rerank_the_panel(window, qtbot):
    enter_pattern_mode(window, qtbot)
    for rid, view in S1_PATH:
        click_item(window, "places", rid, "left", view)
    assert "Location alone cannot separate" in window.panel.toPlainText()
    answer(window, qtbot, "shooting")
    answer(window, qtbot, "worse-sitting")
    answer(window, qtbot, "reduced-ankle-jerk")
    answer(window, qtbot, "weakness", present=False)
    result = window.panel.exploration
    assert [r.ref.id for r in result.roots[:1]] == ["S1"]
    assert [c.ref.id for c in result.conditions[:1]] == ["disc-herniation"]
    text = window.panel.toPlainText()
    assert "1. S1 nerve root" in text and "1. Lumbar disc herniation" in text
    assert "Reduced or absent ankle jerk (present)" in text
    assert "How this ranking works" in text
    # the No button records an absent finding
    assert window.pattern_panel.finding_buttons["weakness"][1].isChecked()
    assert window.state.pattern.mark("weakness").present is False
    # clicking the chosen answer again forgets it
    answer(window, qtbot, "reduced-ankle-jerk")
    assert window.state.pattern.mark("reduced-ankle-jerk") is None
    assert "Reduced or absent ankle jerk (present)" not in window.panel.toPlainText()


def test_both_legs_raise_the_cauda_equina_warning(window, qtbot):
    enter_pattern_mode(window, qtbot)
    click_item(window, "places", "calf-lower", "left")
    assert "Red flags in this pattern" not in window.panel.toPlainText()
    click_item(window, "places", "calf-lower", "right")
    text = window.panel.toPlainText()
    assert "Red flags in this pattern" in text and "Cauda equina" in text
    assert "both legs" in window.pattern_panel.count.text()


def test_escape_leaves_and_back_returns_to_the_pattern(window, qtbot):
    enter_pattern_mode(window, qtbot)
    click_item(window, "places", "heel-pad", "left")
    click_item(window, "places", "arch", "left")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.state.mode == "browse"
    assert not window.pattern_panel.isVisible()
    assert states(window, "places", "heel-pad", "left") == {State.NORMAL}
    window.registry["history-back"].trigger()
    assert window.state.mode == "pattern"
    assert states(window, "places", "arch", "left") == {State.MARKED}
    window.registry["history-back"].trigger()  # undoes the second place
    assert states(window, "places", "arch", "left") == {State.NORMAL}
    assert states(window, "places", "heel-pad", "left") == {State.MARKED}
    window.registry["history-forward"].trigger()
    assert states(window, "places", "arch", "left") == {State.MARKED}


def test_clicking_a_ranked_link_explains_it_and_back_returns(window, qtbot):
    enter_pattern_mode(window, qtbot)
    click_item(window, "places", "calf-lower", "left")
    answer(window, qtbot, "reduced-ankle-jerk")
    click_link(window.panel, "atlas:roots/S1")
    assert window.state.mode == "browse"
    assert window.state.current.id == "S1"
    window.registry["history-back"].trigger()
    assert window.state.mode == "pattern"
    assert window.state.pattern.mark("reduced-ankle-jerk") is not None


def test_save_and_open_a_pattern(window, qtbot, tmp_path):
    enter_pattern_mode(window, qtbot)
    click_item(window, "places", "heel-pad", "left")
    answer(window, qtbot, "straight-leg-raise", present=False)
    path = tmp_path / "case.pattern.yaml"
    assert window.pattern_panel.save_to(path)
    saved = path.read_text()
    assert "format: sciatica-atlas-pattern" in saved and "version: 1" in saved
    window.pattern_panel.clear_button.click()
    assert window.state.pattern.empty
    assert window.pattern_panel.open_from(path)
    assert window.state.pattern.has_place("heel-pad", "left")
    assert window.state.pattern.mark("straight-leg-raise").present is False
    assert states(window, "places", "heel-pad", "left") == {State.MARKED}
    # a bad file gets a clear message and changes nothing
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: sciatica-atlas-pattern\nversion: 1\nplaces:\n  - region: elbow\n")
    assert not window.pattern_panel.open_from(bad)
    assert f"{bad}:4: unknown place 'elbow'" in window.pattern_panel.message.text()
    assert window.state.pattern.has_place("heel-pad", "left")


def test_pattern_toggle_button_and_browse_clicks_unchanged(window, qtbot):
    window.registry["pattern-mode"].trigger()
    assert window.state.mode == "pattern" and window.registry["pattern-mode"].isChecked()
    window.registry["pattern-mode"].trigger()
    assert window.state.mode == "browse" and not window.registry["pattern-mode"].isChecked()
    click_item(window, "places", "heel-pad", "left")
    assert window.state.current.id == "heel-pad"
    assert states(window, "places", "heel-pad", "left") == {State.SELECTED}


def test_describe_in_words_reads_negations_as_absent(window, qtbot):
    enter_pattern_mode(window, qtbot)
    panel = window.pattern_panel
    qtbot.keyClicks(
        panel.description,
        "pain in my left buttock and the back of the thigh, worse sitting, ankle jerk absent, "
        "no numbness, knee jerk normal, zebra",
    )
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    pattern = window.state.pattern
    assert pattern.has_place("buttock", "left") and pattern.has_place("thigh-posterior", "left")
    assert pattern.mark("numbness").present is False
    assert pattern.mark("reduced-knee-jerk").present is False
    assert pattern.mark("reduced-ankle-jerk").present is True
    # what it read shows as editable answers, and the unused word is named
    assert panel.finding_buttons["numbness"][1].isChecked()
    assert panel.finding_buttons["reduced-ankle-jerk"][0].isChecked()
    assert "zebra" in panel.understood.text() and "Not used" in panel.understood.text()
    assert states(window, "regions", "buttock", "left") == {State.MARKED}
    assert "Reduced or absent ankle jerk (present)" in window.panel.toPlainText()


def test_actions_look_disabled_when_they_would_do_nothing(window, qtbot):
    back, forward, both = (window.registry[n] for n in ("history-back", "history-forward", "both-sides"))
    assert not back.isEnabled() and not forward.isEnabled() and not both.isEnabled()
    click_item(window, "places", "heel-pad", "left")
    assert back.isEnabled() and both.isEnabled() and not forward.isEnabled()
    back.trigger()
    assert forward.isEnabled() and not back.isEnabled()
    enter_pattern_mode(window, qtbot)
    assert not both.isEnabled()  # both sides is a selection idea; patterns mark each leg


def test_pressing_p_with_a_place_selected_starts_the_pattern_there(window, qtbot):
    click_item(window, "places", "calf-lower", "left")
    enter_pattern_mode(window, qtbot)
    assert window.state.pattern.has_place("calf-lower", "left")
    assert window.pattern_panel.count.text().startswith("1 place marked")
    # a root selected is not a place: the pattern starts empty
    window.state.set_mode("browse")
    window.state.clear_pattern()
    window.state.set_mode("browse")
    window.state.select("roots", "L5")
    window.state.set_mode("pattern")
    assert window.state.pattern.empty


def test_chosen_answers_are_ticked_not_only_coloured(window, qtbot):
    enter_pattern_mode(window, qtbot)
    answer(window, qtbot, "shooting")
    yes, no = window.pattern_panel.finding_buttons["shooting"]
    assert yes.text().startswith("✓") and not no.text().startswith("✓")
    answer(window, qtbot, "shooting", present=False)
    assert no.text().startswith("✓") and not yes.text().startswith("✓")


def test_tabs_count_their_answers(window, qtbot):
    enter_pattern_mode(window, qtbot)
    tabs = window.pattern_panel.tabs
    assert tabs.tabText(2) == "Examination"
    window.state.set_mark("reduced-ankle-jerk", True)
    window.state.set_mark("straight-leg-raise", False)
    assert tabs.tabText(2) == "Examination (2)" and tabs.tabText(0) == "How it feels"


def test_ticking_an_answer_does_not_move_the_buttons(window, qtbot):
    """A ticked answer reads "✓ Yes"; the buttons keep their places (found by a newcomer: every
    row's Yes moved 13 px left)."""
    from PySide6.QtWidgets import QApplication

    window.state.set_mode("pattern")
    QApplication.processEvents()
    panel = window.pattern_panel
    fid = next(iter(panel.finding_buttons))
    yes, no = panel.finding_buttons[fid]
    qtbot.waitUntil(yes.isVisible)
    before = (yes.geometry(), no.geometry())
    yes.click()
    QApplication.processEvents()
    assert yes.text().startswith("✓")
    assert (yes.geometry(), no.geometry()) == before
