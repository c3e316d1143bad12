"""Command line: the window, and the subcommands scripts and checks rely on.

Qt is imported only by the commands that draw, so ``list``, ``explain`` and ``check`` stay fast
and work without a display. Every failure ends in one clear message and a non-zero exit.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__

LIST_KINDS = ("regions", "places", "roots", "nerves", "conditions", "exercises", "findings", "maps")
#: Listed from the classroom subfolders (data/tours/, data/quiz/) rather than the atlas.
CLASSROOM_LIST_KINDS = ("tours", "quizzes")
#: what ``screenshot --layer`` shows over the whole drawing
LAYERS = ("dermatomes", "nerves")


class CliError(Exception):
    """A problem to report in one line, with exit status 2."""


#: The global options (``--content``, ``--lang``) of this run, set by ``main`` before any
#: command runs, so every command's ``_atlas()`` and ``_session()`` honour them.
_GLOBAL: dict[str, Any] = {"content": None, "lang": "en"}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sciatica-atlas",
        description="Educational atlas of the lumbar roots and the sciatic nerve. "
        "With no command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="language of the interface and the content names (en, es); default en",
    )
    p.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="use this content folder (data *.yaml, optional views/ and i18n/) instead of the "
        "shipped one",
    )
    sub = p.add_subparsers(dest="command")
    lst = sub.add_parser("list", help="list ids and names of one kind of record")
    lst.add_argument("kind", choices=LIST_KINDS + CLASSROOM_LIST_KINDS)
    lst.add_argument("--json", action="store_true", help="print JSON")
    exp = sub.add_parser("explain", help="what the side panel says about an id or name")
    exp.add_argument("id", help="an id (L5, calf-posterior) or a name (calf, spinal stenosis)")
    exp.add_argument("--json", action="store_true", help="print JSON")
    exp_p = sub.add_parser(
        "explore",
        help="rank the roots and conditions that fit a pain pattern",
        description="Rank the roots and conditions that fit a pain pattern: places that hurt, "
        "symptoms and examination findings. Educational, not a diagnosis.",
    )
    exp_p.add_argument(
        "places", nargs="*", metavar="PLACE", help="a place or region, by id or name ('outer ankle', 'calf')"
    )
    exp_p.add_argument(
        "--side", choices=("left", "right", "both"), help="the side of every PLACE given"
    )
    exp_p.add_argument(
        "--finding",
        action="append",
        default=[],
        metavar="ID[=absent]",
        help="a symptom or finding (see 'list findings'); add =absent for one looked for and not found",
    )
    exp_p.add_argument("--text", help="a plain description to read ('worse sitting, no numbness')")
    exp_p.add_argument("--open", type=Path, metavar="FILE", help="a saved pattern file")
    exp_p.add_argument("--json", action="store_true", help="print JSON")
    shot = sub.add_parser("screenshot", help="render the window to a PNG")
    shot.add_argument("out", type=Path)
    shot.add_argument("--select", help="id or name to select first")
    shot.add_argument("--size", default="1400x900", help="WIDTHxHEIGHT (default 1400x900)")
    shot.add_argument(
        "--side", choices=("left", "right", "both"), help="side of the selection (default: none)"
    )
    shot.add_argument(
        "--view", default="both", help="posterior, anterior or both (default: both side by side)"
    )
    shot.add_argument("--pattern", type=Path, metavar="FILE", help="show a saved pain pattern")
    shot.add_argument("--map", metavar="MAP_ID", help="dermatome map to draw (see 'list maps')")
    shot.add_argument("--layer", choices=LAYERS, help="overlay every root's dermatome or every nerve's skin")
    shot.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="colours (default: light)"
    )
    ho = sub.add_parser(
        "handout",
        help="write a patient handout (PDF) for a selection or a pain pattern",
        description="Write a patient handout as PDF: the drawing, what may cause the pain in "
        "plain words, warning signs, and each exercise step by step. Educational, not a diagnosis.",
    )
    ho.add_argument("out", type=Path, help="the PDF to write (replaced only once complete)")
    ho.add_argument("places", nargs="*", metavar="PLACE", help="places that hurt (a pain pattern)")
    ho.add_argument("--side", choices=("left", "right", "both"), help="the side of every PLACE")
    ho.add_argument("--select", metavar="ID", help="a region, root, condition or exercise")
    ho.add_argument("--open", type=Path, metavar="PATTERN_FILE", help="a saved pattern file")
    ho.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="an exercise to include (repeat for more; default: the suggested ones)",
    )
    ho.add_argument("--note", default="", help="the clinician's advice, printed on page 1")
    ho.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    chk = sub.add_parser("check", help="validate a content folder (default: the shipped one)")
    chk.add_argument("dir", nargs="?", type=Path)
    _add_quiz_parser(sub)
    bench = sub.add_parser("bench", help="measure load, start-up, click-to-highlight, memory")
    bench.add_argument("--json", action="store_true", help="print JSON")
    bench.add_argument("--clicks", type=int, default=300, help="clicks to time (at least 200)")
    return p


def _atlas(folder: Path | None = None) -> Any:
    """The content of ``folder`` (default: ``--content``, else the shipped folder), in the
    ``--lang`` language."""
    from viewer.content import ContentError, load_atlas
    from viewer.content.translations import localise

    folder = folder or _GLOBAL["content"]
    try:
        return localise(load_atlas(folder), folder, _GLOBAL["lang"])
    except ContentError as exc:
        raise CliError(f"the content has problems:\n{exc}") from None


def _session() -> Any:
    from viewer.content import ContentError
    from viewer.session import Session

    try:
        return Session.load(_GLOBAL["content"], language=_GLOBAL["lang"])
    except ContentError as exc:
        raise CliError(f"the content has problems:\n{exc}") from None


def _apply_global_options(args: argparse.Namespace) -> None:
    """``--lang`` switches the interface catalog; ``--content`` must name a folder."""
    from viewer.i18n import UnknownLanguageError, set_language

    if args.content is not None and not args.content.is_dir():
        raise CliError(f"--content: {str(args.content)!r} is not a folder")
    _GLOBAL["content"] = args.content
    lang = args.lang or "en"
    try:
        set_language(lang)
    except UnknownLanguageError as exc:
        raise CliError(f"--lang: {exc}") from None
    from viewer.i18n import current_language

    _GLOBAL["lang"] = current_language()


def _resolve(atlas: Any, text: str) -> tuple[str, str]:
    from viewer.content.atlas import UnknownIdError

    try:
        return atlas.resolve(text)
    except UnknownIdError as exc:
        raise CliError(str(exc.args[0])) from None


def cmd_list(args: argparse.Namespace) -> int:
    if args.kind in CLASSROOM_LIST_KINDS:
        return _list_classroom(args)
    atlas = _atlas()
    rows = [{"id": rid, "name": rec.name} for rid, rec in getattr(atlas, args.kind).items()]
    if args.kind == "findings":
        for row in rows:
            finding = atlas.findings[row["id"]]
            row.update(group=finding.group, sided=finding.sided, red_flag=finding.red_flag)
    if args.kind == "places":
        for row in rows:
            row.update(region=atlas.places[row["id"]].region)
    if args.kind == "maps":
        for row in rows:
            record = atlas.maps[row["id"]]
            row.update(year=record.year, sources=list(record.sources), not_drawn=list(record.not_drawn))
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max(len(r["id"]) for r in rows) if rows else 0
        for r in rows:
            print(f"{r['id']:<{width}}  {r['name']}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from viewer.content.explain import explain

    atlas = _atlas()
    kind, rid = _resolve(atlas, args.id)
    views = None
    if kind in ("roots", "places") and atlas.maps:  # measured on the drawing
        views = _session().views
    answer = explain(atlas, kind, rid, views)
    if args.json:
        print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
    else:
        from viewer.present.text_render import explanation_text

        print(explanation_text(answer))
    return 0


def _pattern_from_args(atlas: Any, args: argparse.Namespace) -> tuple[Any, Any]:
    """The pattern the arguments describe (file, then places, then findings, then text), and
    the text reading if --text was given."""
    from viewer.content.pattern import Pattern

    pattern = Pattern()
    if args.open:
        from viewer.state.documents import PatternFileError, load_pattern

        try:
            pattern = load_pattern(args.open, atlas)
        except PatternFileError as exc:
            raise CliError(str(exc)) from None
    for place in args.places:
        kind, rid = _resolve(atlas, place)
        if kind not in ("places", "regions"):
            raise CliError(
                f"{place!r} is a {kind[:-1]}, not a place; see 'list places' and 'list regions'"
            )
        if not pattern.has_place(rid, args.side):
            pattern = pattern.toggle_place(rid, args.side, kind)
    for item in args.finding:
        fid, _, state = item.partition("=")
        if state not in ("", "present", "absent"):
            raise CliError(f"--finding {item!r}: write ID or ID=absent")
        if fid not in atlas.findings:
            try:
                kind, fid = atlas.resolve(fid)
            except LookupError:
                kind = ""
            if kind != "findings":
                raise CliError(f"unknown finding {item.partition('=')[0]!r}; see 'list findings'")
        pattern = pattern.with_mark(fid, state != "absent")
    reading = None
    if args.text is not None:
        from viewer.content.describe import read_description
        from viewer.content.pattern import merge_patterns

        reading = read_description(atlas, args.text)
        pattern = merge_patterns(pattern, reading.pattern)
    return pattern, reading


def cmd_explore(args: argparse.Namespace) -> int:
    from viewer.content.explore import explore

    atlas = _session().atlas  # with the drawing: where it hurts is measured on it
    pattern, reading = _pattern_from_args(atlas, args)
    if pattern.empty and reading is not None:
        unused = ", ".join(reading.not_understood) or args.text
        raise CliError(
            f"nothing in --text was recognised as a place, symptom or finding (not used: {unused}); "
            "see 'list regions' and 'list findings'"
        )
    if pattern.empty:
        raise CliError("nothing to explore: give places, --finding, --text or --open")
    result = explore(atlas, pattern)
    if args.json:
        data = result.to_json()
        if reading is not None:
            data["understood"] = list(reading.understood)
            data["not_understood"] = list(reading.not_understood)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from viewer.present.text_render import exploration_text

        if reading is not None:
            print("Understood: " + ("; ".join(reading.understood) or "nothing"))
            if reading.not_understood:
                print("Not used: " + ", ".join(reading.not_understood))
        print(exploration_text(result))
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise CliError(f"--size must look like 1400x900, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise CliError(f"--size {text!r} is out of range (200 to 8000 pixels each way)")
    return w, h


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _size(args.size)
    if not args.out.parent.exists():
        raise CliError(f"folder {str(args.out.parent)!r} does not exist")
    if args.out.suffix.lower() != ".png":
        raise CliError(f"the output must be a .png file, not {str(args.out)!r}")
    session = _session()
    atlas, views = session.atlas, session.views
    select = _resolve(atlas, args.select) if args.select else None
    if args.side and not select:
        raise CliError("--side needs --select")
    pattern = None
    if args.pattern:
        if select:
            raise CliError("give --select or --pattern, not both")
        from viewer.state.documents import PatternFileError, load_pattern

        try:
            pattern = load_pattern(args.pattern, atlas)
        except PatternFileError as exc:
            raise CliError(str(exc)) from None
    if args.map is not None and args.map not in atlas.maps:
        raise CliError(f"--map must be one of {', '.join(atlas.maps)}, not {args.map!r}")
    names = [v.name for v in views]
    if args.view != "both" and args.view not in names:
        raise CliError(f"--view must be both or one of {', '.join(names)}, not {args.view!r}")
    from viewer.ui.headless import ensure_platform

    ensure_platform()
    from viewer.ui.app import screenshot
    from viewer.ui.headless import quiet_offscreen_noise

    quiet_offscreen_noise()

    try:
        screenshot(
            atlas,
            views,
            args.out,
            size,
            select,
            args.side,
            args.view,
            pattern,
            args.map,
            args.layer,
            args.theme,
        )
    except OSError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {args.out}")
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    """Write the handout PDF; every bad input is one line and exit 2, and an existing file is
    left as it was unless the new one was written completely."""
    if args.out.suffix.lower() != ".pdf":
        raise CliError(f"the output must be a .pdf file, not {str(args.out)!r}")
    if not args.out.parent.exists():
        raise CliError(f"folder {str(args.out.parent)!r} does not exist")
    given = sum(bool(x) for x in (args.select, args.open, args.places))
    if given != 1:
        raise CliError("give exactly one of --select ID, --open PATTERN_FILE or PLACE ...")
    if args.side and not args.places:
        raise CliError("--side goes with PLACE ...")
    session = _session()
    atlas = session.atlas
    subject: Any
    if args.select:
        from viewer.state.app_state import Target

        kind, rid = _resolve(atlas, args.select)
        subject = Target(kind, rid)
    else:
        args.finding, args.text = [], None
        if not args.open:
            args.open = None
        subject, _ = _pattern_from_args(atlas, args)
        if subject.empty:
            raise CliError(f"the pattern in {str(args.open)!r} marks nothing")
    for eid in args.exercise or []:
        if eid not in atlas.exercises:
            raise CliError(f"unknown exercise {eid!r}; see 'list exercises'")
    from viewer.ui.headless import ensure_platform

    ensure_platform()
    from viewer.ui.app import application
    from viewer.ui.export import HandoutError, write_handout_pdf

    application()
    try:
        pages = write_handout_pdf(session, subject, args.exercise, args.note, args.paper, args.out)
    except HandoutError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"could not write {str(args.out)!r}: {exc.strerror or exc}") from None
    print(f"wrote {args.out} ({pages} pages)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Every problem in the content folder and its drawings, all in one run: ``file:line:
    message`` lines on stdout, a count on stderr, exit 1 if there are any."""
    from viewer.content.consistency import check_geometry, read_checked_views
    from viewer.content.loader import build_atlas, check_content
    from viewer.content.translations import check_overlays
    from viewer.paths import data_dir, views_dir

    chosen = args.dir or _GLOBAL["content"]
    folder = chosen or data_dir()
    problems, entries = check_content(folder)
    views, view_problems = read_checked_views(views_dir(chosen))
    problems += view_problems
    if not problems:
        atlas = build_atlas(entries)
        where = {(e.kind, e.record.id): (e.file, getattr(e.raw, "line", 1)) for e in entries}  # type: ignore[attr-defined]
        problems = check_geometry(atlas, views, where) + check_overlays(folder, atlas)
    for problem in sorted(set(problems)):
        print(problem)
    if problems:
        print(f"{len(set(problems))} problem(s) found", file=sys.stderr)
        return 1
    print(f"ok: {len(entries)} records and {len(views)} views in {folder}")
    return 0


