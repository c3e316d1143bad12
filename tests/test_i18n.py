"""Languages: interface strings through gettext catalogs (``viewer.i18n``), content names through
overlay files (``viewer.content.translations``), and the global ``--lang`` option."""

import ast
import re
import shutil
from pathlib import Path

import polib
import pytest

from tests.cli_driver import run
from viewer import i18n
from viewer.content import load_atlas
from viewer.content.explain import explain, overview
from viewer.content.explore import explore
from viewer.content.pattern import Pattern
from viewer.content.translations import check_overlay, localise
from viewer.paths import data_dir
from viewer.present import panel_html, pattern_html, text_render

ROOT = Path(__file__).resolve().parent.parent
SPANISH_DISCLAIMER = "Educativo, no es un diagnóstico"

#: The window's strings the lead wraps in tr(); the catalog must already have them.
WINDOW_MSGIDS = [
    "Fit", "◀ Previous", "Next ▶", "Clear", "Back + front", "Back view", "Front view",
    "Both sides", "Pain pattern", "Search: calf, L5, spinal stenosis…",
    "For education only: this atlas does not diagnose. Pain patterns overlap between roots and "
    "conditions. If you have red-flag symptoms, seek urgent medical care.",
    "File", "Edit", "View", "Go", "Help", "&File", "&Edit", "&View", "&Go", "&Help",
    "Open pattern…", "Save pattern…", "Print…", "Export handout (PDF)…", "Export image (PNG)…",
    "Quit", "Copy image", "Copy text", "Zoom in", "Zoom out", "Actual size", "Larger text",
    "Smaller text", "Full screen", "Theme", "Light", "Dark", "Follow the system", "Show legend",
    "Show panel", "Search", "Keyboard shortcuts", "Sources and licences", "About Sciatica Atlas",
    "Language", "Open content folder…", "No match — did you mean {names}?",
]




@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def catalog() -> dict[str, str]:
    po = polib.pofile(str(i18n.catalog_path("es")))
    return {e.msgid: e.msgstr for e in po if e.msgstr}


def test_tr_is_identity_in_english_and_translates_in_spanish(spanish):
    assert i18n.current_language() == "es"
    assert i18n.tr("Sources") == "Fuentes"
    assert i18n.tr("not a known string") == "not a known string"
    i18n.set_language("en")
    assert i18n.current_language() == "en" and i18n.tr("Sources") == "Sources"


def test_unknown_language_is_refused():
    with pytest.raises(i18n.UnknownLanguageError, match="available: en, es"):
        i18n.set_language("xx")
    assert i18n.current_language() == "en"


def test_listeners_hear_a_language_change(spanish):
    heard = []
    stop = i18n.on_language_changed(heard.append)
    i18n.set_language("en")
    stop()
    i18n.set_language("es")
    assert heard == ["en"]


def test_panel_html_under_spanish_has_the_spanish_disclaimer_and_headings(atlas, spanish):
    html = panel_html.render(explain(atlas, "regions", "calf-posterior"), "left")
    assert SPANISH_DISCLAIMER in html and panel_html.DISCLAIMER not in html
    assert "Fuentes" in html and "lado izquierdo" in html
    assert "Afecciones que pueden causar dolor aquí" in html
    welcome = panel_html.welcome_html(overview(atlas))
    assert "Haga clic en la parte del cuerpo" in welcome and SPANISH_DISCLAIMER in welcome


def test_pattern_html_and_text_under_spanish(atlas, spanish):
    pattern = Pattern().toggle_place("calf-posterior", "left").with_mark("weak-dorsiflexion", True)
    result = explore(atlas, pattern)
    html = pattern_html.render_exploration(result)
    assert "Patrón de dolor" in html and "1 lugar marcado" in html and SPANISH_DISCLAIMER in html
    text = text_render.exploration_text(result)
    assert "Lugares:" in text and "Raíces:" in text and SPANISH_DISCLAIMER in text
    assert "Fuentes:" in text_render.explanation_text(explain(atlas, "roots", "L5"))


def _tr_literals(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.IfExp):
                found.update(a.value for a in (arg.body, arg.orelse) if isinstance(a, ast.Constant))
    return found


def test_every_string_the_renderers_translate_has_a_spanish_entry():
    wanted: set[str] = set()
    for module in (panel_html, pattern_html, text_render):
        wanted |= _tr_literals(Path(module.__file__))
    wanted |= set(panel_html.KIND_LABEL.values()) | set(panel_html.TYPE_LABEL.values())
    wanted |= set(panel_html.STEP_LABEL.values()) | set(panel_html.KIND_LABEL)
    wanted |= {panel_html.DISCLAIMER, panel_html.WELCOME, panel_html.WELCOME_PATTERN}
    # labels and titles handed to tr() through variables
    explain_src = (ROOT / "viewer/content/explain.py").read_text(encoding="utf-8")
    wanted |= set(re.findall(r'Fact\("([^"]+)"', explain_src))
    wanted |= {"How it tends to go", "Claims from popular articles", "Opinion, not established: ",
               "Nerve roots that fit", "Conditions that fit", "Roots", "Conditions",
               "Other muscles it drives", "Telling it apart", "left", "right", "both",
               "moderate", "low", "very low", "mixed", "not established", "neutral"}
    assert len(wanted) > 100
    missing = sorted(wanted - set(catalog()))
    assert not missing, missing


