"""The handout PDF itself: its text read back with pypdf, its pages, its pictures drawn as
vectors, its atomic write, and a screenshot of page 1 against an approved PNG.

Approve a new page-1 image after an intended change (look at it first) with
ATLAS_APPROVE_SCREENSHOTS=1 python -m pytest tests/test_handout_pdf.py -k screenshot."""

import re
import shutil
import subprocess
import unicodedata
from datetime import date

import pytest
from PySide6.QtGui import QImage

pypdf = pytest.importorskip("pypdf")

from tests.image_compare import assert_matches_approved  # noqa: E402
from viewer.content.pattern import Mark, Pattern, Place  # noqa: E402
from viewer.state.app_state import Target  # noqa: E402

MAX_DIFFERENT = 0.01
EXERCISES = ["nerve-slider", "directional-preference", "walking-program"]
DAY = date(2026, 1, 15)
PATTERN = Pattern(
    places=(Place("calf-posterior", "left"), Place("buttock", "left")),
    marks=(Mark("worse-sitting", True),),
)


@pytest.fixture(scope="module")
def session(qapp_module):
    from viewer.session import Session

    return Session.load()


@pytest.fixture(scope="module")
def qapp_module():
    from viewer.ui.app import application

    return application()


def _write(session, path, subject=PATTERN, exercises=EXERCISES, note="Walk every day.", paper="a4"):
    from viewer.ui.export import write_handout_pdf

    return write_handout_pdf(session, subject, exercises, note, paper, path, DAY)


