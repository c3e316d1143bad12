"""Content that cannot break the atlas: odd files, broken YAML and SVG, loops, damaged caches.

Each case gets one clear ``file:line: message`` (or ``file: message`` for a file or folder as a
whole) from ``check_content`` / ``sciatica-atlas check``, exit status 1, never a traceback, a hang
or a crash; the window's loader (``Session.load``) refuses the same content with the same lines.
Then a property-based test throws generated broken folders and bytes at the loader.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.content import ContentError
from viewer.content.loader import MAX_FILE_BYTES, check_content
from viewer.content.loading import load_atlas
from viewer.paths import assets_dir, data_dir


@contextmanager
def time_limit(seconds: int):
    """Fail (instead of hanging the suite) if the body takes longer than ``seconds``."""

    def boom(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def messages(folder: Path) -> list[str]:
    with time_limit(20):
        problems, _ = check_content(folder)
    return [str(p) for p in problems]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def run_check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "viewer", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )


# -- empty files no longer switch off reference checks ----------------------------------------
@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n", "---\n"])
def test_empty_file_keeps_reference_checks_on(content, text):
    (content / "notes.yaml").write_text(text)
    path = content / "red_flags.yaml"
    path.write_text(
        path.read_text().replace("[nhs-lothian, heyneurosurgeon]", "[nhs-lothian, typo]")
    )
    found = messages(content)
    assert found == [f"{path}:{line_of(path, 'typo')}: " + found[0].split(": ", 1)[1]]
    assert "unknown source 'typo'" in found[0]


def test_broken_file_skips_only_references_into_its_own_sections(content):
    nerves = content / "nerves.yaml"
    nerves.write_text(nerves.read_text().replace("    name: Sural nerve", "    name: [Sural"))
    regions = content / "regions.yaml"
    regions.write_text(
        regions.read_text().replace(
            "      - root: S2\n        why: The midpoint",
            "      - root: S9\n        why: The midpoint",
        )
    )
    found = messages(content)
    # the YAML error, and the typo in a root reference (roots.yaml is fine, so it is checked);
    # references to nerves are not reported as unknown, since nerves.yaml could not be read
    assert any("nerves.yaml:" in m and "YAML error" in m for m in found)
    assert any("unknown root 'S9'" in m for m in found)
    assert not any("unknown nerve" in m for m in found)
    assert len(found) == 2


# -- nerve loops ------------------------------------------------------------------------------
def test_nerve_branch_of_itself_is_reported(content):
    path = content / "nerves.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("  - id: sciatic\n", "  - id: sciatic\n    branch_of: sciatic\n", 1)
    )
    found = messages(content)
    line = line_of(path, "branch_of: sciatic")
    assert found == [f"{path}:{line}: nerves 'sciatic': branch_of names the nerve itself"]


def test_nerve_branch_loop_is_reported_once(content):
    path = content / "nerves.yaml"
    text = path.read_text()
    path.write_text(text.replace("  - id: sciatic\n", "  - id: sciatic\n    branch_of: sural\n", 1))
    found = messages(content)
    assert len(found) == 1 and "branch_of forms a loop" in found[0]
    assert "sciatic" in found[0] and "sural" in found[0]
    assert found[0].startswith(f"{path}:{line_of(path, 'branch_of: sural')}:")
    with pytest.raises(ContentError):
        load_atlas(content)


# -- nesting and size -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "roots: " + "[" * 1_000 + "]" * 1_000 + "\n",
        "roots: " + "[" * 100_000 + "\n",  # segfaulted the C parser
        "roots:\n" + "".join("  " * i + "- \n" for i in range(200)),
        "roots: " + "{a: " * 500 + "1" + "}" * 500 + "\n",
    ],
    ids=["flow-1000", "flow-100000-unclosed", "block-200", "mapping-500"],
)
def test_deep_nesting_is_a_clear_message(content, text):
    (content / "deep.yaml").write_text(text)
    found = messages(content)
    assert len(found) == 1 and "deep.yaml:" in found[0] and "YAML error" in found[0], found
    assert "nest" in found[0]


def test_alias_bomb_is_refused(content):
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    previous = "a"
    for name in "bcdefghij":
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
        previous = name
    (content / "bomb.yaml").write_text(text)
    found = messages(content)
    assert len(found) == 1 and "bomb.yaml:" in found[0] and "aliases" in found[0]


def test_big_file_is_refused_before_parsing(content):
    big = content / "big.yaml"
    with big.open("w") as f:
        line = "# " + "x" * 98 + "\n"
        f.write(line * (MAX_FILE_BYTES // len(line) + 10))
    start = time.perf_counter()
    found = messages(content)
    assert time.perf_counter() - start < 5
    assert found == [f"{big}: " + found[0].split(": ", 1)[1]]
    assert "too large" in found[0]


# -- odd files --------------------------------------------------------------------------------
def test_odd_files_each_get_one_line_and_check_exits_1(content):
    (content / "folder.yaml").mkdir()
    (content / "dangling.yaml").symlink_to(content / "nowhere.yaml")
    (content / "loop.yaml").symlink_to(content / "loop.yaml")
    os.mkfifo(content / "fifo.yaml")  # reading a FIFO used to hang for ever
    proc = run_check(content)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    expect = {
        "folder.yaml": "is a folder, not a file",
        "dangling.yaml": "dangling symlink",
        "loop.yaml": "symlink loop",
        "fifo.yaml": "not a regular file",
    }
    for name, words in expect.items():
        [line] = [x for x in lines if f"{name}:" in x]
        assert words in line, line
    assert len(lines) == len(expect), lines


def test_unreadable_file_is_one_line(content, monkeypatch):
    # running as root reads anything, so the refusal is simulated where the file is opened
    import viewer.files

    real_open = os.open

    def deny(path, flags, *args):
        if str(path).endswith("roots.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(viewer.files.os, "open", deny)
    found = messages(content)
    assert found == [f"{content / 'roots.yaml'}: cannot be read (permission denied)"]


def test_bad_bytes_give_the_line(content):
    path = content / "advice.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n\xff\xfe", 1))
    found = messages(content)
    assert found == [f"{path}:2: not UTF-8 text (invalid start byte)"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("roots: 5\n", "section 'roots' must be a list"),
        ("- a\n- b\n", "must be a mapping of sections"),
        ("? [a, b]\n: c\n", "a key must be a plain value"),
        ("roots:\n", None),  # an empty section is fine
        ("a: 1\n---\nb: 2\n", "YAML error"),
    ],
)
def test_odd_shapes_of_yaml(tmp_path, text, words):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.yaml").write_text(text)
    found = messages(folder)
    if words is None:
        assert found == []
    else:
        assert len(found) == 1 and words in found[0], found


def test_missing_folder_and_file_as_folder(tmp_path):
    assert messages(tmp_path / "nope") == [f"{tmp_path / 'nope'}: no such content folder"]
    (tmp_path / "file").write_text("")
    assert messages(tmp_path / "file") == [f"{tmp_path / 'file'}: is not a folder"]


# -- SVG views --------------------------------------------------------------------------------
POSTERIOR = (assets_dir() / "posterior.svg").read_text()
DAMAGED = {
    "cut": (POSTERIOR[:30000], "not well-formed SVG"),
    "empty": ("", "is empty"),
    "no-viewbox": (
        '<svg xmlns="http://www.w3.org/2000/svg"><path id="region:heel@left" d="M0,0 L1,1"/></svg>',
        "no viewBox",
    ),
    "bad-bytes": (b"\xff\xfe\x00<svg", "not UTF-8"),
    "not-svg": ("<html><body>hello</body></html>", "no viewBox"),
}


def content_with_views(tmp_path: Path, damage: str | None) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    views = folder / "views"
    views.mkdir()
    shutil.copy(assets_dir() / "posterior.svg", views)
    if damage is not None:
        text, _ = DAMAGED[damage]
        data = text if isinstance(text, bytes) else text.encode()
        (views / "anterior.svg").write_bytes(data)
    return folder


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_damaged_svg_is_reported_by_check_and_refused_by_the_session(tmp_path, damage):
    from viewer.session import Session

    folder = content_with_views(tmp_path, damage)
    proc = run_check(folder)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    [line] = proc.stdout.splitlines()
    assert "anterior.svg" in line and DAMAGED[damage][1] in line, line
    with pytest.raises(ContentError) as info:
        Session.load(folder)
    assert str(info.value) == line  # the window refuses with the same message


def test_missing_view_is_reported(tmp_path):
    from viewer.session import Session

    folder = content_with_views(tmp_path, None)
    proc = run_check(folder)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{folder / 'views' / 'anterior.svg'}: the anterior view is missing"
    ]
    with pytest.raises(ContentError, match="the anterior view is missing"):
        Session.load(folder)


def test_screenshot_refuses_broken_views_with_the_message(tmp_path, monkeypatch):
    # the shipped views are used by the command; break a copy of the package's assets instead
    import viewer.paths
    from viewer.session import Session

    folder = content_with_views(tmp_path, "cut")
    monkeypatch.setattr(viewer.paths, "assets_dir", lambda: folder / "views")
    with pytest.raises(ContentError, match="not well-formed SVG"):
        Session.load()


# -- the geometry cache -----------------------------------------------------------------------
def _fresh_view(svg: Path):
    from viewer.drawing.svg_reader import load_view

    load_view.cache_clear()
    try:
        return load_view(svg)
    finally:
        load_view.cache_clear()


def _sealed(payload: bytes) -> bytes:
    """An entry as the cache writes one: the payload behind its SHA-256 digest."""
    return hashlib.sha256(payload).digest() + payload


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: _flip(data, len(data) - 40),  # a number in the payload
        lambda data: _flip(data, 3),  # the digest itself
        lambda data: b"",
        lambda data: json.dumps({"width": "wide", "shapes": [["M", "x", 1]]}).encode(),
        lambda data: _sealed(pickle.dumps({"width": float("nan")})),  # sealed, but no view
        lambda data: _sealed(pickle.loads(data[32:]).__class__.__name__.encode()),
        lambda data: _sealed(pickle.dumps(replace(pickle.loads(data[32:]), name="anterior"))),
    ],
    ids=["cut-off", "payload", "digest", "empty", "json", "not-a-view", "garbage", "other-view"],
)
def test_damaged_cache_entry_is_a_miss_and_is_replaced(tmp_path, damage):
    from viewer.drawing import geometry_cache

    svg = tmp_path / "posterior.svg"
    svg.write_text(POSTERIOR)
    first = _fresh_view(svg)
    [entry] = geometry_cache.cache_dir().glob("view-*.pickle")
    entry.write_bytes(damage(entry.read_bytes()))
    assert _fresh_view(svg) == first  # parsed again, same shapes
    data = entry.read_bytes()  # and the entry replaced by a sound one
    assert hashlib.sha256(data[32:]).digest() == data[:32]
    assert replace(pickle.loads(data[32:]), digest=first.digest) == first


def test_no_svg_library_import_on_a_cache_hit(tmp_path):
    code = (
        "import sys; from viewer.drawing.svg_reader import load_view; from pathlib import Path;"
        f"load_view(Path({str(assets_dir() / 'posterior.svg')!r}));"
        "load_view.cache_clear();"
        f"load_view(Path({str(assets_dir() / 'posterior.svg')!r}));"
        "print('svgelements' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.stdout.strip() == "True"  # a miss parses
    assert again.stdout.strip() == "False", again.stderr  # a hit does not even import it


@pytest.mark.parametrize("home", ["", "relative/home", "/"])
def test_cache_never_goes_to_the_root_folder(tmp_path, home):
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    env["HOME"] = home
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "running without a drawing cache" in proc.stderr
    assert proc.stderr.count("warning") == 1  # once, not once per view
    assert not list(tmp_path.rglob("view-*"))
    from viewer.drawing import geometry_cache

    os.environ["HOME"], saved = home, os.environ["HOME"]
    os.environ.pop("XDG_CACHE_HOME")
    try:
        assert geometry_cache.cache_dir() is None
    finally:
        os.environ["HOME"] = saved


def test_unwritable_cache_runs_without_it_and_warns_once(tmp_path, monkeypatch, capsys):
    from viewer.drawing import geometry_cache

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(geometry_cache, "_warned", False)
    svg = tmp_path / "posterior.svg"
    svg.write_text(POSTERIOR)
    assert _fresh_view(svg).title == "Back view"
    assert _fresh_view(svg).title == "Back view"
    assert capsys.readouterr().err.count("running without a drawing cache") == 1


# -- generated broken content -----------------------------------------------------------------
YAML_PIECES = [
    "roots:",
    "nerves:",
    "regions:",
    "sources:",
    "  - id: L5",
    "  - id: sural",
    "    branch_of: sural",
    "    branch_of: tibial",
    "    name: X",
    "    sources: [nobody]",
    "    roots: [L5, S9]",
    "  -",
    "- [",
    "{a: [",
    "&a x",
    "*a",
    "<<: *a",
    "? [a]",
    ": b",
    "\t",
    "'",
    '"',
    "---",
    "...",
    "#",
    "null",
    "~",
    "1e400",
    ".nan",
    "!!python/object:os.system",
    "!!binary AAAA",
    "%YAML 1.1",
    "roots: 5",
    "\x00",
    "\ufeff",
    "é",
    "    - root: L5",
]


@st.composite
def broken_yaml(draw) -> bytes:
    lines = draw(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=12), max_size=14))
    data = "\n".join(lines).encode("utf-8", "surrogatepass") if lines else b""
    if draw(st.booleans()):
        data += draw(st.binary(max_size=8))
    return data


REAL_FILES = sorted(p.name for p in data_dir().glob("*.yaml"))


@st.composite
def broken_folder(draw) -> list[tuple[str, str, bytes]]:
    """(name, how, bytes): real files cut or spliced, generated junk, and odd file kinds."""
    out = []
    for name in draw(st.lists(st.sampled_from(REAL_FILES), unique=True, max_size=4)):
        text = (data_dir() / name).read_bytes()
        cut = draw(st.integers(0, len(text)))
        out.append((name, "file", text[:cut] + draw(broken_yaml())))
    for i in range(draw(st.integers(0, 3))):
        how = draw(st.sampled_from(["file", "file", "folder", "dangling", "fifo"]))
        out.append((f"gen{i}.yaml", how, draw(broken_yaml())))
    return out


def _write(folder: Path, spec: list[tuple[str, str, bytes]]) -> None:
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    for name, how, data in spec:
        path = folder / name
        if how == "file":
            path.write_bytes(data)
        elif how == "folder":
            path.mkdir()
        elif how == "dangling":
            path.symlink_to(folder / "missing-target")
        elif how == "fifo":
            os.mkfifo(path)


@settings(
    max_examples=60,
    deadline=3000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=broken_folder())
def test_generated_broken_folders_give_problems_or_an_atlas(tmp_path_factory, spec):
    folder = tmp_path_factory.mktemp("gen") / "data"
    _write(folder, spec)
    with time_limit(10):
        problems, _ = check_content(folder)
        try:
            atlas = load_atlas(folder)
        except ContentError as exc:
            assert exc.problems == problems and problems
            for p in problems:
                assert p.file and p.message and p.line >= 0
            return
    assert problems == []
    # a valid atlas answers every question without hanging
    from viewer.content.explain import explain

    with time_limit(10):
        for nerve in atlas.nerves:
            atlas.nerve_path(nerve)
            atlas.nerve_descendants(nerve)
            atlas.highlight("nerves", nerve)
            explain(atlas, "nerves", nerve)


@settings(max_examples=60, deadline=3000)
@given(data=st.binary(max_size=400) | broken_yaml())
def test_generated_svg_bytes_give_a_view_or_a_view_error(tmp_path_factory, data):
    from viewer.drawing.svg_reader import ViewError, load_view

    svg = tmp_path_factory.mktemp("svg") / "anterior.svg"
    head = POSTERIOR[: len(data) * 50].encode()
    svg.write_bytes(head + data)
    load_view.cache_clear()
    with time_limit(10):
        try:
            load_view(svg)
        except ViewError as exc:
            assert exc.message and exc.line >= 0
    load_view.cache_clear()
