"""The main window: the schematic on the left; on the right the pattern panel (in pattern mode)
above the explanation; menus and a toolbar built from the one action registry, with search; a
parts list for the keyboard; and a permanent note that the atlas educates and does not diagnose.
It remembers its size, place, views, panel width, theme and last selection between runs."""

from __future__ import annotations

import linecache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QStringListModel, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QWidget,
)

from viewer.content.atlas import Atlas, UnknownIdError
from viewer.drawing.shapes import View
from viewer.i18n import LANGUAGE_NAMES, available_languages, current_language, tr
from viewer.present.theme import Theme
from viewer.state.app_state import ALL_VIEWS, AppState
from viewer.ui.actions import ActionRegistry, ActionSpec, standard_specs
from viewer.ui.canvas import AtlasCanvas
from viewer.ui.parts_list import PartsList
from viewer.ui.settings import Settings
from viewer.ui.side_panel import SidePanel
from viewer.ui.theme import CHOICES, apply_theme

if TYPE_CHECKING:
    from viewer.ui.pattern_panel import PatternPanel
    from viewer.ui.presentation import Presentation

DISCLAIMER = (
    "Educational only: this atlas does not diagnose. Red-flag symptoms need urgent medical care."
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
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        "&File",
        (
            "open-pattern",
            "save-pattern",
            None,
            "print",
            "export-handout",
            "export-png",
            None,
            "open-content",
            None,
            "quit",
        ),
    ),
    ("&Edit", ("copy-image", "copy-text")),
    (
        "&View",
        (
            "view-all",
            "view-posterior",
            "view-anterior",
            None,
            "fit",
            "zoom-in",
            "zoom-out",
            "zoom-reset",
            None,
            "text-larger",
            "text-smaller",
            None,
            "map-menu",
            "overlay-menu",
            None,
            "full-screen",
            "presentation",
            "theme-menu",
            "language-menu",
            "show-legend",
            "show-panel",
            "show-parts",
        ),
    ),
    ("&Go", ("history-back", "history-forward", "clear", None, "search", "pattern-mode", "both-sides")),
    (
        "&Teach",
        ("tours-menu", "quiz-menu", None, "open-case", "save-case", None, "save-bookmark", "bookmarks-menu"),
    ),
    ("&Help", ("shortcuts", "sources", "about")),
)
THEME_TEXT = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
#: The drawing's overlays: none, every root's dermatome, or every nerve's skin.
OVERLAYS: tuple[str | None, ...] = (None, "dermatomes", "nerves")
OVERLAY_TEXT = {None: "No overlay", "dermatomes": "All dermatomes", "nerves": "All nerve skin areas"}
THEME_TIP = {
    "system": "Follow the system's light or dark setting",
    "light": "Dark text on a light background",
    "dark": "Light text on a dark background",
}
ZOOM_STEP = 1.25
#: Largest first window, in logical pixels; it also never exceeds the available screen.
PREFERRED_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    #: The user chose another language or content folder; the app rebuilds the window for it
    #: (names, panel and search all come from the content, so a fresh load is the honest way).
    languageRequested = Signal(str)
    contentRequested = Signal(str)

    def __init__(
        self,
        atlas: Atlas,
        views: list[View],
        state: AppState | None = None,
        settings: Settings | None = None,
        content: Path | None = None,
    ):
        super().__init__()
        # PySide reads the source of every module imported after it (to see whether the module
        # uses PySide); Python keeps those lines for tracebacks, 14 MB of them by now. They are
        # read again if a traceback ever needs them.
        linecache.clearcache()
        self.views = views
        #: the content folder in use (None: the shipped one); tours, quizzes and bookmarks live there
        self.content_folder = content
        self.setWindowTitle("Sciatica Atlas")  # the name, not translated
        self.atlas = atlas
        atlas.attach_views(views)  # places' roots and the explorer measure on the drawing
        self.state = state or AppState()
        self.settings = settings or Settings()
        self.canvas = AtlasCanvas(atlas, views, self.state)
        self.canvas.setAccessibleName("Body drawing")
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows move between regions
        self.canvas.setAccessibleDescription(
            "Back and front views of the spine, pelvis and legs; use the parts list "
            "(View menu) to choose parts from the keyboard"
        )
        self.panel = SidePanel(atlas, self.state)
        self.panel.setAccessibleName("Explanation")
        self._pattern_panel: PatternPanel | None = None  # built the first time it is needed
        self.canvas.sigMapChanged.connect(self._on_map)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.panel)
        self.right = right
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._parts: PartsList | None = None  # built when first shown: start-up does not need it
        self.parts_dock = QDockWidget(tr("Parts"), self)
        self.parts_dock.setObjectName("parts-dock")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.parts_dock)
        self.parts_dock.hide()
        self._build_classroom()
        self.registry = ActionRegistry(self, self.state)
        for spec in standard_specs(
            self.state, self.canvas.fit, [(v.name, v.title) for v in views], self.escape
        ):
            self.registry.add(spec)
        for spec in self._window_specs():
            self.registry.add(spec)
        self.registry["view-all"].setChecked(True)
        self.state.subscribe_views(self._on_view)
        self._build_toolbar()
        self._build_menus()
        self.disclaimer = QLabel(tr(DISCLAIMER))
        self.disclaimer.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.disclaimer)  # always whole, at the right
        self.hover_name = QLabel("")
        self.hover_name.setTextFormat(Qt.TextFormat.PlainText)  # content text is never markup
        self.hover_name.setStyleSheet("padding: 2px 6px;")
        # the room left of the disclaimer, whatever the name: a label that resized with each
        # hover relaid and repainted the whole window at every move of the mouse
        self.hover_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.hover_name, 1)
        self.canvas.sigHoverName.connect(self.hover_name.setText)
        self._searching = False
        self.content_problems: list[str] = []
        self.state.subscribe(self._on_state)
        self.theme_choice = "system"
        self.text_steps = 0
        self._restore()
        self.registry.refresh()  # greyed out from the start where they would do nothing
        # the switches in the legend strip and the View menu stay in step
        self.canvas.map_box.currentIndexChanged.connect(lambda _i: self.registry.refresh())
        self.canvas.overlay_box.currentIndexChanged.connect(lambda _i: self.registry.refresh())
        self._on_state(self.state)

    # -- actions the window owns --------------------------------------------------------------
    def _window_specs(self) -> list[ActionSpec]:
        std = QKeySequence.StandardKey
        specs = [
            ActionSpec("open-pattern", "Open pattern…", "Open a saved pain pattern", lambda: self.pattern_panel._ask_open(), std.Open),
            ActionSpec(
                "save-pattern",
                "Save pattern…",
                "Save the pain pattern to a file",
                lambda: self.pattern_panel._ask_save(),
                std.Save,
                enabled=lambda s: not s.pattern.empty,
            ),
            ActionSpec("export-png", "Export image (PNG)…", "Save the drawing and the panel as a picture", self._ask_export_png, "Ctrl+E"),
            ActionSpec("quit", "Quit", "Close Sciatica Atlas", self.close, std.Quit),
            ActionSpec("copy-image", "Copy image", "Copy the drawing to the clipboard", self.copy_image, "Ctrl+Shift+C"),
            ActionSpec("copy-text", "Copy text", "Copy the panel's text to the clipboard", self.copy_text, "Ctrl+Shift+T"),
            ActionSpec("zoom-in", "Zoom in", "Enlarge the drawing", lambda: self.zoom(1 / ZOOM_STEP), std.ZoomIn),
            ActionSpec("zoom-out", "Zoom out", "Shrink the drawing", lambda: self.zoom(ZOOM_STEP), std.ZoomOut),
            ActionSpec("zoom-reset", "Actual size", "Show the whole drawing again", self.canvas.fit, "Ctrl+0"),
            ActionSpec("text-larger", "Larger text", "Make the panel text larger", lambda: self.scale_text(1), "Ctrl+Shift+="),
            ActionSpec("text-smaller", "Smaller text", "Make the panel text smaller", lambda: self.scale_text(-1), "Ctrl+Shift+-"),
            ActionSpec(
                "full-screen",
                "Full screen",
                "Fill the screen (Esc or F11 to leave)",
                self.toggle_full_screen,
                std.FullScreen if not QKeySequence(std.FullScreen).isEmpty() else "F11",
                checkable=True,
            ),
            ActionSpec(
                "show-legend",
                "Show legend",
                "Show or hide the legend and the map switches under the drawing",
                self.toggle_legend,
                "Ctrl+Shift+L",
                checkable=True,
                checked=lambda _s: self.canvas.legend_shown,
            ),
            ActionSpec("show-panel", "Show panel", "Show or hide the explanation panel", self.toggle_panel, "F9", checkable=True),
            ActionSpec("show-parts", "Parts list", "A list of every part, for the keyboard and screen readers", self.toggle_parts, "Ctrl+L", checkable=True),
            ActionSpec("search", "Search", "Find a region, root, nerve, condition or finding", self.focus_search, std.Find),
            ActionSpec("shortcuts", "Keyboard shortcuts", "Every shortcut", lambda: self._help("shortcuts"), std.HelpContents),
            ActionSpec("sources", "Sources and licences", "Every source the atlas cites, and the licences", lambda: self._help("sources")),
            ActionSpec("about", "About Sciatica Atlas", "Version and purpose", lambda: self._help("about")),
        ]
        has_subject = lambda s: (s.mode == "pattern" and not s.pattern.empty) or (  # noqa: E731
            s.mode != "pattern" and s.current is not None
        )
        specs += [
            ActionSpec("print", "Print…", "Print a handout for the patient", self.print_handout, std.Print, enabled=has_subject),
            ActionSpec(
                "export-handout",
                "Export handout (PDF)…",
                "Save a handout for the patient as PDF",
                self.export_handout,
                "Ctrl+Shift+E",
                enabled=has_subject,
            ),
            ActionSpec(
                "presentation",
                "Presentation mode",
                "Large text and outlines for a room, full screen, a pointer dot (Esc to leave)",
                self.toggle_presentation,
                "F5",
                checkable=True,
            ),
            ActionSpec("open-case", "Open case file…", "Open a case: commit to roots and conditions, then reveal", self._ask_case),
            ActionSpec(
                "save-case",
                "Save pattern as case file…",
                "Save this pain pattern for students, with the expected roots and conditions hidden",
                self._ask_save_case,
                enabled=lambda s: s.mode == "pattern" and not s.pattern.empty,
            ),
            ActionSpec("save-bookmark", "Save view…", "Save the views, zoom and selection or pattern under a name", self._ask_bookmark),
        ]
        specs.append(
            ActionSpec(
                "open-content",
                "Open content folder…",
                "Use another content folder (a copy of the shipped one, edited)",
                self._ask_content_folder,
            )
        )
        for code in available_languages():
            specs.append(
                ActionSpec(
                    f"lang-{code}",
                    LANGUAGE_NAMES.get(code, code),
                    LANGUAGE_NAMES.get(code, code),
                    lambda c=code: self.request_language(c),  # type: ignore[misc]
                    checkable=True,
                    group="language",
                    checked=lambda _s, c=code: current_language() == c,  # type: ignore[misc]
                )
            )
        for map_id, record in self.atlas.maps.items():
            specs.append(
                ActionSpec(
                    f"map-{map_id}",
                    record.name,
                    "Draw the dermatomes as this published map draws them",
                    lambda m=map_id: self.set_map(m),  # type: ignore[misc]
                    checkable=True,
                    group="maps",
                    checked=lambda _s, m=map_id: self.canvas.map_id == m,  # type: ignore[misc]
                )
            )
        for overlay in OVERLAYS:
            specs.append(
                ActionSpec(
                    f"overlay-{overlay or 'none'}",
                    OVERLAY_TEXT[overlay],
                    OVERLAY_TEXT[overlay],
                    lambda o=overlay: self.set_overlay(o),  # type: ignore[misc]
                    checkable=True,
                    group="overlays",
                    checked=lambda _s, o=overlay: self.canvas.overlay == o,  # type: ignore[misc]
                )
            )
        for choice in CHOICES:
            specs.append(
                ActionSpec(
                    f"theme-{choice}",
                    THEME_TEXT[choice],
                    THEME_TIP[choice],
                    lambda c=choice: self.set_theme(c),  # type: ignore[misc]
                    checkable=True,
                    group="theme",
                )
            )
        return specs

    def _help(self, which: str) -> None:
        """Open a help dialog; their module is imported when one is first asked for, not at
        start-up."""
        from viewer.ui import help_dialogs

        if which == "shortcuts":
            dialog = help_dialogs.shortcuts_dialog(self, self.registry)
        elif which == "sources":
            dialog = help_dialogs.sources_dialog(self, self.atlas)
        else:
            dialog = help_dialogs.about_dialog(self)
        dialog.exec()

    def _build_toolbar(self) -> None:
        bar = QToolBar("Atlas")
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        for name in TOOLBAR:
            if name is None:
                bar.addSeparator()
            elif name in self.registry.actions:
                bar.addAction(self.registry[name])
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search: calf, L5, spinal stenosis…"))
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.suggestions = QStringListModel(self)
        self._suggested: dict[str, str] = {}  # suggestion text -> "kind:id"
        completer = QCompleter(self.suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._search_for)
        popup = completer.popup()
        if popup is not None:
            popup.setMinimumWidth(380)  # room for the name and why it matched
        self.search.setCompleter(completer)
        self.search.textEdited.connect(self._suggest)
        self.search.textEdited.connect(self._clear_search_message)
        self.search.returnPressed.connect(lambda: self._search_for(self.search.text()))
        bar.addWidget(self.search)
        self.search_message = QLabel("")
        self.search_message.setTextFormat(Qt.TextFormat.PlainText)
        self.search_message.setAccessibleName("Search result")
        bar.addWidget(self.search_message)

    def _build_menus(self) -> None:
        self.menus: dict[str, QMenu] = {}
        for title, names in MENUS:
            menu = self.menuBar().addMenu(tr(title))
            self.menus[title.replace("&", "")] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "theme-menu":
                    sub = menu.addMenu(tr("Theme"))
                    for choice in CHOICES:
                        sub.addAction(self.registry[f"theme-{choice}"])
                elif name in ("tours-menu", "quiz-menu", "bookmarks-menu"):
                    title = {"tours-menu": "Guided tours", "quiz-menu": "Quizzes", "bookmarks-menu": "Saved views"}[name]
                    sub = menu.addMenu(tr(title))
                    sub.setObjectName(name)
                    sub.aboutToShow.connect(lambda m=sub, n=name: self._fill_menu(m, n))
                elif name == "map-menu":
                    sub = menu.addMenu(tr("Dermatome map"))
                    for map_id in self.atlas.maps:
                        sub.addAction(self.registry[f"map-{map_id}"])
                elif name == "overlay-menu":
                    sub = menu.addMenu(tr("Overlay"))
                    for overlay in OVERLAYS:
                        sub.addAction(self.registry[f"overlay-{overlay or 'none'}"])
                elif name == "language-menu":
                    sub = menu.addMenu(tr("Language"))
                    for code in available_languages():
                        sub.addAction(self.registry[f"lang-{code}"])
                elif name in self.registry.actions:
                    menu.addAction(self.registry[name])

    # -- what the actions do -----------------------------------------------------------------
    def show_view(self, name: str) -> None:
        self.state.show_view(name)

    def set_map(self, map_id: str) -> None:
        self.canvas.set_map(map_id)
        self.registry.refresh()

    def _on_map(self, map_id: str) -> None:
        self.panel.set_map(map_id)  # the explorer measures with the map on show

    def set_overlay(self, overlay: str | None) -> None:
        self.canvas.set_overlay(overlay)
        self.registry.refresh()

    def zoom(self, factor: float) -> None:
        self.canvas.vb.scaleBy((factor, factor))

    def scale_text(self, step: int) -> None:
        if step and -3 <= self.text_steps + step <= 8:
            self.text_steps += step
            self.panel.zoomIn(step)
            self.panel.restyle()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.registry["full-screen"].setChecked(self.isFullScreen())

    def toggle_panel(self) -> None:
        self.right.setVisible(not self.right.isVisible())
        self.registry["show-panel"].setChecked(self.right.isVisible())

    @property
    def parts(self) -> PartsList:
        if self._parts is None:
            self._parts = PartsList(self.atlas, self.state)
            self.parts_dock.setWidget(self._parts)
            self._parts._on_state(self.state)
        return self._parts

    def toggle_legend(self) -> None:
        self.canvas.set_legend_visible(not self.canvas.legend_shown)
        self.registry["show-legend"].setChecked(self.canvas.legend_shown)

    def toggle_parts(self) -> None:
        self.parts  # noqa: B018 - built on first use
        self.parts_dock.setVisible(not self.parts_dock.isVisible())
        self.registry["show-parts"].setChecked(self.parts_dock.isVisible())
        if self.parts_dock.isVisible():
            self.parts.tree.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_theme(self, choice: str) -> Theme:
        self.theme_choice = choice if choice in CHOICES else "system"
        theme = apply_theme(self.theme_choice)
        self.panel.set_theme(theme)
        self.disclaimer.setStyleSheet(
            f"color: {theme.disclaimer}; background: {theme.background}; font-weight: bold; padding: 2px 6px;"
        )
        self.registry[f"theme-{self.theme_choice}"].setChecked(True)
        return theme

    # -- handout -------------------------------------------------------------------------------
    def _session(self):  # type: ignore[no-untyped-def]
        from viewer.session import Session

        return Session(self.atlas, self.views)

    def print_handout(self) -> None:
        from viewer.ui.export import print_handout_interactively, subject_from_state

        print_handout_interactively(self, self._session(), subject_from_state(self.state))

    def export_handout(self) -> None:
        from viewer.ui.export import export_handout, subject_from_state

        path = export_handout(self, self._session(), subject_from_state(self.state))
        if path is not None:
            self.statusBar().showMessage(tr("Handout saved to {path}").format(path=path), 6000)

    # -- classroom -----------------------------------------------------------------------------
    def _build_classroom(self) -> None:
        """The Classroom dock and presentation mode. The tour bar, quiz panel and case panel
        are built when first used: they need the quiz and tour schema, which start-up does not."""
        from PySide6.QtWidgets import QStackedWidget

        self.teach_stack = QStackedWidget()
        self.teach_dock = QDockWidget(tr("Classroom"), self)
        self.teach_dock.setObjectName("teach-dock")
        self.teach_dock.setWidget(self.teach_stack)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.teach_dock)
        self.teach_dock.hide()
        self._presentation: Presentation | None = None  # built when first entered
        self._classroom = None
        self._teaching: dict[str, QWidget] = {}

    @property
    def presentation(self) -> Presentation:
        """Presentation mode, built the first time it is entered (or asked for): start-up
        does not need it, nor its label layout."""
        if self._presentation is None:
            from viewer.ui.presentation import Presentation

            panels: list[QWidget] = [self.panel]
            if self._pattern_panel is not None:
                panels.append(self._pattern_panel)
            panels += self._teaching.values()
            presentation = Presentation(self.canvas, self.state, panels, host=self)
            presentation.sigLeft.connect(self._after_presentation)
            self._presentation = presentation
        return self._presentation

    @property
    def pattern_panel(self) -> PatternPanel:
        """The pain-pattern panel above the explanation, built the first time it is needed
        (most sessions never draw a pattern, and building it took a tenth of start-up)."""
        if self._pattern_panel is None:
            from viewer.ui.pattern_panel import PatternPanel

            panel = PatternPanel(self.atlas, self.state)
            panel.hide()
            self.right.insertWidget(0, panel)
            self.right.setStretchFactor(0, 2)
            self.right.setStretchFactor(1, 3)  # the ranking is what the clinician came for
            self._pattern_panel = panel
            if self._presentation is not None:
                self._presentation.add_panel(panel)
        return self._pattern_panel

    def _teaching_widget(self, name: str) -> Any:
        if name not in self._teaching:
            if name == "tour":
                from viewer.ui.tour_bar import TourBar, zoom_to

                bar = TourBar(self.atlas, self.state, zoom=lambda f: zoom_to(self.canvas, f))
                bar.sigFinished.connect(self._end_teaching)
                widget: QWidget = bar
            elif name == "quiz":
                from viewer.ui.quiz_panel import QuizPanel

                quiz = QuizPanel(self.atlas, self.state)
                quiz.connect_canvas(self.canvas)
                quiz.sigFinished.connect(lambda _score: self._quiz_finished())
                widget = quiz
            else:
                from viewer.ui.case_panel import CasePanel

                widget = CasePanel(self.atlas, self.state)
            self.teach_stack.addWidget(widget)
            if self._presentation is not None:
                self._presentation.panels.append(widget)
            self._teaching[name] = widget
        return self._teaching[name]

    @property
    def tour_bar(self) -> Any:
        return self._teaching_widget("tour")

    @property
    def quiz_panel(self) -> Any:
        return self._teaching_widget("quiz")

    @property
    def case_panel(self) -> Any:
        return self._teaching_widget("case")

    def classroom(self):  # type: ignore[no-untyped-def]
        """Tours and quiz banks of the content folder, read when first needed."""
        if self._classroom is None:
            from viewer.content.classroom import load_classroom

            self._classroom = load_classroom(self.content_folder)
        return self._classroom

    def _fill_menu(self, menu: QMenu, name: str) -> None:
        menu.clear()
        try:
            if name == "tours-menu":
                for tour in self.classroom().tours.values():
                    menu.addAction(tour.title, lambda t=tour: self.start_tour(t))  # type: ignore[misc]
            elif name == "quiz-menu":
                for bank in self.classroom().banks.values():
                    label = tr("{title} ({n} questions)").format(title=bank.title, n=len(bank.questions))
                    menu.addAction(label, lambda b=bank: self.start_quiz(b))  # type: ignore[misc]
            else:
                from viewer.paths import data_dir
                from viewer.state.bookmarks import load_bookmarks

                marks, problems = load_bookmarks(self.content_folder or data_dir(), self.atlas)
                for mark in marks:
                    menu.addAction(mark.name, lambda m=mark: self.open_bookmark(m))  # type: ignore[misc]
                for problem in problems:
                    action = menu.addAction(problem)
                    action.setEnabled(False)
        except Exception as exc:  # noqa: BLE001 - bad classroom content: say so, keep the window
            action = menu.addAction(tr("Could not read: {why}").format(why=str(exc).splitlines()[0]))
            action.setEnabled(False)
        if menu.isEmpty():
            action = menu.addAction(tr("none in this content folder"))
            action.setEnabled(False)

    def _show_teaching(self, widget: QWidget) -> None:
        self.teach_stack.setCurrentWidget(widget)
        self.teach_dock.show()
        # a strip under the drawing, never more than a third of the window: the drawing is
        # what the class looks at
        wanted = min(max(widget.sizeHint().height(), 120), self.height() // 3)
        self.resizeDocks([self.teach_dock], [wanted], Qt.Orientation.Vertical)
        widget.setFocus()

    def start_tour(self, tour) -> None:  # type: ignore[no-untyped-def]
        self._show_teaching(self.tour_bar)
        self.tour_bar.start(tour)

    def start_quiz(self, bank, seed: int | None = None) -> None:  # type: ignore[no-untyped-def]
        self.right.setVisible(False)  # the panel would give the answers away
        self._show_teaching(self.quiz_panel)
        self.quiz_panel.start(bank, seed)

    def _quiz_finished(self) -> None:
        self.right.setVisible(True)
        if self.state.mode == "pattern":
            self.state.set_mode("browse")

    def open_case(self, path: Path) -> bool:
        try:
            self.case_panel.open(path)
        except Exception as exc:  # noqa: BLE001 - a bad case file is reported, not fatal
            self.statusBar().showMessage(str(exc).splitlines()[0], 10000)
            return False
        self._show_teaching(self.case_panel)
        return True

    def _ask_case(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open case file…"), "", "Case files (*.yaml)")
        if name:
            self.open_case(Path(name))

    def save_case(self, path: Path, title: str, roots: list[str], conditions: list[str]) -> str | None:
        """Write the current pattern as a case file; returns a problem in one line, or None."""
        from viewer.state.case_files import CaseFile, save_case

        unknown = [r for r in roots if r not in self.atlas.roots]
        unknown += [c for c in conditions if c not in self.atlas.conditions]
        if unknown:
            return tr("Not a root or condition of the atlas: {ids}").format(ids=", ".join(unknown))
        if not roots and not conditions:
            return tr("Give at least one expected root or condition.")
        try:
            save_case(path, CaseFile(title, self.state.pattern, tuple(roots), tuple(conditions)))
        except OSError as exc:
            return tr("Could not save {path}: {why}").format(path=path, why=exc.strerror or exc)
        return None

    def _ask_save_case(self) -> None:
        """The expected answer starts as the atlas's own leaders; the instructor edits it."""
        from PySide6.QtWidgets import QInputDialog

        result = self.panel.exploration
        guess = ", ".join(
            [r.ref.id for r in (result.roots[:1] if result else ())]
            + [c.ref.id for c in (result.conditions[:1] if result else ())]
        )
        title, ok = QInputDialog.getText(self, tr("Save pattern as case file…"), tr("Title of the case:"))
        if not ok or not title.strip():
            return
        answer, ok = QInputDialog.getText(
            self,
            tr("Save pattern as case file…"),
            tr("Expected roots and conditions (ids, separated by commas):"),
            text=guess,
        )
        if not ok:
            return
        name, _ = QFileDialog.getSaveFileName(self, tr("Save pattern as case file…"), "case.yaml", "Case files (*.yaml)")
        if not name:
            return
        ids = [part.strip() for part in answer.split(",") if part.strip()]
        problem = self.save_case(
            Path(name), title.strip(), [i for i in ids if i in self.atlas.roots], [i for i in ids if i not in self.atlas.roots]
        )
        self.statusBar().showMessage(problem or tr("Case saved to {path}").format(path=name), 10000)

    def _end_teaching(self) -> None:
        """A tour or quiz may have drawn patterns; leaving it leaves them behind too."""
        self.teach_dock.hide()
        self.right.setVisible(True)
        if self.state.mode == "pattern":
            self.state.set_mode("browse")

    def open_bookmark(self, bookmark) -> None:  # type: ignore[no-untyped-def]
        from viewer.state.bookmarks import apply_bookmark
        from viewer.ui.tour_bar import zoom_to

        zoom = apply_bookmark(bookmark, self.state)
        zoom_to(self.canvas, zoom)

    def _ask_bookmark(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, tr("Save view…"), tr("Name of the saved view:"))
        if ok and name.strip():
            self.save_bookmark(name.strip())

    def save_bookmark(self, name: str) -> Path | None:
        from viewer.paths import data_dir
        from viewer.state.bookmarks import BookmarkError, bookmark_from_state, save_bookmark

        try:
            path = save_bookmark(self.content_folder or data_dir(), bookmark_from_state(name, self.state))
        except (BookmarkError, OSError) as exc:
            self.statusBar().showMessage(tr("Could not save the view: {why}").format(why=exc), 10000)
            return None
        self.statusBar().showMessage(tr("View saved as {name}").format(name=name), 6000)
        return path

    def toggle_presentation(self) -> None:
        if self.presentation.active:
            self.presentation.leave()
            return
        self._was_full_screen = self.isFullScreen()
        # one view, no legend strip, no menus: every pixel for the drawing; Esc brings them back
        self._before_presenting = (self.state.shown, self.canvas.legend_shown)
        if self.state.shown == ALL_VIEWS:
            self.state.show_view(self.views[0].name)
        self.canvas.set_legend_visible(False)
        self.menuBar().hide()
        for bar in self.findChildren(QToolBar):
            bar.hide()
        self.showFullScreen()
        self.presentation.enter()
        self.registry["presentation"].setChecked(True)

    def _after_presentation(self) -> None:
        shown, legend = getattr(self, "_before_presenting", (self.state.shown, True))
        self.state.show_view(shown)
        self.canvas.set_legend_visible(legend)
        self.menuBar().show()
        for bar in self.findChildren(QToolBar):
            bar.show()
        if not getattr(self, "_was_full_screen", False):
            self.showNormal()
        self.registry["presentation"].setChecked(False)
        self.registry["full-screen"].setChecked(self.isFullScreen())

    def request_language(self, code: str) -> None:
        if code != current_language():
            self.settings.set("view/language", code)
            self.languageRequested.emit(code)

    def _ask_content_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Open content folder…"))
        if folder:
            self.open_content_folder(Path(folder))

    def open_content_folder(self, folder: Path) -> bool:
        """Check the folder first (its data and its own drawings); only a clean one is used."""
        from viewer.content.errors import ContentError
        from viewer.session import Session

        try:
            Session.load(folder)
        except ContentError as exc:
            lines = str(exc).splitlines()
            more = f" (and {len(lines) - 3} more)" if len(lines) > 3 else ""
            self.search_message.setText("")
            self.statusBar().showMessage(
                tr("That folder has problems: {first}").format(first="; ".join(lines[:3]) + more), 15000
            )
            self.content_problems = lines
            return False
        self.contentRequested.emit(str(folder))
        return True

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.canvas.grab())
        self.statusBar().showMessage("Drawing copied", 3000)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.panel.toPlainText())
        self.statusBar().showMessage("Panel text copied", 3000)

    def export_png(self, path: Path) -> bool:
        """Save the whole window as a picture; the file is replaced only once it is complete."""
        tmp = path.with_name(f".{path.name}.tmp.png")
        ok = self.grab().save(str(tmp), "PNG")
        if ok:
            tmp.replace(path)
        else:
            tmp.unlink(missing_ok=True)
            self.statusBar().showMessage(f"Could not write {path}", 6000)
        return ok

    def _ask_export_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export image", "sciatica-atlas.png", "PNG images (*.png)")
        if name:
            self.export_png(Path(name))

    # -- reacting ----------------------------------------------------------------------------
    def _on_view(self, name: str) -> None:
        action = self.registry.actions.get(f"view-{name}" if name != ALL_VIEWS else "view-all")
        if action is not None:
            action.setChecked(True)

    def _on_state(self, state: AppState) -> None:
        drawing = state.mode == "pattern"
        if drawing and not self.pattern_panel.isVisible():
            total = max(self.right.height(), 400)
            self.right.setSizes([total * 2 // 5, total - total * 2 // 5])
        if self._pattern_panel is not None:
            self._pattern_panel.setVisible(drawing)
        target = state.current
        if target is not None:
            name = self.atlas.record(target.kind, target.id).name
            if state.shown != ALL_VIEWS and not self.canvas.draws(target):
                # drawn only on the view that is hidden (the calf is on the back): show both
                # views, rather than a drawing with nothing lit
                state.show_view(ALL_VIEWS)
                self.statusBar().showMessage(
                    tr("{name} is drawn on the other view: both views shown").format(name=name),
                    6000,
                )
            # what a screen reader says about the drawing now
            side = f" ({tr(target.side)})" if target.side else ""
            self.canvas.setAccessibleDescription(tr("Selected: {name}").format(name=name + side))
        elif drawing:
            n = len(state.pattern.places)
            self.canvas.setAccessibleDescription(tr("{n} places marked").format(n=n))
        if not self._searching:  # a selection made elsewhere: the box no longer applies
            # (only when there is something to clear: a no-op clear still relays the toolbar)
            if self.search.text():
                self.search.clear()
            if self.search_message.text():
                self.search_message.clear()

    def _clear_search_message(self, _text: str = "") -> None:
        self.search_message.clear()

    def _suggest(self, text: str) -> None:
        """Ranked suggestions as the user types: names, lay words, misspellings, symptoms."""
        from viewer.content.search import search  # at the first key typed, not at start-up

        self._suggested = {}
        for match in search(self.atlas, text) if text.strip() else []:
            label = f"{match.name}  ({tr(match.why)})" if match.why != "name" else match.name
            self._suggested.setdefault(label, match.key)
        self.suggestions.setStringList(list(self._suggested))

    def _search_for(self, text: str) -> None:
        """Enter or a picked suggestion: the exact record if the words name one, else the best
        forgiving match (and say which), else a visible "no match — did you mean …"."""
        from viewer.content.search import did_you_mean, search

        text = text.strip()
        if not text:
            return
        key = self._suggested.get(text)
        try:
            kind, rid = self.atlas.resolve(key or text)
            shown = ""
        except UnknownIdError:
            matches = search(self.atlas, text, limit=1)
            if not matches:
                names = did_you_mean(self.atlas, text)
                message = (
                    tr("No match — did you mean {names}?").format(names=", ".join(names))
                    if names
                    else tr("No match for {text}.").format(text=repr(text))
                )
                self.search_message.setText(message)
                self.statusBar().showMessage(message, 6000)
                return
            kind, rid = self.atlas.resolve(matches[0].key)
            shown = tr("Showing {name} for {text}").format(name=matches[0].name, text=repr(text))
        self.search_message.setText(shown)
        self._searching = True
        try:
            self.state.select(kind, rid)
        finally:
            self._searching = False

    def escape(self) -> None:
        """Esc steps back one level: out of a tour, quiz or case, else out of full screen, else
        out of pattern mode, else clears."""
        if self.teach_dock.isVisible():
            if self.teach_stack.currentWidget() is self._teaching.get("tour"):
                self.tour_bar.finish()
            self._end_teaching()
        elif self.isFullScreen():
            self.toggle_full_screen()
        else:
            self.state.clear()

    # -- remembering -------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*PREFERRED_SIZE)
            return
        area = screen.availableGeometry()
        width = min(PREFERRED_SIZE[0], int(area.width() * 0.95))
        height = min(PREFERRED_SIZE[1], int(area.height() * 0.92))
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def _restore(self) -> None:
        s = self.settings
        geometry = s.get("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._fit_to_screen()
        state = s.get("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
            if self.parts_dock.isVisible():
                self.parts  # noqa: B018 - restored open: build its list now
        sizes = s.get("window/splitter")
        try:
            self.splitter.setSizes([int(v) for v in sizes])  # type: ignore[union-attr]
        except (TypeError, ValueError):
            width = max(self.width(), 800)
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])
        self.set_theme(str(s.get("view/theme", "system")))
        steps = s.get("view/text_steps", 0, int)
        self.scale_text(steps if isinstance(steps, int) else 0)
        shown = str(s.get("view/shown", ALL_VIEWS))
        if shown in self.canvas.layers or shown == ALL_VIEWS:
            self.state.show_view(shown)
        panel_visible = s.get("view/panel", True, bool)
        self.right.setVisible(bool(panel_visible))
        self.registry["show-panel"].setChecked(self.right.isVisible())
        self.registry["show-parts"].setChecked(self.parts_dock.isVisible())
        kind, rid, side = (s.get(f"selection/{k}", "") for k in ("kind", "id", "side"))
        if kind and rid and kind in ("regions", "roots", "nerves", "conditions", "exercises", "findings"):
            if rid in getattr(self.atlas, kind):
                self.state.select(kind, rid, side if side in ("left", "right", "both") else None)  # type: ignore[arg-type]

    def remember(self) -> bool:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/state", self.saveState())
        s.set("window/splitter", self.splitter.sizes())
        s.set("view/theme", self.theme_choice)
        s.set("view/text_steps", self.text_steps)
        s.set("view/shown", self.state.shown)
        s.set("view/panel", self.right.isVisible())
        target = self.state.current
        s.set("selection/kind", target.kind if target else "")
        s.set("selection/id", target.id if target else "")
        s.set("selection/side", (target.side or "") if target else "")
        return s.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.remember():
            print(f"sciatica-atlas: could not save settings to {self.settings.path}", flush=True)
        super().closeEvent(event)
