"""A monkey at the keyboard and mouse: thousands of seeded random clicks, drags, wheel notches and
key presses on the real main window. Any exception (pytest-qt reports those raised inside Qt
slots and event handlers) or Qt warning fails the test.

Larger runs for a release check: ``SCIATICA_MONKEY_EVENTS=100000 SCIATICA_MONKEY_SEED=7 python -m
pytest tests/test_monkey.py`` (the seed is printed on failure, so a run can be repeated).
"""

from __future__ import annotations

import os
import random

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

EVENTS = int(os.environ.get("SCIATICA_MONKEY_EVENTS", "1500"))
SEEDS = [int(s) for s in os.environ.get("SCIATICA_MONKEY_SEED", "1").split(",")]

BUTTONS = [Qt.MouseButton.LeftButton] * 6 + [
    Qt.MouseButton.RightButton,
    Qt.MouseButton.MiddleButton,
]
MODIFIERS = [Qt.KeyboardModifier.NoModifier] * 6 + [
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
]
# Keys a person presses while exploring; no Ctrl shortcuts, which may open modal file dialogs
KEYS = [
    (Qt.Key.Key_Escape, "", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_B, "b", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, "", Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Right, "", Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Tab, "\t", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Space, " ", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Up, "", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Down, "", Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Backspace, "", Qt.KeyboardModifier.NoModifier),
] + [(Qt.Key(ord(c.upper())), c, Qt.KeyboardModifier.NoModifier) for c in "calfl5sciatic"]


class Monkey:
    def __init__(self, window, seed: int):
        self.window = window
        self.rng = random.Random(seed)
        self.canvas = window.canvas
        panel = window.panel
        self.targets = [
            self.canvas.viewport(),
            panel.viewport() if hasattr(panel, "viewport") else panel,
        ]
        self.held: Qt.MouseButton | None = None
        self.where = QPointF(10, 10)
        # points on real items, so clicks hit regions, roots and nerves and not only the skin
        self.item_points = []
        for item in self.canvas.items[:: max(len(self.canvas.items) // 12, 1)]:
            try:
                self.item_points.append(self.canvas.interior_point(item))
            except LookupError:
                continue

    def point(self, widget) -> QPointF:
        if widget is self.targets[0] and self.rng.random() < 0.5 and self.item_points:
            p = self.canvas.to_viewport(self.rng.choice(self.item_points))
            return p + QPointF(self.rng.uniform(-2, 2), self.rng.uniform(-2, 2))
        r = widget.rect()
        # mostly inside, sometimes just outside the widget
        return QPointF(
            self.rng.uniform(-10, r.width() + 10), self.rng.uniform(-10, r.height() + 10)
        )

    def mouse(self, widget, etype, pos, button, buttons, mods) -> None:
        event = QMouseEvent(etype, pos, widget.mapToGlobal(pos), button, buttons, mods)
        QApplication.sendEvent(widget, event)

    def step(self) -> None:
        rng = self.rng
        widget = self.targets[0] if rng.random() < 0.85 else self.targets[1]
        mods = rng.choice(MODIFIERS)
        roll = rng.random()
        if roll < 0.35:  # a click as a person makes it
            pos, button = self.point(widget), rng.choice(BUTTONS)
            self.mouse(
                widget,
                QEvent.Type.MouseMove,
                pos,
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                mods,
            )
            self.mouse(widget, QEvent.Type.MouseButtonPress, pos, button, button, mods)
            self.mouse(
                widget, QEvent.Type.MouseButtonRelease, pos, button, Qt.MouseButton.NoButton, mods
            )
            if rng.random() < 0.1:
                self.mouse(widget, QEvent.Type.MouseButtonDblClick, pos, button, button, mods)
                self.mouse(
                    widget,
                    QEvent.Type.MouseButtonRelease,
                    pos,
                    button,
                    Qt.MouseButton.NoButton,
                    mods,
                )
        elif roll < 0.55:  # hovering about
            self.where = self.point(widget)
            self.mouse(
                widget,
                QEvent.Type.MouseMove,
                self.where,
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                mods,
            )
        elif roll < 0.70:  # a drag, a few steps long
            button = rng.choice(BUTTONS)
            pos = self.point(widget)
            self.mouse(widget, QEvent.Type.MouseButtonPress, pos, button, button, mods)
            for _ in range(rng.randint(1, 6)):
                pos = pos + QPointF(rng.uniform(-60, 60), rng.uniform(-60, 60))
                self.mouse(
                    widget, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, button, mods
                )
                if rng.random() < 0.3:
                    QApplication.processEvents()
            self.mouse(
                widget, QEvent.Type.MouseButtonRelease, pos, button, Qt.MouseButton.NoButton, mods
            )
        elif roll < 0.85:  # the wheel, in or out, sometimes in bursts
            pos = self.point(widget)
            for _ in range(rng.randint(1, 4)):
                delta = rng.choice([120, -120, 40, -40, 360, -360])
                event = QWheelEvent(
                    pos,
                    widget.mapToGlobal(pos),
                    QPoint(0, 0),
                    QPoint(0, delta),
                    Qt.MouseButton.NoButton,
                    mods,
                    Qt.ScrollPhase.NoScrollPhase,
                    False,
                )
                QApplication.sendEvent(widget, event)
        else:  # a key, to whatever has the focus (or the window)
            key, text, kmods = rng.choice(KEYS)
            target = QApplication.focusWidget() or self.window
            for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(etype, key, kmods, text))
            if rng.random() < 0.05:  # and sometimes a toolbar or view change by key
                self.window.canvas.fit()


def _close_modal_and_popups() -> None:
    """A dialog or popup that a random key opened must not stop the run."""
    for widget in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
        if widget is not None:
            widget.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_monkey_cannot_break_the_window(window, qtbot, seed):
    closer = QTimer()
    closer.timeout.connect(_close_modal_and_popups)
    closer.start(50)
    monkey = Monkey(window, seed)
    try:
        for i in range(EVENTS // len(SEEDS)):
            monkey.step()
            if i % 40 == 0:
                QApplication.processEvents()  # repaint, so paint-time errors surface too
    finally:
        closer.stop()
    QApplication.processEvents()
    # still alive and still answering: a click on an item selects it
    from tests.ui_driver import click_item, states
    from viewer.ui.shape_item import State

    window.canvas.fit()
    QApplication.processEvents()
    click_item(window, "places", "calf-lower", "left")
    assert State.SELECTED in states(window, "places", "calf-lower", "left")
