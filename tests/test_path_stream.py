"""Paths packed when the drawing is read (viewer.drawing.path_stream) are read back by Qt as
exactly the paths it builds step by step: same elements (type, x, y), fill rule and bounds."""

import math
import pickle
import random

import pytest

from viewer.drawing.shapes import PathOps
from viewer.ui.qt_paths import to_painter_path


def elements(path) -> list[tuple[int, float, float]]:
    out = []
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        out.append((int(e.type.value), e.x, e.y))
    return out


def assert_same_path(packed, built) -> None:
    assert elements(packed) == elements(built)
    assert packed.fillRule() == built.fillRule()
    assert packed.boundingRect() == built.boundingRect()
    assert packed.controlPointRect() == built.controlPointRect()
    assert packed == built


def step_by_step(ops):
    """What the window built before paths were packed: a plain tuple takes that way."""
    return to_painter_path(tuple(ops))


@pytest.fixture(scope="module")
def views():
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir

    return load_views(assets_dir())


def test_every_shape_of_both_views_reads_back_as_built(views):
    shapes = [s for v in views for s in v.shapes]
    assert len(views) == 2 and len(shapes) > 400
    packed = 0
    for shape in shapes:
        assert isinstance(shape.ops, PathOps)
        if shape.ops.stream is not None:
            packed += 1
        assert_same_path(to_painter_path(shape.ops), step_by_step(shape.ops))
    # the drawing's shapes are all plain enough to pack (a change that stops packing them
    # would quietly give the start-up time back)
    assert packed == len(shapes)


def test_the_cached_views_read_back_as_built(tmp_path, monkeypatch):
    """A view from the geometry cache (unpickled, its steps shared) keeps its packed paths,
    and they are not packed again."""
    from viewer.drawing import shapes
    from viewer.drawing.svg_reader import load_views
    from viewer.paths import assets_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_views(assets_dir())  # parsed, and the cache filled
    monkeypatch.setattr(shapes, "pack", lambda ops: pytest.fail("packed again on a cache hit"))
    cached = load_views(assets_dir())
    for view, parsed in zip(cached, fresh, strict=True):
        for shape, other in zip(view.shapes, parsed.shapes, strict=True):
            assert shape == other
            assert shape.ops.stream == other.ops.stream is not None
            assert shape.ops.x_range == other.ops.x_range
            assert_same_path(to_painter_path(shape.ops), step_by_step(other.ops))


def test_x_extent_is_unchanged(views):
    """The views' horizontal extent, from each path's kept x range, is what reading every step
    gave (labels estimated from their length as before)."""
    for view in views:
        xs = [op[-2] for s in view.shapes for op in s.ops if len(op) >= 3]
        for lb in view.labels:
            w = len(lb.text) * lb.size * 0.56
            left = lb.x - {"middle": w / 2, "end": w}.get(lb.anchor, 0.0)
            xs += [left, left + w]
        assert view.x_extent() == (min(xs), max(xs))


