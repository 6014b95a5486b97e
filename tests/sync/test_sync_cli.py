"""The command line (login, sync --once) in real subprocesses: exit codes, kill -9 resumes, bounded memory."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer
from clerk.store.models import CaseRow, OutboxRow
from tests.helpers.sync import (
    PASSWORD,
    USER,
    StartFn,
    assert_files_intact,
    copy_data_dir,
    open_ctx,
    outbox_states,
    server_cases,
)

ROOT = Path(__file__).resolve().parents[2]


def clerk(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def cli_login(server: EmbeddedServer, data: Path) -> None:
    r = clerk("login", "--platform", server.url, "--username", USER, "--data-dir", str(data),
              env={"CLERK_PASSWORD": PASSWORD})
    assert r.returncode == 0, r.stderr


def test_login_keeps_token_in_keyring_only(tmp_path: Path, server: EmbeddedServer) -> None:
    from clerk.security import credentials

    data = tmp_path / "data"
    bad = clerk("login", "--platform", server.url, "--username", USER, "--data-dir", str(data),
                env={"CLERK_PASSWORD": "wrong"})
    assert bad.returncode == 2 and bad.stderr.strip() == "登录失败：用户名或密码错误"
    cli_login(server, data)
    token = credentials.get_token(server.url, USER)
    assert token and credentials.get_token(server.url + "/", USER) == token
    for f in data.rglob("*"):  # never in SQLite, settings or logs
        if f.is_file():
            assert token.encode() not in f.read_bytes(), f
    ctx = open_ctx(data)
    assert ctx.settings.platform_url == server.url
    ctx.close()
    credentials.delete_token(server.url, USER)
    assert credentials.get_token(server.url, USER) is None
    credentials.delete_token(server.url, USER)  # twice is fine


def test_expired_token_is_not_offered(tmp_path: Path) -> None:
    import datetime as dt

    from clerk import clock
    from clerk.security import credentials

    credentials.set_token("http://p.example", "u", "s3kr1t-value", clock.now() - dt.timedelta(seconds=1))
    assert credentials.get_token("http://p.example", "u") is None
    assert credentials.get_stored("http://p.example", "u") is not None
    assert "s3kr1t" not in repr(credentials.get_stored("http://p.example", "u"))


def test_sync_exit_codes(cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer) -> None:
    template, uuids = cases_40
    data = copy_data_dir(template, tmp_path / "data")
    r = clerk("sync", "--once", "--data-dir", str(data))
    assert r.returncode == 2 and "平台地址" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    r = clerk("sync", "--once", "--platform", dead, "--data-dir", str(data))
    assert r.returncode == 2 and r.stderr.startswith("平台不可达") and len(r.stderr.strip().splitlines()) == 1
    r = clerk("sync", "--once", "--platform", server.url, "--data-dir", str(data))
    assert r.returncode == 2 and "需要登录" in r.stderr
    ctx = open_ctx(data)
    with ctx.store.write() as s:  # one case the platform will refuse
        row = s.query(OutboxRow).filter_by(case_uuid=uuids[5]).one()
        row.payload = {**row.payload, "due_date": "1999-01-01"}
    ctx.close()
    cli_login(server, data)
    r = clerk("sync", "--once", "--data-dir", str(data))
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and "422 invalid" in lines[0] and "due_date" in lines[0]
    assert len(server_cases(server)) == 39
    ctx = open_ctx(data)
    try:
        with ctx.store.write() as s:
            s.query(OutboxRow).filter_by(case_uuid=uuids[5]).delete()
    finally:
        ctx.close()
    r = clerk("sync", "--once", "--data-dir", str(data))
    assert r.returncode == 0 and r.stderr == ""


@pytest.mark.slow
def test_kill_9_at_random_points_still_exactly_once(
    cases_40: tuple[Path, list[str]], tmp_path: Path, start: StartFn
) -> None:
    template, uuids = cases_40
    server = start(faults="drop=0.1,error500=0.05,slow=0.2,slow_s=0.1,seed=3")
    data = copy_data_dir(template, tmp_path / "data")
    cli_login(server, data)
    cmd = [sys.executable, "-m", "clerk", "sync", "--once", "--backoff", "0.05", "--data-dir", str(data)]
    kills = 0
    for more in (1, 3, 2, 4, 1):  # the server's seeded faults (drops, 500s, slow replies) vary where it lands
        target = len(server_cases(server)) + more
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300  # generous: only a broken sync gets anywhere near it
        while proc.poll() is None and len(server_cases(server)) < target:
            assert time.monotonic() < deadline, "the sync made no progress"
            time.sleep(0.02)  # polling the server's real state for the moment to strike
        assert proc.poll() is None, "sync --once ended before its cases were all sent"
        proc.send_signal(signal.SIGKILL)  # mid-run: the next case's request is on its way or being answered
        kills += 1
        proc.wait(30)
    assert kills == 5
    final = clerk("sync", "--once", "--backoff", "0.05", "--data-dir", str(data))
    assert final.returncode == 0, final.stderr
    on_server = server_cases(server)
    assert sorted(on_server) == sorted(uuids)
    assert_files_intact(server)
    ctx = open_ctx(data)
    try:
        assert outbox_states(ctx) == {"done": 40}
        with ctx.store.read() as s:
            assert {r.case_uuid: r.platform_case_id for r in s.query(CaseRow).all()} == {
                u: v[0] for u, v in on_server.items()}
    finally:
        ctx.close()


MEASURE = """
import sys
from clerk.cli import main
import clerk.sync, clerk.sync.engine, clerk.cli.sync_cmd, clerk.context, requests
def vm(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1])
base = vm('VmRSS:')
rc = main(sys.argv[1:])
print('MEM', base, vm('VmHWM:'), file=sys.stderr)
sys.exit(rc)
"""


@pytest.mark.slow
def test_200_mib_case_streams_with_bounded_memory(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    template, uuids = cases_40
    data = copy_data_dir(template, tmp_path / "data")
    ctx = open_ctx(data)
    big_files: list[dict[str, Any]] = []
    try:
        for _i in range(20):
            blob = ctx.pages.put_bytes(os.urandom(10 * 1024 * 1024))
            big_files.append({"sha256": blob.sha256, "size": blob.size, "media_type": "application/pdf", "pages": 1})
        with ctx.store.write() as s:
            s.query(OutboxRow).filter(OutboxRow.case_uuid != uuids[0]).delete()
            row = s.query(OutboxRow).filter_by(case_uuid=uuids[0]).one()
            doc = dict(row.payload)
            doc["materials"] = [dict(doc["materials"][0], files=big_files)] + doc["materials"][1:]
            row.payload = doc
    finally:
        ctx.close()
    cli_login(server, data)
    proc = subprocess.run([sys.executable, "-c", MEASURE, "sync", "--once", "--data-dir", str(data)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    base_kib, peak_kib = map(int, proc.stderr.split("MEM")[1].split())
    growth_mib = (peak_kib - base_kib) / 1024
    assert growth_mib < 40, f"client RSS grew by {growth_mib:.1f} MiB for 200 MiB of files"
    from backoffice.files import blob_path

    for f in big_files:
        path = blob_path(server.ctx.config.files_dir, f["sha256"])
        h = hashlib.sha256()
        for chunk in server.ctx.cipher.read_file(path, f["sha256"]):  # stored encrypted at rest
            h.update(chunk)
        assert h.hexdigest() == f["sha256"]


def test_demo_step_with_server(tmp_path: Path, clerk_actor: Any, people: Any) -> None:
    from backoffice.demo import demo_step
    from clerk.demo import take_demo_case

    ctx = open_ctx(tmp_path / "data")
    try:
        view = take_demo_case(ctx, clerk_actor, people, "newborn", answers={"settle_with": "father"})
        lines = list(demo_step(ctx, view, with_server=True))
        text = "\n".join(lines)
        assert "platform case id: PF" in text and "缺 0 个" in text
        assert "ready_for_pickup" in lines[-1]
        assert list(demo_step(ctx, view, with_server=False))[0].startswith("同步")
    finally:
        ctx.close()


def test_client_error_types(server: EmbeddedServer) -> None:
    from clerk.sync.client import AuthError, PermanentError, PlatformClient, TransientError, parse_retry_after

    assert parse_retry_after("7") == 7.0 and parse_retry_after(None) is None
    assert 0 <= (parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") or 0) == 0
    c = PlatformClient(server.url, lambda: "nope")
    assert c.health()["api_version"] == "1"
    with pytest.raises(AuthError):
        c.get_case("x")
    token = PlatformClient(server.url).login(USER, PASSWORD, "dev").token
    c = PlatformClient(server.url, lambda: token)
    with pytest.raises(PermanentError) as err:
        c.get_case("00000000-0000-0000-0000-000000000000")
    assert err.value.status == 404 and err.value.code == "unknown_case"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(TransientError) as terr:
        PlatformClient(f"http://127.0.0.1:{port}").health()
    assert terr.value.unreachable
