"""Saved pain patterns: round trip, atomic replacement, and a clear file:line for every bad file."""

import os

import pytest

from viewer.content.pattern import Mark, Pattern, Place
from viewer.state.documents import PatternFileError, load_pattern, save_pattern

PATTERN = Pattern(
    (Place("buttock", "left"), Place("calf-posterior", "both")),
    (Mark("reduced-ankle-jerk", True, "left"), Mark("weakness", False)),
)


def test_round_trip(atlas, tmp_path):
    path = tmp_path / "p.yaml"
    save_pattern(path, PATTERN)
    assert load_pattern(path, atlas) == PATTERN
    assert path.read_text().startswith("# A pain pattern saved by Sciatica Atlas")


def test_a_failed_save_leaves_the_old_file_and_no_litter(atlas, tmp_path, monkeypatch):
    path = tmp_path / "p.yaml"
    save_pattern(path, PATTERN)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_pattern(path, Pattern())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("places: []\n", ":1: not a Sciatica Atlas pattern file"),
        ("format: sciatica-atlas-pattern\nversion: 2\n", ":2: pattern file version 2"),
        ("format: sciatica-atlas-pattern\nversion: 1\nplaces: {}\n", ":3: 'places' must be a list"),
        ("format: sciatica-atlas-pattern\nversion: 1\nplaces:\n  - heel\n", ":4: each entry of 'places' must be a mapping"),
        ("format: sciatica-atlas-pattern\nversion: 1\nplaces:\n  - {region: heel, side: up}\n", ":4: side must be left, right or both"),
        ("format: sciatica-atlas-pattern\nversion: 1\nfindings:\n  - {id: psychic}\n", ":4: unknown finding 'psychic'"),
        ("format: sciatica-atlas-pattern\nversion: 1\nfindings:\n  - {id: slump-test, present: maybe}\n", ":4: present must be true or false"),
        ("format: sciatica-atlas-pattern\nversion: 1\nplaces: [\n", "not valid YAML"),
        ("format: sciatica-atlas-pattern\nversion: 1\nversion: 1\n", "not valid YAML"),
    ],
)
def test_bad_files_get_a_clear_message(atlas, tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(PatternFileError) as info:
        load_pattern(path, atlas)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_missing_folder_and_binary_files(atlas, tmp_path):
    with pytest.raises(PatternFileError, match="not a file"):
        load_pattern(tmp_path, atlas)
    blob = tmp_path / "blob.yaml"
    blob.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PatternFileError, match="not UTF-8"):
        load_pattern(blob, atlas)