# -- the classroom: quiz grading and listing tours and quiz banks ------------------------------
def _add_quiz_parser(sub: Any) -> None:
    quiz = sub.add_parser(
        "quiz",
        help="grade quiz answers without a window",
        description="Grade answers to the questions of a quiz bank file. A click question's "
        "answer is a region id (heel, or heel@left); a choice question's answer is an option's "
        "id, name or number (1 = first).",
    )
    quiz.add_argument("--bank", type=Path, required=True, metavar="FILE", help="a quiz bank YAML file")
    quiz.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QID=ANSWER",
        help="a question id and the answer given (repeat for more)",
    )
    quiz.add_argument("--json", action="store_true", help="print JSON")


def _classroom() -> Any:
    from viewer.content import ContentError
    from viewer.content.classroom import load_classroom

    try:
        return load_classroom()
    except ContentError as exc:
        raise CliError(f"the content has problems:\n{exc}") from None


def _list_classroom(args: argparse.Namespace) -> int:
    room = _classroom()
    if args.kind == "tours":
        rows = [{"id": t.id, "title": t.title, "steps": len(t.steps)} for t in room.tours.values()]
        count = "steps"
    else:
        rows = [
            {"id": b.id, "title": b.title, "questions": len(b.questions)} for b in room.banks.values()
        ]
        count = "questions"
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        print(f"{r['id']:<{width}}  {r['title']} ({r[count]} {count})")
    return 0


