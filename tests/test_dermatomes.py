"""The dermatome and nerve-territory layers: what a selection shows, the map switch, the
overlays and their legend, the hatching and its dispute, and that the layers never take a click."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF

from tests.ui_driver import click_item, on_screen, states
from viewer.content.consistency import check_geometry, read_checked_views
from viewer.drawing.svg_reader import ID_PATTERN
from viewer.paths import assets_dir
from viewer.ui.shape_item import LayerStyle, State


def shown(window, kind=None):
    return [
        (i.kind, i.content_id, i.side, i.map_id, i.view)
        for i in window.canvas.shown_layer_items()
        if kind is None or i.kind == kind
    ]


def back_of_thigh(window, side="left") -> QPointF:
    """A point in the middle of the back of the thigh, in the posterior layer's coordinates."""
    item = window.canvas.items_for("regions", "thigh-posterior", side, "posterior")[0]
    return item.outline.boundingRect().center()


def layer_item(window, kind, rid, side, map_id, view):
    return window.canvas.layer_items[(kind, rid, side, map_id, view)]


def test_selecting_s1_shows_its_dermatome_not_whole_regions(window):
    window.canvas.set_map("lee")
    window.state.select("roots", "S1", "left")
    derm = shown(window, "dermatomes")
    assert ("dermatomes", "S1", "left", "lee", "posterior") in derm
    assert {d[1] for d in derm} == {"S1"} and {d[2] for d in derm} == {"left"}
    assert {d[3] for d in derm} == {"lee"}
    # the regions S1 touches are no longer painted whole
    for region in ("thigh-posterior", "buttock", "heel", "sole", "calf-posterior"):
        assert states(window, "regions", region, "left") == {State.NORMAL}, region
    # the root itself and its key sensory point still are
    assert states(window, "roots", "S1", "left") == {State.SELECTED}
    assert ("S1", "left") in window.canvas.visible_key_points()
    # Lee et al. give S1 the lower calf, heel and outer foot, not the back of the thigh
    item = layer_item(window, "dermatomes", "S1", "left", "lee", "posterior")
    assert not item.path().contains(back_of_thigh(window))
    assert on_screen(item) and item.style is LayerStyle.SELECTED


def test_switching_the_map_changes_the_shapes(window):
    window.canvas.set_map("lee")
    window.state.select("roots", "S1", "left")
    before = set(shown(window, "dermatomes"))
    window.canvas.set_map("keegan")
    after = set(shown(window, "dermatomes"))
    assert before and after and before.isdisjoint(after)
    assert {d[3] for d in after} == {"keegan"}
    assert window.canvas.map_box.currentData() == "keegan"
    # Keegan & Garrett's S1 band runs down the back of the thigh; Lee et al.'s does not
    keegan = layer_item(window, "dermatomes", "S1", "left", "keegan", "posterior")
    assert on_screen(keegan) and keegan.path().contains(back_of_thigh(window))
    assert not on_screen(layer_item(window, "dermatomes", "S1", "left", "lee", "posterior"))
    # the combo box drives the same switch
    window.canvas.map_box.setCurrentIndex(window.canvas.map_box.findData("foerster"))
    assert window.canvas.map_id == "foerster"
    assert {d[3] for d in shown(window, "dermatomes")} == {"foerster"}
    with pytest.raises(KeyError):
        window.canvas.set_map("no-such-map")


def test_map_that_leaves_a_root_out_draws_nothing_for_it(window, atlas):
    assert "S3" in atlas.maps["lee"].not_drawn
    window.canvas.set_map("lee")
    window.state.select("roots", "S3", "left")
    assert shown(window, "dermatomes") == []
    window.canvas.set_map("foerster")
    assert shown(window, "dermatomes")


def test_selecting_a_nerve_shows_its_skin(window):
    window.state.select("nerves", "sural", "right")
    terr = shown(window, "territories")
    assert terr and {t[1] for t in terr} == {"sural"} and {t[2] for t in terr} == {"right"}
    assert states(window, "regions", "foot-lateral-edge", "right") == {State.NORMAL}
    assert states(window, "nerves", "sural", "right") == {State.SELECTED}
    # a trunk nerve shows everything its branches supply
    window.state.select("nerves", "common-fibular", "right")
    item = layer_item(window, "territories", "common-fibular", "right", None, "anterior")
    deep = layer_item(window, "territories", "deep-fibular", "right", None, "anterior")
    assert on_screen(item)
    assert item.path().contains(deep.path().boundingRect().center())


def test_clearing_hides_every_layer(window):
    window.state.select("roots", "L5", "left")
    assert shown(window)
    window.state.clear()
    assert shown(window) == []


@pytest.mark.parametrize("overlay, expected", [("dermatomes", "L5"), ("nerves", "Sural nerve")])
def test_overlay_shows_all_with_a_legend(window, atlas, overlay, expected):
    canvas = window.canvas
    assert not any(expected in t for t in canvas.legend.texts())
    canvas.set_overlay(overlay)
    texts = canvas.legend.texts()
    assert any(expected in t for t in texts)
    items = canvas.shown_layer_items()
    assert {i.style for i in items} == {LayerStyle.OVERLAY}
    if overlay == "dermatomes":
        drawn = {i.content_id for i in items}
        assert drawn == {r for r in atlas.roots if r not in atlas.maps[canvas.map_id].not_drawn}
        assert any(t.startswith("Dermatomes:") for t in texts)
    else:
        drawn = {i.content_id for i in items}
        assert {"sural", "saphenous", "lateral-femoral-cutaneous", "superficial-fibular"} <= drawn
        assert "sciatic" not in drawn  # its skin is its branches', drawn once
    assert canvas.overlay_box.currentData() == overlay
    canvas.set_overlay(None)
    assert canvas.shown_layer_items() == []
    assert not any(expected in t for t in canvas.legend.texts())


