"""`tend serve`: gunicorn, started from Python, with the worker loop embedded by default.

The embedded worker is a thread of gunicorn's master process (the arbiter),
started once the server is listening. The web processes are forked from that
same master, so two precautions keep the thread's database use apart from them:
the thread holds no connection between ticks, and a fork waits (briefly) for a
tick in progress to finish, so no child inherits a connection that is in use.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from django.conf import settings
from django.db import connections

from tend.lib.env import envbool

logger = logging.getLogger("tend.serve")

# How long a fork of a web process may wait for a worker tick to finish.
FORK_WAIT_SECONDS = 10.0


def embedded_worker_default(engine: str | None = None) -> bool:
    """Embedded on SQLite; elsewhere only when TEND_EMBEDDED_WORKER=true."""
    engine = engine or settings.DATABASES["default"]["ENGINE"]
    return envbool("TEND_EMBEDDED_WORKER", default=engine == "django.db.backends.sqlite3")


def _warn_about_pending_migrations() -> None:
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connections["default"])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        logger.exception("Could not check the database schema")
        return
    finally:
        # The web processes are forked from this one: they must not inherit a connection.
        connections.close_all()
    if pending:
        logger.warning(
            "The database has %d migration(s) to apply; run `tend manage migrate` first.",
            len(pending),
        )


class _EmbeddedWorker:
    def __init__(self) -> None:
        self.loop: Any = None
        self.thread: threading.Thread | None = None
        self._fork_held = False

    def start(self, server: Any) -> None:
        from tend.worker import WorkerLoop

        self.loop = WorkerLoop()
        self.thread = threading.Thread(target=self.loop.run, name="tend-worker", daemon=True)
        os.register_at_fork(
            before=self._before_fork,
            after_in_parent=self._after_fork_in_parent,
            after_in_child=self._after_fork_in_child,
        )
        self.thread.start()
        server.log.info("Embedded worker started (thread %s)", self.thread.name)

    def stop(self, server: Any) -> None:
        if self.loop is None or self.thread is None:
            return
        self.loop.stop()
        self.thread.join(timeout=10)
        server.log.info("Embedded worker stopped")

    def _before_fork(self) -> None:
        if self.loop is not None:
            self._fork_held = self.loop.tick_lock.acquire(timeout=FORK_WAIT_SECONDS)

    def _after_fork_in_parent(self) -> None:
        if self._fork_held:
            self._fork_held = False
            self.loop.tick_lock.release()

    def _after_fork_in_child(self) -> None:
        # The thread does not exist in the child; its loop must never run there.
        self._fork_held = False
        self.loop = None
        self.thread = None


def _gunicorn_app(options: dict[str, Any]) -> Any:
    from gunicorn.app.base import BaseApplication

    class TendApplication(BaseApplication):  # type: ignore[misc]
        def __init__(self) -> None:
            self.options = options
            super().__init__()

        def load_config(self) -> None:
            for key, value in self.options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from tend.wsgi import application

            return application

    return TendApplication()


def serve(
    *,
    host: str,
    port: int,
    workers: int,
    threads: int = 1,
    embedded_worker: bool = True,
    access_log: bool = False,
) -> int:
    _warn_about_pending_migrations()
    # WhiteNoise warns on every start when the collected-static directory is missing.
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)
    embedded = embedded_worker and embedded_worker_default()
    worker = _EmbeddedWorker()
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def when_ready(server: Any) -> None:
        server.log.info("Tend is listening on http://%s (%d web processes)", bind, workers)
        if embedded:
            worker.start(server)
        else:
            server.log.info("No embedded worker: run `tend worker` for background work")

    def on_exit(server: Any) -> None:
        worker.stop(server)

    options: dict[str, Any] = {
        "bind": bind,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "when_ready": when_ready,
        "on_exit": on_exit,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "proc_name": "tend",
        "timeout": 60,
        "graceful_timeout": 20,
        # Requests are small; a restart now and then bounds any slow leak.
        "max_requests": 5000,
        "max_requests_jitter": 500,
        # Several instances may share a home directory (tests, bench, a second
        # pair of hands); gunicorn's control socket there would clash.
        "control_socket_disable": True,
    }
    _gunicorn_app(options).run()
    return 0
