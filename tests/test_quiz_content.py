"""The shipped quiz banks: enough questions, every answer the atlas's own, every citation one
the content already makes, and the grader's verdicts typed and right."""

import pytest

from viewer.content.classroom import load_classroom, read_bank
from viewer.content.errors import ContentError
from viewer.content.explain import _collect_sources
from viewer.content.explore import explore
from viewer.content.quiz import (
    QuizError,
    accepted,
    answer_problem,
    grade_choice,
    grade_click,
    grade_text,
    ordered,
    question,
    score,
)
from viewer.content.schema import ChoiceQuestion, ClickQuestion
from viewer.content.tours import to_pattern


@pytest.fixture(scope="module")
def classroom():
    return load_classroom()


def _questions(classroom):
    return [q for bank in classroom.banks.values() for q in bank.questions]


def test_at_least_forty_questions_of_every_type(classroom):
    qs = _questions(classroom)
    assert len(qs) >= 40
    assert sum(isinstance(q, ClickQuestion) for q in qs) >= 10
    asks = {q.asks for q in qs if isinstance(q, ChoiceQuestion)}
    assert {"root-of-area", "nerve-of-area", "root-of-pattern", "condition-of-pattern", "red-flag"} <= asks


def test_click_questions_accept_exactly_what_the_atlas_links(classroom):
    atlas = classroom.atlas
    for q in _questions(classroom):
        if not isinstance(q, ClickQuestion):
            continue
        kind, ids = accepted(atlas, q)
        if q.find == "itself":
            assert (kind, ids) == (atlas.kind_of(q.target), {q.target})
        elif atlas.kind_of(q.target) == "roots":
            assert ids == set(atlas.regions_for_root(q.target)), q.id
        elif atlas.kind_of(q.target) == "nerves":
            assert ids == set(atlas.regions_for_nerve(q.target)), q.id
        assert ids, q.id
        for region in atlas.regions:
            verdict = grade_click(atlas, q, "regions", region, q.side).correct
            assert verdict == (kind == "regions" and region in ids), (q.id, region)


def test_click_targets_are_drawn(classroom, atlas):
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir

    drawn = {(s.kind, s.content_id) for v in load_views(assets_dir()) for s in v.clickable()}
    for q in _questions(classroom):
        if isinstance(q, ClickQuestion):
            kind, ids = accepted(atlas, q)
            assert any((kind, rid) in drawn for rid in ids), q.id


def test_choice_answers_are_what_the_atlas_says(classroom):
    atlas = classroom.atlas
    for q in _questions(classroom):
        assert answer_problem(atlas, q) is None, q.id
        if not isinstance(q, ChoiceQuestion):
            continue
        shown = {p.region for p in q.show.places}
        if q.asks == "root-of-area":
            assert shown <= set(atlas.regions_for_root(q.answer))
            for other in set(q.options) - {q.answer}:
                assert not shown <= set(atlas.regions_for_root(other)), (q.id, other)
        elif q.asks == "condition-of-pattern":
            ranking = [r.ref.id for r in explore(atlas, to_pattern(q.show)).conditions]
            assert min(ranking.index(o) if o in ranking else 99 for o in q.options) == ranking.index(q.answer)
        elif q.asks == "red-flag":
            assert q.answer in {f.id for f in explore(atlas, to_pattern(q.show)).red_flags}


def test_answer_problem_notices_a_wrong_answer(classroom):
    atlas = classroom.atlas
    q = question(classroom.banks["quiz-which-root"], "root-first-web")
    assert answer_problem(atlas, q.model_copy(update={"answer": "S1"})) is not None
    q = question(classroom.banks["quiz-which-condition"], "pattern-vascular")
    assert "clearly ahead" in answer_problem(atlas, q.model_copy(update={"answer": "disc-herniation"}))


def _cited_by(atlas, rid):
    kind = atlas.kind_of(rid) or ("red_flags" if rid in atlas.red_flags else None)
    found: dict[str, None] = {}
    _collect_sources(atlas.record(kind, rid).to_dict(), found)
    return set(found)