def _pages(path):
    reader = pypdf.PdfReader(str(path))
    # NFKC turns the font's ligatures (ﬂ, ﬁ) back into letters
    return reader, [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def _flat(text):
    return " ".join(text.split())


def test_pattern_handout_says_what_it_must(session, tmp_path, atlas):
    out = tmp_path / "h.pdf"
    pages = _write(session, out)
    reader, text = _pages(out)
    assert len(reader.pages) == pages
    page1 = text[0]
    for must in ("Your pain pattern", "Calf (left)", "Buttock (left)", "Get urgent help now if",
                 "Cauda equina syndrome", "Go to an emergency department now",
                 "Educational, not a diagnosis", "15 January 2026", "Your clinician's advice",
                 "Walk every day."):
        assert must in page1, must
    for n, eid in enumerate(EXERCISES, 1):
        ex = atlas.exercises[eid]
        assert f"Exercise {n}: {ex.plain_name}" in text[n], f"exercise {n} starts page {n + 1}"
        assert _flat(ex.plain_dose) in text[n], f"{eid} dose"
        page_words = set(re.findall(r"\w+", text[n]))
        for step in ex.plain_steps:  # steps sit in columns, so their lines interleave
            missing = set(re.findall(r"\w+", step.text)) - page_words
            assert not missing, (step.text, missing)
        assert "Week 2" in text[n] and "Day 7" in text[n]
    sources = " ".join(text[len(EXERCISES):])
    assert "Where this comes from" in sources and "National Institute for Health and Care" in sources


def test_selection_handout_names_the_region_and_its_suggested_exercises(session, tmp_path, atlas):
    from viewer.ui.export import suggested_exercises

    out = tmp_path / "h.pdf"
    _write(session, out, Target("regions", "calf-posterior", "left"), None, "")
    _, text = _pages(out)
    assert "Pain in the calf" in text[0]
    # a place says where, not why: nothing is ticked for the clinician
    assert suggested_exercises(atlas, Target("regions", "calf-posterior", "left")) == []
    # a condition suggests its own exercises, and they are printed
    out = tmp_path / "c.pdf"
    _write(session, out, Target("conditions", "central-stenosis", None), None, "")
    _, text = _pages(out)
    suggested = suggested_exercises(atlas, Target("conditions", "central-stenosis", None))
    assert suggested == list(atlas.conditions["central-stenosis"].exercises)
    for eid in suggested:
        assert atlas.exercises[eid].plain_name in " ".join(text)


def test_chosen_exercises_change_the_pdf(session, tmp_path, atlas):
    out = tmp_path / "h.pdf"
    _write(session, out, exercises=["piriformis-stretch"])
    _, text = _pages(out)
    joined = " ".join(text)
    assert atlas.exercises["piriformis-stretch"].plain_name in joined
    assert atlas.exercises["nerve-slider"].plain_name not in joined
    assert len(text) == 3  # page 1, one exercise, sources


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("note", ["A note.", ""])
@pytest.mark.parametrize("subject", [Target("regions", "calf-posterior", "left"), PATTERN])
def test_page_one_is_one_page_on_either_paper(session, tmp_path, paper, note, subject):
    out = tmp_path / "h.pdf"
    _write(session, out, subject, EXERCISES, note, paper)
    reader, text = _pages(out)
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == {"a4": 210, "letter": 216}[paper]
    assert "Your clinician's advice" in text[0] and note in text[0]
    assert text[1].startswith("Exercise 1"), "page 1 spilled onto page 2"


def test_pictures_are_vectors(session, tmp_path):
    """The drawing and the step pictures are paths, not pictures of pixels: the only images in
    the file are the 1×1 transparent placeholders that reserve their place in the text."""
    out = tmp_path / "h.pdf"
    _write(session, out)
    reader = pypdf.PdfReader(str(out))
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        for name in xobjects:
            obj = xobjects[name].get_object()
            if obj.get("/Subtype") == "/Image":
                assert (obj["/Width"], obj["/Height"]) == (1, 1), name
    content = reader.pages[0].get_contents().get_data()
    path_ops = len(re.findall(rb"\s[lc]\n", content))
    assert path_ops > 3000, f"page 1 should hold the drawing's outlines, found {path_ops} segments"


def test_existing_file_is_replaced_only_when_the_new_one_is_complete(session, tmp_path, monkeypatch):
    from viewer.ui import export

    out = tmp_path / "h.pdf"
    out.write_bytes(b"the old handout")

    def broken(*args, **kwargs):
        raise RuntimeError("painting failed half way")

    monkeypatch.setattr(export, "paint_handout", broken)
    with pytest.raises(RuntimeError):
        _write(session, out)
    assert out.read_bytes() == b"the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"], "temporary file left behind"
    monkeypatch.undo()
    _write(session, out)
    assert out.read_bytes().startswith(b"%PDF")


def test_bad_input_is_refused_before_writing(session, tmp_path, atlas):
    from viewer.ui.export import HandoutError

    out = tmp_path / "h.pdf"
    with pytest.raises(HandoutError):
        _write(session, out, exercises=["no-such-exercise"])
    with pytest.raises(HandoutError):
        _write(session, out, Pattern())
    with pytest.raises(HandoutError):
        _write(session, out, paper="a5")
    assert not out.exists()


def _page_image(session, tmp_path, page: int) -> tuple[QImage, str]:
    """A page of the real PDF through pdftoppm when installed; otherwise the same document
    painted onto a QImage (its own approved image: the two rasterisers differ slightly)."""
    out = tmp_path / "h.pdf"
    _write(session, out)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-png", "-singlefile",
             str(out), str(tmp_path / "page")],
            check=True,
        )
        return QImage(str(tmp_path / "page.png")), ""
    from viewer.ui.export import make_handout, render_page_image

    handout = make_handout(session.atlas, PATTERN, EXERCISES, "Walk every day.", "a4", DAY)
    return render_page_image(session, PATTERN, handout, page - 1, 60), "-qimage"


@pytest.mark.parametrize("name, page", [("handout-page1", 1), ("handout-exercise", 2)])
def test_screenshot_matches_approved(session, tmp_path, name, page):
    actual, suffix = _page_image(session, tmp_path, page)
    assert_matches_approved(actual, f"{name}{suffix}", tmp_path, MAX_DIFFERENT)
