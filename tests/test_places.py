"""Fine places (cells of the regions): content, drawing, check, measured roots, saved patterns."""

import re

import pytest

from tests.cli_driver import run
from viewer.content.consistency import check_geometry, check_places
from viewer.content.explain import explain
from viewer.content.pattern import Pattern, Place
from viewer.drawing.coverage import polygons
from viewer.drawing.svg_reader import load_view, view_files
from viewer.paths import assets_dir
from viewer.state.documents import load_pattern, save_pattern


def _views():
    return [(str(p), load_view(p)) for p in view_files(assets_dir())]


def _area(ops) -> float:
    total = 0.0
    for poly in polygons(ops):
        total += abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]]))) / 2
    return total


def test_between_sixty_and_ninety_cells_each_named_in_patient_words(atlas):
    assert 30 <= len(atlas.places) <= 45  # on each side: 60-90 cells over both legs
    for place in atlas.places.values():
        assert place.region in atlas.regions
        assert not any(ch.isdigit() for ch in place.name)
    assert atlas.places["ankle-outer"].name == "Outer ankle"
    assert atlas.resolve("outer ankle") == ("places", "ankle-outer")
    assert atlas.resolve("place:kneecap") == ("places", "kneecap")


def test_every_region_is_tiled_by_its_cells(atlas):
    """In each view and on each side, a region's cells together cover it (no gaps, no overlap):
    their areas add up to the region's."""
    for _path, view in _views():
        for side in ("left", "right"):
            for rid in atlas.regions:
                region = sum(_area(s.ops) for s in view.shapes if s.kind == "regions" and s.content_id == rid and s.side == side)
                if not region:
                    continue
                cells = [
                    s
                    for s in view.shapes
                    if s.kind == "places" and s.side == side and atlas.places[s.content_id].region == rid
                ]
                assert cells, (view.name, rid, side)
                assert sum(_area(s.ops) for s in cells) == pytest.approx(region, rel=0.03), (view.name, rid, side)


def test_the_drawing_and_the_places_agree(atlas):
    views = _views()
    assert check_geometry(atlas, views) == []
    drawn = {(s.content_id, s.side) for _, v in views for s in v.shapes if s.kind == "places"}
    for pid in atlas.places:
        assert (pid, "left") in drawn and (pid, "right") in drawn, pid


def test_a_place_drawn_on_one_side_only_is_reported(tmp_path):
    bad = tmp_path / "one.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
        '<path id="place:kneecap@left" d="M0,0 L5,0 L5,5 Z"/></svg>'
    )
    problems = [str(p) for p in check_places([(str(bad), load_view(bad))])]
    assert problems == [f"{bad.name}:2: place 'kneecap' is drawn here but not on the right (expected id place:kneecap@right)"] or (
        len(problems) == 1 and ":2: place 'kneecap' is drawn here but not on the right" in problems[0]
    )


def _line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_check_names_file_and_line_of_a_place_in_an_unknown_region(content):
    places = content / "places.yaml"
    places.write_text(places.read_text().replace("region: little-toe", "region: sixth-toe"))
    line = _line_of(places, "sixth-toe")
    proc = run("check", str(content), ok=False)
    assert proc.returncode == 1
    assert f"places.yaml:{line}: places 'toe-little': region names unknown region 'sixth-toe'" in proc.stdout


def test_check_names_file_and_line_of_a_place_without_a_shape(content):
    places = content / "places.yaml"
    places.write_text(
        places.read_text()
        + "  - {id: tip-of-the-nose, name: Tip of the nose, region: low-back, sources: [albert-2019-drawings]}\n"
    )
    line = _line_of(places, "tip-of-the-nose")
    proc = run("check", str(content), ok=False)
    assert proc.returncode == 1
    assert f"places.yaml:{line}: place 'tip-of-the-nose' has no shape in any SVG view" in proc.stdout


def test_a_place_page_names_its_region_and_measured_roots_per_map(atlas):
    answer = explain(atlas, "places", "toe-little")
    facts = {f.label: f for f in answer.facts}
    assert facts["Part of"].refs[0].id == "little-toe"
    for map_id, record in atlas.maps.items():
        row = facts[f"Dermatome, {record.name}"]
        assert [r.id for r in row.refs] == ["S1"], map_id
        assert "100 %" in row.refs[0].name
    assert [link.target.id for link in answer.root_links] == ["S1"]
    assert "covers 100 % of this place" in answer.root_links[0].why
    assert "sural" in [link.target.id for link in answer.nerve_links]
    # the region's conditions are one click away, so the red flags come with them
    assert any(r.id == "disc-herniation" for r in facts["Conditions that can cause pain here"].refs)
    assert answer.red_flags


