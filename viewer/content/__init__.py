"""The atlas's content and the questions it answers. Nothing in this package imports Qt."""

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentError, ContentProblem
from viewer.content.loading import load_atlas

__all__ = ["Atlas", "ContentError", "ContentProblem", "load_atlas"]
