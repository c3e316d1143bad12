"""Read every ``*.yaml`` file of a content folder, validate it, and cross-check references.

All problems are collected before anything is raised, so ``sciatica-atlas check`` can list every
one of them with its file and line in a single run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentProblem, display_path
from viewer.content.records import from_model
from viewer.content.schema import CLASSROOM_KINDS, KINDS
from viewer.content.yaml_lines import LinedDict, LinedList, line_of, load_lined
from viewer.files import UnreadableFile, read_regular_file

#: Fields whose values name other records, and the kind of record they name ("*" = any kind,
#: "a|b" = a record of kind a or of kind b).
_REFERENCE_FIELDS = {
    "roots": "roots",
    "root": "roots",
    "nerves": "nerves",
    "nerve": "nerves",
    "branch_of": "nerves",
    "regions": "regions",
    "region": "regions",
    "exercises": "exercises",
    "about": "*",
    "target": "*",  # findings' effects narrow this to roots or conditions (_effect_targets)
    "red_flag": "red_flags",
    "red_flags": "red_flags",
    "sources": "sources",
}


@dataclass
class _Entry:
    kind: str
    record: BaseModel
    raw: Any
    file: str


#: Largest content file read (the biggest shipped one is about 16 kB).
MAX_FILE_BYTES = 2_000_000


class _Unreadable:
    """What a file that could not be parsed contributes: the sections it probably held, so
    only references into those sections go unchecked."""

    def __init__(self, kinds: set[str]):
        self.kinds = kinds


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:", re.MULTILINE)


def _guess_kinds(path: Path, text: str) -> set[str]:
    kinds = {key for key in _TOP_KEY.findall(text) if key in KINDS}
    if path.stem in KINDS:
        kinds.add(path.stem)
    return kinds or set(KINDS)  # nothing recognisable: it could have held anything


def _read_file(path: Path, problems: list[ContentProblem]) -> Any:
    """The parsed file, ``None`` for an empty one, or ``_Unreadable`` after noting why."""
    name = display_path(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        problems.append(ContentProblem(name, 0, str(exc)))
        return _Unreadable(_guess_kinds(path, ""))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(ContentProblem(name, line, f"not UTF-8 text ({exc.reason})"))
        return _Unreadable(_guess_kinds(path, raw.decode("utf-8", "replace")))
    try:
        return load_lined(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the broken construct starts
        line = mark.line + 1 if mark else 1
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        problems.append(ContentProblem(name, line, f"YAML error: {what}"))
    except yaml.YAMLError as exc:
        problems.append(ContentProblem(name, 1, f"YAML error: {exc}"))
    except RecursionError:  # a safety net: check_limits should stop this first
        problems.append(ContentProblem(name, 1, "YAML error: nested too deeply"))
    return _Unreadable(_guess_kinds(path, text))


def _describe_loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "record"


def _validate_file(
    path: Path,
    data: Any,
    problems: list[ContentProblem],
    invalid: dict[str, set[str]],
    unchecked: set[str],
) -> Iterator[_Entry]:
    """Yield the valid records; note the ids of invalid ones so references to them are not
    reported a second time as unknown, and the kinds whose records could not be read at all
    (``unchecked``) so references into them are not reported either."""
    name = display_path(path)
    if data is None:  # empty or only comments: holds nothing, breaks nothing
        return
    if isinstance(data, _Unreadable):
        unchecked.update(data.kinds)
        return
    if not isinstance(data, LinedDict):
        problems.append(
            ContentProblem(name, getattr(data, "line", 1), "the file must be a mapping of sections")
        )
        unchecked.update(_guess_kinds(path, ""))
        return
    for kind, items in data.items():
        kind_line = data.key_lines[kind]
        if kind not in KINDS:
            expected = ", ".join(KINDS)
            problems.append(
                ContentProblem(name, kind_line, f"unknown section {kind!r} (expected: {expected})")
            )
            continue
        if items is None:  # "roots:" with nothing under it yet
            continue
        if not isinstance(items, LinedList):
            problems.append(ContentProblem(name, kind_line, f"section {kind!r} must be a list"))
            unchecked.add(kind)
            continue
        model = KINDS[kind]
        for index, raw in enumerate(items):
            label = f"{kind}[{index}]"
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                label = f"{kind} {raw['id']!r}"
            try:
                record = model.model_validate(raw)
            except ValidationError as exc:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    invalid.setdefault(kind, set()).add(raw["id"])
                else:  # a record without a readable id: any reference might have meant it
                    unchecked.add(kind)
                for error in exc.errors():
                    line = line_of(data, (kind, index, *error["loc"]))
                    where = _describe_loc(error["loc"])
                    problems.append(ContentProblem(name, line, f"{label}: {where}: {error['msg']}"))
                continue
            yield _Entry(kind, record, raw, name)


def _references(
    value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Every (path, target kind, id) named by a record, found by field name at any depth."""
    if isinstance(value, dict):
        for key, inner in value.items():
            target = _REFERENCE_FIELDS.get(key)
            if target and isinstance(inner, str):
                yield (*path, key), target, inner
            elif target and isinstance(inner, list) and all(isinstance(v, str) for v in inner):
                for i, ref in enumerate(inner):
                    yield (*path, key, i), target, ref
            else:
                yield from _references(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _references(inner, (*path, i))


def _cross_check(
    entries: list[_Entry],
    problems: list[ContentProblem],
    invalid: dict[str, set[str]],
    unchecked: set[str],
) -> None:
    by_kind: dict[str, dict[str, _Entry]] = {kind: {} for kind in KINDS}
    content_ids: dict[str, _Entry] = {}
    for entry in entries:
        rid = entry.record.id  # type: ignore[attr-defined]
        line = getattr(entry.raw, "line", 1)
        table = by_kind[entry.kind]
        clash = table.get(rid) or (content_ids.get(rid) if entry.kind != "sources" else None)
        if clash is not None:
            first = f"{clash.file}:{getattr(clash.raw, 'line', 1)}"
            problems.append(
                ContentProblem(entry.file, line, f"duplicate id {rid!r} (already used at {first})")
            )
            continue
        table[rid] = entry
        if entry.kind != "sources":
            content_ids[rid] = entry
    # ids of records that failed validation: already reported, so not "unknown" a second time
    broken_any = set().union(*(ids for kind, ids in invalid.items() if kind != "sources"))
    # a reference into a section of a file that could not be read cannot be judged
    any_unchecked = bool(unchecked - {"sources"})
    for entry in entries:
        for path, target, ref in _references(entry.record.model_dump()):
            kinds = target.split("|")
            if (target == "*" and any_unchecked) or any(k in unchecked for k in kinds):
                continue
            if target == "*":
                known: Any = content_ids
                broken = broken_any
            else:
                known = set().union(*(by_kind[k] for k in kinds))
                broken = set().union(*(invalid.get(k, set()) for k in kinds))
            if ref not in known and ref not in broken:
                what = " or ".join(
                    "source" if k == "sources" else k.rstrip("s").replace("_", " ") for k in kinds
                )
                line = line_of(entry.raw, path)
                rid = entry.record.id  # type: ignore[attr-defined]
                problems.append(
                    ContentProblem(
                        entry.file,
                        line,
                        f"{entry.kind} {rid!r}: {'.'.join(map(str, path))} names unknown {what} {ref!r}",
                    )
                )


def _branch_loops(entries: list[_Entry], problems: list[ContentProblem]) -> None:
    """A nerve that is (through ``branch_of``) a branch of itself would make every walk up or
    down the nerve tree endless; report each loop once, at its first nerve in file order."""
    nerves = {e.record.id: e for e in entries if e.kind == "nerves"}  # type: ignore[attr-defined]
    reported: set[str] = set()
    for rid, entry in nerves.items():
        chain = [rid]
        current = entry.record.branch_of  # type: ignore[attr-defined]
        while current in nerves and current not in chain:
            chain.append(current)
            current = nerves[current].record.branch_of  # type: ignore[attr-defined]
        if current != rid or rid in reported:
            continue
        reported.update(chain)
        line = line_of(entry.raw, ("branch_of",))
        if len(chain) == 1:
            what = "branch_of names the nerve itself"
        else:
            what = "branch_of forms a loop: " + " → ".join([*chain, rid])
        problems.append(ContentProblem(entry.file, line, f"nerves {rid!r}: {what}"))


def _effect_targets(entries: list[_Entry], problems: list[ContentProblem]) -> None:
    """A finding speaks about roots and conditions only: an effect aimed at a region, nerve or
    red flag would be ranked as neither."""
    allowed = {e.record.id for e in entries if e.kind in ("roots", "conditions")}  # type: ignore[attr-defined]
    known = {e.record.id for e in entries if e.kind != "sources"}  # type: ignore[attr-defined]
    for entry in entries:
        if entry.kind != "findings":
            continue
        for i, effect in enumerate(entry.record.effects):  # type: ignore[attr-defined]
            if effect.target in known and effect.target not in allowed:
                line = line_of(entry.raw, ("effects", i, "target"))
                rid = entry.record.id  # type: ignore[attr-defined]
                problems.append(
                    ContentProblem(
                        entry.file,
                        line,
                        f"findings {rid!r}: effects.{i}.target {effect.target!r} must be a root "
                        "or a condition",
                    )
                )


def _one_ranking_method(entries: list[_Entry], problems: list[ContentProblem]) -> None:
    """The pattern explorer follows exactly one ranking method when there are findings."""
    methods = [e for e in entries if e.kind == "ranking_method"]
    findings = [e for e in entries if e.kind == "findings"]
    if findings and len(methods) != 1:
        where = methods[1] if len(methods) > 1 else findings[0]
        what = "a second" if len(methods) > 1 else "no"
        problems.append(
            ContentProblem(
                where.file,
                getattr(where.raw, "line", 1),
                f"{what} ranking_method record: findings need exactly one (see data/method.yaml)",
            )
        )


def _content_files(folder: Path, problems: list[ContentProblem]) -> list[Path]:
    name = display_path(folder)
    try:
        if not folder.is_dir():
            what = "no such content folder" if not folder.exists() else "is not a folder"
            problems.append(ContentProblem(name, 0, what))
            return []
        files = sorted(folder.glob("*.yaml"))
    except OSError as exc:
        problems.append(ContentProblem(name, 0, f"cannot be listed ({exc.strerror or exc})"))
        return []
    if not files:
        problems.append(ContentProblem(name, 0, "no *.yaml content files here"))
    return files + _classroom_files(folder, problems)


#: Most files read from one classroom subfolder (tours/, quiz/): a bound, like the file size.
MAX_SUBFOLDER_FILES = 500


def _classroom_files(folder: Path, problems: list[ContentProblem]) -> list[Path]:
    """The ``*.yaml`` files of the classroom subfolders (``tours/``, ``quiz/``), one level deep
    only; each is then read like any other content file (regular files only, bounded size)."""
    found: list[Path] = []
    for sub in dict.fromkeys(CLASSROOM_KINDS.values()):
        path = folder / sub
        try:
            if not path.exists():
                continue
            if not path.is_dir():
                problems.append(ContentProblem(display_path(path), 0, "is not a folder"))
                continue
            files = sorted(path.glob("*.yaml"))
        except OSError as exc:
            problems.append(
                ContentProblem(display_path(path), 0, f"cannot be listed ({exc.strerror or exc})")
            )
            continue
        if len(files) > MAX_SUBFOLDER_FILES:
            problems.append(
                ContentProblem(
                    display_path(path),
                    0,
                    f"holds {len(files)} files; only the first {MAX_SUBFOLDER_FILES} were read",
                )
            )
            files = files[:MAX_SUBFOLDER_FILES]
        found.extend(files)
    return found


def check_file(path: Path) -> tuple[list[ContentProblem], list[_Entry]]:
    """The problems and valid records of one content file read on its own (a quiz bank handed
    to ``sciatica-atlas quiz --bank``); references to other files are not checked here."""
    problems: list[ContentProblem] = []
    invalid: dict[str, set[str]] = {}
    unchecked: set[str] = set()
    data = _read_file(path, problems)
    entries = list(_validate_file(path, data, problems, invalid, unchecked))
    return sorted(set(problems)), entries


def check_content(folder: Path) -> tuple[list[ContentProblem], list[_Entry]]:
    """Every problem in a content folder, sorted by file and line, and the valid records."""
    problems: list[ContentProblem] = []
    entries: list[_Entry] = []
    invalid: dict[str, set[str]] = {}
    unchecked: set[str] = set()
    classroom_files: set[str] = set()
    for path in _content_files(folder, problems):
        if path.parent != folder:
            classroom_files.add(display_path(path))
        data = _read_file(path, problems)
        entries.extend(_validate_file(path, data, problems, invalid, unchecked))
    _cross_check(entries, problems, invalid, unchecked)
    _branch_loops(entries, problems)
    _one_ranking_method(entries, problems)
    _effect_targets(entries, problems)
    items = _classroom_items(entries)
    if items and not any(p.file not in classroom_files for p in problems):
        # the atlas can be built: check what tours and quizzes claim against it
        from viewer.content.classroom_check import classroom_problems

        problems.extend(classroom_problems(build_atlas(entries), items))
    return sorted(set(problems)), entries


def _classroom_items(entries: list[_Entry]) -> list[tuple[BaseModel, Any, str]]:
    return [(e.record, e.raw, e.file) for e in entries if e.kind in CLASSROOM_KINDS]


def build_atlas(entries: list[_Entry]) -> Atlas:
    """An Atlas from records that ``check_content`` found valid."""
    grouped: dict[str, list[Any]] = {kind: [] for kind in KINDS if kind not in CLASSROOM_KINDS}
    for entry in entries:
        if entry.kind in grouped:  # tours and quizzes live beside the atlas (classroom.py)
            # the Atlas keeps plain read-only records, so a validated snapshot of it can be
            # loaded without the schema machinery (viewer.content.loading)
            grouped[entry.kind].append(from_model(entry.record))
    return Atlas(**grouped)
