"""An in-process server for demo mode and tests: uvicorn in a background thread on a loopback port.

    handle = start_server("sqlite:////tmp/bo.db", Path("/tmp/bo-files"))
    handle.create_user("clerk01", "secret", roles=["clerk"], windows=["W03"])
    ... requests against handle.url ...
    handle.stop()
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from backoffice import queue, workflow
from backoffice.app import create_app, open_context
from backoffice.auth import create_user, issue_device_token, set_password
from backoffice.config import DEFAULT_SERVICES, Config, FaultSpec, ServiceDef
from backoffice.context import ServerContext
from backoffice.crypto import generate_key_file, load_key_file


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the thread is not the main thread
        return None


class EmbeddedServer:
    """A running server: ``url`` (no trailing slash), ``ctx`` (database, clock) and helpers."""

    def __init__(self, ctx: ServerContext, server: _Server, thread: threading.Thread, url: str) -> None:
        self.ctx = ctx
        self._server = server
        self._thread = thread
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])

    def create_user(
        self,
        username: str,
        password: str,
        roles: list[str] | tuple[str, ...] = ("clerk",),
        display_name: str | None = None,
        windows: list[str] | None = None,
        org_code: str = "230102",
        replace: bool = True,
    ) -> None:
        with self.ctx.db.write() as s:
            create_user(s, username, password, list(roles), display_name, windows, org_code, replace=replace)

    def advance(self, case_uuid: str, status: str, note: str | None = None,
                matters: list[str] | None = None) -> str:
        """Moves a case (or those of its matters) as the back office would; returns the case's status.
        KeyError / workflow.IllegalMove on bad input."""
        return workflow.advance(self.ctx, case_uuid, status, note, matters)[0]

    def set_password(self, username: str, password: str) -> int:
        """A new password; every token of the operator stops working. Returns how many were revoked."""
        with self.ctx.db.write() as s:
            return set_password(s, username, password)

    def create_appointment(self, code: str, service: str, day: str | None = None, name: str = "",
                           org: str = "") -> None:
        queue.create_appointment(self.ctx, code, service, day or self.ctx.config.clock.today().isoformat(), name,
                                 org)

    def shift_clock(self, delta: timedelta) -> None:
        """Moves the server's clock (e.g. to the next day for the daily ticket numbering)."""
        self.ctx.config.clock.shift(delta)

    def freeze_clock(self, at: datetime | None) -> None:
        """Stops the server's clock at ``at`` (hours, slots and closing in tests), or lets it run."""
        self.ctx.config.clock.freeze(at)

    def create_device_token(self, username: str, device_id: str) -> str:
        """A long-lived token for a kiosk account (``python -m backoffice device-token``)."""
        with self.ctx.db.write() as s:
            return issue_device_token(s, username, device_id, self.ctx.now_ts(),
                                      self.ctx.config.device_token_ttl_days * 86400.0)

    def drain_sms(self) -> int:
        """Hands the queued messages to the SMS plug-in now; returns how many were sent."""
        from backoffice.notify import drain

        return drain(self.ctx)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout / 2)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout / 2)
        self.ctx.db.dispose()

    def __enter__(self) -> EmbeddedServer:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def start_server(
    db_url: str,
    files_dir: Path | str,
    faults: FaultSpec | str | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    auto_advance_s: float | None = None,
    catalog_dir: Path | None = None,
    token_ttl_s: int = 12 * 3600,
    services: tuple[ServiceDef, ...] = DEFAULT_SERVICES,
    startup_timeout: float = 20.0,
    data_key: bytes | None | str = "auto",
    stuck_after_s: float | None = None,
    **config_overrides: Any,
) -> EmbeddedServer:
    """Starts the server in a daemon thread and returns once its port accepts connections.

    ``data_key="auto"`` (the default, for demo mode and tests) keeps case data encrypted at rest with
    a key in ``<files_dir>.key`` (0600, beside the files, never in the database), made on first start
    and reused by later starts on the same files dir; ``None`` stores in clear.
    """
    if isinstance(faults, str):
        faults = FaultSpec.parse(faults)
    files = Path(files_dir)
    key: bytes | None
    if data_key == "auto":
        key_file = files.with_name(files.name + ".key")
        if not key_file.exists():
            generate_key_file(key_file)
        key = load_key_file(key_file)
    else:
        key = data_key if isinstance(data_key, bytes) else None
    config = Config(
        db_url=db_url, files_dir=files, catalog_dir=catalog_dir, faults=faults or FaultSpec(),
        auto_advance_s=auto_advance_s, token_ttl_s=token_ttl_s, services=services, data_key=key,
        stuck_after_s=stuck_after_s, **config_overrides,
    )
    ctx = open_context(config)
    app = create_app(config, ctx)
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on such sockets; with proto 0 every keep-alive
    # response waits ~40 ms for Nagle + delayed ACK (shared/ENVIRONMENT.md).
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(256)
    sock.set_inheritable(True)
    real_port = sock.getsockname()[1]
    uconfig = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="on", ws="none", http="h11",
        timeout_keep_alive=30, timeout_graceful_shutdown=3, backlog=256,
    )
    server = _Server(uconfig)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported to the starter below
            errors.append(exc)
        finally:
            sock.close()

    thread = threading.Thread(target=run, name=f"backoffice-{real_port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if errors or not thread.is_alive():
            ctx.db.dispose()
            raise RuntimeError(f"the embedded server did not start: {errors[0] if errors else 'exited'}")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the embedded server did not start in time")
        time.sleep(0.01)
    shown = f"[{host}]" if ":" in host else host
    with socket.create_connection((host, real_port), timeout=5):
        pass
    return EmbeddedServer(ctx, server, thread, f"http://{shown}:{real_port}")