def test_outer_ankle_is_l5_and_the_maps_differ_on_s1(atlas):
    lee = atlas.place_roots("ankle-outer", "lee")
    foerster = atlas.place_roots("ankle-outer", "foerster")
    assert [r for r, _ in lee] == ["L5"]
    assert [r for r, _ in foerster][:2] == ["L5", "S1"]


def test_old_pattern_files_with_regions_still_open(atlas, tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(
        "format: sciatica-atlas-pattern\nversion: 1\nplaces:\n"
        "  - {region: calf-posterior, side: left}\n  - {region: little-toe, side: left}\n"
        "findings: []\n"
    )
    pattern = load_pattern(old, atlas)
    assert pattern.places == (Place("calf-posterior", "left"), Place("little-toe", "left"))
    assert all(p.kind == "regions" for p in pattern.places)


def test_new_pattern_files_name_places_and_round_trip(atlas, tmp_path):
    pattern = Pattern((Place("ankle-outer", "left", "places"), Place("calf-posterior", "left")))
    path = tmp_path / "new.yaml"
    save_pattern(path, pattern)
    text = path.read_text()
    assert "place: ankle-outer" in text and "region: calf-posterior" in text
    assert load_pattern(path, atlas) == pattern


def test_list_places_and_explore_cells_on_the_command_line():
    listed = run("list", "places").stdout
    assert "ankle-outer" in listed and "Outer ankle" in listed
    out = run("explore", "outer ankle", "outer side of the leg", "shin-front", "--side", "left").stdout
    assert "The L5 dermatome (Lee" in out and "of the marked places" in out


def test_measurements_are_remembered_per_drawing(atlas, tmp_path, monkeypatch):
    """A place is measured once per drawing: a new start reads the measurement back."""
    from viewer.drawing.coverage import Coverage

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    views = [view for _, view in _views()]
    first = Coverage(views).cover([("places", "ankle-outer", "left")])
    assert list((tmp_path / "cache" / "sciatica-atlas").glob("covers-*.json"))

    def no_measuring(*_args):
        raise AssertionError("measured again")

    again = Coverage(views)
    monkeypatch.setattr(again, "_measure", no_measuring)
    assert again.cover([("places", "ankle-outer", "left")]) == first


def test_a_content_folder_from_before_the_places_still_loads_with_clickable_regions(content, qtbot):
    """An instructor's copy of the content made before places.yaml existed, with the shipped
    drawings: it checks clean, and the window clicks regions as it used to."""
    from viewer.session import Session
    from viewer.state.app_state import AppState
    from viewer.ui.canvas import AtlasCanvas

    (content / "places.yaml").unlink()
    overlay = content / "i18n" / "es.yaml"  # as it was then: no Spanish place names either
    text = overlay.read_text(encoding="utf-8")
    overlay.write_text(text[: text.index("\nplaces:")] + "\n", encoding="utf-8")
    assert "ok:" in run("check", str(content)).stdout
    session = Session.load(content)
    assert not session.atlas.places
    canvas = AtlasCanvas(session.atlas, session.views, AppState())
    qtbot.addWidget(canvas)
    assert not canvas.items_for("places", "ankle-outer", "left")
    assert all(i.takes_clicks for i in canvas.items_for("regions", "calf-posterior", "left"))


def test_the_text_reader_knows_the_places_words(atlas):
    """A fine place's own words mark that place; words a region already uses keep the region."""
    from viewer.content.describe import read_description

    reading = read_description(atlas, "pain at my left outer ankle and in the left calf")
    assert Place("ankle-outer", "left", "places") in reading.pattern.places
    assert Place("calf-posterior", "left") in reading.pattern.places


def test_a_place_page_says_where_a_map_leaves_the_skin_without_a_root(atlas):
    """Found by a newcomer: Lee's low shares on the calf read as a weak answer, not a gap."""
    from viewer.content.explain import explain

    def lee(pid):
        facts = explain(atlas, "places", pid).facts
        return next(f for f in facts if f.label.startswith("Dermatome, Lee"))

    calf = lee("calf-upper-outer")
    assert re.match(r"About \d+ % of it has no root in this map; the rest:", calf.text)
    assert [r.id for r in calf.refs][:1] == ["S2"]
    assert lee("sitting-bone").text.startswith("This map names no root for this skin")
    assert lee("toe-little").text == ""  # wholly given to S1: nothing to add
