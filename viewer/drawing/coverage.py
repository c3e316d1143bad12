"""Which places (skin regions) a drawn layer shape covers, worked out from the geometry alone
(no Qt): the dermatome a map draws for a root, or a nerve's territory, sampled on a grid and each
sample given to the region drawn under it. ``explain`` uses it to name, per map, the places a
root's dermatome covers, so the words always follow the drawing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where measured, so loading a drawing does not import numpy
    import numpy as np

from viewer.drawing.shapes import Op, Shape, View

Polygon = list[tuple[float, float]]
#: grid spacing of the samples, in drawing units (12 per cm)
STEP = 8.0
#: a region is named when it holds at least this share of the samples
MIN_SHARE = 0.04


def polygons(ops: Iterable[Op], samples: int = 6) -> list[Polygon]:
    """The closed outlines of a path, curves flattened to short lines."""
    out: list[Polygon] = []
    current: Polygon = []
    x = y = 0.0
    for op in ops:
        code = op[0]
        if code == "M":
            if len(current) > 2:
                out.append(current)
            x, y = op[1], op[2]
            current = [(x, y)]
        elif code == "L":
            x, y = op[1], op[2]
            current.append((x, y))
        elif code in ("C", "Q"):
            pts = [(x, y), *zip(op[1::2], op[2::2])]
            for i in range(1, samples + 1):
                t = i / samples
                current.append(_bezier(pts, t))
            x, y = pts[-1]
        elif code == "Z":
            if len(current) > 2:
                out.append(current)
            current = []
    if len(current) > 2:
        out.append(current)
    return out


def _bezier(pts: list[tuple[float, float]], t: float) -> tuple[float, float]:
    while len(pts) > 1:
        pts = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(pts, pts[1:])
        ]
    return pts[0]


def inside(polys: list[Polygon], px: float, py: float) -> bool:
    """Even-odd rule over every outline (the SVG reader's fill rule for regions)."""
    hit = False
    for poly in polys:
        j = len(poly) - 1
        for i in range(len(poly)):
            xi, yi = poly[i]
            xj, yj = poly[j]
            if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
    return hit


def _bounds(polys: list[Polygon]) -> tuple[float, float, float, float]:
    xs = [p[0] for poly in polys for p in poly]
    ys = [p[1] for poly in polys for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def places_covered(drawn: Iterable[tuple[View, Shape]]) -> list[tuple[str, float]]:
    """The regions under the given layer shapes (each with the view it is drawn in), with the
    share of the shapes' area each holds, largest first; regions under less than ``MIN_SHARE``
    are left out."""
    counts: Counter[str] = Counter()
    total = 0
    for view, shape in drawn:
        regions = [
            (s.content_id or "", polys, _bounds(polys))
            for s in view.shapes
            if s.kind == "regions" and s.side == shape.side
            for polys in [polygons(s.ops)]
            if polys
        ]
        # each piece of the layer shape on its own: pieces are a union, not even-odd
        for piece in polygons(shape.ops):
            x0, y0, x1, y1 = _bounds([piece])
            y = y0 + STEP / 2
            while y < y1:
                x = x0 + STEP / 2
                while x < x1:
                    if inside([piece], x, y):
                        total += 1
                        for rid, polys, (rx0, ry0, rx1, ry1) in regions:
                            if rx0 <= x <= rx1 and ry0 <= y <= ry1 and inside(polys, x, y):
                                counts[rid] += 1
                                break
                    x += STEP
                y += STEP
    if not total:
        return []
    shares = [(rid, n / total) for rid, n in counts.most_common()]
    return [(rid, round(share, 3)) for rid, share in shares if share >= MIN_SHARE]


def dermatome_places(views: list[View], root: str, map_id: str, side: str = "left") -> list[tuple[str, float]]:
    """The places the map's dermatome for this root covers on one side, largest share first."""
    return places_covered(
        (view, s)
        for view in views
        for s in view.shapes
        if s.kind == "dermatomes" and s.content_id == root and s.map_id == map_id and s.side == side
    )


# -- how much of a marked area each dermatome and territory covers ---------------------------
#: a dermatome or territory is named for a place when it covers at least this share of it
NAMED_SHARE = 0.1
#: grid spacing when measuring a place, in drawing units (a toe is about 20 units wide)
FINE_STEP = 3.0


@dataclass(frozen=True)
class Cover:
    """Shares of one area (a place, a region, or several marked together) covered by each
    root's dermatome per map and by each nerve's skin territory, each 0..1 of the area's
    samples. ``samples`` says how many grid points the area held (0: nothing drawn)."""

    samples: int
    dermatomes: dict[str, dict[str, float]] = field(default_factory=dict)  # map -> root -> share
    territories: dict[str, float] = field(default_factory=dict)  # nerve -> share
    #: which part of the area each listed id holds (place or region id -> share)
    parts: dict[str, float] = field(default_factory=dict)

    def roots(self, map_id: str, least: float = 0.0) -> list[tuple[str, float]]:
        """Roots whose dermatome covers more than ``least`` of the area, largest first."""
        found = self.dermatomes.get(map_id, {})
        return sorted(((r, s) for r, s in found.items() if s > least), key=lambda t: -t[1])

    def nerves(self, least: float = 0.0) -> list[tuple[str, float]]:
        return sorted(((n, s) for n, s in self.territories.items() if s > least), key=lambda t: -t[1])


def inside_many(polys: list[Polygon], xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Even-odd rule over every outline, for many points at once."""
    import numpy as np

    hit = np.zeros(xs.shape, dtype=bool)
    for poly in polys:
        pts = np.asarray(poly, dtype=float)
        x0, y0 = pts[:, 0], pts[:, 1]
        x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
        for xi, yi, xj, yj in zip(x0, y0, x1, y1):
            if yi == yj:
                continue
            crosses = (yi > ys) != (yj > ys)
            if not crosses.any():
                continue
            at = (xj - xi) * (ys - yi) / (yj - yi) + xi
            hit ^= crosses & (xs < at)
    return hit


def _union(polys: list[Polygon], xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Inside any piece (layer shapes are a union of pieces wound the same way)."""
    import numpy as np

    hit = np.zeros(xs.shape, dtype=bool)
    for piece in polys:
        bx0, by0, bx1, by1 = _bounds([piece])
        near = (xs >= bx0) & (xs <= bx1) & (ys >= by0) & (ys <= by1)
        if near.any():
            hit[near] |= inside_many([piece], xs[near], ys[near])
    return hit


_Counts = tuple[int, Counter[tuple[str, str]], Counter[str]]


#: change when what is measured, or how, changes (keys the file of remembered measurements)
COVER_FORMAT = "1"


class Coverage:
    """Measures drawn areas against the layers of the same views, each drawn area once, so
    marking one more place costs one small measurement (about 10 ms). Measurements are kept in
    the cache folder beside the parsed views, keyed by the views' SVG texts, so a place is
    measured once per drawing, not once per start. Plain Python and numpy: the explorer and
    the panel both ask it."""

    def __init__(self, views: list[View]):
        self.views = views
        self._memo: dict[tuple[str, str, str], _Counts] = {}
        self._loaded = False

    def _file(self) -> Path | None:
        from viewer.drawing.geometry_cache import cache_dir

        folder = cache_dir()
        if folder is None or not all(v.digest for v in self.views):
            return None
        key = "\0".join([COVER_FORMAT, *(f"{v.name}:{v.digest}" for v in self.views)])
        return folder / f"covers-{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"

    def _load(self) -> None:
        """The measurements remembered for this drawing (none if the file is missing or bad)."""
        import json  # only when a measurement is first asked for, never at start-up

        self._loaded = True
        path = self._file()
        if path is None:
            return
        try:
            raw = json.loads(path.read_bytes())
            for key, (n, derm, terr) in raw.items():
                kind, rid, side = key.split("|")
                self._memo[(kind, rid, side)] = (
                    int(n),
                    Counter({(str(m), str(r)): int(h) for m, r, h in derm}),
                    Counter({str(nv): int(h) for nv, h in terr}),
                )
        except (OSError, ValueError, TypeError, KeyError):
            self._memo.clear()

    def _save(self) -> None:
        import json

        path = self._file()
        if path is None:
            return
        raw = {
            "|".join(key): [n, [[m, r, h] for (m, r), h in d.items()], [[nv, h] for nv, h in t.items()]]
            for key, (n, d, t) in self._memo.items()
        }
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(raw, separators=(",", ":")), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)

    def cover(self, areas: Iterable[tuple[str, str, str]]) -> Cover:
        """The cover of the drawn shapes (kind "places" or "regions", content id, side) taken
        together, over every view that draws them."""
        total = 0
        derm: Counter[tuple[str, str]] = Counter()
        terr: Counter[str] = Counter()
        parts: Counter[str] = Counter()
        if not self._loaded:
            self._load()
        measured = False
        for key in dict.fromkeys(areas):
            kind, rid, side = key
            counts = self._memo.get(key)
            if counts is None:
                counts = self._memo[key] = self._measure(kind, rid, side)
                measured = True
            n, d, t = counts
            total += n
            parts[rid] += n
            derm.update(d)
            terr.update(t)
        if measured:
            self._save()
        if not total:
            return Cover(0)
        dermatomes: dict[str, dict[str, float]] = {}
        for (map_id, root), n in derm.items():
            dermatomes.setdefault(map_id, {})[root] = round(min(n / total, 1.0), 3)
        return Cover(
            total,
            dermatomes,
            {nerve: round(min(n / total, 1.0), 3) for nerve, n in terr.items()},
            {rid: round(n / total, 3) for rid, n in parts.items()},
        )

    def _measure(self, kind: str, rid: str, side: str) -> _Counts:
        import numpy as np

        total = 0
        derm: Counter[tuple[str, str]] = Counter()
        terr: Counter[str] = Counter()
        for view in self.views:
            for shape in view.shapes:
                if shape.kind != kind or shape.content_id != rid or shape.side != side:
                    continue
                polys = polygons(shape.ops)
                if not polys:
                    continue
                x0, y0, x1, y1 = _bounds(polys)
                gx = np.arange(x0 + FINE_STEP / 2, x1, FINE_STEP)
                gy = np.arange(y0 + FINE_STEP / 2, y1, FINE_STEP)
                xs, ys = (a.ravel() for a in np.meshgrid(gx, gy))
                mine = inside_many(polys, xs, ys)
                xs, ys = xs[mine], ys[mine]
                if not xs.size:
                    continue
                total += int(xs.size)
                for layer in view.layer_shapes():
                    if layer.side != side:
                        continue
                    lp = polygons(layer.ops)
                    lx0, ly0, lx1, ly1 = _bounds(lp) if lp else (0.0, 0.0, -1.0, -1.0)
                    if lx1 < x0 or lx0 > x1 or ly1 < y0 or ly0 > y1:
                        continue
                    hits = int(_union(lp, xs, ys).sum())
                    if hits and layer.kind == "dermatomes":
                        derm[(layer.map_id or "", layer.content_id or "")] += hits
                    elif hits:
                        terr[layer.content_id or ""] += hits
        return total, derm, terr
