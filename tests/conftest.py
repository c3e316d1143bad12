"""Shared test set-up: headless Qt, PySide6 for pyqtgraph, settings kept out of the home folder."""

import os
import sys

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def content(tmp_path):
    """A writable copy of the shipped content folder, for tests that break or edit it."""
    import shutil

    from viewer.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return folder


@pytest.fixture(scope="session")
def atlas():
    """The shipped content with its drawing attached, as the window and the command line use
    it (places' roots and the explorer's location evidence are measured on the drawing)."""
    from viewer.content import load_atlas
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir

    loaded = load_atlas()
    loaded.attach_views(load_views(assets_dir()))
    return loaded


@pytest.fixture
def window(qtbot, atlas):
    """The main window with both views, shown at 1400 x 900."""
    from PySide6.QtWidgets import QApplication

    from tests.ui_driver import shown_window

    win = shown_window(qtbot, atlas)
    win.canvas.fit()
    QApplication.processEvents()
    return win
