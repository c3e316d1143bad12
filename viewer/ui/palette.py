"""Colours of the schematic. Highlights use the Okabe–Ito colour-blind-safe set and always come
with a thicker outline, so colour is never the only cue."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

VERMILLION = QColor("#D55E00")
BLUE = QColor("#0072B2")
SKY = QColor("#56B4E9")
ORANGE = QColor("#E69F00")
PURPLE = QColor("#CC79A7")  # reddish purple: places marked in a pain pattern

FILL = {
    "skin": QColor("#f6ece4"),
    "region": QColor("#f7ede6"),
    "bone": QColor(226, 221, 214, 175),
    "disc": QColor("#cfe0ea"),
    "muscle": QColor(196, 128, 120, 210),
    "dura": QColor("#f7e7a1"),
    "inset-frame": QColor("#ffffff"),
}
EDGE = {
    "skin": QColor("#b59c8a"),
    "region": QColor("#cbb6a6"),
    "bone": QColor("#8f877c"),
    "disc": QColor("#7e98a8"),
    "muscle": QColor("#8c4f48"),
    "dura": QColor("#b8a04a"),
    "inset-frame": QColor("#c8c2ba"),
    "leader": QColor("#8a8a8a"),
}
#: the border of a fine place at rest: lighter than a region's, so the cells stay quiet
PLACE_EDGE = QColor(203, 182, 166, 150)
NERVE = QColor("#e8c547")
NERVE_EDGE = QColor("#9c7f1e")
HOVER_FILL = QColor(230, 159, 0, 90)
SELECTED_FILL = QColor(213, 94, 0, 140)
RELATED_FILL = QColor(86, 180, 233, 120)
MARKED_FILL = QColor(204, 121, 167, 150)
LABEL = QColor("#2b2b2b")
POINT_RING = QColor("#ffffff")

# -- the dermatome and nerve-territory layers -----------------------------------------------------
#: the selected root's dermatome, or the selected nerve's skin: the selection colour, lighter
LAYER_SELECTED_FILL = QColor(213, 94, 0, 105)
#: where neighbouring dermatomes of the chosen map overlap: blue cross-hatching
OVERLAP_HATCH = QColor("#0072B2")
#: where the maps disagree about the selected root: dark diagonal hatching, dashed edge
DISAGREE_HATCH = QColor(40, 40, 40, 150)
#: one colour per entry of an overlay (all roots, or all nerves), Okabe–Ito first; entries past
#: the colours repeat them with a hatching, and every overlay shape also carries its name
OVERLAY_COLOURS = [
    QColor("#E69F00"),
    QColor("#56B4E9"),
    QColor("#009E73"),
    QColor("#F0E442"),
    QColor("#0072B2"),
    QColor("#D55E00"),
    QColor("#CC79A7"),
    QColor("#999999"),
    QColor("#444444"),
]
OVERLAY_ALPHA = 120
#: Fill patterns that tell overlay shapes apart once the colours repeat (not colour alone).
OVERLAY_PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.Dense4Pattern,
    Qt.BrushStyle.Dense5Pattern,
)
