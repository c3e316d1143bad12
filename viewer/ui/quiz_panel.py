"""The quiz panel: asks the questions of a bank in a random (seeded) order, grades each answer
at once, shows the right answer on the drawing (through the state), a one-line explanation and
its sources, and a score at the end.

Click questions are answered on the drawing: ``connect_canvas`` listens to every clickable
item's ``sigClicked`` and grades the shape it carries. For the keyboard there is a list of the
drawn places instead. Choice questions take a click on an option or its number key. Enter (or
Space, or N) goes on to the next question once one is answered.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from viewer.content.atlas import Atlas
from viewer.content.quiz import Grade, Score, grade_choice, grade_click, option_ref, ordered, score
from viewer.content.schema import ChoiceQuestion, ClickQuestion, QuizBank
from viewer.content.tours import to_pattern
from viewer.state.app_state import AppState

RIGHT_STYLE = "color: #00734d; font-weight: bold;"  # bluish green, darkened for contrast
WRONG_STYLE = "color: #b34700; font-weight: bold;"  # vermillion, darkened


class QuizPanel(QWidget):
    sigAnswered = Signal(object)  # Grade
    sigFinished = Signal(object)  # Score

    def __init__(self, atlas: Atlas, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self.bank: QuizBank | None = None
        self.questions: list[ClickQuestion | ChoiceQuestion] = []
        self.index = 0
        self.grades: list[Grade] = []
        self.grade: Grade | None = None  # the verdict on the question on show, once answered
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title = self._label(bold=True)
        self.progress = self._label()
        self.prompt = self._label(bold=True, wrap=True)
        self.options_box = QWidget()
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.option_group = QButtonGroup(self)
        self.option_group.idClicked.connect(self._on_option)
        self.place_list = QComboBox()
        self.place_list.setToolTip("Or choose the place from this list and press Enter")
        self.place_button = QPushButton("Answer")
        self.place_button.clicked.connect(self.answer_from_list)
        self.place_row = QWidget()
        row = QHBoxLayout(self.place_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.place_list, 1)
        row.addWidget(self.place_button)
        self.feedback = self._label(wrap=True)
        self.explanation = self._label(wrap=True)
        self.sources = self._label(wrap=True)
        self.sources.setStyleSheet("color: palette(placeholder-text);")
        self.next_button = QPushButton("Next question ▶")
        self.next_button.clicked.connect(self.next)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        layout.addLayout(header)
        for widget in (
            self.prompt,
            self.options_box,
            self.place_row,
            self.feedback,
            self.explanation,
            self.sources,
            self.next_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _label(self, bold: bool = False, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # content text is never markup
        label.setWordWrap(wrap)
        if bold:  # only the weight is set, so the size still follows the panel's font
            font = QFont()
            font.setBold(True)
            label.setFont(font)
        return label

    # -- wiring -----------------------------------------------------------------------------
    def connect_canvas(self, canvas: object) -> None:
        """Grade click questions by the shapes clicked on ``canvas`` (an ``AtlasCanvas``)."""
        for item in canvas.items:  # type: ignore[attr-defined]
            item.sigClicked.connect(self._on_item_clicked)

    def _on_item_clicked(self, item: object, _modifiers: object) -> None:
        shape = item.shape_data  # type: ignore[attr-defined]
        self.answer_click(shape.kind or "", shape.content_id or "", shape.side)

    # -- running a bank -----------------------------------------------------------------------
    def start(self, bank: QuizBank, seed: int | None = None) -> None:
        self.bank = bank
        self.questions = ordered(bank, seed)
        self.grades = []
        self.title.setText(bank.title)
        self.show()
        self.setFocus()
        self._ask(0)

    @property
    def question(self) -> ClickQuestion | ChoiceQuestion | None:
        if self.bank is None or self.index >= len(self.questions):
            return None
        return self.questions[self.index]

    @property
    def score(self) -> Score:
        return score(self.grades)

    def _ask(self, index: int) -> None:
        self.index = index
        self.grade = None
        q = self.questions[index]
        self.progress.setText(f"Question {index + 1} / {len(self.questions)} · score {self.score.right}")
        self.prompt.setText(q.prompt)
        for label in (self.feedback, self.explanation, self.sources):
            label.clear()
        self.next_button.setEnabled(False)
        self._clear_options()
        if isinstance(q, ChoiceQuestion):
            self.place_row.hide()
            self.options_box.show()
            for number, option in enumerate(q.options, start=1):
                button = QRadioButton(f"{number}. {option_ref(self.atlas, option).name}")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # number keys answer
                self.option_group.addButton(button, number - 1)
                self.options_layout.addWidget(button)
            self.state.set_pattern(to_pattern(q.show))
        else:
            self.options_box.hide()
            self.place_row.show()
            self._fill_places()
            self.state.set_mode("browse")
            self.state.clear()
        self.state.show_view(q.view)
        self.setFocus()

    def _clear_options(self) -> None:
        for button in self.option_group.buttons():
            self.option_group.removeButton(button)
            button.setParent(None)
            button.deleteLater()

    def _fill_places(self) -> None:
        self.place_list.clear()
        for rid, region in self.atlas.regions.items():
            for side in ("left", "right"):
                self.place_list.addItem(f"{region.name} ({side})", (rid, side))

    # -- answering ----------------------------------------------------------------------------
    def answer_click(self, kind: str, content_id: str, side: str | None) -> Grade | None:
        q = self.question
        if not isinstance(q, ClickQuestion) or self.grade is not None:
            return None
        return self._record(grade_click(self.atlas, q, kind, content_id, side))

    def answer_from_list(self) -> Grade | None:
        data = self.place_list.currentData()
        if data is None:
            return None
        rid, side = data
        return self.answer_click("regions", rid, side)

    def answer_choice(self, option: str) -> Grade | None:
        q = self.question
        if not isinstance(q, ChoiceQuestion) or self.grade is not None:
            return None
        return self._record(grade_choice(self.atlas, q, option))

    def _on_option(self, number: int) -> None:
        q = self.question
        if isinstance(q, ChoiceQuestion) and 0 <= number < len(q.options):
            self.answer_choice(q.options[number])

    def _record(self, grade: Grade) -> Grade:
        self.grade = grade
        self.grades.append(grade)
        if grade.correct:
            self.feedback.setText("Right.")
            self.feedback.setStyleSheet(RIGHT_STYLE)
        else:
            given = f"You chose {grade.given.name}. " if grade.given else ""
            self.feedback.setText(f"Not quite. {given}The answer: {grade.answer_text}.")
            self.feedback.setStyleSheet(WRONG_STYLE)
        self.explanation.setText(grade.explanation)
        self.sources.setText("Sources: " + "; ".join(r.citation for r in grade.sources))
        for button in self.option_group.buttons():
            button.setEnabled(False)
        if grade.show is not None:  # the right answer, shown on the drawing
            kind, rid, side = grade.show
            self.state.select(kind, rid, side)  # type: ignore[arg-type]
        self.progress.setText(
            f"Question {self.index + 1} / {len(self.questions)} · score {self.score.right}"
        )
        self.next_button.setEnabled(True)
        self.next_button.setText("See the score" if self.index == len(self.questions) - 1 else "Next question ▶")
        self.setFocus()
        self.sigAnswered.emit(grade)
        return grade

    def next(self) -> None:
        if self.bank is None or self.grade is None:
            return
        if self.index + 1 < len(self.questions):
            self._ask(self.index + 1)
        else:
            self._finish()

    def _finish(self) -> None:
        result = self.score
        self.index = len(self.questions)
        self._clear_options()
        self.options_box.hide()
        self.place_row.hide()
        self.prompt.setText(f"Score: {result.text}")
        wrong = [g for g in result.grades if not g.correct]
        self.feedback.setText("All right!" if not wrong else f"To revisit: {', '.join(g.prompt for g in wrong[:5])}")
        self.feedback.setStyleSheet(RIGHT_STYLE if not wrong else "")
        self.explanation.clear()
        self.sources.clear()
        self.next_button.setEnabled(False)
        self.progress.setText(f"Finished · score {result.text}")
        self.sigFinished.emit(result)

    # -- keys ---------------------------------------------------------------------------------
    def handle_key(self, key: int) -> bool:
        q = self.question
        if q is None:
            return False
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and isinstance(q, ChoiceQuestion):
            number = key - Qt.Key.Key_1
            if number < len(q.options) and self.grade is None:
                buttons = self.option_group.buttons()
                buttons[number].setChecked(True)
                self.answer_choice(q.options[number])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_N):
            if self.grade is not None:
                self.next()
            elif isinstance(q, ClickQuestion) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.answer_from_list()
            return True
        if isinstance(q, ClickQuestion) and self.grade is None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if key == Qt.Key.Key_Down else -1
            count = self.place_list.count()
            self.place_list.setCurrentIndex((self.place_list.currentIndex() + step) % max(count, 1))
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event.key()):
            super().keyPressEvent(event)


def question_counts(banks: Iterable[QuizBank]) -> dict[str, int]:
    """Questions per bank id, for a menu."""
    return {bank.id: len(bank.questions) for bank in banks}
