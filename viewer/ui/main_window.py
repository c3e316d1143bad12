"""The main window: the schematic on the left, the explanation on the right, a toolbar with
search, and a permanent note that the atlas educates and does not diagnose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QToolBar,
)

from viewer.content.atlas import Atlas, UnknownIdError
from viewer.drawing.shapes import View
from viewer.selection import Selection
from viewer.ui.canvas import BOTH, AtlasCanvas
from viewer.ui.side_panel import SidePanel

DISCLAIMER = (
    "For education only: this atlas does not diagnose. Pain patterns overlap between roots and "
    "conditions. If you have red-flag symptoms, seek urgent medical care."
)


class MainWindow(QMainWindow):
    def __init__(self, atlas: Atlas, views: list[View], selection: Selection | None = None):
        super().__init__()
        self.setWindowTitle("Sciatica Atlas")
        self.atlas = atlas
        self.selection = selection or Selection()
        self.canvas = AtlasCanvas(atlas, views, self.selection)
        self.panel = SidePanel(atlas, self.selection)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self.disclaimer = QLabel(DISCLAIMER)
        self.disclaimer.setStyleSheet("color: #7a2e00; font-weight: bold; padding: 2px 6px;")
        self.statusBar().addPermanentWidget(self.disclaimer, 1)
        self.hover_name = QLabel("")
        self.hover_name.setStyleSheet("color: #444; padding: 2px 6px;")
        self.statusBar().addWidget(self.hover_name)
        self.canvas.sigHoverName.connect(self.hover_name.setText)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.selection.clear)
        QShortcut(QKeySequence.StandardKey.Back, self, self.selection.back)
        QShortcut(QKeySequence.StandardKey.Forward, self, self.selection.forward)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Atlas")
        bar.setMovable(False)
        self.addToolBar(bar)
        for text, slot, tip in (
            ("Fit", self.canvas.fit, "Show the whole drawing"),
            ("Back", self.selection.back, "Previous selection (Alt+Left)"),
            ("Forward", self.selection.forward, "Next selection (Alt+Right)"),
            ("Clear", self.selection.clear, "Clear the selection (Esc)"),
        ):
            action = QAction(text, self)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            bar.addAction(action)
        bar.addSeparator()
        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        choices: list[tuple[str, str, str]] = [
            (BOTH, "Back + front", "Show the back and the front side by side")
        ]
        choices += [
            (v.name, v.title, f"Show only the {v.title.lower()}") for v in self.canvas.views
        ]
        for name, text, tip in choices:
            action = QAction(text, self, checkable=True)
            action.setToolTip(tip)
            action.setChecked(name == BOTH)
            action.triggered.connect(lambda _=False, n=name: self.show_view(n))
            group.addAction(action)
            bar.addAction(action)
            self.view_actions[name] = action
        bar.addSeparator()
        self.both_sides = QAction("Both sides", self, checkable=True)
        self.both_sides.setShortcut(QKeySequence("B"))
        self.both_sides.setToolTip(
            "Mark the selected part on both sides (B, or Ctrl-click the other side). "
            "Symptoms in both legs can be a red flag."
        )
        self.both_sides.triggered.connect(self.selection.toggle_both_sides)
        self.selection.subscribe(
            lambda t: self.both_sides.setChecked(t is not None and t.side == BOTH)
        )
        bar.addAction(self.both_sides)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search: calf, L5, spinal stenosis…")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        completer = QCompleter(self.atlas.search_terms(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._search_for)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(lambda: self._search_for(self.search.text()))
        bar.addWidget(self.search)

    def show_view(self, name: str) -> None:
        self.canvas.show_view(name)
        self.view_actions[name].setChecked(True)

    def _search_for(self, text: str) -> None:
        if not text.strip():
            return
        try:
            kind, rid = self.atlas.resolve(text)
        except UnknownIdError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self.selection.select(kind, rid)
