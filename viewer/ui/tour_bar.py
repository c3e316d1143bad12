"""The tour bar: a guided tour's caption, its sources, progress ("3 / 7") and Back / Next.

Each step is applied to the app state through its own actions (select, set_pattern,
show_view), so the canvas and panels follow as they do for any other change; the zoom, which
the canvas owns, goes through the ``zoom`` callback (``zoom_to`` below does it for an
``AtlasCanvas``). Right, Space and Page Down step forward; Left, Backspace and Page Up step
back; Esc closes the tour.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from viewer.content.atlas import Atlas
from viewer.content.schema import Tour
from viewer.content.tours import StepView, step_view
from viewer.state.app_state import AppState

FORWARD_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp}


def zoom_to(canvas: object, factor: float) -> None:
    """Fit the shown views, then zoom in ``factor`` times about the middle (1 = fit)."""
    canvas.fit()  # type: ignore[attr-defined]
    if factor != 1.0:
        vb = canvas.vb  # type: ignore[attr-defined]
        vb.scaleBy((1 / factor, 1 / factor), center=vb.viewRect().center())


class TourBar(QWidget):
    sigStepChanged = Signal(int)  # 0-based index of the step now shown
    sigFinished = Signal()  # Esc, Close, or Next on the last step

    def __init__(
        self,
        atlas: Atlas,
        state: AppState,
        zoom: Callable[[float], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self.zoom = zoom
        self.tour: Tour | None = None
        self.index = 0
        self.step: StepView | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont()  # only the weight, so the size follows the bar's font
        bold.setBold(True)
        self.title.setFont(bold)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)  # content text is never markup
        self.caption.setWordWrap(True)
        self.sources = QLabel()
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        self.sources.setWordWrap(True)
        self.sources.setStyleSheet("color: palette(placeholder-text);")
        self.back_button = QPushButton("◀ Back")
        self.next_button = QPushButton("Next ▶")
        self.close_button = QPushButton("Close tour")
        for button in (self.back_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the bar
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.finish)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.back_button)
        top.addWidget(self.next_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.sources)

    # -- driving ----------------------------------------------------------------------------
    def start(self, tour: Tour, index: int = 0) -> None:
        self.tour = tour
        self.title.setText(tour.title)
        self.show()
        self.setFocus()
        self.go(index)

    def go(self, index: int) -> None:
        """Show step ``index`` (0-based) and apply it to the state."""
        if self.tour is None:
            return
        index = max(0, min(index, len(self.tour.steps) - 1))
        self.index = index
        self.step = step = step_view(self.atlas, self.tour, index)
        if step.pattern is not None:
            self.state.set_pattern(step.pattern)
        elif step.select is not None:
            kind, rid, side = step.select
            self.state.select(kind, rid, side)  # type: ignore[arg-type]
        self.state.show_view(step.view)
        if self.zoom is not None:
            self.zoom(step.zoom)
        self.progress.setText(step.progress)
        self.caption.setText(step.caption)
        self.sources.setText("Sources: " + "; ".join(r.citation for r in step.sources))
        self.back_button.setEnabled(index > 0)
        last = index == step.total - 1
        self.next_button.setText("Finish" if last else "Next ▶")
        self.sigStepChanged.emit(index)

    def next(self) -> None:
        if self.tour is None:
            return
        if self.index >= len(self.tour.steps) - 1:
            self.finish()
        else:
            self.go(self.index + 1)

    def back(self) -> None:
        if self.tour is not None and self.index > 0:
            self.go(self.index - 1)

    def finish(self) -> None:
        self.tour = None
        self.hide()
        self.sigFinished.emit()

    # -- keys -------------------------------------------------------------------------------
    def handle_key(self, key: int) -> bool:
        """Step on a tour key; True if the key was used (for a window-wide event filter)."""
        if self.tour is None:
            return False
        if key in FORWARD_KEYS:
            self.next()
        elif key in BACK_KEYS:
            self.back()
        elif key == Qt.Key.Key_Escape:
            self.finish()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event.key()):
            super().keyPressEvent(event)
