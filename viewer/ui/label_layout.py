"""Where the drawing's labels go when presentation mode enlarges them.

A label read from the back of a room must be several times its drawn size. Enlarged about its
centre, a leader label grows across the body it names and spine levels grow into each other. So
each label grows from the end its leader meets (the end towards the body; a label without a
leader, such as an inset's title, from its end nearer the body), and labels are placed one by
one, most useful first: a label may slide a little up or down (a leader label only so far that
its leader still meets it) or break into two lines, and a label that still overlaps a placed
label, crosses the body's outline (when it did not before), leaves the visible drawing or runs
into the other view's half of it is hidden, with its leader.
Spine levels are thinned this way: L5, S1, L3 and L1 are tried before the others, and the sacral
levels below one with no room are hidden too (no 'S1 S2 S4' with S3 missing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from viewer.ui.canvas import ITEM_ROLE, LABEL_ANCHOR

#: The part of a label's height above its baseline (the SVG anchors labels on the baseline).
BASELINE = 0.78
#: Labels whose middle is this close to the middle of the body are centred on it (titles).
CENTRE_BAND = 150.0
#: Spine levels shown first, in this order, when there is no room for all of them: the two
#: roots most sciatica comes from, then every other lumbar level.
KEY_LEVELS = ("L5", "S1", "L3", "L1")
#: Slides tried, as parts of the enlarged label's height (down is positive). A leader label
#: slides only so far that the leader's end stays between the top and the bottom of its letters.
SIDE_SLIDES = (0.0, 0.125, -0.1, 0.25, 0.375, 0.5)
INSIDE_SLIDES = (0.0, 0.125, -0.125, 0.25, -0.25, 0.375, -0.375, 0.5)
FREE_SLIDES = (0.0, -0.25, -0.5, -0.75, -1.0, 0.25, 0.5)
TITLE_SLIDES = (0.0, 0.25, 0.5, 0.75, 1.0)
#: How near a leader's end is to the point its label is anchored at, in drawing units.
LEADER_REACH = 16.0
#: Kept between a label and the body, in drawing units.
CLEARANCE = 2.0
#: Kept between two labels side by side, as a part of the enlarged label's height (so labels of
#: the two views never run into one line).
SIDE_GAP = 0.6


@dataclass
class Spot:
    """One drawing label and what its placement needs to know."""

    item: QGraphicsSimpleTextItem
    layer: QGraphicsItem
    home: QPointF  # its position in its view when not presenting
    anchor: str  # "start", "middle" or "end", as in the SVG
    middle_x: float  # the body's middle line in its view
    inside: bool = False  # drawn over the body (spine levels): grows about its centre
    leaders: tuple[QGraphicsPathItem, ...] = ()
    #: the label as drawn, then broken into two lines if it has a space: (text, its rectangle,
    #: how far it moves sideways to keep its anchored end where it was)
    forms: tuple[tuple[str, QRectF, float], ...] = ()

    @property
    def text(self) -> str:
        return self.forms[0][0] if self.forms else self.item.text()

    @property
    def rect(self) -> QRectF:
        return self.forms[0][1] if self.forms else self.item.boundingRect()

    def origins(self, rect: QRectF | None = None) -> list[QPointF]:
        """Points of the label (its own coordinates) it may grow from, best first."""
        r = rect if rect is not None else self.rect
        y = r.height() * BASELINE
        left, centre, right = QPointF(r.left(), y), QPointF(r.center().x(), y), QPointF(r.right(), y)
        if self.anchor == "start":
            return [left]
        if self.anchor == "end":
            return [right]
        middle = self.home.x() + self.rect.center().x()
        if self.inside or abs(middle - self.middle_x) <= CENTRE_BAND:
            return [centre]
        inner = right if middle < self.middle_x else left
        return [inner, centre]

    def slides(self) -> tuple[float, ...]:
        if self.anchor in ("start", "end"):
            return SIDE_SLIDES
        if self.inside:
            return INSIDE_SLIDES
        if self.origins()[0] == self.origins()[-1] and len(self.origins()) == 1:
            return TITLE_SLIDES
        return FREE_SLIDES

    def priority(self) -> tuple[int, int, float]:
        """Placed in this order: titles, side titles (LEFT, RIGHT), leader labels from the top,
        other labels, spine levels (the key ones first)."""
        y = self.home.y()
        if self.inside:
            text = self.text
            return (4, KEY_LEVELS.index(text) if text in KEY_LEVELS else len(KEY_LEVELS), y)
        if self.anchor in ("start", "end"):
            return (2, 0, y)
        if len(self.origins()) == 1:
            return (0, 0, y)
        return (1 if self.item.font().bold() else 3, 0, y)

    @property
    def free(self) -> bool:
        """A label with no leader, not on the body and not a view's title (an inset's title,
        LEFT, RIGHT): it may also move sideways to stay in sight."""
        return self.anchor == "middle" and not self.inside and len(self.origins()) > 1

    def placed_rect(
        self, factor: float, origin: QPointF, offset: QPointF, rect: QRectF | None = None
    ) -> QRectF:
        """The label's rectangle (or that of another form of it, ``rect``) in the view box's
        coordinates, enlarged ``factor`` times about ``origin`` and moved by ``offset``."""
        r = rect if rect is not None else self.rect
        at = self.layer.pos() + self.home + offset
        return QRectF(
            at.x() + origin.x() + factor * (r.left() - origin.x()),
            at.y() + origin.y() + factor * (r.top() - origin.y()),
            r.width() * factor,
            r.height() * factor,
        )


def view_areas(
    skins: dict[QGraphicsItem, list[QPainterPath]], shown: QRectF, margin: float
) -> dict[QGraphicsItem, QRectF]:
    """The part of the shown drawing each view's labels stay in: views side by side share the
    room between their bodies half and half, so a label is never read as the other view's."""
    bodies = sorted(
        ((layer, paths[0].boundingRect()) for layer, paths in skins.items() if paths),
        key=lambda lb: lb[1].center().x(),
    )
    inner = shown.adjusted(margin, margin, -margin, -margin)
    out: dict[QGraphicsItem, QRectF] = {}
    for i, (layer, body) in enumerate(bodies):
        left, right = inner.left(), inner.right()
        if i:
            left = max(left, (bodies[i - 1][1].right() + body.left()) / 2 + margin)
        if i + 1 < len(bodies):
            right = min(right, (body.right() + bodies[i + 1][1].left()) / 2 - margin)
        out[layer] = QRectF(left, inner.top(), max(right - left, 0.0), inner.height())
    for layer in skins:
        out.setdefault(layer, inner)
    return out


