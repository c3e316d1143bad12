"""The maps on the command line (list, screenshot options, explain per map) and the geometry
behind ``explain``'s places."""

import json

import pytest

from tests.cli_driver import run
from viewer.drawing.coverage import dermatome_places, inside, polygons


def test_list_maps_json():
    rows = json.loads(run("list", "maps", "--json").stdout)
    ids = [r["id"] for r in rows]
    assert {"lee", "keegan", "foerster"} <= set(ids)
    lee = next(r for r in rows if r["id"] == "lee")
    assert lee["year"] == 2008 and "lee-dermatomes" in lee["sources"] and "S3" in lee["not_drawn"]
    assert "Keegan & Garrett 1948" in run("list", "maps").stdout


def test_screenshot_map_and_layer_change_the_picture(tmp_path):
    shots = {}
    for name, extra in {
        "lee": ["--map", "lee"],
        "keegan": ["--map", "keegan"],
        "nerves": ["--map", "lee", "--layer", "nerves"],
    }.items():
        out = tmp_path / f"{name}.png"
        run("screenshot", str(out), "--select", "S1", "--size", "800x600", *extra)
        shots[name] = out.read_bytes()
    assert len(set(shots.values())) == 3
    bad = run("screenshot", str(tmp_path / "x.png"), "--map", "nosuch", ok=False)
    assert bad.returncode != 0 and "--map must be one of" in bad.stderr
    bad = run("screenshot", str(tmp_path / "x.png"), "--layer", "bones", ok=False)
    assert bad.returncode != 0


def test_explain_root_names_places_per_map():
    data = json.loads(run("explain", "L4", "--json").stdout)
    per_map = {m["map"]["id"]: m for m in data["dermatome_maps"]}
    assert set(per_map) >= {"lee", "keegan", "foerster"}
    places = {mid: [p["id"] for p in m["places"]] for mid, m in per_map.items()}
    # the wide map runs L4 from the outer thigh; the narrow ones keep it below the knee
    assert "thigh-lateral" in places["keegan"]
    assert "thigh-lateral" not in places["lee"] and "leg-medial" in places["lee"]
    labels = [f["label"] for f in data["facts"]]
    assert "Dermatome, Keegan & Garrett 1948" in labels
    assert "keegan-garrett" in data["sources"]
    s3 = json.loads(run("explain", "S3", "--json").stdout)
    lee = next(m for m in s3["dermatome_maps"] if m["map"]["id"] == "lee")
    assert lee["drawn"] is False and lee["places"] == []


@pytest.fixture(scope="module")
def views():
    from viewer.session import Session

    return Session.load().views


def test_places_follow_the_geometry(views):
    s1 = dict(dermatome_places(views, "S1", "keegan"))
    assert "thigh-posterior" in s1 and "calf-posterior" in s1
    assert abs(sum(s1.values()) - 1) < 0.2  # nearly all of the shape lies on some region
    assert "groin" not in s1
    assert dermatome_places(views, "S1", "nosuchmap") == []


def test_point_in_polygon():
    square = polygons([("M", 0, 0), ("L", 10, 0), ("L", 10, 10), ("L", 0, 10), ("Z",)])
    assert inside(square, 5, 5) and not inside(square, 15, 5)
