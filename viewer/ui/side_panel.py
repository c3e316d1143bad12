"""The side panel: explains whatever is selected, and turns its links back into selections."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from viewer.content.atlas import Atlas
from viewer.content.explain import explain
from viewer.present.panel_html import render, welcome_html
from viewer.selection import Selection, Target


class SidePanel(QTextBrowser):
    def __init__(self, atlas: Atlas, selection: Selection, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self.selection = selection
        self._cache: dict[tuple[str, str, str | None], str] = {}
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.setMinimumWidth(380)
        selection.subscribe(self._on_selection)
        self._on_selection(selection.current)

    def html_for(self, target: Target | None) -> str:
        key: tuple[str, str, str | None]
        if target is None:
            key = ("", "", None)
            if key not in self._cache:
                self._cache[key] = welcome_html(self.atlas)
            return self._cache[key]
        key = (target.kind, target.id, target.side)
        if key not in self._cache:
            data = explain(self.atlas, target.kind, target.id)
            self._cache[key] = render(self.atlas, data, target.side)
        return self._cache[key]

    def _on_selection(self, target: Target | None) -> None:
        self.setHtml(self.html_for(target))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() != "atlas":
            return
        kind, _, rid = url.path().partition("/")
        if kind and rid:
            side = self.selection.current.side if self.selection.current else None
            self.selection.select(kind, rid, side)
