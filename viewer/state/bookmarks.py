"""Saved views: what the window shows (views, zoom, a selection or a pain pattern) under a name,
saved as a small file in a content folder's ``bookmarks/`` so it can be shared with the folder,
and opened again. Same file rules as patterns: format and version, atomic writes, ``file:line``
errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from viewer.content.atlas import SELECTABLE, Atlas
from viewer.content.pattern import SIDES, Pattern
from viewer.state.app_state import ALL_VIEWS, AppState, Target
from viewer.state.case_files import atomic_write, read_document, read_pattern
from viewer.state.documents import pattern_to_data

FORMAT = "sciatica-atlas-bookmark"
VERSION = 1
FOLDER = "bookmarks"


class BookmarkError(Exception):
    """A bookmark that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Bookmark:
    name: str
    view: str = ALL_VIEWS
    zoom: float = 1.0
    target: Target | None = None
    pattern: Pattern | None = None  # set when the view was a pain pattern


def bookmark_from_state(name: str, state: AppState, zoom: float = 1.0) -> Bookmark:
    """The current view as a bookmark (the zoom comes from the canvas, which owns it)."""
    if state.mode == "pattern":
        return Bookmark(name, state.shown, zoom, None, state.pattern)
    return Bookmark(name, state.shown, zoom, state.current, None)


def apply_bookmark(bookmark: Bookmark, state: AppState) -> float:
    """Show the bookmark through the state's own actions; returns the zoom for the canvas."""
    if bookmark.pattern is not None:
        state.set_pattern(bookmark.pattern)
    elif bookmark.target is not None:
        state.select(bookmark.target.kind, bookmark.target.id, bookmark.target.side)
    else:
        state.clear()
    state.show_view(bookmark.view)
    return bookmark.zoom


def file_name(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:60]
    return f"{slug or 'bookmark'}.yaml"


def save_bookmark(folder: Path, bookmark: Bookmark) -> Path:
    """Write the bookmark into ``folder/bookmarks/`` (created if needed); returns its path."""
    target = folder / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    path = target / file_name(bookmark.name)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": bookmark.name,
        "view": bookmark.view,
        "zoom": bookmark.zoom,
    }
    if bookmark.target is not None:
        data["select"] = {
            "kind": bookmark.target.kind,
            "id": bookmark.target.id,
            "side": bookmark.target.side,
        }
    if bookmark.pattern is not None:
        pattern = pattern_to_data(bookmark.pattern)
        data["places"], data["findings"] = pattern["places"], pattern["findings"]
    text = "# A saved view of Sciatica Atlas.\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    atomic_write(path, text)
    return path


def load_bookmark(path: Path, atlas: Atlas, views: tuple[str, ...] = ("posterior", "anterior")) -> Bookmark:
    data = read_document(path, FORMAT, VERSION, "bookmark", BookmarkError)
    line = data.key_lines
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BookmarkError(f"{path}:{line.get('name', 1)}: a bookmark needs a name")
    view = data.get("view", ALL_VIEWS)
    if view != ALL_VIEWS and view not in views:
        raise BookmarkError(f"{path}:{line.get('view', 1)}: unknown view {view!r}")
    zoom = data.get("zoom", 1.0)
    if not isinstance(zoom, int | float) or isinstance(zoom, bool) or not 0.5 <= zoom <= 8:
        raise BookmarkError(f"{path}:{line.get('zoom', 1)}: zoom must be a number from 0.5 to 8")
    target = None
    select = data.get("select")
    if select is not None:
        where = f"{path}:{line.get('select', 1)}"
        if not isinstance(select, dict):
            raise BookmarkError(f"{where}: select must be a mapping of kind, id and side")
        kind, rid, side = select.get("kind"), select.get("id"), select.get("side")
        if kind not in SELECTABLE or rid not in getattr(atlas, str(kind), {}):
            raise BookmarkError(f"{where}: unknown selection {kind}:{rid}")
        if side is not None and side not in SIDES:
            raise BookmarkError(f"{where}: side must be left, right or both, not {side!r}")
        target = Target(str(kind), str(rid), side)
    pattern = None
    if "places" in data or "findings" in data:
        if target is not None:
            raise BookmarkError(f"{path}:1: a bookmark holds a selection or a pattern, not both")
        pattern = read_pattern(path, data, atlas, BookmarkError)
    return Bookmark(name.strip(), str(view), float(zoom), target, pattern)


def load_bookmarks(folder: Path, atlas: Atlas) -> tuple[list[Bookmark], list[str]]:
    """Every bookmark in ``folder/bookmarks/``, by name, and one message per bad file (a bad
    file never hides the good ones)."""
    found: list[Bookmark] = []
    problems: list[str] = []
    target = folder / FOLDER
    if not target.is_dir():
        return found, problems
    for path in sorted(target.glob("*.yaml"))[:500]:
        try:
            found.append(load_bookmark(path, atlas))
        except BookmarkError as exc:
            problems.append(str(exc))
    return sorted(found, key=lambda b: b.name.casefold()), problems
