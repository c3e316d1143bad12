"""The handout's typed layout, without Qt: what it says, how plainly, and the exercise drawings
it names. The reading-level bar is US grade 8 (Flesch–Kincaid, ``textstat``) for every passage
a patient reads on the handout; names, headings and citations are terms, not prose."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import textstat

from viewer.content.answers import ConditionBrief
from viewer.content.explain import exercise_info, explain, red_flags, ref
from viewer.content.explore import explore
from viewer.content.pattern import Pattern, Place
from viewer.present.exercise_steps import exercise_drawings_dir, exercise_steps_html, step_drawings
from viewer.present.handout_layout import (
    DISCLAIMER,
    RED_FLAG_TITLE,
    build_handout,
    handout_html,
    short_citation,
)

GRADE_BAR = 8.0
ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 1, 15)


def _brief(atlas, cid):
    c = atlas.conditions[cid]
    return ConditionBrief(ref(atlas, "conditions", cid), c.kind, c.summary, (), tuple(c.sources))


def _handouts(atlas):
    """A handout for each kind of subject, each with every exercise (so all are measured)."""
    every = [exercise_info(atlas, x) for x in atlas.exercises]
    for kind, rid in [("regions", "calf-posterior"), ("roots", "L5"), ("conditions", "disc-herniation"),
                      ("exercises", "nerve-slider")]:
        answer = explain(atlas, kind, rid)
        yield f"{kind}/{rid}", build_handout(answer, every, when=TODAY, warning_signs=answer.red_flags or red_flags(atlas))
    pattern = Pattern(places=(Place("calf-posterior", "left"), Place("buttock", "left")))
    result = explore(atlas, pattern)
    causes = [_brief(atlas, c.ref.id) for c in result.conditions[:3]]
    yield "pattern", build_handout(result, every, when=TODAY, causes=causes)


def too_hard(handout):
    return {
        label: round(textstat.flesch_kincaid_grade(text), 1)
        for label, text in handout.patient_texts()
        if textstat.flesch_kincaid_grade(text) > GRADE_BAR
    }


def test_every_patient_text_on_the_handout_reads_at_grade_8_or_easier(atlas):
    problems = {name: too_hard(h) for name, h in _handouts(atlas)}
    assert not any(problems.values()), problems


def test_the_reading_level_test_fails_on_a_convoluted_text(atlas):
    _, handout = next(_handouts(atlas))
    convoluted = (
        "Neurodynamic mobilisation techniques, characteristically administered in conjunction "
        "with comprehensive multimodal physiotherapeutic interventions, demonstrably attenuate "
        "mechanosensitivity of irritated neural tissue."
    )
    first = replace(handout.exercises[0], summary=convoluted)
    worse = replace(handout, exercises=(first, *handout.exercises[1:]))
    assert f"{first.id} summary" in too_hard(worse)
    # and a plain step stays under the bar, so the measure is not simply failing everything
    assert textstat.flesch_kincaid_grade("Lie on your back. Bend your knees.") <= GRADE_BAR


def test_patient_texts_cover_every_section(atlas):
    _, handout = next(_handouts(atlas))
    labels = [label for label, _ in handout.patient_texts()]
    for expected in ("intro 1", "red flags intro", "disclaimer", "nerve-slider summary",
                     "nerve-slider step 4", "nerve-slider dose", "nerve-slider stop 1"):
        assert expected in labels


def test_every_exercise_has_a_plain_version_with_more_than_start_and_end(atlas):
    for eid in atlas.exercises:
        info = exercise_info(atlas, eid)
        assert info.plain_name and info.plain_summary and info.plain_dose and info.stop_if, eid
        assert len(info.plain_steps) >= 3, f"{eid}: a drawing of each step, not only start and end"
        drawings = [s.drawing for s in info.plain_steps]
        assert len(set(drawings)) == len(drawings), f"{eid}: one drawing per step"


def test_every_step_drawing_exists_and_is_shipped(atlas):
    folder = exercise_drawings_dir()
    assert folder == ROOT / "assets" / "exercises"
    named = {s.drawing for x in atlas.exercises for s in exercise_info(atlas, x).plain_steps}
    assert named, "no drawings named"
    for name in named:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith("<svg") and "<title>" in text, name
    assert named == {p.name for p in folder.glob("*.svg")}, "drawings nobody uses, or missing ones"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"exercises/*.svg"' in pyproject


def test_drawings_are_what_the_script_draws(atlas, tmp_path, monkeypatch):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("draw_exercises", ROOT / "tools" / "draw_exercises.py")
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "draw_exercises", tool)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(tool, "OUT", tmp_path)
    assert tool.main([]) == 0
    for drawn in tmp_path.glob("*.svg"):
        assert drawn.read_text() == (exercise_drawings_dir() / drawn.name).read_text(), (
            f"{drawn.name} is stale: run python tools/draw_exercises.py"
        )


def test_panel_helper_shows_one_drawing_per_step(atlas):
    info = exercise_info(atlas, "nerve-slider")
    pairs = step_drawings(info)
    assert [t for t, _ in pairs] == [s.text for s in info.plain_steps]
    assert all(p.is_file() for _, p in pairs)
    html = exercise_steps_html(info)
    assert html.count("<img ") == len(info.plain_steps)
    assert "Go back and forth slowly" in html


def test_html_has_each_part_in_order(atlas):
    answer = explain(atlas, "regions", "calf-posterior")
    handout = build_handout(
        answer, [exercise_info(atlas, "nerve-slider")], note="Walk <daily>", when=TODAY, paper="letter"
    )
    html = handout_html(handout)
    order = ["atlas:drawing", "What may be causing it", RED_FLAG_TITLE.replace("…", ""), "Educational, not a diagnosis",
             "Walk &lt;daily&gt;", "Exercise 1: Nerve slider", "exercise:nerve-slider-1-hold-thigh.svg",
             "exercise:nerve-slider-4-see-saw.svg", "How much:", "Week 2", "Where this comes from"]
    at = [html.find(part) for part in order]
    assert -1 not in at, dict(zip(order, at))
    assert at == sorted(at)
    assert "page-break-before: always" in html
    assert DISCLAIMER in html or "Educational" in html
    assert "15 January 2026" in html


def test_note_left_empty_leaves_a_space_to_write(atlas):
    answer = explain(atlas, "regions", "calf-posterior")
    html = handout_html(build_handout(answer, [], when=TODAY))
    assert "Your clinician's advice" in html and "&nbsp;" in html


def test_bad_paper_is_refused(atlas):
    with pytest.raises(ValueError):
        build_handout(explain(atlas, "regions", "calf-posterior"), [], when=TODAY, paper="a5")


def test_citations_are_short(atlas):
    _, handout = next(_handouts(atlas))
    assert handout.references
    for r in handout.references:
        short = short_citation(r)
        assert len(short) <= len(r.citation) + len(" (2016)")
    journal = next(r for r in handout.references if "et al" in r.citation or r.citation.count(",") > 2)
    assert " and others" in short_citation(journal)