@dataclass(frozen=True)
class Placement:
    factor: float
    origin: QPointF
    offset: QPointF  # from its position when not presenting
    text: str  # as drawn, or broken into two lines


def _forms(item: QGraphicsSimpleTextItem, anchor: str) -> tuple[tuple[str, QRectF, float], ...]:
    """The label as drawn and, if it has a space, broken into two lines at the space nearest
    its middle (not next to a word of two letters or fewer, if it can), the shorter line padded with spaces towards its anchored end (the item has no
    alignment of its own), with how far the broken form moves to keep that end in place."""
    text = item.text()
    rect = QRectF(item.boundingRect())
    forms = [(text, rect, 0.0)]
    spaces = [i for i, c in enumerate(text) if c == " "]
    # a line of one abbreviation ("n.") alone only if there is no other place to break
    spaces = [i for i in spaces if min(i, len(text) - i - 1) > 2] or spaces
    if not spaces or "\n" in text:
        return tuple(forms)
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    lines = [text[:cut], text[cut + 1 :]]
    metrics = QFontMetricsF(item.font())
    space = metrics.horizontalAdvance(" ")
    widths = [metrics.horizontalAdvance(line) for line in lines]
    short = 0 if widths[0] < widths[1] else 1
    pad = round(abs(widths[1] - widths[0]) / space / {"end": 1, "middle": 2}.get(anchor, 1))
    if anchor in ("end", "middle") and pad:
        lines[short] = " " * pad + lines[short]
    broken = "\n".join(lines)
    item.setText(broken)
    two = QRectF(item.boundingRect())
    item.setText(text)
    shift = {"start": 0.0, "end": rect.right() - two.right()}.get(anchor, rect.center().x() - two.center().x())
    forms.append((broken, two, shift))
    return tuple(forms)


