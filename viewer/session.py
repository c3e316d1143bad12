"""One loaded content folder and its drawn views, shared by the command line, the window, the
benchmark and the tests, so each loads the same way and only once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.loading import load_atlas
from viewer.drawing.shapes import View


@dataclass(frozen=True)
class Session:
    atlas: Atlas
    views: list[View]

    @classmethod
    def load(
        cls, content: Path | None = None, assets: Path | None = None, language: str = "en"
    ) -> Session:
        """Load and validate the content (the shipped folder by default) and read its views;
        with a ``language`` other than English, the names come from the folder's overlay
        (``i18n/<language>.yaml``). Raises ``ContentError`` for bad content or overlay."""
        from viewer.content.consistency import load_checked_views
        from viewer.paths import views_dir

        atlas = load_atlas(content)
        views = load_checked_views(atlas, assets or views_dir(content))
        if language != "en":  # the overlay reader (and YAML) only when there is one to read
            from viewer.content.translations import localise

            atlas = localise(atlas, content, language)
        atlas.attach_views(views)
        return cls(atlas, views)
