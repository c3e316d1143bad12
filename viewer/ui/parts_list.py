"""A list of every part (regions on each side, roots, nerves, conditions, exercises, findings)
bound to the app state, so everything on the drawing can be chosen from the keyboard or by a
screen reader: arrows move, Enter (or a click) selects, and the list follows the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.content.atlas import Atlas
from viewer.i18n import tr
from viewer.state.app_state import AppState

GROUPS = (
    ("regions", "Body regions"),
    ("places", "Places on the skin"),
    ("roots", "Nerve roots"),
    ("nerves", "Nerves"),
    ("conditions", "Conditions"),
    ("findings", "Symptoms and examination findings"),
    ("exercises", "Exercises"),
)
KEY = Qt.ItemDataRole.UserRole


class PartsList(QWidget):
    def __init__(self, atlas: Atlas, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.state = state
        self._items: dict[tuple[str, str, str | None], QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter the list"))
        self.filter.setAccessibleName("Filter the parts list")
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Parts of the atlas")
        self.tree.setAccessibleDescription(
            "Every region, root, nerve, condition, finding and exercise; Enter selects it"
        )
        for kind, title in GROUPS:
            group = QTreeWidgetItem([tr(title)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for rid, record in getattr(atlas, kind).items():
                sides: tuple[str | None, ...] = ("left", "right") if kind in ("regions", "places") else (None,)
                for side in sides:
                    label = record.name if side is None else f"{record.name} ({tr(side)})"
                    item = QTreeWidgetItem([label])
                    item.setData(0, KEY, (kind, rid, side))
                    item.setToolTip(0, label)
                    group.addChild(item)
                    self._items[(kind, rid, side)] = item
        self.tree.itemActivated.connect(self._choose)
        self.tree.itemClicked.connect(self._choose)
        layout.addWidget(self.tree)
        state.subscribe(self._on_state)

    def _choose(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, KEY)
        if key:
            kind, rid, side = key
            self.state.select(kind, rid, side)

    def _on_state(self, state: AppState) -> None:
        target = state.current
        if target is None:
            self.tree.clearSelection()
            return
        side = target.side if target.side in ("left", "right") else None
        item = self._items.get((target.kind, target.id, side)) or self._items.get(
            (target.kind, target.id, "left")
        )
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            self.tree.blockSignals(False)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None
            shown = 0
            for j in range(group.childCount()):
                child = group.child(j)
                assert child is not None
                hide = bool(needle) and needle not in child.text(0).casefold()
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
            group.setExpanded(bool(needle))
