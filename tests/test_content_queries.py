"""The core answers clinical questions correctly, checked against the clinical reference."""

import pytest

from viewer.content.explain import explain


def test_sciatic_nerve_carries_l4_to_s3(atlas):
    assert atlas.nerves["sciatic"].roots == ["L4", "L5", "S1", "S2", "S3"]


@pytest.mark.parametrize(
    "root, field, expected",
    [
        ("S1", "reflex", "Achilles"),
        ("L5", "key_sensory_point", "third metatarsophalangeal"),
        ("L4", "key_sensory_point", "medial malleolus"),
        ("S1", "key_sensory_point", "heel"),
        ("S2", "key_sensory_point", "popliteal fossa"),
        ("L3", "key_muscle", "quadriceps"),
        ("L5", "key_muscle", "extensor hallucis longus"),
    ],
)
def test_root_facts(atlas, root, field, expected):
    labels = {"reflex": "Reflex", "key_sensory_point": "Key sensory point", "key_muscle": "Key muscle"}
    shown = {f.label: f.text for f in explain(atlas, "roots", root).facts}
    assert expected.lower() in shown[labels[field]].lower()


def test_l5_s1_herniation_usually_hits_s1(atlas):
    mechanism = atlas.conditions["disc-herniation"].mechanism
    assert "L5–S1 disc usually affects S1" in mechanism
    assert "L4–L5 far-lateral herniation affects L4" in mechanism


def test_region_queries(atlas):
    assert set(atlas.roots_for_region("foot-dorsum")) == {"L5"}
    assert "S1" in atlas.roots_for_region("heel")
    assert "medial-calcaneal" in atlas.nerves_for_region("heel")
    conds = atlas.conditions_for_region("buttock")
    assert {"piriformis-syndrome", "sacroiliac-dysfunction", "disc-herniation"} <= set(conds)


def test_reverse_queries(atlas):
    assert "foot-dorsum" in atlas.regions_for_root("L5")
    assert "calf-posterior" in atlas.regions_for_root("S1")
    # regions reached through branches count for the parent nerve
    assert {"heel", "sole", "calf-posterior"} <= set(atlas.regions_for_nerve("sciatic"))
    assert atlas.nerve_path("medial-calcaneal") == ["medial-calcaneal", "tibial", "sciatic"]


def test_highlight_for_region_lights_roots_and_nerve_route(atlas):
    hl = atlas.highlight("regions", "heel")
    assert hl.regions == {"heel"}
    assert "S1" in hl.roots
    assert {"medial-calcaneal", "tibial", "sciatic", "sural"} <= hl.nerves


def test_region_explanation_shape(atlas):
    data = explain(atlas, "regions", "calf-posterior")
    assert data.id == "calf-posterior" and data.name == "Calf"
    assert [link.target.id for link in data.root_links] == ["S1", "S2"]
    assert "sural" in [link.target.id for link in data.nerve_links]
    kinds = {c.ref.id: c.kind for c in data.conditions}
    assert kinds["disc-herniation"] == "radicular"
    assert kinds["sacroiliac-dysfunction"] == "referred"
    assert data.exercises and data.red_flags
    assert any(f.id == "cauda-equina" for f in data.red_flags)
    assert set(data.sources) >= {"harrison", "wheeless-leg"}
    assert all(ref.citation for ref in data.references)


def test_condition_explanation_has_red_flags_and_exercises(atlas):
    data = explain(atlas, "conditions", "central-stenosis")
    assert data.condition_kind == "radicular"
    regions = next(f for f in data.facts if f.label == "Where it can hurt")
    assert "calf-posterior" in [r.id for r in regions.refs]
    assert {e.ref.id for e in data.exercises} >= {"flexion-bias"}
    assert data.red_flags


def test_resolve_accepts_names_and_ids(atlas):
    assert atlas.resolve("calf") == ("regions", "calf-posterior")
    assert atlas.resolve("l5") == ("roots", "L5")
    assert atlas.resolve("Piriformis syndrome (deep gluteal syndrome)")[1] == "piriformis-syndrome"
    assert atlas.resolve("spinal stenosis") == ("conditions", "central-stenosis")
    with pytest.raises(LookupError, match="did you mean: .*foraminal-stenosis"):
        atlas.resolve("stenos")
    with pytest.raises(LookupError, match="unknown id or name 'elbow'"):
        atlas.resolve("elbow")


def test_search_terms_offer_what_resolve_accepts(atlas):
    terms = atlas.search_terms()
    assert {"inner shin", "spinal stenosis", "Calf", "L5"} <= set(terms)
    for term in terms:
        atlas.resolve(term)  # every offered term leads somewhere
