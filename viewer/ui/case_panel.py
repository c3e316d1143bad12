"""The case panel: a student opens a case file, sees the pattern on the drawing, ticks the roots
and conditions they commit to, and reveals the atlas's ranking with their answer marked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer.content.atlas import Atlas
from viewer.content.quiz import CaseResult
from viewer.present.case_html import render_case_result
from viewer.state.app_state import AppState
from viewer.state.case_files import CaseAttempt, CaseFile, load_case


class CasePanel(QWidget):
    sigRevealed = Signal(object)  # CaseResult

    def __init__(self, atlas: Atlas, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self.attempt: CaseAttempt | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont()
        bold.setBold(True)
        self.title.setFont(bold)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        roots = QGroupBox("Roots")
        grid = QGridLayout(roots)
        for i, rid in enumerate(atlas.roots):
            self.boxes[rid] = box = QCheckBox(rid)
            grid.addWidget(box, i // 5, i % 5)
        conditions = QGroupBox("Conditions")
        column = QGridLayout(conditions)
        for i, (cid, cond) in enumerate(atlas.conditions.items()):
            self.boxes[cid] = box = QCheckBox(cond.name)
            column.addWidget(box, i // 2, i % 2)
        self.commit_button = QPushButton("Commit to this answer")
        self.commit_button.clicked.connect(self.commit)
        self.reveal_button = QPushButton("Reveal the atlas's answer")
        self.reveal_button.clicked.connect(self.reveal)
        self.result_view = QTextBrowser()
        self.result_view.setOpenLinks(False)  # the result only informs; links do nothing here
        layout = QVBoxLayout(self)
        for widget in (self.title, self.note, roots, conditions, self.commit_button, self.reveal_button, self.result_view):
            layout.addWidget(widget)
        self.result: CaseResult | None = None

    def open(self, path: Path) -> None:
        """Open a case file; raises ``CaseFileError`` (file:line) for a bad one."""
        self.start(load_case(path, self.atlas))

    def start(self, case: CaseFile) -> None:
        self.attempt = CaseAttempt(self.atlas, case)
        self.result = None
        self.title.setText(case.title)
        self.note.setText(case.note)
        for box in self.boxes.values():
            box.setChecked(False)
            box.setEnabled(True)
        self.commit_button.setEnabled(True)
        self.reveal_button.setEnabled(False)
        self.result_view.clear()
        self.state.set_pattern(case.pattern)

    def commit(self) -> bool:
        if self.attempt is None:
            return False
        for rid, box in self.boxes.items():
            self.attempt.choose(rid, box.isChecked())
        try:
            self.attempt.commit()
        except ValueError as exc:
            self.result_view.setPlainText(str(exc))
            return False
        for box in self.boxes.values():
            box.setEnabled(False)
        self.commit_button.setEnabled(False)
        self.reveal_button.setEnabled(True)
        return True

    def reveal(self) -> CaseResult | None:
        if self.attempt is None or not self.attempt.committed:
            return None
        self.result = self.attempt.reveal()
        self.result_view.setHtml(render_case_result(self.result))
        self.reveal_button.setEnabled(False)
        self.sigRevealed.emit(self.result)
        return self.result
