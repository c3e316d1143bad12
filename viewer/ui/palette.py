"""Colours of the schematic. Highlights use the Okabe–Ito colour-blind-safe set and always come
with a thicker outline, so colour is never the only cue."""

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
NERVE = QColor("#e8c547")
NERVE_EDGE = QColor("#9c7f1e")
HOVER_FILL = QColor(230, 159, 0, 90)
SELECTED_FILL = QColor(213, 94, 0, 140)
RELATED_FILL = QColor(86, 180, 233, 120)
MARKED_FILL = QColor(204, 121, 167, 150)
LABEL = QColor("#2b2b2b")
POINT_RING = QColor("#ffffff")
