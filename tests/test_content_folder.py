"""Another content folder: ``--content DIR`` for every command, and ``check DIR`` validating that
folder's data and its own drawings, as an instructor copying the shipped content would use it."""

import shutil
from pathlib import Path

import pytest

from tests.cli_driver import run
from viewer.paths import assets_dir, data_dir
from viewer.session import Session

SHIPPED_CALF = "The back of the lower leg, over the calf muscles and the Achilles tendon."
EDITED_CALF = "An instructor's own wording for the calf, changed in a copied folder."




@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the shipped content laid out as the README says: data + views/ + i18n/."""
    folder = tmp_path / "my-atlas"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    (folder / "views").mkdir()
    for svg in assets_dir().glob("*.svg"):
        shutil.copy(svg, folder / "views" / svg.name)
    regions = folder / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    assert SHIPPED_CALF in text
    regions.write_text(text.replace(SHIPPED_CALF, EDITED_CALF), encoding="utf-8")
    return folder


def test_content_option_changes_explain_output(content):
    assert EDITED_CALF in run("--content", str(content), "explain", "calf").stdout
    assert SHIPPED_CALF in run("explain", "calf").stdout


def test_content_option_reaches_json_and_list(content):
    names = content / "regions.yaml"
    names.write_text(names.read_text(encoding="utf-8").replace("name: Calf\n", "name: Calf muscle area\n"),
                     encoding="utf-8")
    assert "Calf muscle area" in run("--content", str(content), "list", "regions").stdout
    assert "Calf muscle area" not in run("list", "regions").stdout


def test_content_and_lang_together(content):
    overlay = content / "i18n" / "es.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace(
        "calf-posterior: {name: Pantorrilla", "calf-posterior: {name: Gemelo y sóleo"), encoding="utf-8")
    out = run("--lang", "es", "--content", str(content), "explain", "calf").stdout
    assert out.startswith("Gemelo y sóleo") and EDITED_CALF in out


def test_check_accepts_a_good_copy(content):
    proc = run("check", str(content))
    assert proc.stdout.startswith("ok:") and str(content) in proc.stdout


def test_check_validates_the_folders_own_drawings(content):
    svg = content / "views" / "posterior.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace(
        'id="region:calf-posterior@left"', 'id="region:calf-typo@left"'), encoding="utf-8")
    proc = run("check", str(content), ok=False)
    assert proc.returncode == 1
    assert "calf-typo" in proc.stdout and "posterior.svg" in proc.stdout
    # the same folder through the global option
    assert run("--content", str(content), "check", ok=False).returncode == 1


def test_check_reports_the_folders_data_with_file_and_line(content):
    regions = content / "regions.yaml"
    lines = regions.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if "root: L1" in line)
    lines[row] = lines[row].replace("root: L1", "root: L9")
    regions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("check", str(content), ok=False)
    assert proc.returncode == 1
    assert any(line.endswith(f"regions.yaml:{row + 1}: roots 'L9' is not defined") or
               (f"regions.yaml:{row + 1}:" in line and "L9" in line) for line in proc.stdout.splitlines()), proc.stdout


def test_content_option_must_be_a_folder(tmp_path):
    proc = run("--content", str(tmp_path / "nowhere"), "list", "regions", ok=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("is not a folder")


def test_session_loads_a_folder_with_its_views_and_language(content):
    session = Session.load(content, language="es")
    assert session.atlas.regions["calf-posterior"].description == EDITED_CALF
    assert session.atlas.regions["calf-posterior"].name == "Pantorrilla"
    assert {v.name for v in session.views} >= {"posterior", "anterior"}
