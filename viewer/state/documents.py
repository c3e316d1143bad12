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
        "places": [{"region": p.region, "side": p.side} for p in pattern.places],
        "findings": [{"id": m.finding, "present": m.present, "side": m.side} for m in pattern.marks],
    }
    if note:
        data["note"] = note
    return data


def save_pattern(path: Path, pattern: Pattern, note: str = "") -> None:
    """Write the pattern; an existing file is only replaced once the new one is complete."""
    text = "# A pain pattern saved by Sciatica Atlas (educational, not a diagnosis).\n"
    text += yaml.safe_dump(pattern_to_data(pattern, note), sort_keys=False, allow_unicode=True)
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


def _where(path: Path, node: Any, default: int = 1) -> str:
    return f"{path}:{getattr(node, 'line', default)}"


def load_pattern(path: Path, atlas: Atlas) -> Pattern:
    """Read and check a pattern file against the atlas; raises ``PatternFileError``."""
    try:
        if not path.is_file():
            raise PatternFileError(f"{path}: not a file (or it does not exist)")
        if path.stat().st_size > MAX_BYTES:
            raise PatternFileError(f"{path}: too large for a pattern file (over 1 MB)")
        data = load_lined(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise PatternFileError(f"{path}:1: not UTF-8 text") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise PatternFileError(f"{path}:{line}: not valid YAML ({exc.problem})") from None
    except (yaml.YAMLError, RecursionError):
        raise PatternFileError(f"{path}:1: not valid YAML") from None
    except OSError as exc:
        raise PatternFileError(f"{path}: cannot read it ({exc.strerror})") from None
    if not isinstance(data, LinedDict) or data.get("format") != FORMAT:
        raise PatternFileError(f"{path}:1: not a Sciatica Atlas pattern file (no 'format: {FORMAT}')")
    version = data.get("version")
    if version != VERSION:
        raise PatternFileError(
            f"{path}:{data.key_lines.get('version', 1)}: pattern format version {version!r} "
            f"is not one this version reads ({VERSION})"
        )
    places = []
    for item, line in _items(path, data, "places"):
        region, side = item.get("region"), item.get("side")
        if region not in atlas.regions:
            raise PatternFileError(f"{path}:{line}: unknown place {region!r}")
        if side is not None and side not in SIDES:
            raise PatternFileError(f"{path}:{line}: side must be left, right or both, not {side!r}")
        places.append(Place(region, side))
    marks = []
    for item, line in _items(path, data, "findings"):
        fid, present, side = item.get("id"), item.get("present", True), item.get("side")
        if fid not in atlas.findings:
            raise PatternFileError(f"{path}:{line}: unknown finding {fid!r}")
        if not isinstance(present, bool):
            raise PatternFileError(f"{path}:{line}: present must be true or false")
        if side is not None and side not in SIDES:
            raise PatternFileError(f"{path}:{line}: side must be left, right or both, not {side!r}")
        marks.append(Mark(fid, present, side))
    return Pattern(tuple(places), tuple(marks))


def _items(path: Path, data: LinedDict, key: str) -> list[tuple[LinedDict, int]]:
    items = data.get(key)
    if items is None:  # missing or empty: nothing of that kind
        return []
    if not isinstance(items, LinedList):
        raise PatternFileError(f"{path}:{data.key_lines.get(key, 1)}: '{key}' must be a list")
    out = []
    for item, line in zip(items, items.item_lines):
        if not isinstance(item, LinedDict):
            raise PatternFileError(f"{path}:{line}: each entry of '{key}' must be a mapping")
        out.append((item, line))
    return out
