"""Work done ahead, one short step per idle moment, so a click later finds it done.

A 0 ms timer runs whenever no input or paint is waiting; each tick takes one step, so input
never waits for more than one step. The work starts a while after the window opens (well after
its first paint), and can be planned again when what it prepares changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QObject, QTimer

Step = Callable[[], object]


class IdleSteps:
    def __init__(self, owner: QObject, start_after_ms: int, plan: Callable[[], Iterable[Step]]):
        """``plan()`` gives the steps (called at the start and at each ``restart``); the work
        belongs to ``owner`` and stops with it."""
        self._plan = plan
        self._steps: Iterator[Step] = iter(())
        self.started = False
        self.done = False
        self._timer = QTimer(owner)
        self._timer.timeout.connect(self._step)
        QTimer.singleShot(start_after_ms, owner, self.restart)

    def restart(self) -> None:
        """Plan the steps afresh and take them."""
        self.started, self.done = True, False
        self._steps = iter(self._plan())
        self._timer.start()

    def _step(self) -> None:
        step = next(self._steps, None)
        if step is None:
            self._timer.stop()
            self.done = True
        else:
            step()
