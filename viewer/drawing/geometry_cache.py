"""A cache of parsed SVG views, so start-up does not re-parse unchanged drawings.

Parsing both views with svgelements takes about 100 ms; reading the cached JSON takes a few.
Entries are keyed by a hash of the view's name, its SVG text and the cache format, so an edited
drawing is parsed again. The cache is only a speed-up: if it cannot be read or written, the SVG is parsed as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import astuple
from pathlib import Path

from viewer.drawing.shapes import Label, Shape, View

FORMAT = "1"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sciatica-atlas"


def _entry(name: str, text: str) -> Path:
    digest = hashlib.sha256(f"{FORMAT}\0{name}\0{text}".encode()).hexdigest()[:32]
    return cache_dir() / f"view-{digest}.json"


def load(name: str, text: str) -> View | None:
    try:
        raw = json.loads(_entry(name, text).read_text(encoding="utf-8"))
        return View(
            raw["name"],
            raw["width"],
            raw["height"],
            [Shape(s[0], tuple(tuple(op) for op in s[1]), *s[2:]) for s in raw["shapes"]],
            [Label(*lb) for lb in raw["labels"]],
            [tuple(b) for b in raw["bad_ids"]],  # type: ignore[misc]
            raw["title"],
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def store(text: str, view: View) -> None:
    raw = {
        "name": view.name,
        "width": view.width,
        "height": view.height,
        "title": view.title,
        "shapes": [astuple(s) for s in view.shapes],
        "labels": [astuple(lb) for lb in view.labels],
        "bad_ids": view.bad_ids,
    }
    path = _entry(view.name, text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(raw, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home folder only costs the speed-up
