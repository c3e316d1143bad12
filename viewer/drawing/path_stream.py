"""A shape's path steps packed as the bytes Qt's ``QDataStream`` reads a ``QPainterPath`` from
(no Qt imported here).

The window turns some 500 shapes into painter paths at start-up; calling ``lineTo`` through the
Python binding once per step (about 17,000 steps) took 8-12 ms. Packed once when a drawing is
read, and kept in the geometry cache, a path is read back by Qt in one call.

The bytes hold what Qt itself would build from the steps, element by element, so a read path
equals one built step by step: the format (big-endian) is the element count (int32); per element
its type (int32: 0 move, 1 line, 2 curve, 3 curve data) and x, y (float64); then the index of
the last subpath's first element (int32) and the fill rule (int32: 0 odd-even). Building step
by step, Qt folds a move that follows a move into one element, drops a line to the point it is
already at, closes a subpath with a line back to its start unless it ends there, and turns a
quadratic curve into a cubic one. Where Qt's own rules would depend on its fuzzy comparison of
numbers (two points equal but for the last bits), on a step it would refuse (not finite), on a
step straight after a close, or on a path Qt marks as convex (its last line made a triangle or
closed one: a hint the stream cannot carry), ``pack`` gives up and returns None: such a path is
built step by step as before.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from typing import Any

MOVE, LINE, CURVE, CURVE_DATA = 0, 1, 2, 3
ODD_EVEN = 0
#: Qt refuses coordinates that are not finite or at least this large
_COORD_LIMIT = 1e128


class _GiveUp(Exception):
    """The steps need a rule of Qt's that packing does not copy."""


def _point_equal(a: float, b: float) -> bool:
    """Qt's fuzzy comparison of one coordinate of two points (qFuzzyCompare, or qFuzzyIsNull
    of the difference where either is zero)."""
    if a == 0 or b == 0:
        return abs(a - b) <= 1e-12
    return abs(a - b) * 1e12 <= min(abs(a), abs(b))


def _same(x1: float, y1: float, x2: float, y2: float) -> bool:
    """Two points equal, where Qt agrees that they are (and give up where only Qt would)."""
    exact = x1 == x2 and y1 == y2
    if exact != (_point_equal(x1, x2) and _point_equal(y1, y2)):
        raise _GiveUp
    return exact


def _check(*numbers: float) -> None:
    for n in numbers:
        if not (math.isfinite(n) and abs(n) < _COORD_LIMIT):
            raise _GiveUp


def elements(ops: Iterable[tuple[Any, ...]]) -> tuple[list[tuple[int, float, float]], int]:
    """The (type, x, y) elements Qt builds from these steps with moveTo, lineTo, cubicTo,
    quadTo and closeSubpath, starting from a new path (which holds one move to 0, 0), and the
    index of the last subpath's first element. Raises ``_GiveUp`` where it would have to
    guess."""
    els: list[tuple[int, float, float]] = [(MOVE, 0.0, 0.0)]
    start = 0  # the index of the current subpath's first element
    closed = False  # a close was the last step: Qt then wants a move first
    convex = False  # Qt's convex mark, set anew by each line it adds
    for op in ops:
        code = op[0]
        if code == "M":
            x, y = op[1], op[2]
            _check(x, y)
            if els[-1][0] == MOVE:
                els[-1] = (MOVE, x, y)
            else:
                els.append((MOVE, x, y))
            start = len(els) - 1
            closed = False
        elif code in ("L", "C", "Q"):
            if closed:  # a step straight after a close, with no move first
                raise _GiveUp
            lx, ly = els[-1][1], els[-1][2]
            if code == "L":
                x, y = op[1], op[2]
                _check(x, y)
                if not _same(x, y, lx, ly):
                    els.append((LINE, x, y))
                    # Qt's rule: a triangle so far, or one closed by this line
                    convex = len(els) == 3 or (len(els) == 4 and els[start][1:] == (x, y))
                continue
            if code == "Q":
                cx, cy, x, y = op[1], op[2], op[3], op[4]
                _check(cx, cy, x, y)
                if _same(lx, ly, cx, cy) and _same(cx, cy, x, y):
                    continue  # Qt drops an empty curve
                c1x, c1y = (lx + 2 * cx) / 3, (ly + 2 * cy) / 3
                c2x, c2y = (x + 2 * cx) / 3, (y + 2 * cy) / 3
            else:
                c1x, c1y, c2x, c2y, x, y = op[1:7]
                _check(c1x, c1y, c2x, c2y, x, y)
            if _same(lx, ly, c1x, c1y) and _same(c1x, c1y, c2x, c2y) and _same(c2x, c2y, x, y):
                continue  # Qt drops an empty curve
            els += [(CURVE, c1x, c1y), (CURVE_DATA, c2x, c2y), (CURVE_DATA, x, y)]
        elif code == "Z":
            if len(els) == 1:  # only the opening move: Qt's path counts as empty
                continue
            _, fx, fy = els[start]
            _, lx, ly = els[-1]
            if fx != lx or fy != ly:
                if _point_equal(fx, lx) and _point_equal(fy, ly):
                    raise _GiveUp  # Qt may move the last point onto the start instead
                els.append((LINE, fx, fy))
            closed = True
        else:
            raise _GiveUp
    if convex:
        raise _GiveUp
    return els, start


def pack(ops: Iterable[tuple[Any, ...]]) -> bytes | None:
    """The path these steps draw (odd-even fill) as Qt's stream of a QPainterPath, or None
    where only building it step by step is sure to give Qt's own result."""
    try:
        els, start = elements(ops)
    except _GiveUp:
        return None
    flat = [v for e in els for v in e]
    return struct.pack(f">i{'idd' * len(els)}ii", len(els), *flat, start, ODD_EVEN)
