"""Content records: read-only objects whose fields read as plain attributes."""

import pickle

import pytest

from viewer.content.records import Record


def _root() -> Record:
    return Record("Root", {"id": "L5", "name": "L5 nerve root", "links": [Record("Link", {"id": "s1"})]})


def test_fields_read_as_attributes_without_a_lookup_hook(monkeypatch):
    """Re-ranking a pain pattern reads fields some 550 times; a ``__getattr__`` hook for each
    was a third of its time, so a field must be found without calling it."""

    def no_hook(self, name):
        raise AssertionError(f"field {name!r} looked up through __getattr__")

    root = _root()
    monkeypatch.setattr(Record, "__getattr__", no_hook)
    assert root.name == "L5 nerve root" and root.links[0].id == "s1"


def test_a_missing_field_names_the_record_and_records_are_read_only():
    root = _root()
    with pytest.raises(AttributeError, match="Root has no field 'nam'"):
        root.nam  # noqa: B018
    with pytest.raises(AttributeError, match="read-only"):
        root.name = "changed"
    assert not hasattr(root, "__deepcopy__")  # copy and pickle see no field by that name


def test_records_survive_the_content_snapshot_and_copies():
    root = _root()
    again = pickle.loads(pickle.dumps(root))
    assert again == root and again.name == "L5 nerve root"
    changed = root.replace(name="L5")
    assert changed.name == "L5" and root.name == "L5 nerve root"
    assert root.to_dict() == {"id": "L5", "name": "L5 nerve root", "links": [{"id": "s1"}]}
    assert root.fields() == {"id": "L5", "name": "L5 nerve root", "links": root.links}
