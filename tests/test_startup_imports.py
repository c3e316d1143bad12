"""Start-up leaves out what the window's first frame does not need: those modules are imported
on first use, and the window built without them still shows the same welcome page."""

import json
import subprocess
import sys

#: imported only after the first frame (a click, a menu, an idle moment)
NOT_AT_STARTUP = (
    "viewer.content.answers",  # the answer types besides the welcome page's
    "viewer.content.search",  # the search box's ranking, at the first key typed
    "viewer.content.fuzzy",  # its typo-forgiving match, also the atlas's "did you mean"
    "viewer.drawing.coverage",  # measuring places on the drawing, at the first such question
)

BUILD_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from viewer.bench_probe import make_window, prepare
app = QApplication([])
window = make_window(prepare("atlas"))
print(json.dumps({
    "modules": sorted(m for m in sys.modules if m.startswith("viewer")),
    "welcome": window.panel.html_for(None),
}))
"""


def _started() -> dict:
    """What a start with the caches in place imports (the first start after a content change
    checks the whole folder, quizzes and all, and fills the caches)."""
    warm = "from viewer.session import Session; Session.load()"
    subprocess.run([sys.executable, "-c", warm], check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-c", BUILD_WINDOW], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.splitlines()[-1])


def test_window_is_built_without_the_later_modules(atlas):
    """...and its welcome page is the one made here, with every answer type imported."""
    from viewer.content.answers import Ref, Reference
    from viewer.content.explain import overview
    from viewer.present.panel_html import welcome_html

    started = _started()
    loaded = [m for m in NOT_AT_STARTUP if m in started["modules"]]
    assert not loaded, f"imported at start-up: {loaded}"
    made = overview(atlas)
    assert isinstance(made.regions[0], Ref) and isinstance(made.references[0], Reference)
    assert len(made.red_flags) > 0
    assert started["welcome"] == welcome_html(made)


def test_coverage_is_made_when_first_asked_for(atlas):
    """The atlas measures on the drawing it was given, once per drawing, as before."""
    from viewer.content import load_atlas
    from viewer.drawing.coverage import Coverage

    assert load_atlas().coverage is None  # no drawing given yet
    first = atlas.coverage
    assert isinstance(first, Coverage) and atlas.coverage is first
    atlas.attach_views(first.views)  # the same drawing again: the same measurements
    assert atlas.coverage is first
    assert any(atlas.place_roots(pid) for pid in atlas.places)


def test_answer_types_are_one_set_of_classes():
    from viewer.content import answers, welcome_answers

    for name in ("Ref", "Reference", "RedFlagInfo"):
        assert getattr(answers, name) is getattr(welcome_answers, name)
