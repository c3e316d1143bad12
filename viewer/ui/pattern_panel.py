"""The pattern panel: how many places are marked, a box to describe the pain in words, and the
symptoms and findings from the content's vocabulary as Yes / No buttons. It only changes the app
state through its actions and redraws when the state changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.content.atlas import Atlas
from viewer.content.describe import read_description
from viewer.content.pattern import Side, merge_patterns
from viewer.state.app_state import AppState
from viewer.state.documents import PatternFileError, load_pattern, save_pattern

GROUPS = (
    ("quality", "How it feels"),
    ("worse", "Worse with"),
    ("better", "Eased by"),
    ("exam", "What the examination found"),
    ("history", "Background"),
)
FILE_FILTER = "Pain patterns (*.pattern.yaml *.yaml);;All files (*)"


class PatternPanel(QWidget):
    def __init__(self, atlas: Atlas, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self.finding_buttons: dict[str, tuple[QToolButton, QToolButton]] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.count = QLabel()
        self.count.setStyleSheet("font-size: 13pt; font-weight: bold;")
        outer.addWidget(self.count)
        hint = QLabel(
            "Click the drawing to add a place, click it again to remove it. "
            "Record what was found below. Esc leaves pattern mode."
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        files = QHBoxLayout()
        self.open_button = QPushButton("Open…")
        self.save_button = QPushButton("Save…")
        self.clear_button = QPushButton("Clear pattern")
        self.open_button.clicked.connect(self._ask_open)
        self.save_button.clicked.connect(self._ask_save)
        self.clear_button.clicked.connect(state.clear_pattern)
        for b in (self.open_button, self.save_button, self.clear_button):
            files.addWidget(b)
        outer.addLayout(files)
        outer.addWidget(QLabel("<b>Describe it in words</b>"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            "e.g. pain from my left buttock down the back of the thigh to the little toe, "
            "worse sitting, ankle jerk absent, no weakness"
        )
        self.description.setFixedHeight(64)
        self.description.setAccessibleName("Describe the pain in words")
        outer.addWidget(self.description)
        self.read_button = QPushButton("Read description")
        self.read_button.clicked.connect(self.read_text)
        outer.addWidget(self.read_button)
        self.understood = QLabel()
        self.understood.setWordWrap(True)
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.understood)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #9b1c31;")
        outer.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        for group, title in GROUPS:
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 1)
            row = 0
            for fid, finding in atlas.findings.items():
                if finding.group != group:
                    continue
                label = QLabel(finding.name)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setToolTip(finding.description)
                yes, no = QToolButton(), QToolButton()
                for button, text, present in ((yes, "Yes", True), (no, "No", False)):
                    button.setText(text)
                    button.setCheckable(True)
                    button.setAccessibleName(f"{finding.name}: {'present' if present else 'absent'}")
                    button.clicked.connect(lambda _c=False, f=fid, p=present: self._toggle(f, p))
                grid.addWidget(label, row, 0)
                grid.addWidget(yes, row, 1)
                grid.addWidget(no, row, 2)
                self.finding_buttons[fid] = (yes, no)
                row += 1
            column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        state.subscribe(self._on_state)
        self._on_state(state)

    # -- actions ----------------------------------------------------------------------------
    def _side_for_findings(self) -> Side | None:
        sides = self.state.pattern.sides()
        return next(iter(sides)) if len(sides) == 1 else None  # type: ignore[return-value]

    def _toggle(self, fid: str, present: bool) -> None:
        mark = self.state.pattern.mark(fid)
        if mark is not None and mark.present == present:
            self.state.set_mark(fid, None)  # clicking the chosen answer again forgets it
            return
        side = self._side_for_findings() if self.atlas.findings[fid].sided else None
        self.state.set_mark(fid, present, side)

    def read_text(self) -> None:
        reading = read_description(self.atlas, self.description.toPlainText())
        self.state.set_pattern(merge_patterns(self.state.pattern, reading.pattern))
        text = "Understood: " + ("; ".join(reading.understood) or "nothing")
        if reading.not_understood:
            text += "\nNot used: " + ", ".join(reading.not_understood)
        self.understood.setText(text)

    def save_to(self, path: Path) -> bool:
        try:
            save_pattern(path, self.state.pattern)
        except OSError as exc:
            self.message.setText(f"Could not save {path}: {exc.strerror or exc}")
            return False
        self.message.setText("")
        self.understood.setText(f"Saved to {path}")
        return True

    def open_from(self, path: Path) -> bool:
        try:
            pattern = load_pattern(path, self.atlas)
        except PatternFileError as exc:
            self.message.setText(f"Could not open the pattern: {exc}")
            return False
        self.message.setText("")
        self.state.set_pattern(pattern)
        return True

    def _ask_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open a pain pattern", "", FILE_FILTER)
        if name:
            self.open_from(Path(name))

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the pain pattern", "pattern.pattern.yaml", FILE_FILTER)
        if name:
            self.save_to(Path(name))

    # -- redrawing --------------------------------------------------------------------------
    def _on_state(self, state: AppState) -> None:
        pattern = state.pattern
        n = len(pattern.places)
        both = " — both legs: see the warning" if pattern.both_legs else ""
        self.count.setText(f"{n} place{'s' if n != 1 else ''} marked{both}")
        for fid, (yes, no) in self.finding_buttons.items():
            mark = pattern.mark(fid)
            yes.setChecked(mark is not None and mark.present)
            no.setChecked(mark is not None and not mark.present)
