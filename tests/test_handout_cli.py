"""``sciatica-atlas handout``, run as a user would: it writes a PDF for a selection, a saved
pattern or places; bad input is one line and exit 2; an existing file survives a failed run."""

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "viewer", "handout", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    text = " ".join(unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages)
    return " ".join(text.split())


def test_select_writes_a_handout_with_the_note_and_chosen_exercise(tmp_path):
    out = tmp_path / "calf.pdf"
    proc = run(out, "--select", "calf", "--exercise", "walking-program", "--note", "See you in May.")
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stdout
    text = " ".join(text_of(out).split())
    assert "Pain in the calf" in text and "See you in May." in text
    assert "Keep active and walk a bit more each week" in text
    assert "Nerve slider" not in text
    assert "Take short walks on most days" in text  # the dose


def test_places_make_a_pattern_and_paper_changes_the_page(tmp_path):
    out = tmp_path / "p.pdf"
    proc = run(out, "calf", "buttock", "--side", "left", "--paper", "letter")
    assert proc.returncode == 0, proc.stderr
    reader = pypdf.PdfReader(str(out))
    assert round(float(reader.pages[0].mediabox.height)) == 792  # 11 inches
    assert "Calf (left), Buttock (left)" in " ".join(text_of(out).split())


def test_open_reads_a_saved_pattern(tmp_path):
    from viewer.content.pattern import Pattern, Place
    from viewer.state.documents import save_pattern

    pattern_file = tmp_path / "p.yaml"
    save_pattern(pattern_file, Pattern(places=(Place("heel", "right"),)))
    out = tmp_path / "p.pdf"
    proc = run(out, "--open", pattern_file)
    assert proc.returncode == 0, proc.stderr
    assert "Heel (right)" in text_of(out)


@pytest.mark.parametrize(
    "args, says",
    [
        (["--select", "calf", "--exercise", "no-such"], "unknown exercise"),
        (["--select", "no-such-place"], "unknown"),
        ([], "give exactly one of"),
        (["calf", "--select", "calf"], "give exactly one of"),
        (["--open", "MISSING.yaml"], "MISSING.yaml"),
        (["--side", "left", "--select", "calf"], "--side"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_leaves_the_old_file(tmp_path, args, says):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "old.pdf"
    out.write_bytes(b"the old handout")
    args = [a.replace("MISSING.yaml", str(tmp_path / "MISSING.yaml")) for a in args]
    proc = run(out, *args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert out.read_bytes() == b"the old handout"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".yaml") == ["old.pdf"]


def test_output_must_be_a_pdf_in_a_folder_that_exists(tmp_path):
    proc = run(tmp_path / "h.png", "--select", "calf")
    assert proc.returncode == 2 and ".pdf" in proc.stderr
    proc = run(tmp_path / "nope" / "h.pdf", "--select", "calf")
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_existing_file_is_replaced_by_a_complete_one(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "h.pdf"
    out.write_bytes(b"the old handout")
    proc = run(out, "--select", "L5")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]