def cmd_quiz(args: argparse.Namespace) -> int:
    """Grade ``--answer QID=ANSWER`` pairs; exit 0 when all are right, 1 when any is wrong,
    2 (one line) for an answer that cannot be graded."""
    from viewer.content import ContentError
    from viewer.content.classroom import read_bank
    from viewer.content.quiz import QuizError, grade_text, question, score

    if not args.answer:
        raise CliError("give at least one --answer QID=ANSWER")
    atlas = _atlas()
    try:
        bank = read_bank(args.bank, atlas)
    except ContentError as exc:
        raise CliError(f"the quiz bank has problems:\n{exc}") from None
    grades = []
    for item in args.answer:
        qid, sep, given = item.partition("=")
        if not sep or not qid.strip() or not given.strip():
            raise CliError(f"--answer {item!r}: write QID=ANSWER")
        try:
            grades.append(grade_text(atlas, question(bank, qid.strip()), given))
        except QuizError as exc:
            raise CliError(str(exc)) from None
    result = score(grades)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        for g in grades:
            verdict = "right" if g.correct else f"wrong (answer: {g.answer_text})"
            cites = ", ".join(r.id for r in g.sources)
            print(f"{g.question}: {verdict} — {g.explanation} [{cites}]")
        print(f"score: {result.text}")
    return 0 if result.right == result.total else 1


