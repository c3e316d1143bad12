"""Content rules beyond the schema and plain references: what findings may point at, and that
the ranking has exactly one method to follow. ``check`` lists these with the other problems."""

from __future__ import annotations

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentProblem

FINDINGS_FILE = "findings"


def rule_problems(atlas: Atlas) -> list[ContentProblem]:
    problems = []
    for fid, finding in atlas.findings.items():
        for i, effect in enumerate(finding.effects):
            if effect.target not in atlas.roots and effect.target not in atlas.conditions:
                problems.append(
                    ContentProblem(
                        FINDINGS_FILE,
                        0,
                        f"findings {fid!r}: effects.{i}.target {effect.target!r} must be a root "
                        "or a condition",
                    )
                )
    if atlas.findings and len(atlas.ranking_methods) != 1:
        problems.append(
            ContentProblem(
                "ranking_method",
                0,
                f"there must be exactly one ranking_method record, not {len(atlas.ranking_methods)}",
            )
        )
    return problems
