"""Issue 3: every root, nerve, region and condition is explained, sourced and matches the
clinical reference; disagreements between sources are shown rather than hidden."""

import pytest

from viewer.content.explain import explain

ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-5"]
NERVES = [
    "sciatic",
    "tibial",
    "common-fibular",
    "superficial-fibular",
    "deep-fibular",
    "sural",
    "medial-plantar",
    "lateral-plantar",
    "medial-calcaneal",
    "femoral",
    "saphenous",
    "obturator",
    "ilioinguinal",
    "genitofemoral",
    "lateral-femoral-cutaneous",
]
FRONT_REGIONS = [
    "groin",
    "thigh-anterior-upper",
    "thigh-anterior-lower",
    "knee-anterior",
    "leg-medial",
    "leg-lateral",
    "foot-dorsum",
    "big-toe",
    "first-web-space",
]
CONDITIONS = [
    "disc-herniation",
    "degenerative-disc",
    "central-stenosis",
    "foraminal-stenosis",
    "isthmic-spondylolisthesis",
    "facet-arthritis",
    "sacroiliac-dysfunction",
    "piriformis-syndrome",
    "gluteal-trigger-points",
    "meralgia-paresthetica",
    "hamstring-tension",
    "hip-osteoarthritis",
    "trochanteric-pain",
    "vascular-claudication",
    "polyneuropathy",
    "tarsal-tunnel",
    "fibular-palsy",
    "cluneal-entrapment",
    "spinal-cancer",
    "spinal-infection",
    "spinal-fracture",
    "cauda-equina-syndrome",  # the red flag keeps the id cauda-equina; ids are shared
]


def _all_ids(atlas):
    for kind in ("roots", "nerves", "regions", "conditions", "exercises"):
        for rid in getattr(atlas, kind):
            yield kind, rid


def test_required_records_exist(atlas):
    assert set(ROOTS) <= set(atlas.roots)
    assert set(NERVES) <= set(atlas.nerves)
    assert set(FRONT_REGIONS) <= set(atlas.regions)
    assert set(CONDITIONS) <= set(atlas.conditions)


def test_every_record_explains_with_full_citations(atlas):
    for kind, rid in _all_ids(atlas):
        data = explain(atlas, kind, rid)
        assert data["id"] == rid and data["name"], (kind, rid)
        assert data["references"], (kind, rid)
        for ref in data["references"]:
            assert ref["citation"].strip(), (kind, rid, ref["id"])
        # every id the data cites is listed in the references
        assert {r["id"] for r in data["references"]} == set(data["sources"])


def test_root_fields_are_complete(atlas):
    for rid in ROOTS:
        data = explain(atlas, "roots", rid)
        for field in ("dermatome", "key_sensory_point", "key_muscle", "bedside_test", "reflex"):
            assert data[field].strip(), (rid, field)


@pytest.mark.parametrize(
    "root, field, expected",
    [
        ("L1", "dermatome", "groin"),
        ("L1", "pain_pattern", "groin"),
        ("L2", "key_muscle", "iliopsoas"),
        ("L2", "key_sensory_point", "front of the thigh"),
        ("L3", "key_sensory_point", "medial femoral condyle"),
        ("L3", "reflex", "knee jerk"),
        ("L4", "key_muscle", "tibialis anterior"),
        ("L4", "reflex", "patellar"),
        ("L5", "dermatome", "top of the foot"),
        ("S1", "key_muscle", "gastrocnemius"),
        ("S1", "bedside_test", "tiptoe"),
        ("S3", "key_sensory_point", "ischial tuberosity"),
        ("S3", "key_sensory_point", "infragluteal fold"),
        ("S4-5", "key_muscle", "no key muscle"),
        ("L2", "pain_pattern", "prone knee bend"),
    ],
)
def test_more_root_facts(atlas, root, field, expected):
    assert expected.lower() in explain(atlas, "roots", root)[field].lower()


@pytest.mark.parametrize(
    "root, nerves",
    [
        ("L1", {"iliohypogastric", "ilioinguinal", "genitofemoral"}),
        ("L2", {"femoral", "obturator"}),
        ("L3", {"femoral", "obturator"}),
        ("L4", {"sciatic", "femoral", "obturator"}),
        ("L5", {"sciatic"}),
        ("S1", {"sciatic"}),
    ],
)
def test_roots_feed_the_right_nerves(atlas, root, nerves):
    assert nerves <= set(atlas.roots[root].nerves)


@pytest.mark.parametrize(
    "nerve, roots",
    [
        ("femoral", ["L2", "L3", "L4"]),
        ("obturator", ["L2", "L3", "L4"]),
        ("saphenous", ["L3", "L4"]),
        ("genitofemoral", ["L1", "L2"]),
        ("ilioinguinal", ["L1"]),
        ("lateral-femoral-cutaneous", ["L2", "L3"]),
    ],
)
def test_front_nerve_roots(atlas, nerve, roots):
    assert atlas.nerves[nerve].roots == roots


