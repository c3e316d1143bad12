"""A few screenshot tests with tolerance (pyqtgraph's image-testing approach): the drawing must
still look like the approved PNGs in tests/approved/. After an intended change to the drawing,
look at the new images and approve them with ATLAS_APPROVE_SCREENSHOTS=1 python -m pytest
tests/test_screenshots.py."""

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

APPROVED = Path(__file__).parent / "approved"
#: a pixel counts as different when a channel moves by more than this
CHANNEL_TOLERANCE = 48
#: and the test fails when more than this share of pixels differ
MAX_DIFFERENT = 0.004


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4)[:, :, :3].copy()


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
    actual = _canvas_image(window)
    approved_path = APPROVED / f"{name}.png"
    if os.environ.get("ATLAS_APPROVE_SCREENSHOTS") == "1":
        APPROVED.mkdir(exist_ok=True)
        assert actual.save(str(approved_path))
        return
    assert approved_path.exists(), f"no approved image {approved_path}; see the module docstring"
    approved = QImage(str(approved_path))
    assert (approved.width(), approved.height()) == (actual.width(), actual.height())
    diff = np.abs(_pixels(actual).astype(int) - _pixels(approved).astype(int)).max(axis=2)
    share = float((diff > CHANNEL_TOLERANCE).mean())
    if share > MAX_DIFFERENT:
        out = tmp_path / f"{name}-actual.png"
        actual.save(str(out))
        pytest.fail(f"{name}: {share:.2%} of pixels differ from {approved_path}; actual: {out}")


def test_comparison_catches_a_changed_drawing(window):
    """The tolerance is not so loose that a different selection passes as the approved one."""
    window.canvas.fit()
    plain = _pixels(_canvas_image(window))
    window.state.select("roots", "L4")
    selected = _pixels(_canvas_image(window))
    diff = np.abs(plain.astype(int) - selected.astype(int)).max(axis=2)
    assert float((diff > CHANNEL_TOLERANCE).mean()) > MAX_DIFFERENT * 5
