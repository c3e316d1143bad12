"""A cache of parsed SVG views, so start-up neither parses unchanged drawings again nor imports
the SVG library.

Parsing both views with svgelements takes about 100 ms; reading the cached JSON takes a few.
Entries are keyed by a hash of the view's name, its SVG text and the cache format, so an edited
drawing is parsed again. The cache is only a speed-up: an entry that cannot be read, or that
reads but does not hold a sound view (numbers that are not finite numbers, wrong shapes), is a
cache miss and is replaced. The cache lives in the platform's cache folder; if there is none, or
it cannot be written, the atlas runs without it and says so once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sys
from dataclasses import astuple
from pathlib import Path
from typing import Any

from viewer.drawing.shapes import Label, Shape, View

FORMAT = "4"  # 4: fine places (place:ID@side)
_ARITY = {"M": 2, "L": 2, "C": 6, "Q": 4, "Z": 0}
_KINDS = (None, "regions", "places", "roots", "nerves", "points", "dermatomes", "territories")
_warned = False


def cache_dir() -> Path | None:
    """The platform's per-user cache folder for the atlas, or None if there is no sound one
    (never ``/.cache``: an empty or relative ``HOME`` means there is no cache)."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "sciatica-atlas"
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        return Path(local) / "sciatica-atlas" / "Cache" if os.path.isabs(local) else None
    home = os.environ.get("HOME")
    if home is None:  # unset (not empty): ask the password database, as ~ does
        home = os.path.expanduser("~")
    if not os.path.isabs(home) or Path(home) == Path("/"):
        return None
    if sys.platform == "darwin":
        return Path(home) / "Library" / "Caches" / "sciatica-atlas"
    return Path(home) / ".cache" / "sciatica-atlas"


def _warn_once(why: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(
            f"sciatica-atlas: warning: running without a drawing cache ({why}); "
            "the SVG views are parsed at every start",
            file=sys.stderr,
        )


def _entry(name: str, text: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{name}\0{text}".encode()).hexdigest()[:32]
    return folder / f"view-{digest}.json"


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return float(value)


def _text(value: Any, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a string: {value!r}")
    return value


def _op(raw: Any) -> tuple:
    if not isinstance(raw, list) or not raw or raw[0] not in _ARITY:
        raise ValueError(f"not a path operation: {raw!r}")
    if len(raw) != _ARITY[raw[0]] + 1:
        raise ValueError(f"wrong arity: {raw!r}")
    return (raw[0], *(_number(v) for v in raw[1:]))


def _shape(raw: Any) -> Shape:
    if not isinstance(raw, list) or len(raw) != 9 or not isinstance(raw[1], list):
        raise ValueError("not a shape")
    kind = raw[2]
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    line = raw[7]
    if isinstance(line, bool) or not isinstance(line, int):
        raise ValueError("bad line")
    return Shape(
        _text(raw[0]),
        tuple(_op(op) for op in raw[1]),
        kind,
        _text(raw[3], optional=True),
        _text(raw[4], optional=True),
        _number(raw[5]),
        _text(raw[6], optional=True),
        line,
        _text(raw[8], optional=True),
    )


def _label(raw: Any) -> Label:
    if not isinstance(raw, list) or len(raw) != 6 or not isinstance(raw[5], bool):
        raise ValueError("not a label")
    return Label(
        _number(raw[0]), _number(raw[1]), _text(raw[2]), _number(raw[3]), _text(raw[4]), raw[5]
    )


def _view(raw: Any) -> View:
    """A View from a cache entry, every field checked; raises ValueError if anything is off."""
    if not isinstance(raw, dict):
        raise ValueError("not a mapping")
    width, height = _number(raw["width"]), _number(raw["height"])
    if width <= 0 or height <= 0:
        raise ValueError("empty view box")
    bad_ids = []
    for bad in raw["bad_ids"]:
        if not (isinstance(bad, list) and len(bad) == 2 and isinstance(bad[1], int)):
            raise ValueError("bad id entry")
        bad_ids.append((_text(bad[0]), bad[1]))
    return View(
        _text(raw["name"]),
        width,
        height,
        [_shape(s) for s in raw["shapes"]],
        [_label(lb) for lb in raw["labels"]],
        bad_ids,
        _text(raw["title"]),
    )


def load(name: str, text: str) -> View | None:
    """The cached view for this SVG text, or None (a miss) if there is no sound entry."""
    path = _entry(name, text)
    if path is None:
        return None
    try:
        view = _view(json.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None
    return view if view.name == name else None


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
    if path is None:
        _warn_once("no cache folder: HOME and XDG_CACHE_HOME are empty or not absolute")
        return
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(raw, separators=(",", ":"), allow_nan=False), encoding="utf-8")
        tmp.replace(path)
    except (OSError, ValueError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        _warn_once(f"cannot write {path.parent}: {getattr(exc, 'strerror', None) or exc}")