def test_explanations_cite_only_what_the_content_cites_for_them(classroom):
    """No invented citation: each question's sources are cited by the records it is about."""
    atlas = classroom.atlas
    for q in _questions(classroom):
        if isinstance(q, ClickQuestion):
            ids = {q.target, *accepted(atlas, q)[1]}
        else:
            ids = {*q.options, *(p.region for p in q.show.places), *(f.finding for f in q.show.findings)}
        allowed = set().union(*(_cited_by(atlas, rid) for rid in ids))
        assert set(q.sources) <= allowed, (q.id, set(q.sources) - allowed)


def test_grades_are_typed_with_answer_explanation_and_sources(classroom):
    atlas = classroom.atlas
    q = question(classroom.banks["quiz-find-it"], "click-sural-skin")
    right = grade_click(atlas, q, "regions", "foot-lateral-edge", "left")
    wrong = grade_click(atlas, q, "regions", "first-web-space", "left")
    assert right.correct and not wrong.correct
    assert wrong.given.name == "First web space"
    assert "Outer edge of the foot" in wrong.answer_text
    assert wrong.show == ("nerves", "sural", None)
    assert wrong.explanation and [r.id for r in wrong.sources] == ["wheeless-leg", "statpearls-foot-nerves"]
    assert score([right, wrong]).text == "1 / 2"


def test_side_matters_when_the_question_names_one(classroom):
    atlas = classroom.atlas
    q = question(classroom.banks["quiz-find-it"], "click-S1-left")
    assert grade_click(atlas, q, "regions", "heel", "left").correct
    assert not grade_click(atlas, q, "regions", "heel", "right").correct


def test_typed_answers_by_id_number_or_name(classroom):
    atlas = classroom.atlas
    q = question(classroom.banks["quiz-which-root"], "root-first-web")
    assert grade_text(atlas, q, "L5").correct
    assert grade_text(atlas, q, "2").correct  # options: L4, L5, S1
    assert not grade_text(atlas, q, "1").correct
    with pytest.raises(QuizError):
        grade_choice(atlas, q, "S3")
    click = question(classroom.banks["quiz-find-it"], "click-L5-dermatome")
    assert grade_text(atlas, click, "first-web-space@right").correct
    with pytest.raises(QuizError):
        grade_text(atlas, click, "nowhere")
    with pytest.raises(QuizError):
        question(classroom.banks["quiz-find-it"], "no-such-question")


def test_random_order_is_seeded(classroom):
    bank = classroom.banks["quiz-which-root"]
    first = [q.id for q in ordered(bank, 7)]
    assert first == [q.id for q in ordered(bank, 7)]
    assert sorted(first) == sorted(q.id for q in bank.questions)
    assert first != [q.id for q in bank.questions] or first != [q.id for q in ordered(bank, 8)]


def _content_copy(tmp_path):
    import shutil

    from viewer.paths import data_dir

    folder = tmp_path / "content"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


def test_check_reports_bad_quizzes_with_file_and_line(tmp_path):
    from viewer.content.loader import check_content

    folder = _content_copy(tmp_path)
    bank = folder / "quiz" / "which-root.yaml"
    text = bank.read_text()
    text = text.replace("options: [L4, L5, S1], answer: L5,\n         explanation: \"The web", "options: [L4, L5, S1], answer: S1,\n         explanation: \"The web", 1)
    text = text.replace("{region: leg-medial}", "{region: no-such-place}")
    bank.write_text(text)
    (folder / "quiz" / "extra.yaml").write_text(
        "quizzes:\n  - id: quiz-extra\n    title: Extra\n    summary: An empty bank\n"
        "    sources: [harrison]\n    questions: []\n"
    )
    problems, _ = check_content(folder)
    lines = [str(p) for p in problems]
    assert any("which-root.yaml:9:" in s and "root-first-web" in s for s in lines), lines
    assert any("which-root.yaml:13:" in s and "no-such-place" in s for s in lines), lines
    assert any("extra.yaml:6:" in s and "questions" in s for s in lines), lines


def test_read_bank_for_the_command_line(tmp_path, atlas):
    from viewer.paths import data_dir

    bank = read_bank(data_dir() / "quiz" / "find-it.yaml", atlas)
    assert bank.id == "quiz-find-it"
    bad = tmp_path / "bad.yaml"
    bad.write_text("quizzes:\n  - id: x\n")
    with pytest.raises(ContentError):
        read_bank(bad, atlas)
