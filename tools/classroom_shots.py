"""Render the README's classroom screenshots offscreen: presentation mode at 1024x768 and a quiz
question with its feedback. Run: python tools/classroom_shots.py (writes docs/*.png)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget  # noqa: E402

from viewer.content.classroom import load_classroom  # noqa: E402
from viewer.drawing.svg_reader import load_views  # noqa: E402
from viewer.paths import assets_dir  # noqa: E402
from viewer.ui.app import application  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402
from viewer.ui.presentation import Presentation  # noqa: E402
from viewer.ui.quiz_panel import QuizPanel  # noqa: E402
from viewer.ui.tour_bar import TourBar, zoom_to  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    app = application()
    room = load_classroom()
    views = load_views(assets_dir())
    win = MainWindow(room.atlas, views)
    win.resize(1024, 768)
    win.show()
    bar = TourBar(room.atlas, win.state, zoom=lambda z: zoom_to(win.canvas, z))
    dock = QDockWidget("Tour", win)
    dock.setWidget(bar)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    show = Presentation(win.canvas, win.state, [win.panel, win.pattern_panel, bar], host=win)
    bar.start(room.tours["tour-l5-or-s1"], index=1)
    show.enter()
    win.state.show_view("posterior")  # one view: room for labels at projector size
    zoom_to(win.canvas, 1.0)
    settle(app)
    win.grab().save("docs/presentation-1024x768.png")
    show.leave()
    bar.finish()
    dock.hide()
    quiz = QuizPanel(room.atlas, win.state)
    quiz.connect_canvas(win.canvas)
    qdock = QDockWidget("Quiz", win)
    qdock.setWidget(quiz)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, qdock)
    bank = room.banks["quiz-find-it"]
    quiz.start(bank.model_copy(update={"questions": [q for q in bank.questions if q.id == "click-L5-dermatome"]}))
    quiz.answer_click("regions", "heel", "left")
    settle(app)
    win.resize(1400, 900)
    settle(app)
    win.grab().save("docs/quiz-feedback.png")


if __name__ == "__main__":
    main()
