"""Saved pain patterns: a small YAML file with a format name and version, written atomically
(a temporary file beside it, then a rename), and read back with a clear ``file:line`` message
for anything wrong, never a crash or a silent reset."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from viewer.content.atlas import Atlas
from viewer.content.pattern import SIDES, Mark, Pattern, Place
from viewer.content.yaml_lines import LinedDict, LinedList, load_lined

FORMAT = "sciatica-atlas-pattern"
VERSION = 1
MAX_BYTES = 1_000_000


class PatternFileError(Exception):
    """A pattern file that cannot be read; the message names the file and line."""


def pattern_to_data(pattern: Pattern, note: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "places": [
            {("place" if p.kind == "places" else "region"): p.region, "side": p.side}
            for p in pattern.places
        ],
        "findings": [{"id": m.finding, "present": m.present, "side": m.side} for m in pattern.marks],
    }
    if note:
        data["note"] = note
    return data


def save_pattern(path: Path, pattern: Pattern, note: str = "") -> None:
    """Write the pattern; an existing file is only replaced once the new one is complete."""
    text = "# A pain pattern saved by Sciatica Atlas (educational, not a diagnosis).\n"
    text += yaml.safe_dump(pattern_to_data(pattern, note), sort_keys=False, allow_unicode=True)
    atomic_write(path, text)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that an existing file is only replaced once the new one is complete."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_document(path: Path, fmt: str, version: int, what: str, error: type[Exception]) -> LinedDict:
    """The top-level mapping of a small versioned YAML document, or ``error`` saying
    ``file:line`` what is wrong with it."""
    try:
        if not path.is_file():
            raise error(f"{path}: not a file (or it does not exist)")
        if path.stat().st_size > MAX_BYTES:
            raise error(f"{path}: too large for a {what} (over 1 MB)")
        data = load_lined(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise error(f"{path}:1: not UTF-8 text") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise error(f"{path}:{line}: not valid YAML ({exc.problem})") from None
    except (yaml.YAMLError, RecursionError):
        raise error(f"{path}:1: not valid YAML") from None
    except OSError as exc:
        raise error(f"{path}: cannot read it ({exc.strerror})") from None
    if not isinstance(data, LinedDict) or data.get("format") != fmt:
        raise error(f"{path}:1: not a Sciatica Atlas {what} (no 'format: {fmt}')")
    if data.get("version") != version:
        raise error(
            f"{path}:{data.key_lines.get('version', 1)}: {what} version {data.get('version')!r} "
            f"is not one this version reads ({version})"
        )
    return data


def read_pattern(path: Path, data: LinedDict, atlas: Atlas, error: type[Exception]) -> Pattern:
    """The ``places`` and ``findings`` of a document, checked against the atlas."""
    places = []
    for item, line in _items(path, data, "places", error):
        # a fine place (``place:``), or a whole region as files before the places named it
        region, side = item.get("place", item.get("region")), item.get("side")
        known = atlas.places if "place" in item else atlas.regions
        if region not in known:
            raise error(f"{path}:{line}: unknown place {region!r}")
        if side is not None and side not in SIDES:
            raise error(f"{path}:{line}: side must be left, right or both, not {side!r}")
        places.append(Place(str(region), side, "places" if "place" in item else "regions"))
    marks = []
    for item, line in _items(path, data, "findings", error):
        fid, present, side = item.get("id"), item.get("present", True), item.get("side")
        if fid not in atlas.findings:
            raise error(f"{path}:{line}: unknown finding {fid!r}")
        if not isinstance(present, bool):
            raise error(f"{path}:{line}: present must be true or false")
        if side is not None and side not in SIDES:
            raise error(f"{path}:{line}: side must be left, right or both, not {side!r}")
        marks.append(Mark(fid, present, side))
    return Pattern(tuple(places), tuple(marks))


def _items(path: Path, data: LinedDict, key: str, error: type[Exception]) -> list[tuple[LinedDict, int]]:
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, LinedList):
        raise error(f"{path}:{data.key_lines.get(key, 1)}: '{key}' must be a list")
    out = []
    for item, line in zip(items, items.item_lines):
        if not isinstance(item, LinedDict):
            raise error(f"{path}:{line}: each entry of '{key}' must be a mapping")
        out.append((item, line))
    return out



def load_pattern(path: Path, atlas: Atlas) -> Pattern:
    """Read and check a pattern file against the atlas; raises ``PatternFileError``."""
    data = read_document(path, FORMAT, VERSION, "pattern file", PatternFileError)
    return read_pattern(path, data, atlas, PatternFileError)
