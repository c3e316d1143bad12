"""``sciatica-atlas quiz`` and ``list tours`` / ``list quizzes``, run as a real command."""

import json
import subprocess
import sys

from viewer.paths import data_dir

BANK = str(data_dir() / "quiz" / "which-root.yaml")


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args], capture_output=True, text=True, timeout=60
    )


def test_right_answers_exit_zero():
    out = run("quiz", "--bank", BANK, "--answer", "root-heel=S1", "--answer", "root-first-web=2")
    assert out.returncode == 0, out.stderr
    assert "root-heel: right" in out.stdout and "score: 2 / 2" in out.stdout


def test_a_wrong_answer_names_the_right_one_and_exits_one():
    out = run("quiz", "--bank", BANK, "--answer", "root-groin=L4", "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["right"] == 0 and data["total"] == 1
    grade = data["grades"][0]
    assert grade["correct"] is False
    assert grade["answer"][0]["id"] == "L1"
    assert grade["given"]["id"] == "L4"
    assert [s["id"] for s in grade["sources"]] == ["gpnotebook", "orthobullets-neuro"]


def test_click_questions_are_graded_by_region():
    bank = str(data_dir() / "quiz" / "find-it.yaml")
    out = run("quiz", "--bank", bank, "--answer", "click-sural-skin=heel@left", "--answer", "click-L5-dermatome=heel")
    assert out.returncode == 1
    assert "click-sural-skin: right" in out.stdout
    assert "click-L5-dermatome: wrong" in out.stdout


def test_unknown_question_is_one_line_and_exit_two():
    out = run("quiz", "--bank", BANK, "--answer", "no-such=S1")
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and "no question 'no-such'" in out.stderr


def test_not_an_option_and_bad_bank_exit_two(tmp_path):
    out = run("quiz", "--bank", BANK, "--answer", "root-heel=S3")
    assert out.returncode == 2 and "not an option" in out.stderr
    missing = run("quiz", "--bank", str(tmp_path / "none.yaml"), "--answer", "a=b")
    assert missing.returncode == 2 and "none.yaml" in missing.stderr


def test_list_quizzes_and_tours():
    quizzes = json.loads(run("list", "quizzes", "--json").stdout)
    assert {"id", "title", "questions"} <= set(quizzes[0])
    assert sum(q["questions"] for q in quizzes) >= 40
    tours = run("list", "tours")
    assert tours.returncode == 0 and "Follow the sciatic nerve" in tours.stdout
