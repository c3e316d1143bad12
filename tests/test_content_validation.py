"""Broken content gives one message per problem, with the file and line to fix."""

from pathlib import Path

import pytest

from viewer.content import ContentError, load_atlas
from viewer.content.loader import check_content
from viewer.paths import data_dir


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _messages(folder: Path) -> list[str]:
    problems, _ = check_content(folder)
    return [str(p) for p in problems]


def test_shipped_content_is_valid():
    problems, entries = check_content(data_dir())
    assert problems == []
    assert len(entries) > 100


def test_missing_field(content):
    path = content / "roots.yaml"
    text = path.read_text()
    line = _line_of(path, "reflex: Ankle jerk")
    path.write_text(text.replace("    reflex: Ankle jerk (Achilles reflex).\n", ""))
    messages = _messages(content)
    assert len(messages) == 1
    assert "roots.yaml:" in messages[0] and "'S1'" in messages[0] and "reflex" in messages[0]
    start = _line_of(path, "- id: S1")
    assert int(messages[0].split(":")[1]) in range(start, line + 1)


def test_unknown_reference(content):
    path = content / "regions.yaml"
    path.write_text(
        path.read_text().replace(
            "      - root: S2\n        why: The midpoint",
            "      - root: S9\n        why: The midpoint",
        )
    )
    messages = _messages(content)
    assert len(messages) == 1
    line = _line_of(path, "root: S9")
    assert messages[0].startswith(f"{path}:{line}:") or f"regions.yaml:{line}:" in messages[0]
    assert "unknown root 'S9'" in messages[0]


def test_unknown_source(content):
    path = content / "red_flags.yaml"
    path.write_text(
        path.read_text().replace("[nhs-lothian, heyneurosurgeon]", "[nhs-lothian, nobody-said-so]")
    )
    messages = _messages(content)
    assert len(messages) == 1 and "unknown source 'nobody-said-so'" in messages[0]
    assert f"red_flags.yaml:{_line_of(path, 'nobody-said-so')}:" in messages[0]


def test_record_without_source(content):
    path = content / "red_flags.yaml"
    path.write_text(
        path.read_text().replace("    sources: [gloucestershire]\n", "    sources: []\n", 1)
    )
    messages = _messages(content)
    assert any("sources" in m and "at least 1" in m for m in messages)


def test_duplicate_id(content):
    path = content / "exercises.yaml"
    path.write_text(path.read_text().replace("  - id: walking-program", "  - id: nerve-slider"))
    messages = _messages(content)
    assert any("duplicate id 'nerve-slider'" in m and "exercises.yaml" in m for m in messages)


def test_duplicate_key(content):
    path = content / "roots.yaml"
    path.write_text(
        path.read_text().replace(
            "    reflex: None.\n", "    reflex: None.\n    reflex: Twice.\n", 1
        )
    )
    messages = _messages(content)
    line = _line_of(path, "reflex: Twice.")
    assert messages == [
        f"{messages[0].split(':')[0]}:{line}: YAML error: duplicate key 'reflex' (first at line {line - 1})"
    ]


def test_yaml_syntax_error(content):
    path = content / "nerves.yaml"
    path.write_text(path.read_text().replace("    name: Sural nerve", "    name: [Sural nerve"))
    messages = _messages(content)
    assert len(messages) == 1 and "nerves.yaml:" in messages[0] and "YAML error" in messages[0]


def test_load_raises_with_all_problems(content):
    (content / "extra.yaml").write_text("widgets:\n  - id: x\n")
    with pytest.raises(ContentError) as info:
        load_atlas(content)
    assert "extra.yaml:1: unknown section 'widgets'" in str(info.value)


def test_dispute_needs_two_positions(content):
    path = content / "disputes.yaml"
    text = path.read_text()
    one_sided = text.replace(
        "      - view: Usually in the middle of the thigh.\n        sources: [ellis]\n", ""
    )
    assert one_sided != text
    path.write_text(one_sided)
    messages = _messages(content)
    assert len(messages) == 1
    assert "disputes 'sciatic-division'" in messages[0] and "at least 2" in messages[0]
    # the line given is the record's `positions:` key, the thing to fix
    positions_line = _line_of(path, "topic: Where the sciatic nerve splits") + 2
    assert f"disputes.yaml:{positions_line}:" in messages[0]


def test_dispute_about_unknown_record(content):
    path = content / "disputes.yaml"
    path.write_text(path.read_text().replace("about: [L4, L5]", "about: [L4, L6]"))
    messages = _messages(content)
    assert len(messages) == 1 and "unknown" in messages[0] and "'L6'" in messages[0]
    assert f"disputes.yaml:{_line_of(path, 'about: [L4, L6]')}:" in messages[0]
