"""Wheel zooming at the speed of a blit: while the wheel turns, each frame shows the drawing as
it was last painted, scaled to the new zoom; once the wheel has rested for a moment, the
drawing is painted sharp at its new size.

Painting the whole drawing anew at every notch took two frames; scaling one picture takes a
fraction of one. The picture is taken from the shapes' own cached pictures (no redrawing), and
covers what was on screen, so zooming out shows a white margin until the sharp frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QPainter, QPixmap, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

#: the wheel has rested when no notch came for this long (ms); then the sharp frame is drawn
REST_MS = 250


class ZoomPreview:
    def __init__(self, view: QGraphicsView, content: QGraphicsItem):
        self.view = view
        self.content = content  # the item whose transform the zoom changes
        self.picture: QPixmap | None = None
        self._taken_at = QTransform()
        self._rest = QTimer()
        self._rest.setSingleShot(True)
        self._rest.setInterval(REST_MS)
        self._rest.timeout.connect(self.end)

    @property
    def active(self) -> bool:
        return self.picture is not None

    def _transform(self) -> QTransform:
        """Drawing coordinates to viewport pixels, now."""
        return self.content.sceneTransform() * self.view.viewportTransform()

    def begin(self) -> None:
        """A notch is about to zoom: keep a picture of the drawing as it is (once per gesture)."""
        if self.picture is None:
            viewport = self.view.viewport()
            ratio = viewport.devicePixelRatioF()
            picture = QPixmap(viewport.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(self.view.backgroundBrush().color())
            # the drawing only: the legend and the map chooser float above it as widgets
            viewport.render(picture, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground)
            self.picture = picture
            self._taken_at = self._transform()  # after rendering, which applies a pending zoom
        self._rest.start()

    def paint(self, viewport: QWidget) -> bool:
        """Paint the scaled picture in place of the drawing; False when no zoom is under way."""
        if self.picture is None:
            return False
        back, invertible = self._taken_at.inverted()
        if not invertible:
            self.end()
            return False
        painter = QPainter(viewport)
        painter.fillRect(viewport.rect(), self.view.backgroundBrush())
        painter.setTransform(back * self._transform())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(0, 0, self.picture)
        painter.end()
        return True

    def end(self) -> None:
        """The wheel rested, or something else happened: draw the real, sharp drawing again."""
        self._rest.stop()
        if self.picture is not None:
            self.picture = None
            self.view.viewport().update()

