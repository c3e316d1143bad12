"""Content in another language: overlay files that give translated names (and red-flag wording)
for the records of a content folder, applied to a loaded Atlas before anything is explained.

An overlay is ``<content folder>/i18n/<code>.yaml`` (the shipped Spanish one is
``data/i18n/es.yaml``)::

    language: es
    disclaimer: "…"                # the panel disclaimer, as the interface catalog has it
    regions:
      calf-posterior: {name: Pantorrilla, aliases: [gemelos]}
    roots:    {L5: {name: raíz nerviosa L5}}
    nerves:   {sciatic: {name: nervio ciático}}
    conditions: {…}
    red_flags:
      cauda-equina: {name: …, signs: [… one per English sign …], action: …}

Every region, root, nerve, condition and red flag must be there (``check`` reports the missing
ones, and keys naming no record, as file:line); exercises and findings may be added the same
way and are optional. ``translate_atlas`` returns a new Atlas whose records carry the
translated names, so ``explain``, ``explore`` and the renderers keep reading one typed answer and
never look anything up twice. The English name stays findable: it becomes an alias.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentError, ContentProblem, display_path
from viewer.content.yaml_lines import LinedDict, line_of, load_lined
from viewer.files import UnreadableFile, read_regular_file

#: Kinds an overlay must cover completely, and those it may cover.
REQUIRED_KINDS = ("regions", "roots", "nerves", "conditions", "red_flags")
OPTIONAL_KINDS = ("exercises", "findings", "places")
#: The fields an overlay may translate, per kind.
FIELDS = {kind: {"name", "aliases"} for kind in (*REQUIRED_KINDS, *OPTIONAL_KINDS)}
FIELDS["red_flags"] = {"name", "signs", "action"}
_TOP_KEYS = {"language", "disclaimer", *REQUIRED_KINDS, *OPTIONAL_KINDS}
MAX_FILE_BYTES = 2_000_000


@dataclass
class Overlay:
    """One language's translations for one content folder: ``kind -> id -> field -> value``."""

    language: str
    disclaimer: str = ""
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def overlay_path(content: Path, code: str) -> Path:
    return content / "i18n" / f"{code}.yaml"


def overlay_languages(content: Path) -> list[str]:
    """Codes of the overlays a content folder carries."""
    folder = content / "i18n"
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value.strip()) >= 1


