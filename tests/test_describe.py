"""The text reader turns a plain description of pain into places and findings, and says which
words it could not use."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.content.describe import Reading, read_description
from viewer.content.pattern import Pattern, Place
from viewer.content.phrase_index import phrase_index

EXAMPLE = (
    "pain from my left buttock down the back of the thigh to the little toe, "
    "worse sitting, ankle jerk absent, no weakness"
)


def region_called(atlas, alias):
    """The region that carries ``alias`` (or is named it), whatever its id."""
    found = [
        rid
        for rid, region in atlas.regions.items()
        if alias.casefold() in {t.casefold() for t in (region.name, *region.aliases)}
    ]
    assert len(found) == 1, (alias, found)
    return found[0]


def marks(reading):
    return {m.finding: m.present for m in reading.pattern.marks}


def mark_of(reading, finding):
    mark = reading.pattern.mark(finding)
    assert mark is not None, (finding, reading)
    return mark


# -- the worked example ------------------------------------------------------------------------
def test_example_places_all_take_the_side_word(atlas):
    reading = read_description(atlas, EXAMPLE)
    little_toe = region_called(atlas, "little toe")
    assert little_toe == "little-toe"
    assert reading.pattern.places == (
        Place("buttock", "left"),
        Place("thigh-posterior", "left"),
        Place(little_toe, "left"),
    )


def test_example_findings(atlas):
    reading = read_description(atlas, EXAMPLE)
    assert marks(reading) == {
        "worse-sitting": True,
        "reduced-ankle-jerk": True,  # a loss finding: "ankle jerk absent" means it is present
        "weakness": False,
    }


def test_example_explains_itself_and_leaves_only_filler(atlas):
    reading = read_description(atlas, EXAMPLE)
    assert "left buttock → Buttock (left)" in reading.understood
    assert "no weakness → The leg feels weak (left): absent" in reading.understood
    assert "worse sitting → Worse sitting: present" in reading.understood
    assert reading.not_understood == ()  # "pain", "from", "my", "down", "to" are filler


# -- loss findings -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "ankle jerk absent",
        "ankle jerk reduced",
        "ankle jerk lost",
        "ankle jerk sluggish",
        "no ankle jerk",
        "diminished ankle jerk",
        "achilles reflex depressed",
        "absent ankle jerk",
        "ankle jerk not present",
    ],
)
def test_a_lost_function_marks_the_loss_finding_present(atlas, text):
    assert marks(read_description(atlas, text)) == {"reduced-ankle-jerk": True}


@pytest.mark.parametrize(
    "text",
    [
        "ankle jerk normal",
        "ankle jerk intact",
        "ankle jerk brisk",
        "ankle jerk not reduced",
        "ankle jerks symmetrical",
        "ankle jerk 2+",
        "ankle jerk preserved",
        "ankle jerk present",
    ],
)
def test_a_normal_function_marks_the_loss_finding_absent(atlas, text):
    assert marks(read_description(atlas, text)) == {"reduced-ankle-jerk": False}


def test_function_words_alone_say_nothing(atlas):
    reading = read_description(atlas, "ankle jerk")
    assert reading.pattern.empty
    assert reading.not_understood == ("ankle jerk",)


def test_a_state_word_next_to_function_words_describes_the_function(atlas):
    """In "dorsiflexion weak", "weak" says how dorsiflexion is, not that the leg feels weak."""
    assert marks(read_description(atlas, "dorsiflexion weak")) == {"weak-dorsiflexion": True}
    assert marks(read_description(atlas, "leg feels weak")) == {"weakness": True}


# -- negation ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, finding, present",
    [
        ("knee jerk normal", "reduced-knee-jerk", False),
        ("no numbness", "numbness", False),
        ("hip rotation full and painless", "hip-rotation-pain", False),
        ("SLR negative", "straight-leg-raise", False),
        ("SLR: negative", "straight-leg-raise", False),
        ("negative SLR", "straight-leg-raise", False),
        ("positive slump", "slump-test", True),
        ("slump positive", "slump-test", True),
        ("slump +ve", "slump-test", True),
        ("denies bladder problems", "bladder-bowel-change", False),
        ("not numb", "numbness", False),
        ("numbness", "numbness", True),
        ("pain on hip rotation", "hip-rotation-pain", True),
        ("bladder problems: no", "bladder-bowel-change", False),
    ],
)
def test_negation_and_test_results(atlas, text, finding, present):
    reading = read_description(atlas, text)
    assert marks(reading) == {finding: present}


@pytest.mark.parametrize(
    "text",
    [
        "no numbness, worse sitting",
        "no numbness; worse sitting",
        "no numbness. Worse sitting",
        "no numbness but worse sitting",
        "no numbness and worse sitting",  # "and" starts a new finding
        "worse sitting without numbness",  # the negation looks forward, not back
    ],
)
def test_negation_stays_in_its_clause(atlas, text):
    assert marks(read_description(atlas, text)) == {"numbness": False, "worse-sitting": True}


def test_or_keeps_the_negation_over_both(atlas):
    reading = read_description(atlas, "no numbness or tingling")
    assert marks(reading) == {"numbness": False, "tingling": False}


def test_and_inside_a_phrase_does_not_split_it(atlas):
    assert marks(read_description(atlas, "no pins and needles")) == {"tingling": False}


def test_a_negated_place_is_not_marked(atlas):
    reading = read_description(atlas, "buttock pain, no pain in the calf")
    assert reading.pattern.places == (Place("buttock", None),)
    assert "no pain in the calf → Calf: not marked" in reading.understood


# -- longest match -----------------------------------------------------------------------------
def test_longest_place_wins(atlas):
    reading = read_description(atlas, "pain down the back of the thigh")
    assert reading.pattern.places == (Place("thigh-posterior", None),)
    assert reading.not_understood == ()


def test_longest_finding_wins(atlas):
    reading = read_description(atlas, "crossed straight leg raise positive")
    assert marks(reading) == {"crossed-straight-leg-raise": True}


def test_a_finding_phrase_wins_over_the_place_inside_it(atlas):
    """ "numb little toe" is a finding of its own, not numbness plus the little toe."""
    reading = read_description(atlas, "numb little toe")
    assert marks(reading) == {"sensory-loss-S1": True}
    assert reading.pattern.places == ()


def test_every_region_name_and_alias_reads_as_that_region(atlas):
    for rid, region in atlas.regions.items():
        for term in (region.name, *region.aliases):
            reading = read_description(atlas, term)
            assert reading.pattern.places == (Place(rid, None),), term


def test_every_finding_name_and_alias_reads_as_that_finding(atlas):
    for fid, finding in atlas.findings.items():
        for term in (finding.name, *finding.aliases):
            reading = read_description(atlas, term)
            assert reading.pattern.mark(fid) is not None, term
            assert reading.pattern.mark(fid).present, term


def test_the_index_is_built_once_per_atlas_and_has_no_clashes(atlas):
    index = phrase_index(atlas)
    assert phrase_index(atlas) is index
    assert index.clashes == []  # no phrase names two records


# -- spelling ----------------------------------------------------------------------------------
def test_near_misspellings_are_read(atlas):
    reading = read_description(atlas, "left buttok, numbess, ankel jerk absent")
    assert reading.pattern.places == (Place("buttock", "left"),)
    assert marks(reading) == {"numbness": True, "reduced-ankle-jerk": True}
    assert any('read "buttok" as "buttock"' in line for line in reading.understood)


def test_plurals_are_read_as_the_singular(atlas):
    reading = read_description(atlas, "both buttocks and both calves")
    assert set(reading.pattern.places) == {
        Place("buttock", "both"),
        Place("calf-posterior", "both"),
    }


@pytest.mark.parametrize("text", ["sciatca", "talking makes it worse", "week", "fitting"])
def test_spelling_correction_is_conservative(atlas, text):
    reading = read_description(atlas, text)
    assert reading.pattern.empty
    assert reading.not_understood


def test_sciatica_misspelt_is_not_a_place(atlas):
    reading = read_description(atlas, "sciatca in the left buttock")
    assert reading.pattern.places == (Place("buttock", "left"),)
    assert "sciatca" in reading.not_understood


# -- sides ---------------------------------------------------------------------------------------
def test_a_side_word_lasts_until_the_next_one(atlas):
    reading = read_description(atlas, "left buttock and back of the thigh. right calf and heel")
    assert reading.pattern.places == (
        Place("buttock", "left"),
        Place("thigh-posterior", "left"),
        Place("calf-posterior", "right"),
        Place("heel", "right"),
    )


def test_a_side_word_after_the_place_counts_in_the_same_sentence(atlas):
    reading = read_description(atlas, "pain in the buttock on the left")
    assert reading.pattern.places == (Place("buttock", "left"),)


def test_a_sided_finding_takes_the_side_word_in_its_clause(atlas):
    reading = read_description(atlas, "left buttock, right ankle jerk absent")
    assert mark_of(reading, "reduced-ankle-jerk").side == "right"


def test_a_sided_finding_takes_the_side_of_the_places(atlas):
    reading = read_description(atlas, "right calf pain, no numbness, worse sitting")
    assert mark_of(reading, "numbness").side == "right"
    assert mark_of(reading, "worse-sitting").side is None  # not recorded per leg


def test_without_one_side_a_finding_has_none(atlas):
    reading = read_description(atlas, "left buttock, right calf, no numbness")
    assert mark_of(reading, "numbness").side is None
    reading = read_description(atlas, "calf pain, no numbness")
    assert mark_of(reading, "numbness").side is None


@pytest.mark.parametrize(
    "text",
    ["pain in both calves", "bilateral calf pain", "calf pain on both sides", "both legs: calf"],
)
def test_both_sides(atlas, text):
    reading = read_description(atlas, text)
    assert Place("calf-posterior", "both") in reading.pattern.places
    assert reading.pattern.both_legs


def test_bilateral_before_a_finding_is_its_side(atlas):
    reading = read_description(atlas, "bilateral ankle jerks absent")
    assert reading.pattern.marks == (mark_of(reading, "reduced-ankle-jerk"),)
    assert mark_of(reading, "reduced-ankle-jerk").side == "both"


# -- anything at all ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   ", ",,, ...", "\n"])
def test_empty_text_gives_an_empty_reading(atlas, text):
    assert read_description(atlas, text) == Reading(Pattern(), (), ())


def test_unknown_words_are_returned(atlas):
    reading = read_description(atlas, "my grandmother's spaceship, left buttock")
    assert reading.pattern.places == (Place("buttock", "left"),)
    assert reading.not_understood == ("grandmother's spaceship",)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_any_text_reads_without_raising(atlas, text):
    reading = read_description(atlas, text)
    assert isinstance(reading.pattern, Pattern)
    assert all(isinstance(line, str) for line in reading.understood + reading.not_understood)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            "no not left right both bilateral and but or , . ankle jerk absent normal numbness "
            "weak buttock back of the thigh slr negative positive slump full painless".split()
        ),
        max_size=20,
    )
)
def test_vocabulary_soup_reads_without_raising(atlas, words):
    read_description(atlas, " ".join(words))
