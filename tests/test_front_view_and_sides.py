"""The front view, key sensory points, view switching and marking both sides, driven through
real mouse events on the canvas viewport."""

from PySide6.QtCore import Qt

from tests.ui_driver import click_item, states
from viewer.ui.canvas import Z_ORDER
from viewer.ui.shape_item import State

CTRL = Qt.KeyboardModifier.ControlModifier


def test_click_groin_on_the_front(window):
    click_item(window, "places", "groin-inner", "right", view="anterior")
    sel = window.state.current
    assert (sel.id, sel.side) == ("groin-inner", "right")
    text = window.panel.toPlainText()
    assert "Groin crease" in text and "L1 nerve root" in text and "Ilioinguinal nerve" in text
    assert "Red flags" in text
    assert states(window, "roots", "L1", "right", "anterior") == {State.RELATED}
    assert states(window, "nerves", "ilioinguinal", "right", "anterior") == {State.RELATED}
    assert states(window, "places", "groin-inner", "left", "anterior") == {State.NORMAL}


def test_inner_shin_lights_saphenous_not_sciatic(window):
    click_item(window, "places", "shin-inner", "left", view="anterior")
    assert window.state.current.id == "shin-inner"
    assert states(window, "nerves", "saphenous", "left", "anterior") == {State.RELATED}
    assert states(window, "nerves", "femoral", "left", "anterior") == {State.RELATED}
    assert states(window, "nerves", "sciatic", "left") == {State.NORMAL}
    text = window.panel.toPlainText()
    assert "Saphenous nerve" in text and "Sciatic nerve" not in text
    assert "How far the L4 skin area reaches" in text  # the L4 disagreement is shown


def test_clicking_a_root_shows_its_key_sensory_point(window):
    assert window.canvas.visible_key_points() == []
    click_item(window, "roots", "L4", "left", view="anterior")
    assert window.canvas.visible_key_points() == [("L4", "left")]
    click_item(window, "roots", "S1", "right")
    assert window.canvas.visible_key_points() == [("S1", "right")]
    # from search, no side: the point shows on both legs, in every view that has it
    window.state.select("roots", "L5")
    assert sorted(window.canvas.visible_key_points()) == [
        ("L5", "left"),
        ("L5", "left"),
        ("L5", "right"),
        ("L5", "right"),
    ]
    window.state.select("regions", "heel", "left")
    assert window.canvas.visible_key_points() == []


def test_ctrl_click_other_side_marks_both_and_warns(window):
    click_item(window, "places", "calf-lower", "left")
    assert "Marked on both sides" not in window.panel.toPlainText()
    click_item(window, "places", "calf-lower", "right", modifiers=CTRL)
    sel = window.state.current
    assert (sel.id, sel.side) == ("calf-lower", "both")
    assert states(window, "places", "calf-lower", None) == {State.SELECTED}
    text = window.panel.toPlainText()
    assert "Marked on both sides" in text and "Cauda equina syndrome" in text
    assert window.registry["both-sides"].isChecked()
    # the Both sides toggle goes back to the side first clicked
    window.registry["both-sides"].trigger()
    assert window.state.current.side == "left"
    window.registry["both-sides"].trigger()
    assert window.state.current.side == "both"
    # a plain click on one side goes back to one side
    click_item(window, "places", "calf-lower", "right")
    assert window.state.current.side == "right"
    assert not window.registry["both-sides"].isChecked()


def test_both_sides_action_toggles(window):
    window.state.select("regions", "thigh-anterior-upper", "right")
    window.registry["both-sides"].trigger()
    assert window.state.current.side == "both"
    assert states(window, "regions", "thigh-anterior-upper", "left") == {State.SELECTED}
    window.registry["both-sides"].trigger()
    assert window.state.current.side == "right"
    assert states(window, "regions", "thigh-anterior-upper", "left") == {State.NORMAL}


def test_show_one_view_then_click_in_it(window):
    window.registry["view-anterior"].trigger()
    assert not window.canvas.layers["posterior"].isVisible()
    assert window.canvas.layers["anterior"].isVisible()
    click_item(window, "places", "knee-inner", "left", view="anterior")
    assert window.state.current.id == "knee-inner"
    assert "L3 nerve root" in window.panel.toPlainText()
    window.registry["view-all"].trigger()
    assert window.canvas.layers["posterior"].isVisible()


def test_highlighted_region_draws_above_bones(window):
    click_item(window, "places", "heel-pad", "left")
    heel = window.canvas.items_for("places", "heel-pad", "left")[0]
    assert heel.zValue() > Z_ORDER["bone"]
    window.state.clear()
    assert heel.zValue() < Z_ORDER["bone"]
