"""The background worker loop: queued tasks and periodic jobs.

One loop serves both deployments. In the embedded default (SQLite) it runs as a
thread inside ``tend serve``; at scale, ``tend worker`` runs it on its own and
several may run side by side against PostgreSQL.

Each tick does two things:

1. Drain the tasks that are ready in the database backend of django-tasks
   (``django_tasks_db``). Claiming is django-tasks-db's own (row locks on
   PostgreSQL, an exclusive transaction on SQLite), so two workers never run the
   same task.
2. Run the periodic jobs that are due. A periodic job is a plain function
   registered with :func:`periodic`::

       @periodic(every=timedelta(hours=1))
       def clear_expired_sessions() -> None:
           ...

   Jobs are due per process: with several workers each runs every job on its
   own schedule, so a job must be safe to run twice or concurrently (deleting
   expired rows is). Work that must happen exactly once per row, such as
   sending a reminder, does not belong here as a job body that loops and sends:
   store a ``next_*_at`` column on the row and claim each row with a conditional
   ``UPDATE ... WHERE next_*_at = <old value>``, skipping rows where the update
   count is not 1. A periodic job may then be the thing that looks for due rows.

An error in one job is logged and the loop goes on; the next attempt comes at
the job's next interval.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string

logger = logging.getLogger("tend.worker")

DEFAULT_INTERVAL = 1.0
# Bounded so that a long queue cannot starve the periodic jobs for long.
TASKS_PER_TICK = 50
# Longest pause between ticks while they keep failing.
MAX_BACKOFF = 30.0


@dataclass
class PeriodicJob:
    name: str
    func: Callable[[], object]
    every: dt.timedelta
    # Monotonic time of the next run; 0 means "as soon as the loop starts".
    next_run: float = field(default=0.0)


_registry: dict[str, PeriodicJob] = {}


JobFunc = Callable[[], Any]


def periodic(*, every: dt.timedelta, name: str | None = None) -> Callable[[JobFunc], JobFunc]:
    """Register ``func`` to run every ``every`` in each worker loop.

    Registration happens at import time: put jobs in a module that is imported
    when Django starts (an app's ``jobs.py`` imported from ``AppConfig.ready``,
    or this module for project-wide housekeeping).
    """
    if every <= dt.timedelta(0):
        raise ValueError("A periodic job needs a positive interval")

    def register(func: JobFunc) -> JobFunc:
        job_name = name or f"{func.__module__}.{func.__qualname__}"
        _registry[job_name] = PeriodicJob(job_name, func, every)
        return func

    return register


def registered_jobs() -> list[PeriodicJob]:
    return list(_registry.values())


@periodic(every=dt.timedelta(hours=1))
def clear_expired_sessions() -> None:
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    # Cookie and cache sessions expire on their own and say so with NotImplementedError.
    with contextlib.suppress(NotImplementedError):
        engine.SessionStore.clear_expired()


@periodic(every=dt.timedelta(hours=1))
def clear_expired_login_attempts() -> None:
    """Forget failed logins older than the lockout cool-off (they no longer count)."""
    from django.conf import settings
    from django.http import HttpRequest

    if getattr(settings, "AXES_COOLOFF_TIME", None) is None:
        return
    from axes.handlers.database import AxesDatabaseHandler

    # Axes measures the cool-off from the time of a request; a bare request
    # stamped "now" makes its own clean-up helper usable outside a login.
    request = HttpRequest()
    request.axes_attempt_time = timezone.now()  # type: ignore[attr-defined]
    AxesDatabaseHandler().clean_expired_user_attempts(request)


def _task_worker_class() -> type:
    from django_tasks_db.management.commands.db_worker import Worker

    class StoppableWorker(Worker):  # type: ignore[misc]
        """django-tasks-db's worker in batch mode, stopping when our event is set."""

        def __init__(self, stop: threading.Event, **kwargs: Any) -> None:
            self._stop = stop
            super().__init__(**kwargs)

        @property  # type: ignore[override]
        def running(self) -> bool:
            return not self._stop.is_set()

        @running.setter
        def running(self, value: bool) -> None:
            # The base class sets this in __init__; the stop event is the truth.
            pass

    return StoppableWorker


