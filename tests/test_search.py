"""Search that forgives: typos, lay words and symptoms find the records they mean, and the
command line's name resolution suggests the same near matches."""

import subprocess
import sys

import pytest

from viewer.content.search import Match, did_you_mean, search

# what someone types -> records of which at least one must be in the top 3
EXAMPLES = {
    "sciatca": {("nerves", "sciatic"), ("conditions", "disc-herniation")},
    "piriformus": {("conditions", "piriformis-syndrome")},
    "sitting bone": {("regions", "buttock"), ("findings", "sensory-loss-S3")},
    "foot drop": {("findings", "weak-dorsiflexion")},
    "numb big toe": {("findings", "sensory-loss-L5"), ("regions", "big-toe")},
    "little toe": {("regions", "little-toe")},
    "knee": {("regions", "knee-posterior"), ("regions", "knee-anterior")},
    "hamstring": {("regions", "thigh-posterior"), ("conditions", "hamstring-tension")},
    "thigh": {("regions", "thigh-posterior"), ("regions", "thigh-anterior-upper"),
              ("regions", "thigh-lateral"), ("regions", "thigh-medial")},
    "hip": {("regions", "thigh-lateral"), ("conditions", "hip-osteoarthritis")},
    "lower back": {("regions", "low-back")},
    "sciatica": {("nerves", "sciatic"), ("conditions", "disc-herniation")},
}


@pytest.mark.parametrize("text", sorted(EXAMPLES))
def test_each_example_finds_its_record_in_the_top_three(atlas, text):
    top = [(m.kind, m.id) for m in search(atlas, text)[:3]]
    assert EXAMPLES[text] & set(top), (text, top)


def test_foot_drop_leads_to_the_finding_then_l5_and_fibular_palsy(atlas):
    found = {(m.kind, m.id): m for m in search(atlas, "foot drop")}
    assert ("findings", "weak-dorsiflexion") in found
    assert ("roots", "L5") in found and found[("roots", "L5")].why == "symptom"
    assert ("conditions", "fibular-palsy") in found
    # the finding itself ranks above what it points to
    assert found[("findings", "weak-dorsiflexion")].score > found[("roots", "L5")].score


def test_sitting_bone_brings_both_the_buttock_and_the_s3_key_point(atlas):
    top = [(m.kind, m.id) for m in search(atlas, "sitting bone")[:3]]
    assert ("regions", "buttock") in top and ("findings", "sensory-loss-S3") in top


def test_matches_say_why(atlas):
    assert search(atlas, "piriformus")[0].why == "spelling"
    assert search(atlas, "lower back")[0].why == "lay word"
    assert search(atlas, "Calf")[0] == Match("regions", "calf-posterior", "Calf", "Calf", 100.0, "name")
    assert search(atlas, "Calf")[0].key == "region:calf-posterior"
    atlas.resolve(search(atlas, "Calf")[0].key)


def test_ranked_best_first_and_limited(atlas):
    results = search(atlas, "thigh", limit=3)
    assert len(results) == 3
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)


def test_nonsense_finds_nothing(atlas):
    assert search(atlas, "elbow") == []
    assert search(atlas, "") == []
    assert search(atlas, "zzqx") == []
    assert did_you_mean(atlas, "zzqx") == []


def test_as_you_type_a_prefix_finds_the_word(atlas):
    assert ("nerves", "sciatic") in {(m.kind, m.id) for m in search(atlas, "scia")[:3]}


def test_did_you_mean_names(atlas):
    assert "Piriformis syndrome (deep gluteal syndrome)" in did_you_mean(atlas, "piriformus")


def test_resolve_suggests_typo_matches(atlas):
    with pytest.raises(LookupError, match=r"did you mean: .*piriformis-syndrome"):
        atlas.resolve("piriformus")
    with pytest.raises(LookupError, match=r"did you mean: .*sciatic"):
        atlas.resolve("sciatca")
    assert atlas.resolve("sitting bone") == ("regions", "buttock")  # exact stays exact


def test_command_line_suggests_near_matches_for_typos():
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "explain", "piriformus"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sciatica-atlas: error: unknown id or name 'piriformus'; did you mean: ")
    assert "piriformis-syndrome" in lines[0] and lines[0].endswith("?")