def cmd_window(args: argparse.Namespace) -> int:
    from viewer.startup import hold_collection

    hold_collection()  # until the window is built (see viewer.startup)
    from viewer.ui.headless import display_problem

    problem = display_problem()
    if problem:
        raise CliError(problem)
    # bad content: one clear message here, before any window; loaded before Qt is imported
    session = _session()
    language = _GLOBAL["lang"]
    if args.lang is None:  # no --lang: the language the user last chose in the window
        from viewer.i18n import available_languages
        from viewer.ui.settings import Settings

        saved = str(Settings().get("view/language", "en"))
        language = saved if saved in available_languages() else "en"
    from viewer.ui.app import run_window

    # the window uses the content just loaded, unless it opens in another language
    return run_window(_GLOBAL["content"], language, session if language == _GLOBAL["lang"] else None)

def cmd_bench(args: argparse.Namespace) -> int:
    if args.clicks < 200:
        raise CliError("--clicks must be at least 200")
    from viewer.bench import run_bench

    return run_bench(args.clicks, args.json)


COMMANDS = {
    "list": cmd_list,
    "explain": cmd_explain,
    "explore": cmd_explore,
    "screenshot": cmd_screenshot,
    "handout": cmd_handout,
    "check": cmd_check,
    "bench": cmd_bench,
    "quiz": cmd_quiz,
    None: cmd_window,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _apply_global_options(args)
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"sciatica-atlas: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (``explain X | head -1``): not an error, and no traceback
        _silence_stdout()
        return 0
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            _silence_stdout()
            print(f"sciatica-atlas: error: could not write the output: {exc.strerror}", file=sys.stderr)
            return 1
        raise


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
