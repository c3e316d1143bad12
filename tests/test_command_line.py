"""The real command, run as a user or a script would run it."""

import json

import pytest

from tests.cli_driver import run


def test_explain_region_json():
    data = json.loads(run("explain", "calf", "--json").stdout)
    assert data["id"] == "calf-posterior" and data["type"] == "region"
    assert "S1" in [link["target"]["id"] for link in data["root_links"]]
    first = data["conditions"][0]
    assert {"id", "name"} <= set(first["ref"]) and first["kind"]


def test_explain_root_json():
    data = json.loads(run("explain", "S1", "--json").stdout)
    facts = {f["label"]: f for f in data["facts"]}
    for label in (
        "Skin area (dermatome)",
        "Key sensory point",
        "Key muscle",
        "Reflex",
        "Regions",
        "Feeds the nerves",
    ):
        assert facts[label]["text"] or facts[label]["refs"], label
    assert "Achilles" in facts["Reflex"]["text"]


def test_list_roots_json():
    rows = json.loads(run("list", "roots", "--json").stdout)
    assert [r["id"] for r in rows][:6] == ["L1", "L2", "L3", "L4", "L5", "S1"]


def test_unknown_id_is_one_clear_line():
    proc = run("explain", "elbow", ok=False)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "sciatica-atlas: error: unknown id or name 'elbow'"
    assert "Traceback" not in proc.stderr


def test_check_broken_folder(tmp_path):
    (tmp_path / "roots.yaml").write_text("roots:\n  - id: L5\n    name: [oops\n")
    proc = run("check", str(tmp_path), ok=False)
    assert proc.returncode == 1
    assert "roots.yaml:3: YAML error" in proc.stdout
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("size", ["big", "10x10"])
def test_screenshot_bad_size(tmp_path, size):
    proc = run("screenshot", str(tmp_path / "x.png"), "--size", size, ok=False)
    assert proc.returncode == 2 and "--size" in proc.stderr


def test_screenshot_writes_png(tmp_path):
    out = tmp_path / "shot.png"
    run("screenshot", str(out), "--select", "heel", "--size", "900x600")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20000


def test_explain_front_regions_by_plain_name():
    def linked(data, key):
        return [link["target"]["id"] for link in data[key]]

    data = json.loads(run("explain", "inner shin", "--json").stdout)
    assert data["id"] == "leg-medial" and linked(data, "root_links") == ["L4"]
    assert "saphenous" in linked(data, "nerve_links") and "sciatic" not in linked(data, "nerve_links")
    groin = json.loads(run("explain", "groin", "--json").stdout)
    assert "L1" in linked(groin, "root_links") and "ilioinguinal" in linked(groin, "nerve_links")


def test_explain_condition_lists_disputes_and_claims():
    data = json.loads(run("explain", "piriformis", "--json").stdout)
    assert data["condition_kind"] == "entrapment"
    assert any("piriformis syndrome" in d["topic"].lower() for d in data["disputes"])
    assert data["claims"]


def test_screenshot_one_view_with_both_sides(tmp_path):
    out = tmp_path / "front.png"
    run("screenshot", str(out), "--view", "anterior", "--select", "groin", "--side", "both")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_bad_view_and_side_without_select(tmp_path):
    proc = run("screenshot", str(tmp_path / "x.png"), "--view", "sideways", ok=False)
    assert (
        proc.returncode == 2 and "--view must be both or one of posterior, anterior" in proc.stderr
    )
    proc = run("screenshot", str(tmp_path / "x.png"), "--side", "left", ok=False)
    assert proc.returncode == 2 and "--side needs --select" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_explain_text_shows_claims_and_citations():
    out = run("explain", "tight hamstrings").stdout
    assert "Opinion, not established: One popular article says muscle imbalances" in out
    assert "None" not in out
    assert "[seed-four-causes] Cannone J." in out
    assert "Educational, not a diagnosis" in out
