"""``serve``: the platform on one process, or on N worker processes sharing one listening socket.

With ``--workers N`` (N > 1, PostgreSQL) the supervising process

1. migrates the database to head and seeds the hall services — once, before any worker exists;
2. opens the listening socket itself (``IPPROTO_TCP``, so asyncio sets TCP_NODELAY on every
   accepted connection: no 40 ms Nagle stall per keep-alive reply) and hands it to the workers;
3. empties the prometheus multiprocess directory and points the workers at it;
4. runs the periodic jobs (stuck-ticket sweeper, auto-advancer) itself, so they run once;
5. runs uvicorn's multiprocess supervisor: N workers (restarted when one dies), SIGTERM/SIGINT stop
   them gracefully, SIGHUP restarts them one by one.

Each worker rebuilds the same ``Config`` from the same arguments (``BACKOFFICE_WORKER_ARGV``),
checks the database is at head and serves. Every piece of shared state — tokens, the login failure
counter, tickets, cases — lives in the database, so any worker can answer any request.
"""

from __future__ import annotations

import argparse
import inspect
import json
import logging
import os
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from backoffice.config import Config

WORKER_ARGV_ENV = "BACKOFFICE_WORKER_ARGV"
LOG_FORMAT = "%(levelname)s %(name)s[%(process)d]: %(message)s"
"""No timestamp: under systemd the journal adds it (docs/deploy.md)."""
log = logging.getLogger(__name__)


class ServeError(ValueError):
    """The server cannot start (port taken, database not migratable …): one line, exit 2."""


def listening_socket(host: str, port: int, backlog: int = 2048) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def _uvicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    return {"log_level": "info", "access_log": bool(args.access_log), "ws": "none", "http": "h11", "lifespan": "on",
            "timeout_keep_alive": 30,
            "timeout_graceful_shutdown": 10, "backlog": 2048, "host": args.host, "port": args.port}


def _logging() -> None:
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def serve(config: Config, args: argparse.Namespace, argv: list[str]) -> int:
    import uvicorn

    _logging()
    listening_socket(args.host, args.port).close()  # a port in use: one line now, before migrating
    if args.workers <= 1:
        from backoffice.app import create_app

        app = create_app(config)
        # Bound once the app is ready: a client connecting earlier is refused, not left hanging.
        sock = listening_socket(args.host, args.port)
        uvicorn.Server(uvicorn.Config(app, **_uvicorn_options(args))).run(sockets=[sock])
        return 0
    return _serve_workers(config, args, argv)


def _serve_workers(config: Config, args: argparse.Namespace, argv: list[str]) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from backoffice.metrics import MULTIPROC_ENV, clear_multiproc_dir

    made_dir: Path | None = None
    if args.metrics_dir is not None:
        metrics_dir = Path(args.metrics_dir)
    elif os.environ.get("RUNTIME_DIRECTORY"):  # systemd's RuntimeDirectory=
        metrics_dir = Path(os.environ["RUNTIME_DIRECTORY"].split(":")[0]) / "metrics"
    else:
        metrics_dir = made_dir = Path(tempfile.mkdtemp(prefix="backoffice-metrics-"))
    clear_multiproc_dir(str(metrics_dir))
    os.environ[MULTIPROC_ENV] = str(metrics_dir)  # before any metric exists, here or in a worker
    os.environ[WORKER_ARGV_ENV] = json.dumps(argv)

    from dataclasses import replace

    from backoffice.app import background_jobs, open_context

    ctx = open_context(replace(config, db_pool=4))  # migrations, seeding and the periodic jobs, once
    jobs = background_jobs(ctx)
    for job in jobs:
        job.start()
    uconfig = uvicorn.Config("backoffice.serve:worker_app", factory=True, workers=args.workers,
                             **_uvicorn_options(args))
    sock = listening_socket(args.host, args.port)
    log.info("serving on %s:%s with %d workers (metrics dir %s)", args.host, args.port, args.workers, metrics_dir)
    try:
        if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.54
            Multiprocess(uconfig, target=uvicorn.Server(uconfig).run, sockets=[sock]).run()  # type: ignore[call-arg]
        else:
            Multiprocess(uconfig, sockets=[sock]).run()
    finally:
        for job in jobs:
            job.stop()
        ctx.db.dispose()
        sock.close()
        if made_dir is not None:
            shutil.rmtree(made_dir, ignore_errors=True)
    return 0


def worker_app() -> FastAPI:
    """The application of one worker (uvicorn's factory, called in the worker process)."""
    from backoffice.__main__ import _config, parse_args
    from backoffice.app import create_app, open_context

    _logging()
    argv = json.loads(os.environ[WORKER_ARGV_ENV])
    config = _config(parse_args(argv))
    config.background_jobs = False  # the supervisor runs them
    ctx = open_context(config, prepare=False)
    return create_app(config, ctx)
