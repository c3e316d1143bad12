"""A safe YAML reader that remembers the line of every value and refuses duplicate keys.

Validation errors must name the line a person should fix, so mappings and lists come back as
``LinedDict`` / ``LinedList``: ordinary containers that also know where each entry started.
"""

from __future__ import annotations

from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedDict(dict):
    line: int = 0
    key_lines: dict[Any, int]


class LinedList(list):
    line: int = 0
    item_lines: list[int]


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _LinedLoader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    result = LinedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a key must be a plain value, not a list or mapping",
                key_node.start_mark,
            ) from None
        if key in result:
            raise DuplicateKeyError(
                None,
                None,
                f"duplicate key {key!r} (first at line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LinedList:
    result = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


#: Deepest nesting of lists and mappings accepted (the shipped content needs 4). Deeper input
#: would exhaust Python's recursion limit, or the C stack of the YAML composer.
MAX_DEPTH = 40
#: Most values a document may expand to once aliases are followed ("billion laughs").
MAX_NODES = 500_000


class TooComplex(yaml.MarkedYAMLError):
    """The document is nested too deeply or expands to too many values to be content."""


def check_limits(text: str) -> None:
    """Walk the parser's events (no recursion, no objects built) and raise ``TooComplex`` at the
    first place that nests deeper than ``MAX_DEPTH`` or expands past ``MAX_NODES`` values."""
    depth = 0
    sizes: dict[str, int] = {}  # anchor -> values it stands for
    open_: list[tuple[str | None, int]] = []  # (anchor, values counted before it opened)
    total = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooComplex(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    event.start_mark,  # type: ignore[arg-type]
                )
            open_.append((event.anchor, total))
            total += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, before = open_.pop()
            if anchor:
                sizes[anchor] = total - before
        elif isinstance(event, yaml.ScalarEvent):
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            total += sizes.get(event.anchor or "", 1)
        if total > MAX_NODES:
            raise TooComplex(
                None,
                None,
                f"expands to more than {MAX_NODES:,} values (aliases repeated too often)",
                event.start_mark,  # type: ignore[arg-type]
            )


def load_lined(text: str) -> Any:
    """Parse one YAML document; raises ``yaml.YAMLError`` (with a mark) on bad input, including
    input nested too deeply or too large to be content (checked before anything is built)."""
    check_limits(text)
    return yaml.load(text, Loader=_LinedLoader)  # noqa: S506 - a SafeLoader subclass


def line_of(data: Any, path: tuple[Any, ...], default: int = 1) -> int:
    """The line where the value at ``path`` (keys and list indexes) starts, as near as known."""
    line = getattr(data, "line", default)
    node = data
    for step in path:
        if isinstance(node, LinedDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LinedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
