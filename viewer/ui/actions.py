"""One registry of the window's actions: each named once with its text, shortcut, tip and what
it does to the app state, then bound to toolbar buttons (and later menus). Enabled and checked
states are worked out from the state after every change, so a button never looks available when
it does nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from viewer.i18n import tr
from viewer.state.app_state import ALL_VIEWS, BOTH, AppState


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    tip: str
    run: Callable[[], object]
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    checkable: bool = False
    group: str | None = None  # actions of one group are exclusive (the view choice)
    enabled: Callable[[AppState], bool] | None = None
    checked: Callable[[AppState], bool] | None = None


class ActionRegistry:
    def __init__(self, parent: QWidget, state: AppState):
        self.parent = parent
        self.state = state
        self.actions: dict[str, QAction] = {}
        self.specs: dict[str, ActionSpec] = {}
        self._groups: dict[str, QActionGroup] = {}
        state.subscribe(lambda _s: self.refresh())

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(tr(spec.text), self.parent)
        action.setObjectName(spec.name)
        tip = tr(spec.tip)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})" if keys else tip
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        if spec.group:
            group = self._groups.setdefault(spec.group, QActionGroup(self.parent))
            group.addAction(action)
        action.triggered.connect(lambda _checked=False, run=spec.run: run())
        self.parent.addAction(action)  # shortcuts work even when no toolbar shows the action
        self.actions[spec.name] = action
        self.specs[spec.name] = spec
        return action

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def refresh(self) -> None:
        for name, spec in self.specs.items():
            action = self.actions[name]
            if spec.enabled is not None:
                action.setEnabled(spec.enabled(self.state))
            if spec.checked is not None:
                action.blockSignals(True)
                action.setChecked(spec.checked(self.state))
                action.blockSignals(False)


def standard_specs(
    state: AppState,
    fit: Callable[[], object],
    views: list[tuple[str, str]],
    escape: Callable[[], object] | None = None,
) -> list[ActionSpec]:
    """The actions every window has. ``views`` lists (name, title) of the drawn views;
    ``escape`` is what Esc does (by default: leave pattern mode, else clear)."""
    specs = [
        ActionSpec("fit", "Fit", "Show the whole drawing", fit, "F"),
        ActionSpec(
            "history-back",
            "◀ Previous",
            "Go back to the previous selection or pattern edit",
            state.back,
            QKeySequence.StandardKey.Back,
            enabled=lambda s: s.can_go_back,
        ),
        ActionSpec(
            "history-forward",
            "Next ▶",
            "Go forward again",
            state.forward,
            QKeySequence.StandardKey.Forward,
            enabled=lambda s: s.can_go_forward,
        ),
        ActionSpec(
            "clear",
            "Clear",
            "Clear the selection, or leave pattern mode",
            escape or state.clear,
            "Esc",
        ),
        ActionSpec(
            "view-all",
            "Back + front",
            "Show the back and the front side by side",
            lambda: state.show_view(ALL_VIEWS),
            checkable=True,
            group="views",
        ),
    ]
    for name, title in views:
        specs.append(
            ActionSpec(
                f"view-{name}",
                title,
                tr("Show only the {view}").format(view=tr(title.lower())),
                lambda n=name: state.show_view(n),  # type: ignore[misc]
                checkable=True,
                group="views",
            )
        )
    specs += [
        ActionSpec(
            "both-sides",
            "Both sides",
            "Mark the selected part on both sides (or Ctrl-click the other side). "
            "Symptoms in both legs can be a red flag",
            state.toggle_both_sides,
            "B",
            checkable=True,
            enabled=lambda s: s.mode == "browse" and s.current is not None,
            checked=lambda s: s.current is not None and s.current.side == BOTH,
        ),
        ActionSpec(
            "pattern-mode",
            "Pain pattern",
            "Mark every place that hurts, record what was found, and see what fits",
            lambda: state.set_mode("browse" if state.mode == "pattern" else "pattern"),
            "P",
            checkable=True,
            checked=lambda s: s.mode == "pattern",
        ),
    ]
    return specs
