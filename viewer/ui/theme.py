"""Light, dark and follow-the-system themes: the window palette (Qt's Fusion style, so the
palette applies the same on every platform) and which panel colours go with it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.present.theme import DARK, LIGHT, Theme

CHOICES = ("system", "light", "dark")

_system_palette: QPalette | None = None
_system_style: str | None = None


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: DARK.background,
        QPalette.ColorRole.AlternateBase: "#2b2d30",
        QPalette.ColorRole.Text: DARK.text,
        QPalette.ColorRole.Button: "#3a3d41",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.ToolTipBase: "#3a3d41",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.Highlight: "#2f6fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: DARK.link,
        QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a8a8a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8a8a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a8a8a"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#efefef",
        QPalette.ColorRole.WindowText: "#1f1f1f",
        QPalette.ColorRole.Base: LIGHT.background,
        QPalette.ColorRole.AlternateBase: "#f5f5f5",
        QPalette.ColorRole.Text: LIGHT.text,
        QPalette.ColorRole.Button: "#e6e6e6",
        QPalette.ColorRole.ButtonText: "#1f1f1f",
        QPalette.ColorRole.Highlight: "#2f6fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: LIGHT.link,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9a9a"))
    return p


def apply_theme(choice: str) -> Theme:
    """Set the application palette for ``choice`` and return the panel colours to use."""
    global _system_palette, _system_style
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if choice == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
        return DARK
    if choice == "light":
        app.setStyle("Fusion")
        app.setPalette(_light_palette())
        return LIGHT
    if _system_style and app.style().name() != _system_style:
        app.setStyle(_system_style)
    app.setPalette(_system_palette)
    return DARK if system_is_dark() else LIGHT


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        from PySide6.QtCore import Qt

        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    palette = _system_palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
