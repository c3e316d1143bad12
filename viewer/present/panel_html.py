"""Turn an explanation (``viewer.content.explain``) into the side panel's HTML.

Qt-free on purpose: the same HTML can be tested without a display and reused for handouts.
Every string from the YAML is escaped. Links use ``atlas:kind/id`` so the panel can route a
click back into the one ``Selection``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from viewer.content.atlas import Atlas
from viewer.content.explain import red_flags

KIND_LABEL = {
    "radicular": "radicular — a nerve root is irritated",
    "referred": "referred — no nerve pinched",
    "entrapment": "entrapment — a nerve squeezed outside the spine",
    "joint": "joint — pain from a joint, not a nerve",
    "vascular": "vascular — too little blood flow, not a nerve",
    "neuropathy": "neuropathy — the nerves themselves are damaged",
    "serious": "serious — needs prompt medical care",
    "opinion": "opinion — not an established diagnosis",
}
STYLE = """
<style>
 body { font-family: sans-serif; color: #222; }
 h1 { font-size: 17pt; margin: 0 0 4px 0; color: #1d1d1d; }
 h2 { font-size: 12.5pt; margin: 14px 0 4px 0; color: #0b4f7a; border-bottom: 1px solid #d9e3ea; }
 h3 { font-size: 11pt; margin: 8px 0 2px 0; }
 p, li, td { font-size: 10.5pt; }
 .type { color: #6b6b6b; font-size: 9.5pt; text-transform: uppercase; letter-spacing: 1px; }
 .tag-radicular { background: #0072B2; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-referred { background: #009E73; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-entrapment { background: #6a3d9a; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-opinion { background: #8a6d00; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-joint { background: #5a5a5a; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-vascular { background: #9b1c31; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-neuropathy { background: #3d6b35; color: white; padding: 1px 4px; font-size: 9pt; }
 .tag-serious { background: #a33a00; color: white; padding: 1px 4px; font-size: 9pt; }
 .claim { color: #6a4a00; background: #fff6dd; }
 .flags { background: #fde8e1; border: 2px solid #D55E00; padding: 6px; }
 .flags h2 { color: #a33a00; border: none; margin-top: 0; }
 .src { color: #555; font-size: 9pt; }
 .why { color: #444; }
 a { color: #0060a0; text-decoration: none; }
 table.facts td { padding: 2px 8px 2px 0; vertical-align: top; }
</style>
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _link(kind: str, rid: str, text: str) -> str:
    return f'<a href="atlas:{_e(kind)}/{_e(rid)}">{_e(text)}</a>'


def _cite(ids: list[str]) -> str:
    return f'<span class="src">[{_e(", ".join(ids))}]</span>' if ids else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _root_links(atlas: Atlas, ids: list[str]) -> str:
    return ", ".join(_link("roots", r, r) for r in ids) or "none"


def _conditions(atlas: Atlas, conds: list[dict[str, Any]]) -> str:
    if not conds:
        return ""
    rows = []
    for c in conds:
        tag = f'<span class="tag-{_e(c["kind"])}">{_e(KIND_LABEL[c["kind"]])}</span>'
        roots = f" Roots: {_root_links(atlas, c['roots'])}." if c["roots"] else ""
        rows.append(
            f"<h3>{_link('conditions', c['id'], c['name'])} {tag}</h3>"
            f"<p>{_e(c['summary'])}{roots} {_cite(c['sources'])}</p>"
        )
    return "<h2>Conditions that can cause pain here</h2>" + "".join(rows)


def _exercises(ex_list: list[dict[str, Any]], advice: list[dict[str, Any]]) -> str:
    if not ex_list:
        return ""
    parts = ["<h2>Exercises</h2>"]
    for ex in ex_list:
        steps = "".join(f"<li>{_e(s)}</li>" for s in ex["steps"])
        cautions = _list([_e(c) for c in ex["cautions"]])
        ev = ex["evidence"]
        parts.append(
            f"<h3>{_link('exercises', ex['id'], ex['name'])}</h3>"
            f"<p>{_e(ex['purpose'])}</p><ol>{steps}</ol>"
            f"<p><b>Dose:</b> {_e(ex['dose'])}</p><p><b>Stop or take care:</b></p>{cautions}"
            f"<p><b>Evidence ({_e(ev['strength'])}):</b> {_e(ev['summary'])} {_cite(ev['sources'])}</p>"
        )
    for item in advice:
        parts.append(
            f"<h3>{_e(item['title'])}</h3>{_list([_e(p) for p in item['points']])}"
            f"<p>{_cite(item['sources'])}</p>"
        )
    return "".join(parts)


def _red_flags(flags: list[dict[str, Any]]) -> str:
    if not flags:
        return ""
    body = "".join(
        f"<p><b>{_e(f['name'])}</b>: {_e('; '.join(f['signs']))}. <b>{_e(f['action'])}</b> "
        f"{_cite(f['sources'])}</p>"
        for f in flags
    )
    return f'<div class="flags"><h2>⚠ Red flags — get urgent care, not exercise</h2>{body}</div>'


def _both_sides(atlas: Atlas) -> str:
    """The warning shown when a part is marked on both sides: bilateral leg symptoms are one of
    the signs of cauda equina syndrome."""
    flag = atlas.red_flags.get("cauda-equina")
    if flag is None:
        return ""
    signs = _list([_e(sign) for sign in flag.signs])
    return (
        '<div class="flags"><h2>⚠ Marked on both sides</h2>'
        f"<p>Leg symptoms on <b>both sides</b> at once can be a sign of "
        f"<b>{_e(flag.name)}</b>. Watch for any of these:</p>{signs}"
        f"<p><b>{_e(flag.action)}</b> {_cite(list(flag.sources))}</p></div>"
    )


def _disputes(disputes: list[dict[str, Any]]) -> str:
    if not disputes:
        return ""
    parts = ["<h2>Where sources disagree</h2>"]
    for d in disputes:
        views = [f"{_e(p['view'])} {_cite(p['sources'])}" for p in d["positions"]]
        parts.append(f"<h3>{_e(d['topic'])}</h3>{_list(views)}")
    return "".join(parts)


def _claims(claims: list[dict[str, Any]]) -> str:
    if not claims:
        return ""
    items = [
        f'<span class="claim">Opinion, not established: {_e(c["text"])}</span> '
        f"{_cite(c['sources'])}"
        for c in claims
    ]
    return "<h2>Claims from popular articles</h2>" + _list(items)


def _references(refs: list[dict[str, Any]]) -> str:
    items = []
    for r in refs:
        kind = " (popular article: opinions labelled)" if r["kind"] == "popular-article" else ""
        items.append(f'<span class="src"><b>{_e(r["id"])}</b>: {_e(r["citation"])}{kind}</span>')
    return "<h2>Sources</h2>" + _list(items)


def _facts(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="facts">{body}</table>'


def render(atlas: Atlas, data: dict[str, Any], side: str | None = None) -> str:
    kind = data["type"]
    side_text = {None: "", "both": " (both sides)"}.get(side, f" ({side} side)")
    head = f'<p class="type">{_e(kind)}{_e(side_text)}</p><h1>{_e(data["name"])}</h1>'
    body: list[str] = [STYLE, head]
    if side == "both" and kind in ("region", "root", "nerve"):
        body.append(_both_sides(atlas))
    if kind == "region":
        body.append(f"<p>{_e(data['description'])}</p>")
        roots = [
            f"{_link('roots', link['root'], atlas.roots[link['root']].name)}: "
            f"<span class='why'>{_e(link['why'])}</span> {_cite(link['sources'])}"
            for link in data["root_links"]
        ]
        nerves = [
            f"{_link('nerves', link['nerve'], atlas.nerves[link['nerve']].name)}"
            f" (via {_e(' → '.join(atlas.nerves[n].name for n in reversed(link['path'][1:]))) or 'its own route'}): "
            f"<span class='why'>{_e(link['why'])}</span> {_cite(link['sources'])}"
            for link in data["nerve_links"]
        ]
        body += [
            "<h2>Nerve roots that supply this skin</h2>",
            _list(roots),
            "<h2>Nerves that carry them</h2>",
            _list(nerves),
            _conditions(atlas, data["conditions"]),
            _red_flags(data["red_flags"]),
            _exercises(data["exercises"], data["advice"]),
        ]
    elif kind == "root":
        body.append(
            _facts(
                [
                    ("Skin area (dermatome)", _e(data["dermatome"])),
                    ("Key sensory point", _e(data["key_sensory_point"])),
                    ("Key muscle", _e(data["key_muscle"])),
                    ("Bedside test", _e(data["bedside_test"])),
                    ("Reflex", _e(data["reflex"])),
                    ("Typical pain when compressed", _e(data["pain_pattern"])),
                    (
                        "Feeds the nerves",
                        ", ".join(_link("nerves", n, atlas.nerves[n].name) for n in data["nerves"])
                        or "none drawn",
                    ),
                    (
                        "Regions",
                        ", ".join(
                            _link("regions", r, atlas.regions[r].name) for r in data["regions"]
                        )
                        or "none",
                    ),
                ]
            )
        )
        body += [_conditions(atlas, data["conditions"]), _red_flags(data["red_flags"])]
    elif kind == "nerve":
        path = " → ".join(_link("nerves", n, atlas.nerves[n].name) for n in reversed(data["path"]))
        body.append(
            _facts(
                [
                    ("Roots", _root_links(atlas, data["roots"])),
                    ("Route", path),
                    ("Course", _e(data["course"])),
                    ("Supplies", _e(data["supplies"])),
                    (
                        "Branches",
                        ", ".join(
                            _link("nerves", n, atlas.nerves[n].name) for n in data["branches"]
                        )
                        or "none drawn",
                    ),
                    (
                        "Skin regions",
                        ", ".join(
                            _link("regions", r, atlas.regions[r].name) for r in data["regions"]
                        )
                        or "none",
                    ),
                ]
            )
        )
    elif kind == "condition":
        tag = f'<span class="tag-{_e(data["kind"])}">{_e(KIND_LABEL[data["kind"]])}</span>'
        body.append(
            f"<p>{tag}</p><p>{_e(data['summary'])}</p>"
            f"<h2>What happens</h2><p>{_e(data['mechanism'])}</p>"
        )
        body.append(
            _facts(
                [
                    ("Roots", _root_links(atlas, data["roots"])),
                    (
                        "Where it can hurt",
                        ", ".join(
                            _link("regions", r, atlas.regions[r].name) for r in data["regions"]
                        ),
                    ),
                    ("Worse with", _e("; ".join(data["worse"])) or "not described by the sources"),
                    (
                        "Better with",
                        _e("; ".join(data["better"])) or "not described by the sources",
                    ),
                ]
            )
        )
        body += [
            "<h2>Telling it apart</h2>",
            _list([_e(f) for f in data["features"]]),
            _claims(data["claims"]),
            _red_flags(data["red_flags"]),
            _exercises(data["exercises"], data["advice"]),
        ]
    elif kind == "exercise":
        conds = ", ".join(
            _link("conditions", c, atlas.conditions[c].name) for c in data["conditions"]
        )
        body.append(f"<p><b>Suits:</b> {conds or 'general use'}</p>")
        body += [_exercises([data], data["advice"]), _red_flags(data["red_flags"])]
    body += [_disputes(data.get("disputes", [])), _references(data["references"])]
    return "".join(body)


def welcome_html(atlas: Atlas) -> str:
    regions = ", ".join(_link("regions", r.id, r.name) for r in atlas.regions.values())
    roots = ", ".join(_link("roots", r.id, r.id) for r in atlas.roots.values())
    conds = ", ".join(_link("conditions", c.id, c.name) for c in atlas.conditions.values())
    flags = _red_flags(red_flags(atlas))
    return (
        f"{STYLE}<h1>Sciatica Atlas</h1>"
        "<p>Click a part of the body where it hurts to see which nerve roots and nerves serve it, "
        "which conditions can cause pain there, exercises, and warning signs. Or choose a root or "
        "a condition to see where it can hurt. Choosing a root also shows its key sensory "
        "point as a dot. Ctrl-click the same part on the other leg (or press <b>B</b>) to mark "
        "both sides. Press <b>Esc</b> to clear.</p>"
        f"<h2>Regions</h2><p>{regions}</p><h2>Nerve roots</h2><p>{roots}</p>"
        f"<h2>Conditions</h2><p>{conds}</p>{flags}"
    )
