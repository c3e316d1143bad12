"""Start-up loads a validated snapshot of the content when nothing changed, without importing
the schema machinery; any change to the content means a full validation again."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.content import ContentError
from viewer.content.loading import load_atlas, snapshot_key

PROBE = (
    "import sys\n"
    "from viewer.content import load_atlas\n"
    "atlas = load_atlas({folder!r})\n"
    "print(len(atlas.roots), 'pydantic' in sys.modules)\n"
)


def probe(folder: Path) -> tuple[str, bool]:
    env = dict(os.environ)  # the autouse fixture points XDG_CACHE_HOME at the test's folder
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(folder=str(folder))],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    ).stdout.split()
    return out[0], out[1] == "True"


def test_second_start_skips_the_schema(content):
    roots, used_pydantic = probe(content)
    assert used_pydantic  # first time: validated
    again, used_pydantic = probe(content)
    assert again == roots and not used_pydantic  # from the snapshot


def test_a_changed_file_is_validated_again(content):
    probe(content)
    before = snapshot_key(content)
    path = content / "roots.yaml"
    path.write_text(path.read_text().replace("reflex: Ankle jerk", "reflex: Ankle jerky"))
    assert snapshot_key(content) != before
    _roots, used_pydantic = probe(content)
    assert used_pydantic
    atlas = load_atlas(content)
    assert "Ankle jerky" in atlas.roots["S1"].reflex


def test_broken_content_is_never_served_from_a_snapshot(content):
    load_atlas(content)
    (content / "roots.yaml").write_text("roots: [")
    with pytest.raises(ContentError):
        load_atlas(content)


def test_a_damaged_snapshot_is_a_miss(content, tmp_path):
    atlas = load_atlas(content)
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "sciatica-atlas"
    entries = list(cache.glob("content-*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    again = load_atlas(content)
    assert again.roots["L5"] == atlas.roots["L5"]
    assert entries[0].read_bytes()[:1] == b"\x80"  # rewritten


def test_records_are_read_only(atlas):
    with pytest.raises(AttributeError, match="read-only"):
        atlas.roots["L5"].name = "changed"
