"""Case files: saved with the answer hidden, opened, answered, revealed; and saved views."""

import pytest
from PySide6.QtCore import QPoint, Qt

from viewer.content.pattern import Mark, Pattern, Place
from viewer.state.app_state import AppState
from viewer.state.bookmarks import (
    Bookmark,
    BookmarkError,
    apply_bookmark,
    bookmark_from_state,
    load_bookmark,
    load_bookmarks,
    save_bookmark,
)
from viewer.state.case_files import CaseAttempt, CaseFile, CaseFileError, load_case, save_case

L5_CASE = CaseFile(
    "A weak big toe",
    Pattern(
        (Place("foot-dorsum", "left"), Place("leg-lateral", "left")),
        (Mark("weak-big-toe-extension", True, "left"),),
    ),
    expected_roots=("L5",),
    expected_conditions=("disc-herniation",),
    note="What would you examine next?",
)


def test_saved_case_hides_the_answer_and_reads_back(tmp_path, atlas):
    path = tmp_path / "case.yaml"
    save_case(path, L5_CASE)
    text = path.read_text()
    assert "format: sciatica-atlas-case" in text and "version: 1" in text
    assert "disc-herniation" not in text and "L5" not in text  # not given away at a glance
    assert load_case(path, atlas) == L5_CASE
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed into place


def test_student_commits_then_reveals(atlas):
    attempt = CaseAttempt(atlas, L5_CASE)
    with pytest.raises(RuntimeError):
        attempt.reveal()  # no peeking before committing
    attempt.choose("S1")
    attempt.choose("disc-herniation")
    attempt.commit()
    with pytest.raises(RuntimeError):
        attempt.choose("L5")
    result = attempt.reveal()
    assert not result.correct
    marks = {m.ref.id: m for m in result.roots}
    assert marks["S1"].chosen and not marks["S1"].expected and not marks["S1"].right
    assert marks["L5"].expected and not marks["L5"].chosen  # the missed answer is shown
    assert [m.right for m in result.conditions] == [True]
    assert result.exploration.roots[0].ref.id == "L5"  # the atlas's ranking, with reasons
    assert result.exploration.roots[0].reasons


def test_a_right_answer_is_marked_right(atlas):
    attempt = CaseAttempt(atlas, L5_CASE)
    attempt.choose("L5")
    attempt.choose("disc-herniation")
    attempt.commit()
    assert attempt.reveal().correct


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("sciatica-atlas-case", "something-else"), ":1: not a Sciatica Atlas case file"),
        (lambda t: t.replace("version: 1", "version: 9"), ":4: case file version 9"),
        (lambda t: t.replace("region: foot-dorsum", "region: nowhere"), ":8: unknown place 'nowhere'"),
        (lambda t: t.replace("hidden_answer: ", "hidden_answer: x"), "the hidden answer is damaged"),
        (lambda t: t + "oops: [\n", ":18: not valid YAML"),
    ],
)
def test_bad_case_files_give_file_and_line(tmp_path, atlas, edit, message):
    path = tmp_path / "case.yaml"
    save_case(path, L5_CASE)
    path.write_text(edit(path.read_text()))
    with pytest.raises(CaseFileError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_case(path, atlas)


def test_bookmark_round_trip_of_a_selection_and_a_pattern(tmp_path, atlas):
    state = AppState()
    state.select("roots", "L5", "left")
    state.show_view("posterior")
    mark = bookmark_from_state("L5 from behind", state, zoom=2.0)
    path = save_bookmark(tmp_path, mark)
    assert path.parent.name == "bookmarks"
    state.set_pattern(L5_CASE.pattern)
    save_bookmark(tmp_path, bookmark_from_state("A weak big toe", state))
    marks, problems = load_bookmarks(tmp_path, atlas)
    assert problems == []
    assert [m.name for m in marks] == ["A weak big toe", "L5 from behind"]
    fresh = AppState()
    assert apply_bookmark(marks[1], fresh) == 2.0
    assert (fresh.current.kind, fresh.current.id, fresh.current.side) == ("roots", "L5", "left")
    assert fresh.shown == "posterior"
    apply_bookmark(marks[0], fresh)
    assert fresh.mode == "pattern" and fresh.pattern == L5_CASE.pattern


def test_a_bad_bookmark_is_reported_and_does_not_hide_the_others(tmp_path, atlas):
    save_bookmark(tmp_path, Bookmark("Good"))
    bad = tmp_path / "bookmarks" / "bad.yaml"
    bad.write_text("format: sciatica-atlas-bookmark\nversion: 1\nname: Bad\nview: sideways\n")
    marks, problems = load_bookmarks(tmp_path, atlas)
    assert [m.name for m in marks] == ["Good"]
    assert problems == [f"{bad}:4: unknown view 'sideways'"]
    with pytest.raises(BookmarkError):
        load_bookmark(bad, atlas)


def test_shipped_bookmarks_open(atlas):
    from viewer.paths import data_dir

    marks, problems = load_bookmarks(data_dir(), atlas)
    assert problems == [] and len(marks) >= 2


def test_case_panel_open_answer_reveal(qtbot, window, tmp_path):
    from viewer.ui.case_panel import CasePanel

    path = tmp_path / "case.yaml"
    save_case(path, L5_CASE)
    panel = CasePanel(window.atlas, window.state)
    qtbot.addWidget(panel)
    panel.resize(900, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.open(path)
    assert panel.title.text() == "A weak big toe"
    assert window.state.mode == "pattern" and window.state.pattern == L5_CASE.pattern
    assert not panel.reveal_button.isEnabled()  # commit first
    for rid in ("S1", "disc-herniation"):  # click on the tick box itself, where a user would
        box = panel.boxes[rid]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert not panel.boxes["L5"].isEnabled()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    text = panel.result_view.toPlainText()
    assert "not quite right" in text
    assert "✘ S1" in text and "○ L5" in text and "✔ Lumbar disc herniation" in text
    assert "Roots that fit" in text or "L5" in text.split("What the atlas makes")[1]
    assert not panel.result.correct


def test_case_panel_right_answer(qtbot, window):
    from viewer.ui.case_panel import CasePanel

    panel = CasePanel(window.atlas, window.state)
    qtbot.addWidget(panel)
    panel.start(L5_CASE)
    panel.boxes["L5"].setChecked(True)
    panel.boxes["disc-herniation"].setChecked(True)
    assert panel.commit()
    assert panel.reveal().correct
    assert "Your answer is right." in panel.result_view.toPlainText()
