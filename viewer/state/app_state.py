"""The one state of the app: what is selected or which pain pattern is being drawn, the
interaction mode, and which views are shown.

Canvas clicks, panel links, the search box, the pattern panel, menus, shortcuts and the command
line change it only through the named actions below; the canvas, the panels and exports only
listen. It is plain Python, so it works (and is tested) without a display. Every change that
matters to a user is recorded in one history, so Back and Forward walk selections, pattern edits
and mode switches alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from viewer.content.pattern import Pattern, Side

Mode = Literal["browse", "pattern"]
BOTH: Side = "both"
#: kinds of drawn skin a pain pattern marks: a fine place (cell), or a whole region (old files)
MARKABLE = ("places", "regions")
#: ``shown`` value for "every view side by side".
ALL_VIEWS = "both"


@dataclass(frozen=True)
class Target:
    kind: str  # "regions", "places", "roots", "nerves", "conditions", "exercises", "findings"
    id: str
    side: Side | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything Back and Forward restore."""

    mode: Mode = "browse"
    target: Target | None = None
    pattern: Pattern = Pattern()


Listener = Callable[["AppState"], None]


class AppState:
    def __init__(self) -> None:
        self._now = Snapshot()
        self._back: list[Snapshot] = []
        self._forward: list[Snapshot] = []
        self._listeners: list[Listener] = []
        self.shown: str = ALL_VIEWS
        self._view_listeners: list[Callable[[str], None]] = []

    # -- reading ----------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        return self._now

    @property
    def current(self) -> Target | None:
        """The selected target in browse mode (None in pattern mode)."""
        return self._now.target

    @property
    def mode(self) -> Mode:
        return self._now.mode

    @property
    def pattern(self) -> Pattern:
        return self._now.pattern

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def subscribe_views(self, listener: Callable[[str], None]) -> None:
        self._view_listeners.append(listener)

    # -- browse actions ---------------------------------------------------------------------
    def select(self, kind: str, rid: str, side: Side | None = None) -> None:
        """Select one record (leaves pattern mode, keeping the pattern for later)."""
        self._set(replace(self._now, mode="browse", target=Target(kind, rid, side)))

    def click(self, kind: str, rid: str, side: Side | None, adding: bool) -> None:
        """What a click on a drawn part means in the current mode. In pattern mode a click on
        a place (or a region) toggles it; anything else selects. A Ctrl/Shift-click on the same part on
        the other side marks both sides."""
        if self.mode == "pattern" and kind in MARKABLE:
            self.toggle_place(rid, side, kind)
            return
        cur = self.current
        if adding and cur is not None and (cur.kind, cur.id) == (kind, rid) and cur.side not in (None, side):
            self.select(kind, rid, BOTH)
            return
        self.select(kind, rid, side)

    def toggle_both_sides(self) -> None:
        """Switch the current selection between one side and both sides. Going back to one side
        picks the side this part last had in the history, or no side if it never had one."""
        cur = self.current
        if cur is None:
            return
        if cur.side != BOTH:
            self.select(cur.kind, cur.id, BOTH)
            return
        single = next(
            (
                s.target.side
                for s in reversed(self._back)
                if s.target is not None
                and (s.target.kind, s.target.id) == (cur.kind, cur.id)
                and s.target.side != BOTH
            ),
            None,
        )
        self.select(cur.kind, cur.id, single)

    def clear(self) -> None:
        """Esc: leave pattern mode if in it, else clear the selection."""
        if self.mode == "pattern":
            self.set_mode("browse")
        else:
            self._set(replace(self._now, target=None))

    # -- pattern actions --------------------------------------------------------------------
    def set_mode(self, mode: Mode) -> None:
        """Switch modes. Starting a pattern from a selected place (nothing marked yet) takes that
        place along as the first mark: the clinician was pointing at it."""
        pattern = self.pattern
        cur = self.current
        if mode == "pattern" and pattern.empty and cur is not None and cur.kind in MARKABLE:
            pattern = pattern.toggle_place(cur.id, cur.side, cur.kind)
        self._set(
            replace(
                self._now,
                mode=mode,
                target=None if mode == "pattern" else self._now.target,
                pattern=pattern,
            )
        )

    def toggle_place(self, region: str, side: Side | None, kind: str = "regions") -> None:
        pattern = self.pattern.toggle_place(region, side, kind)
        self._set(replace(self._now, mode="pattern", target=None, pattern=pattern))

    def set_mark(self, finding: str, present: bool | None, side: Side | None = None) -> None:
        self._set(
            replace(
                self._now,
                mode="pattern",
                target=None,
                pattern=self.pattern.with_mark(finding, present, side),
            )
        )

    def set_pattern(self, pattern: Pattern) -> None:
        """Replace the whole pattern (opened from a file, or read from a description)."""
        self._set(replace(self._now, mode="pattern", target=None, pattern=pattern))

    def clear_pattern(self) -> None:
        self.set_pattern(Pattern())

    # -- history ----------------------------------------------------------------------------
    def back(self) -> bool:
        if not self._back:
            return False
        self._forward.append(self._now)
        self._set(self._back.pop(), record=False)
        return True

    def forward(self) -> bool:
        if not self._forward:
            return False
        self._back.append(self._now)
        self._set(self._forward.pop(), record=False)
        return True

    # -- views ------------------------------------------------------------------------------
    def show_view(self, name: str) -> None:
        if name != self.shown:
            self.shown = name
            for listener in list(self._view_listeners):
                listener(name)

    def _set(self, snapshot: Snapshot, record: bool = True) -> None:
        if snapshot == self._now:
            return
        if record:
            self._back.append(self._now)
            self._forward.clear()
        self._now = snapshot
        for listener in list(self._listeners):
            listener(self)
