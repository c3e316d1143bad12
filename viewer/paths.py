"""Where the content and the drawing live, worked out once.

An installed wheel carries them as the packages ``viewer.data`` and ``viewer.assets``; a source
checkout has them as the top-level ``data/`` and ``assets/`` folders next to ``viewer/``.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, fallback: str) -> Path:
    source = _SOURCE_ROOT / fallback
    if source.is_dir() and (_SOURCE_ROOT / "pyproject.toml").is_file():
        return source
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError(f"cannot find the {fallback}/ folder of Sciatica Atlas")


@cache
def data_dir() -> Path:
    return _package_dir("viewer.data", "data")


@cache
def assets_dir() -> Path:
    return _package_dir("viewer.assets", "assets")


def views_dir(content: Path | None = None) -> Path:
    """The SVG views that go with a content folder: its ``views/`` subfolder if it has one (a
    content folder of ``data/*.yaml`` + ``views/*.svg``), otherwise the shipped drawings."""
    if content is not None and (content / "views").is_dir():
        return content / "views"
    return assets_dir()
