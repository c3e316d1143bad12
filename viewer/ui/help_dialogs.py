"""Help: the keyboard shortcuts (read from the action registry, so the list cannot go stale),
the sources and licences, and About."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.content.atlas import Atlas
from viewer.ui.actions import ActionRegistry

LIBRARIES = (
    ("PySide6 (Qt for Python)", "LGPL-3.0"),
    ("pyqtgraph", "MIT"),
    ("PyYAML", "MIT"),
    ("pydantic", "MIT"),
    ("svgelements", "MIT"),
    ("RapidFuzz", "MIT"),
    ("polib", "MIT"),
)
ABOUT = (
    "<h2>Sciatica Atlas {version}</h2>"
    "<p>An educational atlas of the lumbar roots, the sciatic nerve and the conditions that can "
    "cause leg pain: click where it hurts, see which roots, nerves and conditions may explain it, "
    "how sure that is, and when to get urgent help.</p>"
    "<p><b>Educational, not a diagnosis.</b> It cannot examine anyone. Red flags need urgent "
    "medical care.</p><p>Open source under the MIT licence. Every statement cites its sources "
    "(Help → Sources and licences).</p>"
)


def _dialog(parent: QWidget, title: str, body: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    dialog.resize(560, 560)
    return dialog


def shortcuts_dialog(parent: QWidget, registry: ActionRegistry) -> QDialog:
    rows = []
    for action in registry.actions.values():
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if keys:
            rows.append((action.text().replace("&", ""), keys))
    rows.append(("Mark the same part on the other leg", "Ctrl+click"))
    rows.append(("Zoom the drawing", "Mouse wheel"))
    rows.append(("Move the drawing", "Drag"))
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    table.setAccessibleName("Keyboard shortcuts")
    for i, (what, keys) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(what))
        table.setItem(i, 1, QTableWidgetItem(keys))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    dialog = _dialog(parent, "Keyboard shortcuts", table)
    dialog.resize(520, min(720, 60 + 26 * len(rows)))
    return dialog


def sources_dialog(parent: QWidget, atlas: Atlas) -> QDialog:
    items = "".join(
        f"<li>{escape(s.citation)}{' — popular article' if s.kind == 'popular-article' else ''}</li>"
        for s in sorted(atlas.sources.values(), key=lambda s: s.citation.casefold())
    )
    libs = "".join(f"<li>{escape(n)} — {escape(lic)}</li>" for n, lic in LIBRARIES)
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setHtml(
        f"<h2>Sources ({len(atlas.sources)})</h2><ul>{items}</ul>"
        "<h2>Licences</h2><p>Sciatica Atlas: MIT. Drawings and text: written for this project, "
        f"MIT.</p><p>Libraries it uses:</p><ul>{libs}</ul>"
    )
    return _dialog(parent, "Sources and licences", browser)


def about_dialog(parent: QWidget) -> QDialog:
    browser = QTextBrowser()
    browser.setHtml(ABOUT.format(version=escape(__version__)))
    dialog = _dialog(parent, "About Sciatica Atlas", browser)
    dialog.resize(460, 320)
    return dialog
