"""Every drawn id has content and every region, root and nerve is drawn."""

from tests.test_clinical_coverage import FRONT_REGIONS
from viewer.content.consistency import check_geometry
from viewer.drawing.svg_reader import load_view, view_files
from viewer.paths import assets_dir


def test_svg_and_yaml_agree(atlas):
    views = [(str(p), load_view(p)) for p in view_files(assets_dir())]
    assert views, "no SVG views found"
    assert check_geometry(atlas, views) == []


def test_every_region_drawn_on_both_sides(atlas):
    sides = {
        (s.content_id, s.side)
        for p in view_files(assets_dir())
        for s in load_view(p).clickable()
        if s.kind == "regions"
    }
    for rid in atlas.regions:
        assert (rid, "left") in sides and (rid, "right") in sides, rid


def test_check_reports_a_stray_svg_id(atlas, tmp_path):
    bad = tmp_path / "extra.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<path id="region:elbow@left" d="M0,0 L5,0 L5,5 Z"/>'
        '<path id="wrong-format" d="M0,0 L5,0 L5,5 Z"/></svg>'
    )
    problems = [str(p) for p in check_geometry(atlas, [(str(bad), load_view(bad))])]
    assert any("'region:elbow@left' has no region 'elbow'" in p for p in problems)
    assert any("'wrong-format' is not of the form" in p for p in problems)


def test_views_are_back_then_front():
    names = [p.stem for p in view_files(assets_dir())]
    assert names[:2] == ["posterior", "anterior"]


def test_front_view_has_the_front_regions_and_key_points():
    view = load_view(assets_dir() / "anterior.svg")
    assert view.title == "Front view"
    regions = {s.content_id for s in view.clickable() if s.kind == "regions"}
    for rid in FRONT_REGIONS:
        assert rid in regions, rid
    points = {(s.content_id, s.side) for s in view.key_points()}
    assert {("L1", "left"), ("L4", "right"), ("L5", "left")} <= points
    # key points are not clickable shapes
    assert all(s.kind != "points" for s in view.clickable())


def test_check_reports_a_key_point_for_an_unknown_root(atlas, tmp_path):
    bad = tmp_path / "extra.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<path id="point:T12@left" d="M0,0 L5,0 L5,5 Z"/></svg>'
    )
    problems = [str(p) for p in check_geometry(atlas, [(str(bad), load_view(bad))])]
    assert any("'point:T12@left' is a key sensory point of 'T12'" in p for p in problems)
    assert any("root 'L5' has no key sensory point" in p for p in problems)


def test_parsed_views_are_cached_and_refreshed_when_the_svg_changes(tmp_path):
    from viewer.drawing import geometry_cache

    svg = tmp_path / "posterior.svg"
    original = (assets_dir() / "posterior.svg").read_text()
    svg.write_text(original)
    first = load_view(svg)
    assert list(geometry_cache.cache_dir().glob("view-*.pickle")), "nothing cached"
    load_view.cache_clear()
    assert load_view(svg) == first  # from the cache, same shapes
    # an edited drawing is parsed again, not served stale
    svg.write_text(original.replace('id="region:heel@left"', 'id="region:heels@left"'))
    load_view.cache_clear()
    assert any(s.content_id == "heels" for s in load_view(svg).shapes)
    # a damaged cache entry is ignored
    for entry in geometry_cache.cache_dir().glob("view-*.pickle"):
        entry.write_bytes(b"{not a cache entry")
    load_view.cache_clear()
    assert load_view(svg).title == "Back view"
    load_view.cache_clear()
