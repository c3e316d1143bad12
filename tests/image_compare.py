"""Screenshot comparison with tolerance (pyqtgraph's image-testing approach), shared by the
drawing and the handout screenshot tests. After an intended change, look at the new images and
approve them with ATLAS_APPROVE_SCREENSHOTS=1."""

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

APPROVED = Path(__file__).parent / "approved"
#: a pixel counts as different when a channel moves by more than this
CHANNEL_TOLERANCE = 48


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4)[:, :, :3].copy()


def share_different(a: QImage, b: QImage) -> float:
    diff = np.abs(pixels(a).astype(int) - pixels(b).astype(int)).max(axis=2)
    return float((diff > CHANNEL_TOLERANCE).mean())


def assert_matches_approved(actual: QImage, name: str, tmp_path: Path, max_different: float) -> None:
    """Fail (saving the actual image) when more than ``max_different`` of the pixels differ from
    the approved ``name``.png; approve it instead when ATLAS_APPROVE_SCREENSHOTS=1."""
    approved_path = APPROVED / f"{name}.png"
    if os.environ.get("ATLAS_APPROVE_SCREENSHOTS") == "1":
        APPROVED.mkdir(exist_ok=True)
        assert actual.save(str(approved_path))
        return
    assert approved_path.exists(), f"no approved image {approved_path}; see tests/image_compare.py"
    approved = QImage(str(approved_path))
    assert (approved.width(), approved.height()) == (actual.width(), actual.height())
    share = share_different(actual, approved)
    if share > max_different:
        out = tmp_path / f"{name}-actual.png"
        actual.save(str(out))
        pytest.fail(f"{name}: {share:.2%} of pixels differ from {approved_path}; actual: {out}")
