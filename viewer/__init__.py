"""Sciatica Atlas: an educational viewer of the lumbar roots, the sciatic nerve and where they can hurt."""

__version__ = "0.1.0"
