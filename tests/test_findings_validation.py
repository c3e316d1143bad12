"""The findings vocabulary and the ranking method are content: check rejects a finding without
sources, an effect that points at something other than a root or a condition, an effect with no
measure, and a folder whose findings have no ranking method — each with its file and line."""

from pathlib import Path

from viewer.content.loader import check_content


def messages(folder: Path) -> list[str]:
    problems, _ = check_content(folder)
    return [str(p) for p in problems]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_effect_target_must_be_a_root_or_condition(content):
    path = content / "findings.yaml"
    edit(path, "{target: S1, strength: moderate, why: \"The ankle jerk", "{target: heel, strength: moderate, why: \"The ankle jerk")
    found = messages(content)
    assert len(found) == 1
    assert found[0].endswith(
        f"findings.yaml:{line_of(path, 'target: heel')}: findings 'reduced-ankle-jerk': "
        "effects.0.target 'heel' must be a root or a condition"
    )


def test_finding_without_sources(content):
    path = content / "findings.yaml"
    edit(path, "    sources: [van-der-windt-2010]\n  - id: crossed-straight-leg-raise", "  - id: crossed-straight-leg-raise")
    found = messages(content)
    assert len(found) == 1 and "'straight-leg-raise'" in found[0] and "sources" in found[0]
    assert "findings.yaml:" in found[0]


def test_effect_needs_a_number_or_a_strength(content):
    path = content / "findings.yaml"
    edit(path, "{target: L5, strength: weak, why: \"The straight-leg raise", "{target: L5, why: \"The straight-leg raise")
    found = messages(content)
    assert len(found) == 1 and "needs a number" in found[0]
    assert f"findings.yaml:{line_of(path, 'target: L5, why')}" in found[0]


def test_findings_need_one_ranking_method(content):
    (content / "method.yaml").unlink()
    found = messages(content)
    assert len(found) == 1 and "no ranking_method record" in found[0]
