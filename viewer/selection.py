"""The one record of what is selected. Canvas, panel, search, keys and the command line all
change it; views subscribe and redraw. It is plain Python so it works without a display.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

#: "both" means the same part on both sides, a pattern that can be a red flag.
Side = Literal["left", "right", "both"]


@dataclass(frozen=True)
class Target:
    kind: str  # "regions", "roots", "nerves", "conditions", "exercises"
    id: str
    side: Side | None = None


Listener = Callable[[Target | None], None]


class Selection:
    def __init__(self) -> None:
        self._current: Target | None = None
        self._listeners: list[Listener] = []
        self._back: list[Target | None] = []
        self._forward: list[Target | None] = []

    @property
    def current(self) -> Target | None:
        return self._current

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def select(self, kind: str, rid: str, side: Side | None = None) -> None:
        self._set(Target(kind, rid, side))

    def toggle_both_sides(self) -> None:
        """Switch the current selection between one side and both sides. Going back to one side
        picks the side this part last had in the history (however "both" was reached: this
        toggle, a Ctrl-click or Back), or no side if it never had one."""
        cur = self._current
        if cur is None:
            return
        if cur.side != "both":
            self._set(Target(cur.kind, cur.id, "both"))
            return
        single = next(
            (
                t.side
                for t in reversed(self._back)
                if t is not None and (t.kind, t.id) == (cur.kind, cur.id) and t.side != "both"
            ),
            None,
        )
        self._set(Target(cur.kind, cur.id, single))

    def clear(self) -> None:
        self._set(None)

    def back(self) -> bool:
        if not self._back:
            return False
        self._forward.append(self._current)
        self._set(self._back.pop(), record=False)
        return True

    def forward(self) -> bool:
        if not self._forward:
            return False
        self._back.append(self._current)
        self._set(self._forward.pop(), record=False)
        return True

    def _set(self, target: Target | None, record: bool = True) -> None:
        if target == self._current:
            return
        if record:
            self._back.append(self._current)
            self._forward.clear()
        self._current = target
        for listener in list(self._listeners):
            listener(target)
