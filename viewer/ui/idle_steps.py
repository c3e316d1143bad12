"""Work done ahead, one short step per idle moment, so a click later finds it done.

A 0 ms timer runs whenever the event loop comes round; each tick takes one step, so input
never waits for more than one step. But Qt fires such a timer even with a repaint waiting, so
while the user is busy with the drawing a step would land inside the frame that answers a
click or a hover: any input (``note_input``) holds every piece of work off until the user has
been still for ``QUIET_MS``. The work starts a while after the window opens (well after its
first paint), and can be planned again when what it prepares changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QObject, QTimer

Step = Callable[[], object]

#: how long after the last input work done ahead waits: longer than the gap between the events
#: of one gesture (a click's move, press and release, a drag's or a moving pointer's steps) and
#: than the frame that answers it; shorter than a person takes to aim at the next part
QUIET_MS = 50

_last_input = 0.0


def note_input() -> None:
    """The user just did something (a move, a click, a key, a wheel notch on the drawing)."""
    global _last_input
    _last_input = time.monotonic()


def quiet_for_ms() -> float:
    """Milliseconds since the last input."""
    return (time.monotonic() - _last_input) * 1000


class IdleSteps:
    def __init__(
        self,
        owner: QObject,
        start_after_ms: int | None,
        plan: Callable[[], Iterable[Step]],
        wait_for_quiet: bool = True,
    ):
        """``plan()`` gives the steps (called at the start and at each ``restart``); the work
        belongs to ``owner`` and stops with it. It starts ``start_after_ms`` after now, or when
        ``restart`` is first called if that is None. Work that must be done soon whatever the
        user does (``wait_for_quiet`` False) goes on during input too."""
        self._plan = plan
        self._wait_for_quiet = wait_for_quiet
        self._steps: Iterator[Step] = iter(())
        self.started = False
        self.done = False
        self.held = 0  # how many times the work waited for the user to be still (for tests)
        self._timer = QTimer(owner)
        self._timer.timeout.connect(self._step)
        if start_after_ms is not None:
            QTimer.singleShot(start_after_ms, owner, self.restart)

    def restart(self) -> None:
        """Plan the steps afresh and take them."""
        self.started, self.done = True, False
        self._steps = iter(self._plan())
        self._timer.start(0)

    def _step(self) -> None:
        wait = QUIET_MS - quiet_for_ms() if self._wait_for_quiet else 0
        if wait > 0:  # the user is busy: come back once they have been still for a while
            self.held += 1
            self._timer.start(int(wait) + 1)
            return
        if self._timer.interval():
            self._timer.start(0)
        step = next(self._steps, None)
        if step is None:
            self._timer.stop()
            self.done = True
        else:
            step()
