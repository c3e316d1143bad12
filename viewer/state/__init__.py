"""The one state of the app (selection or pain pattern, mode, view). Nothing here imports Qt."""
