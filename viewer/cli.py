"""Command line: the window, and the subcommands scripts and checks rely on.

Qt is imported only by the commands that draw, so ``list``, ``explain`` and ``check`` stay fast
and work without a display. Every failure ends in one clear message and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__

LIST_KINDS = ("regions", "roots", "nerves", "conditions", "exercises")


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
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max(len(r["id"]) for r in rows) if rows else 0
        for r in rows:
            print(f"{r['id']:<{width}}  {r['name']}")
    return 0


def _join(items: list[str]) -> str:
    """Ids read best with commas; sentences need a stronger separator."""
    return (" | " if any(" " in item for item in items) else ", ").join(items)


def _print_text(data: dict[str, Any]) -> None:
    print(f"{data['name']} ({data['type']}, id {data['id']})")
    skip = {"name", "type", "id", "references", "sources"}
    for key, value in data.items():
        if key in skip or value in ([], None, ""):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            names = [
                v.get("name")
                or v.get("text")
                or v.get("root")
                or v.get("nerve")
                or v.get("topic")
                or v.get("title")
                or v.get("id")
                for v in value
            ]
            value = _join([str(n) for n in names])
        elif isinstance(value, list):
            value = _join([str(v) for v in value])
        elif isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items() if k != "sources")
        print(f"  {key.replace('_', ' ')}: {value}")
    print("  sources:")
    for ref in data["references"]:
        print(f"    [{ref['id']}] {ref['citation']}")
    print("Educational only: this does not diagnose. Red flags need urgent care.")


def cmd_explain(args: argparse.Namespace) -> int:
    from viewer.content.explain import explain

    atlas = _atlas()
    kind, rid = _resolve(atlas, args.id)
    data = explain(atlas, kind, rid)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_text(data)
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
    names = [v.name for v in views]
    if args.view != "both" and args.view not in names:
        raise CliError(f"--view must be both or one of {', '.join(names)}, not {args.view!r}")
    from viewer.ui.headless import ensure_platform

    ensure_platform()
    from viewer.ui.app import screenshot

    try:
        screenshot(atlas, views, args.out, size, select, args.side, args.view)
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
