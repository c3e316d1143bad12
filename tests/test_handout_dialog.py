"""The handout dialog (what the lead opens from File → Print… and File → Export handout) and the
printer path, driven as a user would."""

from datetime import date

import pytest

from viewer.content.pattern import Pattern, Place
from viewer.state.app_state import AppState, Target

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def session(qapp):
    from viewer.session import Session

    return Session.load()


def test_dialog_ticks_the_suggested_exercises_and_returns_the_choice(qtbot, session):
    from viewer.ui.export import HandoutDialog, suggested_exercises

    subject = Target("conditions", "disc-herniation")
    dialog = HandoutDialog(session, subject)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    suggested = suggested_exercises(session.atlas, subject)
    assert suggested
    ticked = [eid for eid, box in dialog.checks.items() if box.isChecked()]
    assert ticked == suggested
    assert set(dialog.checks) == set(session.atlas.exercises)
    other = next(eid for eid in dialog.checks if eid not in suggested)
    dialog.checks[other].click()
    dialog.checks[suggested[0]].click()
    qtbot.keyClicks(dialog.note_edit, "Walk daily.")
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
    opts = dialog.options()
    assert other in opts.exercises and suggested[0] not in opts.exercises
    assert opts.note == "Walk daily." and opts.paper == "letter"


def test_subject_follows_the_state():
    from viewer.ui.export import subject_from_state

    state = AppState()
    assert subject_from_state(state) is None
    state.select("regions", "heel", "left")
    assert subject_from_state(state) == Target("regions", "heel", "left")
    pattern = Pattern(places=(Place("heel", "left"),))
    state.set_pattern(pattern)
    assert subject_from_state(state) == pattern


def test_printing_goes_through_qprinter(session, tmp_path):
    """``print_handout`` paints onto the QPrinter the print dialog configured; a PDF-format
    printer shows what it receives."""
    from PySide6.QtPrintSupport import QPrinter

    from viewer.ui.export import make_handout, paint_handout, setup_device

    subject = Target("regions", "calf-posterior", "left")
    handout = make_handout(session.atlas, subject, ["nerve-slider"], "", "letter", date(2026, 1, 15))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    setup_device(printer, handout.paper)
    pages = paint_handout(printer, session, subject, handout)
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == pages >= 2
    assert "Nerve slider" in reader.pages[1].extract_text().replace("\t", " ")
