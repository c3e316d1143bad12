"""The explore and list-findings commands, run as a user runs them, plus clean exits when the
output goes away."""

import json
import subprocess
import sys

import pytest

from tests.cli_driver import run

S1_TEXT = (
    "pain from my left buttock down the back of the thigh to the little toe, worse sitting, "
    "ankle jerk absent, no weakness"
)




def test_explore_places_and_findings_json():
    data = json.loads(
        run(
            "explore", "buttock", "back of the thigh", "calf", "little toe", "--side", "left",
            "--finding", "reduced-ankle-jerk", "--finding", "weakness=absent", "--json",
        ).stdout
    )
    assert [r["id"] for r in data["pattern"]["regions"]] == [
        "buttock", "thigh-posterior", "calf-posterior", "little-toe"
    ]
    assert {r["side"] for r in data["pattern"]["regions"]} == {"left"}
    recorded = data["pattern"]["findings"] + data["pattern"]["symptoms"]
    marks = {f["id"]: f["present"] for f in recorded if not f["automatic"]}
    assert marks == {"reduced-ankle-jerk": True, "weakness": False}
    # worked out from the places: all on the left leg
    assert [f["id"] for f in recorded if f["automatic"]] == ["one-leg"]
    assert data["roots"][0]["id"] == "S1"
    assert data["conditions"][0]["id"] == "disc-herniation" and data["conditions"][0]["kind"] == "radicular"
    assert data["conditions"][0]["reasons"][0]["sources"]
    assert data["red_flags"] == []
    assert data["certainty"].endswith("not a diagnosis.")


def test_explore_text_reads_negations_and_reports_words():
    data = json.loads(run("explore", "--text", S1_TEXT, "--json").stdout)
    marks = {f["id"]: f["present"] for f in data["pattern"]["findings"] + data["pattern"]["symptoms"]}
    assert marks["reduced-ankle-jerk"] is True and marks["weakness"] is False
    assert data["roots"][0]["id"] == "S1"
    assert data["understood"] and isinstance(data["not_understood"], list)


def test_explore_location_only_says_so():
    out = run("explore", "buttock", "calf", "little toe", "--side", "left").stdout
    assert "Location alone cannot separate one root from another, for example L5 from S1" in out


def test_explore_both_legs_leads_with_the_red_flag():
    out = run("explore", "calf", "--side", "both").stdout
    assert out.startswith("RED FLAGS")
    assert "Cauda equina" in out


def test_explore_open_saved_pattern(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(
        "format: sciatica-atlas-pattern\nversion: 1\n"
        "places:\n  - {region: groin, side: right}\n"
        "findings:\n  - {id: hip-rotation-pain, present: true}\n"
    )
    data = json.loads(run("explore", "--open", str(path), "--json").stdout)
    assert data["conditions"][0]["id"] == "hip-osteoarthritis"
    path.write_text("format: sciatica-atlas-pattern\nversion: 7\n")
    proc = run("explore", "--open", str(path), ok=False)
    assert proc.returncode == 2 and f"{path}:2: pattern file version 7" in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["elbow"], "unknown id or name 'elbow'"),
        (["calf", "--finding", "telepathy"], "unknown finding 'telepathy'"),
        (["L5"], "'L5' is a root, not a place"),
        ([], "nothing to explore"),
        (["--text", "sciatca zebra"], "nothing in --text was recognised"),
    ],
)
def test_explore_bad_input_is_one_clear_line(args, message):
    proc = run("explore", *args, ok=False)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_side_option_changes_the_output():
    left = json.loads(run("explore", "calf", "--side", "left", "--json").stdout)
    both = json.loads(run("explore", "calf", "--side", "both", "--json").stdout)
    assert left["red_flags"] == [] and [f["id"] for f in both["red_flags"]] == ["cauda-equina"]


def test_list_findings_json():
    rows = json.loads(run("list", "findings", "--json").stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id["saddle-numbness"]["red_flag"] == "cauda-equina"
    assert by_id["straight-leg-raise"]["group"] == "exam"
    assert {"quality", "worse", "better", "exam", "history"} <= {r["group"] for r in rows}


def test_closed_pipe_and_full_disk_end_cleanly():
    proc = subprocess.run(
        f"{sys.executable} -m viewer list regions | head -1", shell=True, capture_output=True, text=True
    )
    assert "Traceback" not in proc.stderr and proc.stdout.count("\n") == 1
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "viewer", "explain", "calf"], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 1
    assert "could not write the output" in proc.stderr and "Traceback" not in proc.stderr