SQUARE = (("M", 0.0, 0.0), ("L", 10.0, 0.0), ("L", 10.0, 10.0), ("L", 0.0, 10.0))
CASES = {
    "closed by a line back": (*SQUARE, ("Z",)),
    "closed where it started": (*SQUARE, ("L", 0.0, 0.0), ("Z",)),
    "two subpaths": (*SQUARE, ("Z",), ("M", 20.0, 20.0), ("L", 30, 20), ("L", 30, 30), ("L", 25, 35), ("Z",)),
    "open": (*SQUARE, ("L", 5.0, 5.0)),
    "cubic": (("M", 1.0, 2.0), ("C", 3.0, 4.0, 5.0, 6.5, 7.0, 2.0), ("L", 9.0, 9.0), ("C", 1, 1, 2, 2, 0.5, 0.25), ("Z",)),
    "quadratic": (("M", 1.0, 2.0), ("Q", 3.0, 7.0, 5.0, 2.0), ("Q", 6.1, 0.3, 8.0, 4.0), ("L", 9.0, 9.0), ("Z",)),
    "empty curves": (*SQUARE, ("C", 0.0, 10.0, 0.0, 10.0, 0.0, 10.0), ("Q", 0.0, 10.0, 0.0, 10.0), ("L", 3, 3), ("Z",)),
    "repeated points": (("M", 1, 1), ("L", 1, 1), ("L", 2, 2), ("L", 2, 2), ("L", 3, 1), ("L", 4, 0), ("Z",)),
    "move after move": (("M", 1, 1), ("M", 2, 2), *SQUARE[1:], ("Z",)),
    "close twice": (*SQUARE, ("Z",), ("Z",), ("M", 5, 5), ("L", 6, 6), ("L", 7, 5), ("L", 8, 8)),
    "close at once": (("Z",), *SQUARE, ("Z",)),
    "no move first": (("L", 3.0, 4.0), ("L", 5.0, 1.0), ("L", 6.0, 6.0), ("L", 1, 9), ("Z",)),
    "a move alone at the end": (*SQUARE, ("Z",), ("M", 50.0, 50.0)),
    "one line then curves": (("M", 0, 0), ("L", 1, 0), ("C", 1, 1, 2, 2, 3, 0), ("Z",)),
}
#: steps where Qt's own rules would decide: built step by step, never packed
UNPACKED = {
    "line after a close": (*SQUARE, ("Z",), ("L", 20.0, 20.0), ("L", 20, 30), ("L", 25, 30)),
    "nearly the same point": (*SQUARE, ("L", 0.0, 10.0 + 1e-14), ("L", 1, 1)),
    "nearly closed at zero": (*SQUARE, ("L", 1e-300, 1e-300), ("Z",)),
    "nearly closed": (("M", 100, 100), ("L", 110, 100), ("L", 110, 110), ("L", 100 + 1e-11, 100), ("Z",)),
    "not finite": (*SQUARE, ("L", math.inf, 1.0), ("L", 1, 1)),
    "too far": (*SQUARE, ("L", 1e130, 1.0), ("L", 1, 1)),
    "triangle": (("M", 0, 0), ("L", 1, 0), ("L", 0, 1), ("Z",)),
    "closed triangle": (("M", 0, 0), ("L", 1, 0), ("L", 0, 1), ("L", 0, 0)),
    "two lines then curves": (("M", 0, 0), ("L", 1, 0), ("L", 1, 1), ("C", 1, 1, 2, 2, 3, 0), ("Z",)),
    "unknown step": (*SQUARE, ("A", 1, 2, 3)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_packed_steps_read_back_as_built(name):
    ops = CASES[name]
    packed = PathOps(ops)
    assert packed.stream is not None, "expected to be packed"
    assert_same_path(to_painter_path(packed), step_by_step(ops))


@pytest.mark.parametrize("name", sorted(UNPACKED))
def test_steps_qt_must_judge_are_built_step_by_step(name):
    ops = UNPACKED[name]
    packed = PathOps(ops)
    assert packed.stream is None
    if name != "unknown step":
        assert_same_path(to_painter_path(packed), step_by_step(ops))


def test_random_steps_read_back_as_built():
    """Random paths over a few coordinates (so points repeat and subpaths end where they
    started), with every kind of step."""
    rng = random.Random(20240611)
    coords = [0.0, 1.0, 2.5, -3.25, 7.1, 100.3]
    packed = 0
    for _ in range(600):
        ops: list[tuple] = []
        for _ in range(rng.randint(1, 14)):
            kind = rng.choice("MLLLLCQZ")
            n = {"M": 2, "L": 2, "C": 6, "Q": 4, "Z": 0}[kind]
            ops.append((kind, *(rng.choice(coords) for _ in range(n))))
        path = PathOps(ops)
        if path.stream is not None:
            packed += 1
            assert_same_path(to_painter_path(path), step_by_step(ops))
    assert packed > 200


def test_path_ops_are_plain_tuples_to_the_rest_of_the_atlas():
    ops = CASES["cubic"]
    path = PathOps(ops)
    assert path == ops and hash(path) == hash(ops) and path[1] == ops[1]
    again = pickle.loads(pickle.dumps(path))
    assert isinstance(again, PathOps) and again == path
    assert (again.stream, again.x_range) == (path.stream, path.x_range)
    assert path.x_range == (0.5, 9.0)  # the x the steps end at (not the control points)
    assert PathOps([("Z",)]).x_range is None
