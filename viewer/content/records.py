"""Validated content records as plain read-only objects.

The schema (pydantic) checks the YAML once; what the Atlas keeps afterwards is these small
objects with the same attribute names (``root.name``, ``region.roots[0].why``). They need no
pydantic to exist, which is what lets a validated snapshot of the content be loaded at start-up
without importing the schema machinery (see ``viewer.content.loading``).
"""

from __future__ import annotations

from typing import Any


class Record:
    """One validated record (or a nested part of one, such as a link with its sources).

    Its fields are its instance dictionary, so reading one is a plain attribute lookup: a
    ``__getattr__`` that looked them up was called some 550 times for each re-ranking of a
    pain pattern, a third of its time. The class's own names (``fields``, ``replace``...) are
    never field names of the schema."""

    __slots__ = ("_model", "__dict__")

    def __init__(self, model: str, fields: dict[str, Any]):
        object.__setattr__(self, "_model", model)
        object.__setattr__(self, "__dict__", fields)

    def __getattr__(self, name: str) -> Any:
        """Called only for a name that is not a field: say which record lacks it."""
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError(f"{self._model} has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._model} records are read-only")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Record)
            and self._model == other._model
            and self.__dict__ == other.__dict__
        )

    __hash__ = None  # type: ignore[assignment]  # records hold lists, as the models did

    def __reduce__(self) -> tuple[Any, ...]:
        return (Record, (self._model, self.__dict__))

    def __repr__(self) -> str:
        rid = self.__dict__.get("id")
        return f"<{self._model} {rid!r}>" if rid else f"<{self._model}>"

    @property
    def model_name(self) -> str:
        return self._model

    def fields(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain dicts and lists, nested parts included."""
        return {name: _plain(value) for name, value in self.__dict__.items()}

    def replace(self, **changes: Any) -> Record:
        """A copy with some fields changed (translations use it)."""
        unknown = set(changes) - set(self.__dict__)
        if unknown:
            raise AttributeError(f"{self._model} has no field(s) {sorted(unknown)}")
        return Record(self._model, {**self.__dict__, **changes})


def from_model(value: Any) -> Any:
    """A validated pydantic model (and everything nested in it) as Records, lists and plain
    values. Imports nothing from pydantic: a model is recognised by its field table."""
    fields = getattr(type(value), "model_fields", None)
    if isinstance(fields, dict):
        return Record(type(value).__name__, {name: from_model(getattr(value, name)) for name in fields})
    if isinstance(value, list):
        return [from_model(v) for v in value]
    if isinstance(value, tuple):
        return tuple(from_model(v) for v in value)
    if isinstance(value, dict):
        return {k: from_model(v) for k, v in value.items()}
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
