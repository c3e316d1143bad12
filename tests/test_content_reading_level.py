"""Patient-facing text reads at about US school grade 8 or easier.

The bar is a Flesch–Kincaid grade of 8.0 for every condition ``summary`` and every region
``description``: the parts a patient reads first. Clinician detail (mechanism, features, treatment
ladders, disputes) may stay precise and is not measured. ``textstat`` is pinned below 0.7.4, which
counts syllables with pyphen offline (later versions download a dictionary on first use).
"""

import pytest
import textstat

GRADE_BAR = 8.0


def _patient_texts(atlas):
    for cid, cond in atlas.conditions.items():
        yield f"condition {cid} summary", cond.summary
    for rid, region in atlas.regions.items():
        yield f"region {rid} description", region.description


def test_every_patient_summary_reads_at_grade_8_or_easier(atlas):
    too_hard = {
        label: round(textstat.flesch_kincaid_grade(text), 1)
        for label, text in _patient_texts(atlas)
        if textstat.flesch_kincaid_grade(text) > GRADE_BAR
    }
    assert not too_hard, f"above grade {GRADE_BAR}: {too_hard}"


def test_the_measure_catches_convoluted_text():
    plain = "The calf aches when you walk. It gets better when you stand still."
    convoluted = (
        "Intermittent claudication, characteristically precipitated by ambulation over a "
        "reproducible distance and alleviated by cessation of exertion, reflects insufficient "
        "arterial perfusion of the musculature of the lower extremity."
    )
    assert textstat.flesch_kincaid_grade(plain) <= GRADE_BAR
    assert textstat.flesch_kincaid_grade(convoluted) > GRADE_BAR


@pytest.mark.parametrize("kind", ["conditions", "regions"])
def test_every_patient_text_is_measured(atlas, kind):
    labels = {label for label, _ in _patient_texts(atlas)}
    for rid in getattr(atlas, kind):
        assert any(label.split()[1] == rid for label in labels), rid
