"""Python's cyclic garbage collector during the window's start-up.

Importing PySide6, pyqtgraph and numpy and building the window makes some 75,000 objects, and
the collector walked them again and again while they were being made: 35-45 ms of a start-up of
about 600 ms, for a few hundred objects of garbage in all. So the window's start-up holds the
collector from its first step until the window is built, then moves everything made so far out
of its reach for good (it lives as long as the window) and lets it run again. The garbage made
meanwhile stays too, a few kilobytes.
"""

from __future__ import annotations

import gc


def hold_collection() -> None:
    """The window's start-up begins: no collection passes until ``release_collection``."""
    gc.disable()


def release_collection() -> None:
    """The window is built: what start-up made is kept out of the collector's reach, which
    runs again from now on (also when it was never held)."""
    gc.freeze()
    gc.enable()
