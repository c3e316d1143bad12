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

LIST_KINDS = ("regions", "roots", "nerves", "conditions", "exercises", "findings", "maps")
#: what ``screenshot --layer`` shows over the whole drawing
LAYERS = ("dermatomes", "nerves")


class CliError(Exception):
    """A problem to report in one line, with exit status 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sciatica-atlas",
        description="Educational atlas of the lumbar roots and the sciatic nerve. "
        "With no command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command")
    lst = sub.add_parser("list", help="list ids and names of one kind of record")
    lst.add_argument("kind", choices=LIST_KINDS)
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
        "places", nargs="*", metavar="PLACE", help="a region id or name ('outer edge of the foot')"
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
    chk = sub.add_parser("check", help="validate a content folder (default: the shipped one)")
    chk.add_argument("dir", nargs="?", type=Path)
    bench = sub.add_parser("bench", help="measure load, start-up, click-to-highlight, memory")
    bench.add_argument("--json", action="store_true", help="print JSON")
    bench.add_argument("--clicks", type=int, default=300, help="clicks to time (at least 200)")
    return p


def _atlas(folder: Path | None = None) -> Any:
    from viewer.content import ContentError, load_atlas

    try:
        return load_atlas(folder)
    except ContentError as exc:
        raise CliError(f"the content has problems:\n{exc}") from None


def _session() -> Any:
    from viewer.content import ContentError
    from viewer.session import Session

    try:
        return Session.load()
    except ContentError as exc:
        raise CliError(f"the content has problems:\n{exc}") from None


def _resolve(atlas: Any, text: str) -> tuple[str, str]:
    from viewer.content.atlas import UnknownIdError

    try:
        return atlas.resolve(text)
    except UnknownIdError as exc:
        raise CliError(str(exc.args[0])) from None


def cmd_list(args: argparse.Namespace) -> int:
    atlas = _atlas()
    rows = [{"id": rid, "name": rec.name} for rid, rec in getattr(atlas, args.kind).items()]
    if args.kind == "findings":
        for row in rows:
            finding = atlas.findings[row["id"]]
            row.update(group=finding.group, sided=finding.sided, red_flag=finding.red_flag)
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
    if kind == "roots" and atlas.maps:  # name, per map, the places its dermatome covers
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
        if kind != "regions":
            raise CliError(f"{place!r} is a {kind[:-1]}, not a place; places: see 'list regions'")
        if not pattern.has_place(rid, args.side):
            pattern = pattern.toggle_place(rid, args.side)
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

    atlas = _atlas()
    pattern, reading = _pattern_from_args(atlas, args)
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

    try:
        screenshot(
            atlas, views, args.out, size, select, args.side, args.view, pattern, args.map, args.layer
        )
    except OSError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {args.out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Every problem in the content folder and its drawings, all in one run: ``file:line:
    message`` lines on stdout, a count on stderr, exit 1 if there are any."""
    from viewer.content.consistency import check_geometry, read_checked_views
    from viewer.content.loader import build_atlas, check_content
    from viewer.paths import data_dir, views_dir

    folder = args.dir or data_dir()
    problems, entries = check_content(folder)
    views, view_problems = read_checked_views(views_dir(args.dir))
    problems += view_problems
    if not problems:
        problems = check_geometry(build_atlas(entries), views)
    for problem in sorted(set(problems)):
        print(problem)
    if problems:
        print(f"{len(set(problems))} problem(s) found", file=sys.stderr)
        return 1
    print(f"ok: {len(entries)} records and {len(views)} views in {folder}")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    session = _session()
    from viewer.ui.app import run_window

    return run_window(session.atlas, session.views)


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
    "check": cmd_check,
    "bench": cmd_bench,
    None: cmd_window,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
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