def test_saphenous_is_femoral_not_sciatic(atlas):
    assert atlas.nerve_path("saphenous") == ["saphenous", "femoral"]
    assert "leg-medial" in atlas.regions_for_nerve("femoral")
    assert "leg-medial" not in atlas.regions_for_nerve("sciatic")
    hl = atlas.highlight("regions", "leg-medial")
    assert "sciatic" not in hl.nerves and {"saphenous", "femoral"} <= hl.nerves
    assert "L4" in hl.roots


@pytest.mark.parametrize(
    "region, roots",
    [
        ("groin", {"L1"}),
        ("thigh-anterior-upper", {"L2"}),
        ("thigh-anterior-lower", {"L3"}),
        ("knee-anterior", {"L3"}),
        ("leg-medial", {"L4"}),
        ("leg-lateral", {"L5"}),
        ("first-web-space", {"L5"}),
    ],
)
def test_front_regions_map_to_roots(atlas, region, roots):
    assert roots <= set(atlas.roots_for_region(region))


def test_first_web_space_is_the_deep_fibular_patch(atlas):
    assert "deep-fibular" in atlas.nerves_for_region("first-web-space")
    assert atlas.nerve_path("deep-fibular") == ["deep-fibular", "common-fibular", "sciatic"]


def test_far_lateral_herniation_reaches_the_front_of_the_leg(atlas):
    regions = atlas.conditions["disc-herniation"].regions
    assert {"knee-anterior", "leg-medial"} <= set(regions)


@pytest.mark.parametrize(
    "cid, kind",
    [
        ("disc-herniation", "radicular"),
        ("degenerative-disc", "referred"),
        ("facet-arthritis", "referred"),
        ("sacroiliac-dysfunction", "referred"),
        ("gluteal-trigger-points", "referred"),
        ("piriformis-syndrome", "entrapment"),
        ("meralgia-paresthetica", "entrapment"),
        ("hamstring-tension", "opinion"),
        ("hip-osteoarthritis", "joint"),
        ("trochanteric-pain", "joint"),
        ("vascular-claudication", "vascular"),
        ("polyneuropathy", "neuropathy"),
        ("tarsal-tunnel", "entrapment"),
        ("fibular-palsy", "entrapment"),
        ("cluneal-entrapment", "entrapment"),
        ("spinal-cancer", "serious"),
        ("spinal-infection", "serious"),
        ("spinal-fracture", "serious"),
        ("cauda-equina-syndrome", "serious"),
    ],
)
def test_condition_kinds(atlas, cid, kind):
    assert atlas.conditions[cid].kind == kind


def test_every_condition_has_regions_red_flags_and_features(atlas):
    for cid in atlas.conditions:
        data = explain(atlas, "conditions", cid)
        assert data["regions"], cid
        assert data["features"], cid
        assert {f["id"] for f in data["red_flags"]} >= {"cauda-equina", "progressive-weakness"}


def test_hamstring_tension_is_presented_as_claims(atlas):
    data = explain(atlas, "conditions", "hamstring-tension")
    assert data["mechanism"].startswith("Not an established diagnosis")
    assert data["claims"]
    popular = {s.id for s in atlas.sources.values() if s.kind == "popular-article"}
    for claim in data["claims"]:
        assert set(claim["sources"]) & popular


def test_gluteal_trigger_points_mimic_l5(atlas):
    assert "L5" in atlas.conditions["gluteal-trigger-points"].summary


def test_exercises_have_steps_dose_cautions_evidence(atlas):
    for eid, ex in atlas.exercises.items():
        assert len(ex.steps) >= 2, eid
        assert ex.dose and ex.cautions and ex.evidence.sources, eid
        assert atlas.conditions_for_exercise(eid), f"{eid} suits no condition"
    stop_rules = " ".join(atlas.advice["exercise-stop-rules"].points)
    assert "spread further down the leg" in stop_rules


@pytest.mark.parametrize(
    "record, topic_words, min_positions",
    [
        ("L4", "L4 skin area", 2),
        ("L5", "heel walking", 2),
        ("knee-anterior", "knee jerk", 3),
        ("sciatic", "sciatic nerve splits", 2),
        ("foot-dorsum", "pain in one root", 3),
        ("piriformis-syndrome", "piriformis syndrome", 3),
        ("L4", "dermatome map", 3),
        ("L4", "tibialis anterior", 2),
        ("L1", "cremasteric", 2),
    ],
)
def test_disagreements_are_shown(atlas, record, topic_words, min_positions):
    kind = atlas.kind_of(record)
    disputes = explain(atlas, kind, record)["disputes"]
    match = [d for d in disputes if topic_words.lower() in d["topic"].lower()]
    assert match, [d["topic"] for d in disputes]
    positions = match[0]["positions"]
    assert len(positions) >= min_positions
    # each side of a disagreement cites its own sources
    assert len({tuple(p["sources"]) for p in positions}) == len(positions)


def test_dermatome_overlap_numbers(atlas):
    views = " ".join(p.view for p in atlas.disputes["dermatome-overlap"].positions)
    assert "79 %" in views and "44 %" in views


def test_sciatic_division_numbers(atlas):
    views = " ".join(p.view for p in atlas.disputes["sciatic-division"].positions)
    assert "69 %" in views and "middle of the thigh" in views
