"""A cache of parsed SVG views, so start-up neither parses unchanged drawings again nor imports
the SVG library.

Parsing both views with svgelements takes about 100 ms; reading a cache entry takes a few (a
pickled view behind the SHA-256 digest of its bytes; checking every number of a JSON entry in
Python took longer than parsing the SVG). Entries are keyed by a hash of the view's name, its
SVG text and the cache format, so an edited drawing is parsed again. The cache is only a
speed-up: an entry whose bytes do not match their digest (damaged, cut off, edited by hand) or
that does not hold a view of that name is a cache miss and is replaced. The cache lives in the platform's cache folder; if there is none, or
it cannot be written, the atlas runs without it and says so once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from dataclasses import replace
from pathlib import Path

from viewer.drawing import path_stream, shapes
from viewer.drawing.shapes import PathOps, View

FORMAT = "7"  # 7: paths packed for Qt and their x range kept (PathOps)
DIGEST_SIZE = 32  # bytes of SHA-256 in front of each entry
#: the classes an entry holds and the packing of its paths: a change to them makes every entry
#: a miss
_SHAPES_SOURCE = hashlib.sha256(
    Path(shapes.__file__).read_bytes() + Path(path_stream.__file__).read_bytes()
).hexdigest()
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
    digest = hashlib.sha256(f"{FORMAT}\0{_SHAPES_SOURCE}\0{name}\0{text}".encode())
    return folder / f"view-{digest.hexdigest()[:32]}.pickle"


def load(name: str, text: str) -> View | None:
    """The cached view for this SVG text, or None (a miss) if there is no sound entry."""
    path = _entry(name, text)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[:DIGEST_SIZE], data[DIGEST_SIZE:]
    if len(digest) < DIGEST_SIZE or hashlib.sha256(payload).digest() != digest:
        return None  # not an entry this module wrote whole: damaged, cut off, or edited
    try:
        view = pickle.loads(payload)  # noqa: S301 - our own entry, checked against its digest
    except Exception:  # noqa: BLE001 - any failure to unpickle is a miss
        return None
    return view if isinstance(view, View) and view.name == name else None


def store(text: str, view: View) -> None:
    path = _entry(view.name, text)
    if path is None:
        _warn_once("no cache folder: HOME and XDG_CACHE_HOME are empty or not absolute")
        return
    payload = pickle.dumps(_shared(view), protocol=pickle.HIGHEST_PROTOCOL)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        _warn_once(f"cannot write {path.parent}: {exc.strerror or exc}")


def _shared(view: View) -> View:
    """The view with equal numbers and equal path steps as one object each. Neighbouring
    shapes trace the same borders (the fine places follow their regions'), so a third of the
    steps and six in seven numbers repeat; pickle keeps shared objects shared, and the loaded
    drawing takes some 2 MB less."""
    numbers: dict[float, float] = {}
    steps: dict[tuple, tuple] = {}

    def step(op: tuple) -> tuple:
        canonical = (op[0], *(numbers.setdefault(x, x) for x in op[1:]))
        return steps.setdefault(canonical, canonical)

    def path(ops: tuple) -> PathOps:
        steps = (step(op) for op in ops)
        return ops.with_steps(steps) if isinstance(ops, PathOps) else PathOps(steps)

    shapes = [replace(s, ops=path(s.ops)) for s in view.shapes]
    return replace(view, shapes=shapes)
