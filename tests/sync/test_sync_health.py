"""The workstation's health report in the sync pass, the update check, and ``clerk health``, against
the real back office."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer
from clerk import __version__
from clerk.events import UpdateStatusChanged
from clerk.sync.health import DeviceState, judge, record_device_states, update_status
from tests.helpers.sync import PASSWORD, USER, StartFn, copy_data_dir, logged_in_engine, open_ctx

ROOT = Path(__file__).resolve().parents[2]


def _table(server: EmbeddedServer) -> list[dict[str, Any]]:
    import requests

    server.create_user("sup01", PASSWORD, ["supervisor"])
    http = requests.Session()
    token = http.post(server.url + "/api/v1/auth/login",
                      json={"username": "sup01", "password": PASSWORD, "device_id": "sup-pc"}, timeout=30).json()["token"]
    reply = http.get(server.url + "/api/v1/workstations", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert reply.status_code == 200, reply.text
    return list(reply.json()["items"])


def test_each_pass_reports_the_backlog_and_brings_back_the_update_check(
        tmp_path: Path, start: StartFn, cases_40: tuple[Path, list[str]]) -> None:
    server = start(workstation_version="0.9.0", workstation_note="信息科 12 月 3 日统一升级")
    ctx = open_ctx(copy_data_dir(cases_40[0], tmp_path / "data"))
    try:
        ctx.settings.window = "W03"  # this PC's window, as IT set it up
        record_device_states(ctx.store, [DeviceState("printer", "A4", "missing", "lpstat: 无此打印机"),
                                         DeviceState("scanner", "test:0", "ok")])
        engine = logged_in_engine(ctx, server, health_every_s=0)
        heard: list[Any] = []
        ctx.events.subscribe(UpdateStatusChanged, lambda event: heard.append(event.status))
        assert engine.report_health(None, force=True)
        (row,) = _table(server)
        assert row["device_id"] == ctx.settings.device_id and row["operator"] == USER
        assert row["version"] == __version__ and row["window"] == "W03"
        assert row["outbox"]["pending"] == 40 and row["outbox"]["oldest_pending_at"] is not None
        assert row["last_sync_at"] is None
        assert [(d["kind"], d["state"]) for d in row["devices"]] == [("printer", "missing"), ("scanner", "ok")]
        result = engine.run_once()
        assert result.pushed == 40 and not result.errors
        (row,) = _table(server)
        assert row["outbox"] == {"pending": 0, "parked": 0, "oldest_pending_at": None, "oldest_age_s": None}
        assert row["last_sync_at"] is not None and row["update"] == "available"
        status = update_status(ctx.store)
        assert status is not None and status.state == "available" and status.latest == "0.9.0"
        assert "0.9.0" in status.message() and "不会自动安装" in status.message()
        assert len(heard) == 1 and heard[0].state == "available"
        engine.run_once()
        assert len(heard) == 1  # told once, not on every pass
    finally:
        ctx.close()


def _v1(app: Any) -> Any:
    async def platform_v1(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/v1/workstations"):
            body = b'{"error": {"code": "not_found", "message": "Not Found"}}'
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]})
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return platform_v1


def test_a_platform_without_the_health_endpoint_syncs_as_before(
        tmp_path: Path, start: StartFn, cases_40: tuple[Path, list[str]]) -> None:
    server = start()
    config = server._server.config  # a v1 platform: the same server answering 404 for /workstations/…
    config.loaded_app = _v1(config.loaded_app)  # (uvicorn hands loaded_app to each new connection)
    ctx = open_ctx(copy_data_dir(cases_40[0], tmp_path / "data"))
    try:
        engine = logged_in_engine(ctx, server, health_every_s=0)
        result = engine.run_once()
        assert result.pushed == 40 and not result.errors and engine.state().last_error == ""
        assert engine.state().last_success_at is not None
        assert engine._health_supported is False  # asked once, then left alone
        assert update_status(ctx.store) is None
    finally:
        ctx.close()


def test_a_refused_health_report_does_not_change_the_pass(
        tmp_path: Path, start: StartFn, cases_40: tuple[Path, list[str]]) -> None:
    server = start()
    ctx = open_ctx(copy_data_dir(cases_40[0], tmp_path / "data"))
    try:
        engine = logged_in_engine(ctx, server, health_every_s=0)
        engine.device_id = "not-this-pc"  # the platform answers 403: a PC reports only for itself
        result = engine.run_once()
        assert result.pushed == 40 and not result.errors and not result.needs_login
        assert engine.state().last_success_at is not None
    finally:
        ctx.close()


@pytest.mark.parametrize(("current", "latest", "minimum", "state"), [
    ("0.1.0", "0.2.0", None, "available"), ("0.2.0", "0.2.0", None, "current"), ("0.3.0", "0.2.0", None, "current"),
    ("0.1.0", "0.2.0", "0.2.0", "required"), ("0.1.0", None, None, "unknown"), ("0.1.0", "not a version", None,
                                                                                   "unknown"),
])
def test_judge(current: str, latest: str | None, minimum: str | None, state: str) -> None:
    assert judge(current, latest, minimum) == state


def _health(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", "health", "--data-dir", str(data), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=120)


def test_health_command_prints_what_it_knows_and_says_when_something_needs_attention(
        tmp_path: Path, start: StartFn, cases_40: tuple[Path, list[str]]) -> None:
    server = start(workstation_version="0.9.0")
    data = copy_data_dir(cases_40[0], tmp_path / "data")
    ctx = open_ctx(data)
    try:
        ctx.settings.printer_a4 = "NoSuchPrinter"
        ctx.settings.save(ctx.paths.settings)
        engine = logged_in_engine(ctx, server, health_every_s=0)
        engine.run_once()
    finally:
        ctx.close()
    done = _health(data, "--json")
    assert done.returncode == 1, done.stderr  # an update is available
    assert done.stdout, done.stderr
    report = json.loads(done.stdout)
    assert report["version"] == __version__ and report["outbox"]["pending"] == 0
    assert report["update"]["state"] == "available" and report["platform"].startswith("reachable")
    text = _health(data, "--offline", "--devices")
    assert text.returncode == 1
    assert "有新版本 0.9.0" in text.stdout
    assert any(line.startswith("设备 / device: printer NoSuchPrinter — missing") for line in text.stdout.splitlines())
    ctx = open_ctx(data)
    try:
        from clerk.sync.health import device_states

        assert ("printer", "missing") in [(d.kind, d.state) for d in device_states(ctx.store)]  # for the next report
    finally:
        ctx.close()
