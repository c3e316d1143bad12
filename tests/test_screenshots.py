"""A few screenshot tests with tolerance (pyqtgraph's image-testing approach): the drawing must
still look like the approved PNGs in tests/approved/. After an intended change to the drawing,
look at the new images and approve them with ATLAS_APPROVE_SCREENSHOTS=1 python -m pytest
tests/test_screenshots.py."""

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.image_compare import assert_matches_approved, share_different

#: the test fails when more than this share of pixels differ
MAX_DIFFERENT = 0.004


def _canvas_image(window) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    return window.canvas.grab().toImage()


@pytest.mark.parametrize(
    "name, select",
    [
        ("both-views-plain", None),
        ("L4-selected", ("roots", "L4", None)),
        ("calf-both-sides", ("regions", "calf-posterior", "both")),
    ],
)
def test_drawing_matches_approved(window, tmp_path, name, select):
    if select:
        window.state.select(*select)
    window.canvas.fit()
    assert_matches_approved(_canvas_image(window), name, tmp_path, MAX_DIFFERENT)


def test_comparison_catches_a_changed_drawing(window):
    """The tolerance is not so loose that a different selection passes as the approved one."""
    window.canvas.fit()
    plain = _canvas_image(window)
    window.state.select("roots", "L4")
    assert share_different(plain, _canvas_image(window)) > MAX_DIFFERENT * 5
