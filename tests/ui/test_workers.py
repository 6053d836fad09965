"""The worker policy itself: collection paused while work runs (and done on the UI thread), outcomes relayed."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from ui import workers as workers_module
from ui.workers import Send, Task, Workers
from ui.writer import DocumentWriter


@pytest.fixture
def quick_collections(qapp: object, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter) -> Iterator[Workers]:
    """A policy whose UI-thread collections come every 20 ms (only it runs work in these tests)."""
    writer.flush()  # the run's own policy is idle: two policies must not pause and resume collection in turn
    monkeypatch.setattr(workers_module, "COLLECT_EVERY_MS", 20)
    policy = Workers()
    yield policy
    policy.wait_all()


def test_a_long_job_runs_without_automatic_collection_while_the_ui_thread_collects(
    qtbot: QtBot, quick_collections: Workers
) -> None:
    collected_on: list[threading.Thread] = []
    inside: list[bool] = []
    release, running = threading.Event(), threading.Event()

    def on_collection(phase: str, _info: dict[str, int]) -> None:
        if phase == "start" and running.is_set():
            collected_on.append(threading.current_thread())

    def work(_send: Send) -> None:
        running.set()
        inside.append(gc.isenabled())
        garbage = []
        for number in range(200_000):  # cycles enough to trigger collection many times, were it on
            cycle: list[Any] = [number]
            cycle.append(cycle)
            garbage.append(cycle if number % 1000 == 0 else None)
        assert release.wait(10)
        running.clear()

    assert gc.isenabled()
    gc.callbacks.append(on_collection)
    try:
        QTimer.singleShot(300, release.set)  # the UI thread goes on meanwhile: its timers fire, it collects
        quick_collections.run_responsive(work, name="pmx-test")
    finally:
        gc.callbacks.remove(on_collection)
    assert inside == [False]
    assert collected_on, "the UI thread collected while the job ran"
    assert set(collected_on) == {threading.main_thread()}
    assert gc.isenabled(), "collection resumes once the job has ended"


def test_progress_and_outcome_arrive_on_the_ui_thread_in_order(qtbot: QtBot, quick_collections: Workers) -> None:
    received: list[tuple[int, threading.Thread]] = []
    ended: list[Task] = []

    def work(send: Send) -> str:
        for number in range(50):
            send(number)
        return "hecho"

    task = quick_collections.start(
        work,
        done=ended.append,
        progress=lambda number: received.append((number, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended == [task]
    assert task.result == "hecho"
    assert task.error is None
    assert [number for number, _thread in received] == list(range(50))
    assert {thread for _number, thread in received} == {threading.main_thread()}
    assert quick_collections.running == 0


def test_a_failure_is_raised_again_on_the_ui_thread(qtbot: QtBot, quick_collections: Workers) -> None:
    def work(_send: Send) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        quick_collections.run_responsive(work)
    assert gc.isenabled()
