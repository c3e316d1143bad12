"""Where the window's settings live between runs (size, position, views, panel width, theme,
language, last selection): an INI file in the platform's configuration folder, read and written
by ``QSettings`` (which replaces the file whole, so a crash never leaves half a file). Values that
cannot be read fall back to defaults with a message in the status bar, never a crash."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

#: Bump when a stored value changes meaning; older files are then ignored, not misread.
FORMAT = 1


def settings_path() -> Path:
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and os.path.isabs(xdg):
        base = Path(xdg)
    else:
        base = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
            or Path.home() / ".config"
        )
    return base / "sciatica-atlas" / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.usable = self.qsettings.value("format", FORMAT, int) == FORMAT

    @classmethod
    def throwaway(cls) -> Settings:
        """Settings that start empty and are written to a temporary folder: for screenshots and
        the benchmark, which must neither read nor change the user's settings."""
        import tempfile

        return cls(Path(tempfile.mkdtemp(prefix="sciatica-atlas-")) / "settings.ini")

    def get(self, key: str, default: Any = None, kind: type | None = None) -> Any:
        if not self.usable or not self.qsettings.contains(key):
            return default
        try:
            value = self.qsettings.value(key, default, kind) if kind else self.qsettings.value(key, default)
        except (TypeError, ValueError):
            return default
        return default if value is None else value

    def set(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)

    def save(self) -> bool:
        """Write everything now; False if the file could not be written."""
        self.qsettings.setValue("format", FORMAT)
        self.qsettings.sync()
        return self.qsettings.status() == QSettings.Status.NoError