class WorkerLoop:
    """The loop. ``run()`` blocks until ``stop()`` is called (or a signal arrives)."""

    def __init__(
        self,
        *,
        interval: float = DEFAULT_INTERVAL,
        jobs: list[PeriodicJob] | None = None,
        worker_id: str | None = None,
        queue_names: list[str] | None = None,
    ) -> None:
        self.interval = interval
        # Each loop keeps its own schedule, so copies: two loops in one process
        # (tests, or a thread beside `tend worker`) must not share next_run.
        source = registered_jobs() if jobs is None else jobs
        self.jobs = [PeriodicJob(j.name, j.func, j.every) for j in source]
        self.worker_id = worker_id or f"{socket.gethostname()}-{os.getpid()}-{get_random_string(6)}"
        self.queue_names = queue_names or ["*"]
        self.stop_event = threading.Event()
        # django-tasks-db announces each batch run at INFO; once per second is noise.
        tasks_db_logger = logging.getLogger("django_tasks_db")
        if tasks_db_logger.level == logging.NOTSET:
            tasks_db_logger.setLevel(logging.WARNING)
        # Held for the length of a tick; `tend serve` uses it to keep gunicorn
        # from forking while this thread has a database connection open.
        self.tick_lock = threading.Lock()

    def stop(self, *_: Any) -> None:
        self.stop_event.set()

    def install_signal_handlers(self) -> None:
        def handler(signum: int, frame: FrameType | None) -> None:
            logger.info(
                "Worker %s: %s received, stopping after this tick",
                self.worker_id,
                signal.strsignal(signum),
            )
            self.stop()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    def run(self) -> None:
        logger.info(
            "Worker %s started: tasks from the database queue, %d periodic job(s): %s",
            self.worker_id,
            len(self.jobs),
            ", ".join(j.name for j in self.jobs) or "none",
        )
        failures = 0
        while not self.stop_event.is_set():
            started = time.monotonic()
            try:
                self.tick()
                failures = 0
            except Exception:
                # Typically the database is away (restarting, unreachable). Keep
                # trying, but back off so that an outage is not a log flood.
                failures += 1
                logger.exception("Worker %s: tick failed (%d in a row)", self.worker_id, failures)
            wait = self.interval if failures == 0 else min(MAX_BACKOFF, self.interval * 2**failures)
            elapsed = time.monotonic() - started
            self.stop_event.wait(max(0.0, wait - elapsed))
        logger.info("Worker %s stopped", self.worker_id)

    def tick(self) -> None:
        with self.tick_lock:
            close_old_connections()
            try:
                self.run_tasks()
                self.run_due_jobs()
            finally:
                # Holding no connection between ticks keeps this thread from
                # pinning a database connection (or an SQLite lock) while idle.
                connections.close_all()

    def run_tasks(self) -> None:
        try:
            worker = _task_worker_class()(
                self.stop_event,
                queue_names=self.queue_names,
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=TASKS_PER_TICK,
                worker_id=self.worker_id[:64],
                excluded_queue_names=[],
            )
            worker.run()
        except Exception:
            # A broken task backend must not take the periodic jobs down with it.
            logger.exception("Worker %s: running queued tasks failed", self.worker_id)

    def run_due_jobs(self, now: float | None = None) -> None:
        for job in self.jobs:
            if self.stop_event.is_set():
                return
            current = time.monotonic() if now is None else now
            if current < job.next_run:
                continue
            job.next_run = current + job.every.total_seconds()
            try:
                job.func()
            except Exception:
                logger.exception("Worker %s: periodic job %s failed", self.worker_id, job.name)
            finally:
                close_old_connections()


def run_forever(interval: float = DEFAULT_INTERVAL) -> None:
    """`tend worker`: the loop in the foreground, stopping cleanly on SIGTERM/SIGINT."""
    loop = WorkerLoop(interval=interval)
    loop.install_signal_handlers()
    loop.run()
