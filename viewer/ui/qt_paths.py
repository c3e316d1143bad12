"""Build Qt painter paths from the plain path operations that ``viewer.drawing`` reads."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QDataStream, Qt
from PySide6.QtGui import QPainterPath

from viewer.drawing.shapes import Op


def to_painter_path(ops: Iterable[Op]) -> QPainterPath:
    path = QPainterPath()
    stream = getattr(ops, "stream", None)  # packed when the drawing was read (PathOps)
    if stream is not None:
        QDataStream(QByteArray(stream)) >> path
        return path
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for op in ops:
        code = op[0]
        if code == "M":
            path.moveTo(op[1], op[2])
        elif code == "L":
            path.lineTo(op[1], op[2])
        elif code == "C":
            path.cubicTo(op[1], op[2], op[3], op[4], op[5], op[6])
        elif code == "Q":
            path.quadTo(op[1], op[2], op[3], op[4])
        elif code == "Z":
            path.closeSubpath()
    return path