def test_the_window_strings_are_in_the_catalog():
    missing = [m for m in WINDOW_MSGIDS if m not in catalog()]
    assert not missing, missing


def test_catalog_placeholders_survive_translation():
    for msgid, msgstr in catalog().items():
        assert set(re.findall(r"\{\w+\}", msgid)) == set(re.findall(r"\{\w+\}", msgstr)), msgid


def test_overlay_disclaimer_matches_the_interface_catalog(atlas, spanish):
    _, overlay = check_overlay(data_dir() / "i18n" / "es.yaml", atlas)
    assert overlay is not None and overlay.disclaimer == i18n.tr(panel_html.DISCLAIMER)


def test_translated_atlas_uses_spanish_names_and_still_resolves_english(atlas):
    es = localise(atlas, None, "es")
    assert es.roots["L5"].name == "raíz nerviosa L5"
    assert es.nerves["sciatic"].name == "Nervio ciático"
    assert es.conditions["central-stenosis"].name.startswith("Estenosis del canal lumbar")
    assert es.conditions["cauda-equina-syndrome"].name == "Síndrome de cola de caballo"
    assert es.red_flags["cauda-equina"].action.startswith("Vaya a urgencias")
    assert es.resolve("calf") == es.resolve("Pantorrilla") == ("regions", "calf-posterior")
    assert atlas.regions["calf-posterior"].name == "Calf"  # the original is untouched
    answer = explain(es, "regions", "calf-posterior")
    assert answer.name == "Pantorrilla"
    assert "raíz nerviosa S1" in [link.target.name for link in answer.root_links]


def test_shipped_overlay_has_no_problems(atlas):
    problems, _ = check_overlay(data_dir() / "i18n" / "es.yaml", atlas)
    assert problems == []


def test_lang_es_list_regions_prints_spanish_names():
    out = run("--lang", "es", "list", "regions").stdout
    assert "calf-posterior" in out and "Pantorrilla" in out and "Calf\n" not in out
    assert "Nalga" in out


def test_lang_es_explain_is_spanish_and_english_names_still_resolve():
    out = run("--lang", "es", "explain", "L5").stdout
    assert out.startswith("raíz nerviosa L5 (raíz nerviosa, id L5)")
    assert "Fuentes:" in out and SPANISH_DISCLAIMER in out
    assert "Pantorrilla" in run("--lang", "es", "explain", "calf").stdout
    assert run("explain", "calf").stdout.startswith("Calf (body region")


def test_unknown_lang_is_one_line_and_exit_2():
    proc = run("--lang", "xx", "list", "regions", ok=False)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "sciatica-atlas: error: --lang: no translation for language 'xx'; available: en, es"
    )


def test_check_reports_a_missing_and_an_unknown_overlay_key_with_file_and_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(data_dir(), content, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    overlay = content / "i18n" / "es.yaml"
    lines = overlay.read_text(encoding="utf-8").splitlines()
    calf = next(i for i, line in enumerate(lines) if line.strip().startswith("calf-posterior:"))
    lines[calf] = "  elbow: {name: Codo}"  # calf-posterior missing, elbow unknown
    overlay.write_text("\n".join(lines) + "\n", encoding="utf-8")
    regions_line = next(i for i, line in enumerate(lines) if line.startswith("regions:")) + 1
    proc = run("check", str(content), ok=False)
    assert proc.returncode == 1
    problems = [line for line in proc.stdout.splitlines() if "es.yaml" in line]
    assert len(problems) == 2, proc.stdout
    assert any(p.endswith(f"es.yaml:{calf + 1}: unknown regions id 'elbow'") for p in problems)
    assert any(
        p.endswith(f"es.yaml:{regions_line}: missing regions id 'calf-posterior'") for p in problems
    )
    assert "2 problem(s) found" in proc.stderr


def test_places_have_spanish_names_and_spanish_words_find_them():
    proc = run("--lang", "es", "explain", "tobillo por fuera")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Tobillo por fuera") and "id ankle-outer" in proc.stdout
    english = load_atlas()
    spanish = localise(english, None, "es")
    assert all(spanish.places[p].name != english.places[p].name for p in english.places)
    assert spanish.places["knee-back"].name == "Hueco de la rodilla"
    assert "Back of the knee" in spanish.places["knee-back"].aliases  # English still resolves
