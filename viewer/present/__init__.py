"""Renderers of the typed answers (panel HTML, command-line text). Nothing here imports Qt."""
