"""An exercise's steps with one drawing each, for the side panel (the handout lays out its own).

Qt-free: the HTML names each drawing by a ``file:`` URL, which ``QTextBrowser`` loads through
Qt's SVG image plugin. Reads only the typed ``ExerciseInfo``.
"""

from __future__ import annotations

from pathlib import Path

from viewer.content.answers import ExerciseInfo
from viewer.paths import assets_dir
from viewer.present.panel_html import e


def exercise_drawings_dir() -> Path:
    """Where the step drawings live: ``assets/exercises/`` (``viewer/assets/exercises`` when
    installed)."""
    return assets_dir() / "exercises"


def step_drawings(info: ExerciseInfo, folder: Path | None = None) -> list[tuple[str, Path]]:
    """Each plain step's sentence and the path of its drawing, in order; empty when the
    exercise has no plain steps."""
    base = folder or exercise_drawings_dir()
    return [(step.text, base / step.drawing) for step in info.plain_steps if step.drawing]


def exercise_steps_html(info: ExerciseInfo, folder: Path | None = None, width: int = 240) -> str:
    """The steps as numbered drawings with their sentence under each: a block the side panel
    can put above or in place of the text-only steps."""
    rows = []
    height = round(width * 214 / 320)
    for i, (text, path) in enumerate(step_drawings(info, folder), 1):
        rows.append(
            f'<p><img src="{e(path.as_uri())}" width="{width}" height="{height}"><br>'
            f"<b>{i}.</b> {e(text)}</p>"
        )
    return "<h2>Step by step</h2>" + "".join(rows) if rows else ""