def test_legend_names_every_highlight(window):
    texts = " | ".join(window.canvas.legend.texts())
    for words in (
        "Selected",
        "Related",
        "pain pattern",
        "key sensory point",
        "overlap",
        "disagree",
        "pointer",
    ):
        assert words in texts, words


def test_disagreement_hatching_names_the_dispute(window, atlas):
    window.canvas.set_map("keegan")
    window.state.select("roots", "L4", "left")
    zones = [i for i in window.canvas.shown_layer_items() if i.style is LayerStyle.DISAGREE]
    assert zones, "the maps disagree about L4, so some skin is hatched"
    topic = atlas.disputes["dermatome-maps"].topic
    assert all(topic in z.toolTip() for z in zones)
    assert any(atlas.disputes["l4-dermatome"].topic in z.toolTip() for z in zones)


def test_overlap_hatching_where_neighbours_share_skin(window):
    window.canvas.set_map("foerster")  # Foerster's zones overlap at their borders
    window.state.select("roots", "L3", "right")
    zones = [i for i in window.canvas.shown_layer_items() if i.style is LayerStyle.OVERLAP]
    assert zones
    assert any("L2" in z.toolTip() for z in zones)


def test_layers_never_take_a_click(window):
    window.canvas.set_overlay("dermatomes")
    click_item(window, "places", "calf-lower", "left")
    assert window.state.current.id == "calf-lower"
    window.canvas.set_overlay("nerves")
    click_item(window, "places", "groin-inner", "right", view="anterior")
    assert window.state.current.id == "groin-inner"


# -- the drawing and the check --------------------------------------------------------------
def test_layer_ids_parse():
    m = ID_PATTERN.match("dermatome:S1@left#keegan")
    assert (m["kind"], m["id"], m["side"], m["map"], m["part"]) == (
        "dermatome",
        "S1",
        "left",
        "keegan",
        None,
    )
    m = ID_PATTERN.match("dermatome:S4-5@right#lee.2")
    assert (m["id"], m["map"], m["piece"]) == ("S4-5", "lee", "2")
    m = ID_PATTERN.match("territory:sural@left#2")
    assert (m["kind"], m["part"], m["map"]) == ("territory", "2", None)
    assert ID_PATTERN.match("dermatome:S1@middle#lee") is None


@pytest.fixture(scope="module")
def drawn():
    views, problems = read_checked_views(assets_dir())
    assert not problems
    return views


def without(drawn, svg_id_start):
    out = []
    for path, view in drawn:
        kept = [s for s in view.shapes if not (s.svg_id or "").startswith(svg_id_start)]
        out.append((path, replace(view, shapes=kept)))
    return out


def test_shipped_drawing_has_every_layer(atlas, drawn):
    assert check_geometry(atlas, drawn) == []


@pytest.mark.parametrize(
    "removed, expected",
    [
        (
            "dermatome:L5@left#keegan",
            "root 'L5' has no dermatome shape for map 'keegan' on the left",
        ),
        (
            "dermatome:S2@right#foerster",
            "root 'S2' has no dermatome shape for map 'foerster' on the right",
        ),
        ("territory:sural@right", "nerve 'sural' has no skin territory on the right"),
    ],
)
def test_check_reports_a_missing_layer_shape(atlas, drawn, removed, expected):
    problems = [p.message for p in check_geometry(atlas, without(drawn, removed))]
    assert any(expected in p for p in problems), problems


def test_check_reports_a_layer_shape_without_a_known_map(atlas, drawn):
    path, view = drawn[0]
    bad = [
        replace(s, map_id="nosuchmap") if s.svg_id == "dermatome:L5@left#keegan" else s
        for s in view.shapes
    ]
    problems = check_geometry(atlas, [(path, replace(view, shapes=bad)), *drawn[1:]])
    assert any("must name its map" in p.message for p in problems)


def test_an_overlay_legend_leaves_the_drawing_most_of_a_small_window(window, qtbot):
    """At 1024 x 768 the nineteen nerves of the overlay sit in columns across the legend strip,
    so the drawing keeps more than half the canvas's height (one long column left it a third)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1024, 768)
    QApplication.processEvents()
    canvas = window.canvas
    # the fixed entries fit the strip too (they wrap rather than run past the canvas's edge)
    assert canvas.legend.geometry().right() < canvas.width(), canvas.legend.geometry()
    assert canvas.legend.minimumSizeHint().width() <= canvas.legend.width()
    canvas.set_overlay("nerves")
    qtbot.wait(50)
    entries = [t for t in canvas.legend.texts() if "nerve" in t.lower()]
    assert len(entries) >= 19
    drawing = canvas.vb.geometry().height()
    assert drawing > 0.5 * canvas.viewport().height(), (drawing, canvas.viewport().height())
