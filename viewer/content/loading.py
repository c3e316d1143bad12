"""Load a content folder for use: from a validated snapshot when nothing changed, else by full
validation (which then writes the snapshot).

Validating the YAML with the schema is the slow part of start-up (importing pydantic and
building the models, then checking every record: about a quarter of a second). The result only
changes when the content or the code that reads it changes, so after a clean validation the
built Atlas is pickled into the platform cache folder, keyed by a hash of every content file
and of the modules that shape the Atlas. A later start with the same key unpickles it without
importing pydantic at all. Anything odd (no cache folder, a damaged or foreign entry, an
unreadable file) means a full validation, exactly as without the snapshot. ``check`` never uses
the snapshot: it always validates.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentError

#: Change when the snapshot's layout changes.
FORMAT = "1"
#: Modules whose code decides what a loaded Atlas contains.
SHAPING_MODULES = ("schema.py", "loader.py", "records.py", "atlas.py", "loading.py")
MAX_BYTES = 64_000_000  # far above any real content; a bigger folder is simply not snapshotted


def _content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if "__pycache__" not in p.parts)


def snapshot_key(folder: Path) -> str | None:
    """A hash of every content file and of the code that reads them, or None if any file
    cannot be read plainly (then the full loader reports it properly)."""
    from viewer.files import UnreadableFile, read_regular_file

    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    here = Path(__file__).resolve().parent
    try:
        for name in SHAPING_MODULES:
            digest.update((here / name).read_bytes())
        total = 0
        for path in _content_files(folder):
            data = read_regular_file(path, MAX_BYTES)
            total += len(data)
            if total > MAX_BYTES:
                return None
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(data + b"\0")
    except (OSError, UnreadableFile, ValueError):
        return None
    return digest.hexdigest()[:40]


def _entry(key: str) -> Path | None:
    from viewer.drawing.geometry_cache import cache_dir

    base = cache_dir()
    return None if base is None else base / f"content-{key}.pickle"


def _read_snapshot(key: str) -> Atlas | None:
    path = _entry(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            atlas = pickle.load(handle)  # noqa: S301 - our own cache file, keyed by content hash
    except Exception:  # noqa: BLE001 - any damaged or foreign entry is a cache miss
        return None
    return atlas if isinstance(atlas, Atlas) else None


def _write_snapshot(key: str, atlas: Atlas) -> None:
    path = _entry(key)
    if path is None:
        return
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            pickle.dump(atlas, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        tmp.unlink(missing_ok=True)  # only a speed-up lost


def load_atlas(folder: Path | str | None = None) -> Atlas:
    """Load a content folder (the shipped one by default); raise ``ContentError`` for bad
    content, with every problem and its file and line."""
    if folder is None:
        from viewer.paths import data_dir

        folder = data_dir()
    folder = Path(folder)
    key = snapshot_key(folder) if folder.is_dir() else None
    if key is not None:
        atlas = _read_snapshot(key)
        if atlas is not None:
            return atlas
    from viewer.content.loader import build_atlas, check_content

    problems, entries = check_content(folder)
    if problems:
        raise ContentError(problems)
    atlas = build_atlas(entries)
    if key is not None:
        _write_snapshot(key, atlas)
    return atlas