def check_overlay(path: Path, atlas: Atlas) -> tuple[list[ContentProblem], Overlay | None]:
    """Every problem of one overlay file against the atlas it translates, and the overlay
    (``None`` when the file cannot be read at all)."""
    name = display_path(path)
    problems: list[ContentProblem] = []
    try:
        data = load_lined(read_regular_file(path, MAX_FILE_BYTES).decode("utf-8"))
    except UnreadableFile as exc:
        return [ContentProblem(name, 0, str(exc))], None
    except UnicodeDecodeError:
        return [ContentProblem(name, 0, "is not UTF-8 text")], None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return [ContentProblem(name, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")], None
    if not isinstance(data, LinedDict):
        return [ContentProblem(name, 1, "an overlay is a mapping of kinds to records")], None

    overlay = Overlay(language=str(data.get("language") or path.stem))
    if data.get("language") not in (None, path.stem):
        problems.append(ContentProblem(name, line_of(data, ("language",)),
                                       f"language {data.get('language')!r} does not match the file name {path.stem!r}"))
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(ContentProblem(name, line_of(data, (key,)), f"unknown key {key!r}"))
    if _text(data.get("disclaimer")):
        overlay.disclaimer = str(data["disclaimer"]).strip()
    else:
        problems.append(ContentProblem(name, line_of(data, ("disclaimer",)), "missing: disclaimer"))

    for kind in (*REQUIRED_KINDS, *OPTIONAL_KINDS):
        section = data.get(kind)
        records = getattr(atlas, kind)
        if section is None:
            section = LinedDict()
        elif not isinstance(section, dict):
            problems.append(ContentProblem(name, line_of(data, (kind,)), f"{kind}: expected a mapping of ids"))
            continue
        out: dict[str, dict[str, Any]] = {}
        for rid, entry in section.items():
            where = line_of(data, (kind, rid))
            if rid not in records:
                problems.append(ContentProblem(name, where, f"unknown {kind} id {rid!r}"))
                continue
            if not isinstance(entry, dict):
                problems.append(ContentProblem(name, where, f"{kind} {rid!r}: expected name: …"))
                continue
            out[str(rid)] = _check_entry(kind, str(rid), entry, records[rid], data, name, problems)
        overlay.records[kind] = out
        if kind in REQUIRED_KINDS:
            where = line_of(data, (kind,)) if kind in data else 1
            for rid in records:
                if rid not in section:
                    problems.append(ContentProblem(name, where, f"missing {kind} id {rid!r}"))
    return problems, overlay


def _check_entry(
    kind: str, rid: str, entry: dict[str, Any], record: Any, data: Any, name: str,
    problems: list[ContentProblem],
) -> dict[str, Any]:
    good: dict[str, Any] = {}
    for key, value in entry.items():
        where = line_of(data, (kind, rid, key))
        if key not in FIELDS[kind]:
            problems.append(ContentProblem(name, where, f"{kind} {rid!r}: unknown field {key!r}"))
        elif key in ("aliases", "signs"):
            if not isinstance(value, list) or not all(_text(v) for v in value):
                problems.append(ContentProblem(name, where, f"{kind} {rid!r}: {key} must be a list of texts"))
            elif key == "signs" and len(value) != len(record.signs):
                problems.append(ContentProblem(
                    name, where, f"{kind} {rid!r}: {len(value)} signs, the original has {len(record.signs)}"))
            else:
                good[key] = [str(v).strip() for v in value]
        elif not _text(value):
            problems.append(ContentProblem(name, where, f"{kind} {rid!r}: {key} must be a text"))
        else:
            good[key] = str(value).strip()
    required = {"name", "signs", "action"} if kind == "red_flags" else {"name"}
    for key in sorted(required - set(entry)):
        problems.append(ContentProblem(name, line_of(data, (kind, rid)), f"{kind} {rid!r}: missing {key}"))
    return good


def check_overlays(content: Path, atlas: Atlas) -> list[ContentProblem]:
    """Problems of every overlay a content folder carries (for ``sciatica-atlas check``)."""
    problems: list[ContentProblem] = []
    for code in overlay_languages(content):
        found, _ = check_overlay(overlay_path(content, code), atlas)
        problems += found
    return problems


def load_overlay(content: Path, code: str, atlas: Atlas) -> Overlay | None:
    """The overlay for ``code`` (``None`` if the folder has none); raises ``ContentError`` if it
    has problems, so a half-translated atlas is never shown."""
    path = overlay_path(content, code)
    if not path.is_file():
        return None
    problems, overlay = check_overlay(path, atlas)
    if problems:
        raise ContentError(problems)
    return overlay


def translate_atlas(atlas: Atlas, overlay: Overlay) -> Atlas:
    """A new Atlas whose records carry the overlay's names, aliases and red-flag wording; the
    English name (and English aliases) stay as aliases so either language resolves."""
    lists: dict[str, list[Any]] = {}
    for kind in ("sources", "roots", "nerves", "regions", "places", "conditions", "exercises",
                 "red_flags", "disputes", "advice", "findings", "ranking_methods", "maps"):
        records = getattr(atlas, kind)
        changes = overlay.records.get(kind, {})
        out = []
        for rid, record in records.items():
            update = dict(changes.get(rid, {}))
            if "name" in update and kind != "red_flags":
                extra = update.pop("aliases", [])
                english = [record.name, *record.aliases]
                update["aliases"] = list(dict.fromkeys([*extra, *english]))
            elif "aliases" in update:
                update["aliases"] = list(dict.fromkeys([*update["aliases"], *record.aliases]))
            out.append(record.replace(**update) if update else record)
        lists[kind] = out
    return Atlas(
        sources=lists["sources"], roots=lists["roots"], nerves=lists["nerves"],
        regions=lists["regions"], conditions=lists["conditions"], exercises=lists["exercises"],
        red_flags=lists["red_flags"], disputes=lists["disputes"], advice=lists["advice"],
        findings=lists["findings"], ranking_method=lists["ranking_methods"],
        maps=lists["maps"], places=lists["places"],
    )


def localise(atlas: Atlas, content: Path | None, code: str) -> Atlas:
    """``atlas`` in language ``code``, using the content folder's overlay (the shipped folder's
    when ``content`` is None); the atlas itself for English or where no overlay exists."""
    if code == "en":
        return atlas
    if content is None:
        from viewer.paths import data_dir

        content = data_dir()
    overlay = load_overlay(content, code, atlas)
    return translate_atlas(atlas, overlay) if overlay is not None else atlas