def find_spots(
    layers: Iterable[QGraphicsItem],
) -> tuple[list[Spot], dict[QGraphicsItem, tuple[list[QPainterPath], list[QPainterPath]]]]:
    """The drawing's labels (not the overlay's names) and, per view, the outlines labels keep
    out of, in the view box's coordinates: the body's skin (always) and the insets' frames
    (where there is room)."""
    spots: list[Spot] = []
    outlines: dict[QGraphicsItem, tuple[list[QPainterPath], list[QPainterPath]]] = {}
    for layer in layers:
        kids = layer.childItems()
        paths = [k for k in kids if isinstance(k, QGraphicsPathItem)]
        skin = [layer.mapToParent(k.path()) for k in paths if k.data(ITEM_ROLE) == "skin"]
        frames = [layer.mapToParent(k.path()) for k in paths if k.data(ITEM_ROLE) == "inset-frame"]
        leaders = [k for k in paths if k.data(ITEM_ROLE) == "leader"]
        outlines[layer] = (skin, frames)
        middle = skin[0].boundingRect().center().x() - layer.pos().x() if skin else 0.0
        for kid in kids:
            if not isinstance(kid, QGraphicsSimpleTextItem) or kid.data(ITEM_ROLE) != "label":
                continue
            anchor = str(kid.data(LABEL_ANCHOR) or "middle")
            spot = Spot(kid, layer, QPointF(kid.pos()), anchor, middle)
            spot.forms = _forms(kid, anchor)
            home = spot.placed_rect(1.0, QPointF(), QPointF())
            spot.inside = any(p.intersects(home) for p in skin)
            r = spot.rect
            end = {"start": r.left(), "end": r.right()}.get(anchor, r.center().x())
            meets = spot.home + QPointF(end, r.height() * BASELINE)
            spot.leaders = tuple(
                leader
                for leader in leaders
                if any(
                    (leader.path().pointAtPercent(t) - meets).manhattanLength() <= LEADER_REACH
                    for t in (0.0, 1.0)
                )
            )
            spots.append(spot)
    return spots, outlines


def lay_out(
    spots: Iterable[Spot],
    factors: dict[QGraphicsSimpleTextItem, float],
    outlines: Iterable[QPainterPath],
    frames: Iterable[QPainterPath],
    areas: dict[QGraphicsItem, QRectF],
) -> dict[QGraphicsSimpleTextItem, Placement | None]:
    """Each label's enlargement, growth point and offset, or None where it has no room: clear of
    the labels placed before it and of ``outlines`` (unless it was drawn over them), inside its
    view's part of the screen (``areas``), and off the edges of ``frames`` too if it can be: a
    label inside an inset's frame (its title) stays inside it or moves out of it, never across
    its edge (with no room either way it is hidden)."""
    frames = list(frames)
    hard = [(p, p.boundingRect(), False) for p in outlines]
    soft = hard + [(p, p.boundingRect(), True) for p in frames]
    taken: list[QRectF] = []
    out: dict[QGraphicsSimpleTextItem, Placement | None] = {}
    thinned: set[QGraphicsItem] = set()  # views where a key spine level has no room
    sacral_cut: set[QGraphicsItem] = set()  # views where a sacral level (below S1) has no room
    for spot in sorted(spots, key=Spot.priority):
        level = spot.item.text()
        if spot.inside and spot.layer in thinned and level not in KEY_LEVELS:
            out[spot.item] = None  # the other levels only when all the key ones fit
            continue
        sacral = spot.inside and level not in KEY_LEVELS and level[:1] == "S"
        if sacral and spot.layer in sacral_cut:
            out[spot.item] = None  # placed from the top down: the levels below a hidden one
            continue
        factor = factors[spot.item]
        gap = SIDE_GAP * spot.rect.height() * factor
        area = areas[spot.layer]
        found: Placement | None = None
        # an inset's title (drawn inside its frame) never crosses the frame: hidden if no room
        home = spot.placed_rect(1.0, QPointF(), QPointF())
        framed = any(p.contains(home) for p in frames)
        for keep_out in (soft,) if framed else (soft, hard):
            for text, form, shift in spot.forms:
                height = form.height() * factor
                for origin in spot.origins(form):
                    for part in spot.slides():
                        offset = QPointF(shift, part * height)
                        rect = spot.placed_rect(factor, origin, offset, form)
                        if spot.free:  # slide sideways into sight
                            if rect.left() < area.left() + CLEARANCE:
                                offset.setX(offset.x() + area.left() + CLEARANCE - rect.left())
                            elif rect.right() > area.right() - CLEARANCE:
                                offset.setX(offset.x() + area.right() - CLEARANCE - rect.right())
                            rect = spot.placed_rect(factor, origin, offset, form)
                        if not area.contains(rect):
                            continue
                        if any(rect.adjusted(-gap, -CLEARANCE, gap, CLEARANCE).intersects(t) for t in taken):
                            continue
                        padded = rect.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)
                        if not spot.inside and any(
                            b.intersects(padded)
                            and p.intersects(padded)
                            and not (frame and p.contains(padded))
                            for p, b, frame in keep_out
                        ):
                            continue
                        found = Placement(factor, origin, offset, text)
                        taken.append(rect)
                        break
                    if found:
                        break
                if found:
                    break
            if found:
                break
        if not found and spot.inside and spot.item.text() in KEY_LEVELS:
            thinned.add(spot.layer)
        if not found and sacral:
            sacral_cut.add(spot.layer)
        out[spot.item] = found
    return out
