"""The language of the interface: ``set_language("es")``, then ``tr("Sources")`` gives "Fuentes".

Why gettext catalogs read with polib: the Spanish strings live in a standard gettext ``.po``
file (``viewer/locale/<code>/LC_MESSAGES/sciatica_atlas.po``), which translators edit with any
gettext tool (Poedit, Lokalize, Weblate) and which ``msgfmt`` or ``pybabel compile`` can still
compile if the project ever wants ``.mo`` files. Reading the ``.po`` at run time with polib (a
small, pure-Python, kept library) means no build step and no compiled binaries in git, and
``check``-style tests can read the same file. Qt Linguist was not used because the core (panel
HTML, command-line text) must translate without importing Qt.

English is the source language: ``tr`` is the identity there, and for any text a catalog lacks.
Only interface strings live here; the content's own names and red flags are translated by the
overlays in ``data/i18n/`` (see ``viewer.content.translations``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

DOMAIN = "sciatica_atlas"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
#: Each language offered, in its own words, for the View → Language menu.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

_state: dict[str, object] = {"code": SOURCE_LANGUAGE, "catalog": {}}
_listeners: list[Callable[[str], None]] = []


class UnknownLanguageError(ValueError):
    """Raised by ``set_language`` for a code with no catalog."""


def catalog_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> list[str]:
    """English plus every language with a catalog, as codes."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE, *[c for c in found if c != SOURCE_LANGUAGE]]


@cache
def _load(code: str) -> dict[str, str]:
    """msgid → msgstr for the translated, non-fuzzy entries of one catalog."""
    import polib  # type: ignore[import-untyped]  # no stubs shipped; English needs no catalog

    po = polib.pofile(str(catalog_path(code)), encoding="utf-8")
    return {
        entry.msgid: entry.msgstr
        for entry in po
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def set_language(code: str) -> None:
    """Switch every later ``tr`` call to ``code`` ("en", "es"); tells the listeners."""
    code = (code or SOURCE_LANGUAGE).strip().lower().replace("_", "-").split("-")[0]
    if code == SOURCE_LANGUAGE:
        catalog: dict[str, str] = {}
    elif catalog_path(code).is_file():
        catalog = _load(code)
    else:
        offered = ", ".join(available_languages())
        raise UnknownLanguageError(f"no translation for language {code!r}; available: {offered}")
    _state["code"], _state["catalog"] = code, catalog
    for listener in list(_listeners):
        listener(code)


def current_language() -> str:
    return str(_state["code"])


def tr(text: str) -> str:
    """``text`` in the current language (itself in English, or where no translation exists)."""
    catalog = _state["catalog"]
    assert isinstance(catalog, dict)
    return str(catalog.get(text, text))


def on_language_changed(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener(code)`` after every ``set_language``; returns a function that stops it.
    The window uses it to re-set its texts and re-render the panel."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None
