"""The shipped tours: the four the issue asks for, every step showing something the atlas can
draw, captions citing only what the content cites, and ``check`` pointing at bad steps."""

import shutil

import pytest

from viewer.content.classroom import load_classroom
from viewer.content.explain import _collect_sources
from viewer.content.explore import explore
from viewer.content.loader import check_content
from viewer.content.tours import step_view, to_pattern
from viewer.paths import data_dir


@pytest.fixture(scope="module")
def classroom():
    return load_classroom()


def test_the_four_tours_ship(classroom):
    titles = {t.title for t in classroom.tours.values()}
    assert {
        "Follow the sciatic nerve",
        "L5 or S1?",
        "Pain from a root vs pain referred from a joint",
        "Red flags",
    } <= titles


def test_every_step_can_be_shown(classroom):
    atlas = classroom.atlas
    for tour in classroom.tours.values():
        for i in range(len(tour.steps)):
            view = step_view(atlas, tour, i)
            assert (view.select is None) != (view.pattern is None)
            assert view.progress == f"{i + 1} / {len(tour.steps)}"
            assert view.sources and view.caption


def test_captions_cite_only_what_the_content_cites(classroom):
    atlas = classroom.atlas
    for tour in classroom.tours.values():
        for step in tour.steps:
            allowed: dict[str, None] = {}
            if step.select is not None:
                kind = atlas.kind_of(step.select.target)
                _collect_sources(atlas.record(kind, step.select.target).to_dict(), allowed)
            else:
                allowed.update(dict.fromkeys(r.id for r in explore(atlas, to_pattern(step.pattern)).references))
                for place in step.pattern.places:
                    _collect_sources(atlas.regions[place.region].to_dict(), allowed)
            assert set(step.sources) <= set(allowed), (tour.id, step.caption, set(step.sources) - set(allowed))


def test_the_l5_or_s1_patterns_lead_where_the_captions_say(classroom):
    atlas = classroom.atlas
    tour = classroom.tours["tour-l5-or-s1"]
    leaders = [explore(atlas, to_pattern(s.pattern)).roots[0].ref.id for s in tour.steps if s.pattern]
    assert leaders == ["L5", "S1"]


def test_check_reports_bad_tour_steps_with_file_and_line(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    tour = folder / "tours" / "l5-or-s1.yaml"
    text = tour.read_text().replace("select: {target: L5}", "select: {target: L9}", 1)
    text = text.replace("{region: foot-dorsum, side: left}", "{region: nowhere, side: left}")
    tour.write_text(text)
    (folder / "tours" / "empty.yaml").write_text(
        "tours:\n  - id: tour-empty\n    title: Empty\n    summary: No steps at all\n"
        "    sources: [harrison]\n    steps: []\n"
    )
    (folder / "tours" / "both.yaml").write_text(
        "tours:\n  - id: tour-both\n    title: Both\n    summary: A step that does two things\n"
        "    sources: [harrison]\n    steps:\n      - select: {target: L5}\n"
        "        pattern: {places: [{region: heel}]}\n        caption: Too much at once\n"
        "        sources: [harrison]\n"
    )
    problems, _ = check_content(folder)
    lines = [str(p) for p in problems]
    assert any("l5-or-s1.yaml:11:" in s and "'L9'" in s for s in lines), lines
    assert any("l5-or-s1.yaml:28:" in s and "'nowhere'" in s for s in lines), lines
    assert any("empty.yaml:6:" in s and "steps" in s for s in lines), lines
    assert any("both.yaml:7:" in s and "exactly one" in s for s in lines), lines


def test_a_broken_subfolder_is_one_clear_problem(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py", "tours"))
    (folder / "tours").write_text("not a folder")
    (folder / "quiz" / "fifo.yaml").unlink(missing_ok=True)
    import os

    os.mkfifo(folder / "quiz" / "fifo.yaml")
    problems, _ = check_content(folder)
    lines = [str(p) for p in problems]
    assert any(s.endswith("tours: is not a folder") for s in lines), lines
    assert any("fifo.yaml" in s and "not a regular file" in s for s in lines), lines
