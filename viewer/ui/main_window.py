"""The main window: the schematic on the left; on the right the pattern panel (in pattern mode)
above the explanation; a toolbar built from the action registry, with search; and a permanent
note that the atlas educates and does not diagnose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMainWindow, QSplitter, QToolBar

from viewer.content.atlas import Atlas, UnknownIdError
from viewer.drawing.shapes import View
from viewer.state.app_state import AppState
from viewer.ui.actions import ActionRegistry, standard_specs
from viewer.ui.canvas import AtlasCanvas
from viewer.ui.pattern_panel import PatternPanel
from viewer.ui.side_panel import SidePanel

DISCLAIMER = (
    "For education only: this atlas does not diagnose. Pain patterns overlap between roots and "
    "conditions. If you have red-flag symptoms, seek urgent medical care."
)
TOOLBAR = (
    "fit",
    "history-back",
    "history-forward",
    "clear",
    None,
    "view-all",
    "view-posterior",
    "view-anterior",
    None,
    "both-sides",
    "pattern-mode",
)


class MainWindow(QMainWindow):
    def __init__(self, atlas: Atlas, views: list[View], state: AppState | None = None):
        super().__init__()
        self.setWindowTitle("Sciatica Atlas")
        self.atlas = atlas
        self.state = state or AppState()
        self.canvas = AtlasCanvas(atlas, views, self.state)
        self.panel = SidePanel(atlas, self.state)
        self.pattern_panel = PatternPanel(atlas, self.state)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.pattern_panel)
        right.addWidget(self.panel)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)  # the ranking is what the clinician came for
        self.right = right
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.registry = ActionRegistry(self, self.state)
        for spec in standard_specs(self.state, self.canvas.fit, [(v.name, v.title) for v in views]):
            self.registry.add(spec)
        self.registry["view-all"].setChecked(True)
        self.registry.refresh()  # greyed out from the start where they would do nothing
        self.state.subscribe_views(self._on_view)
        self._build_toolbar()
        self.disclaimer = QLabel(DISCLAIMER)
        self.disclaimer.setStyleSheet("color: #7a2e00; font-weight: bold; padding: 2px 6px;")
        self.disclaimer.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.disclaimer, 1)
        self.hover_name = QLabel("")
        self.hover_name.setTextFormat(Qt.TextFormat.PlainText)  # content text is never markup
        self.hover_name.setStyleSheet("color: #444; padding: 2px 6px;")
        self.statusBar().addWidget(self.hover_name)
        self.canvas.sigHoverName.connect(self.hover_name.setText)
        self.state.subscribe(self._on_state)
        self._on_state(self.state)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Atlas")
        bar.setMovable(False)
        self.addToolBar(bar)
        for name in TOOLBAR:
            if name is None:
                bar.addSeparator()
            elif name in self.registry.actions:
                bar.addAction(self.registry[name])
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
        self.state.show_view(name)

    def _on_view(self, name: str) -> None:
        action = self.registry.actions.get(f"view-{name}" if name != "both" else "view-all")
        if action is not None:
            action.setChecked(True)

    def _on_state(self, state: AppState) -> None:
        drawing = state.mode == "pattern"
        if drawing and not self.pattern_panel.isVisible():
            total = max(self.right.height(), 400)
            self.right.setSizes([total * 2 // 5, total - total * 2 // 5])
        self.pattern_panel.setVisible(drawing)

    def _search_for(self, text: str) -> None:
        if not text.strip():
            return
        try:
            kind, rid = self.atlas.resolve(text)
        except UnknownIdError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self.state.select(kind, rid)
