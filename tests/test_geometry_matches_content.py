"""Every drawn id has content and every region, root and nerve is drawn."""

from viewer.consistency import check_geometry
from viewer.geometry import load_view, view_files
from viewer.paths import assets_dir


def test_svg_and_yaml_agree(atlas):
    views = [(str(p), load_view(p)) for p in view_files(assets_dir())]
    assert views, "no SVG views found"
    assert check_geometry(atlas, views) == []


def test_every_region_drawn_on_both_sides(atlas):
    view = load_view(assets_dir() / "posterior.svg")
    sides = {(s.content_id, s.side) for s in view.clickable() if s.kind == "regions"}
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
