"""The worker loop: queued tasks and periodic jobs, one tick at a time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tend.worker import PeriodicJob, WorkerLoop, clear_expired_sessions

calls: list[str] = []


@task()
def double(number: int) -> int:
    calls.append(f"double {number}")
    return number * 2


def job(name: str, func: Any, every: dt.timedelta = dt.timedelta(minutes=5)) -> PeriodicJob:
    return PeriodicJob(name, func, every)


@pytest.fixture(autouse=True)
def _clean_calls() -> None:
    calls.clear()


@pytest.mark.django_db(transaction=True)
def test_it_runs_an_enqueued_task_in_one_tick() -> None:
    result = double.enqueue(21)
    assert DBTaskResult.objects.get(id=result.id).status == "READY"

    WorkerLoop(jobs=[]).tick()

    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == "SUCCESSFUL"
    assert stored.return_value == 42
    assert calls == ["double 21"]


@pytest.mark.django_db(transaction=True)
def test_it_runs_a_due_periodic_job_once_per_interval() -> None:
    loop = WorkerLoop(jobs=[job("count", lambda: calls.append("count"))])

    loop.run_due_jobs(now=1000.0)
    loop.run_due_jobs(now=1000.0 + 299)
    assert calls == ["count"]

    loop.run_due_jobs(now=1000.0 + 300)
    assert calls == ["count", "count"]


@pytest.mark.django_db(transaction=True)
def test_it_keeps_running_other_jobs_when_one_fails(caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    loop = WorkerLoop(jobs=[job("broken", broken), job("fine", lambda: calls.append("fine"))])

    loop.tick()
    loop.run_due_jobs(now=10**9)

    assert calls == ["fine", "fine"]
    assert "periodic job broken failed" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_it_stops_when_asked() -> None:
    loop = WorkerLoop(jobs=[], interval=0.01)
    loop.jobs = [job("stopper", loop.stop)]

    loop.run()  # returns only because the job set the stop event

    assert loop.stop_event.is_set()


@pytest.mark.django_db(transaction=True)
def test_it_clears_expired_sessions_and_keeps_live_ones() -> None:
    live = SessionStore()
    live["k"] = "v"
    live.create()
    old = SessionStore()
    old["k"] = "v"
    old.create()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - dt.timedelta(days=1)
    )

    clear_expired_sessions()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


@pytest.mark.django_db(transaction=True)
def test_it_forgets_failed_logins_older_than_the_cool_off() -> None:
    from axes.models import AccessAttempt

    from tend.worker import clear_expired_login_attempts

    def attempt(username: str, age: dt.timedelta) -> None:
        a = AccessAttempt.objects.create(
            username=username,
            ip_address="127.0.0.1",
            user_agent="test",
            get_data="",
            post_data="",
            http_accept="",
            path_info="/",
            failures_since_start=1,
        )
        AccessAttempt.objects.filter(pk=a.pk).update(attempt_time=timezone.now() - age)

    attempt("old@example.com", dt.timedelta(hours=2))
    attempt("recent@example.com", dt.timedelta(minutes=5))

    clear_expired_login_attempts()

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent@example.com"]


def test_the_housekeeping_jobs_are_registered() -> None:
    names = {j.name for j in WorkerLoop().jobs}
    assert "tend.worker.clear_expired_sessions" in names
    assert "tend.worker.clear_expired_login_attempts" in names


@pytest.mark.django_db(transaction=True)
def test_it_survives_a_failing_tick_and_tries_again(monkeypatch: pytest.MonkeyPatch) -> None:
    loop = WorkerLoop(jobs=[], interval=0.001)
    ticks: list[int] = []

    def flaky_tick() -> None:
        ticks.append(1)
        if len(ticks) == 1:
            raise RuntimeError("database went away")
        loop.stop()

    monkeypatch.setattr(loop, "tick", flaky_tick)
    loop.run()

    assert len(ticks) == 2
