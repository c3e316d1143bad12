"""The window's start-up holds Python's garbage collector (35-45 ms of collection passes over
objects that all live as long as the window) and lets it run again once the window is built."""

from __future__ import annotations

import gc

import pytest

from viewer import bench_probe, cli


@pytest.fixture
def collector():
    """Whatever a test does to the collector, the next test finds it running and unfrozen."""
    yield
    gc.unfreeze()
    gc.enable()


def test_the_window_command_holds_the_collector_until_its_window(monkeypatch, collector):
    import viewer.ui.app

    seen: list[bool] = []

    def window_opens(*_args, **_kwargs):
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(viewer.ui.app, "run_window", window_opens)
    assert cli.main(["--lang", "en"]) == 0
    assert seen == [False]  # content loaded and Qt imported with the collector held


def test_building_the_window_lets_the_collector_run_again(qapp, collector):
    session = bench_probe.prepare("atlas")  # the bench's start-up does what the app does
    assert not gc.isenabled()
    window = bench_probe.make_window(session)
    try:
        assert gc.isenabled()
        assert gc.get_freeze_count() > 10_000  # start-up's objects are out of its reach
    finally:
        window.close()
        window.deleteLater()
