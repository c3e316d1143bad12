"""The pattern panel: how many places are marked, a box to describe the pain in words, and the
symptoms and findings from the content's vocabulary as Yes / No buttons. It only changes the app
state through its actions and redraws when the state changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.content.atlas import Atlas
from viewer.content.pattern import Side, merge_patterns
from viewer.i18n import tr
from viewer.state.app_state import AppState
from viewer.state.documents import PatternFileError, load_pattern, save_pattern

GROUP_TITLES = {
    "quality": "How it feels",
    "worse": "Worse with",
    "better": "Eased by",
    "exam": "What the examination found",
    "history": "Background",
}
#: Tabs of the findings, each holding one or more groups of the content's vocabulary.
TABS = (
    (("quality",), "How it feels"),
    (("worse", "better"), "Worse / eased"),
    (("exam",), "Examination"),
    (("history",), "Background"),
)
FILE_FILTER = "Pain patterns (*.pattern.yaml *.yaml);;All files (*)"
#: A chosen answer must be obvious at a glance, in any theme: filled, bold and ticked.
ANSWER_STYLE = (
    "QToolButton { padding: 1px 8px; }"
    "QToolButton:checked { background: %s; color: white; font-weight: bold; border: 1px solid #222; }"
)


class PatternPanel(QWidget):
    def __init__(self, atlas: Atlas, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self.finding_buttons: dict[str, tuple[QToolButton, QToolButton]] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        top = QHBoxLayout()
        self.count = QLabel()
        self.count.setStyleSheet("font-size: 12pt; font-weight: bold;")
        # a longer count ("… both legs: see the warning") wraps instead of widening the panel,
        # so the drawing never shifts under the clinician's pointer
        self.count.setWordWrap(True)
        self.count.setMinimumWidth(10)
        self.count.setToolTip(
            tr(
                "Click the drawing to add a place, click it again to remove it. "
                "Esc leaves pattern mode; Previous undoes the last change."
            )
        )
        top.addWidget(self.count, 1)
        self.open_button = QPushButton(tr("Open…"))
        self.save_button = QPushButton(tr("Save…"))
        self.clear_button = QPushButton(tr("Clear"))
        self.open_button.setToolTip(tr("Open a saved pain pattern"))
        self.save_button.setToolTip(tr("Save this pain pattern to a file"))
        self.clear_button.setToolTip(tr("Start a new pattern (Previous brings this one back)"))
        self.open_button.clicked.connect(self._ask_open)
        self.save_button.clicked.connect(self._ask_save)
        self.clear_button.clicked.connect(state.clear_pattern)
        for b in (self.open_button, self.save_button, self.clear_button):
            top.addWidget(b)
        outer.addLayout(top)
        words = QHBoxLayout()
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            tr(
                "Describe it in words, e.g. pain from my left buttock down the back of the thigh "
                "to the little toe, worse sitting, ankle jerk absent, no weakness"
            )
        )
        self.description.setFixedHeight(48)
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(tr("Describe the pain in words"))
        words.addWidget(self.description, 1)
        self.read_button = QPushButton(tr("Read"))
        self.read_button.setToolTip(tr("Pick out the places, symptoms and findings in the description"))
        self.read_button.clicked.connect(self.read_text)
        words.addWidget(self.read_button)
        outer.addLayout(words)
        self.understood = QLabel()
        self.understood.setWordWrap(True)
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.understood.hide()
        outer.addWidget(self.understood)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #9b1c31;")
        self.message.hide()
        outer.addWidget(self.message)
        self.tabs = QTabWidget()
        for groups, title in TABS:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(4, 4, 4, 4)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(0, 1)
            row = 0
            for group in groups:
                if len(groups) > 1:
                    heading = QLabel(f"<b>{tr(GROUP_TITLES[group])}</b>")
                    grid.addWidget(heading, row, 0, 1, 3)
                    row += 1
                for fid, finding in atlas.findings.items():
                    if finding.group != group:
                        continue
                    self._add_row(grid, row, fid, finding.name, finding.description)
                    row += 1
            grid.setRowStretch(row, 1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, tr(title))
        outer.addWidget(self.tabs, 1)
        state.subscribe(self._on_state)
        self._on_state(state)

    def _add_row(self, grid: QGridLayout, row: int, fid: str, name: str, description: str) -> None:
        label = QLabel(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setToolTip(description)
        yes, no = QToolButton(), QToolButton()
        for button, text, present in ((yes, "Yes", True), (no, "No", False)):
            button.setText(tr(text))
            button.setCheckable(True)
            button.setStyleSheet(ANSWER_STYLE % ("#0067a0" if present else "#555555"))
            button.toggled.connect(
                lambda on, b=button, t=text: b.setText(("✓ " if on else "") + tr(t))
            )
            # as wide as its ticked text from the start, so ticking an answer does not push
            # the buttons of every row sideways (found by a newcomer)
            button.setText("✓ " + tr(text))
            button.ensurePolished()
            button.setMinimumWidth(button.sizeHint().width())
            button.setText(tr(text))
            button.setAccessibleName(f"{name}: {'present' if present else 'absent'}")
            button.clicked.connect(lambda _c=False, f=fid, p=present: self._toggle(f, p))
        grid.addWidget(label, row, 0)
        grid.addWidget(yes, row, 1)
        grid.addWidget(no, row, 2)
        self.finding_buttons[fid] = (yes, no)

    # -- actions ----------------------------------------------------------------------------
    def _side_for_findings(self) -> Side | None:
        sides = self.state.pattern.sides()
        if sides == {"left"}:
            return "left"
        if sides == {"right"}:
            return "right"
        return None

    def _toggle(self, fid: str, present: bool) -> None:
        mark = self.state.pattern.mark(fid)
        if mark is not None and mark.present == present:
            self.state.set_mark(fid, None)  # clicking the chosen answer again forgets it
            return
        side = self._side_for_findings() if self.atlas.findings[fid].sided else None
        self.state.set_mark(fid, present, side)

    def read_text(self) -> None:
        from viewer.content.describe import read_description  # only when someone types

        reading = read_description(self.atlas, self.description.toPlainText())
        self.state.set_pattern(merge_patterns(self.state.pattern, reading.pattern))
        text = tr("Understood: {what}").format(what="; ".join(reading.understood) or tr("nothing"))
        if reading.not_understood:
            text += "\n" + tr("Not used: {words}").format(words=", ".join(reading.not_understood))
        self._say(self.understood, text)

    def save_to(self, path: Path) -> bool:
        try:
            save_pattern(path, self.state.pattern)
        except OSError as exc:
            self._say(self.message, f"Could not save {path}: {exc.strerror or exc}")
            return False
        self._say(self.message, "")
        self._say(self.understood, f"Saved to {path}")
        return True

    def open_from(self, path: Path) -> bool:
        try:
            pattern = load_pattern(path, self.atlas)
        except PatternFileError as exc:
            self._say(self.message, f"Could not open the pattern: {exc}")
            return False
        self._say(self.message, "")
        self.state.set_pattern(pattern)
        return True

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

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
        self.count.setText(
            (tr("1 place marked") if n == 1 else tr("{n} places marked").format(n=n))
            + (tr(" — both legs: see the warning") if pattern.both_legs else "")
        )
        for fid, (yes, no) in self.finding_buttons.items():
            mark = pattern.mark(fid)
            yes.setChecked(mark is not None and mark.present)
            no.setChecked(mark is not None and not mark.present)
        # each tab says how many of its questions are answered, so nothing recorded is hidden
        for index, (groups, title) in enumerate(TABS):
            answered = sum(
                1
                for m in pattern.marks
                if m.finding in self.atlas.findings and self.atlas.findings[m.finding].group in groups
            )
            text = f"{tr(title)} ({answered})" if answered else tr(title)
            if self.tabs.tabText(index) != text:  # a tab's text set again relays the tabs out
                self.tabs.setTabText(index, text)
