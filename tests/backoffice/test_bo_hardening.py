"""Abuse the back office as an attacker with a valid account would: parallel guessing, huge and deep
bodies, odd numbers, UUID spellings, revoked tokens, lost answers, stuck tickets, data at rest."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from backoffice.embedded import EmbeddedServer
from tests.backoffice.test_bo_authz import case_doc
from tests.helpers.backoffice import PASSWORD, Api, StartFn

ROOT = Path(__file__).resolve().parents[2]


def _login(url: str, username: str, password: str) -> int:
    r = requests.post(url + "/api/v1/auth/login", json={"username": username, "password": password,
                                                         "device_id": "attacker"}, timeout=60)
    return r.status_code


def _parallel(n: int, fn: Any) -> list[Any]:
    gate = threading.Barrier(n)
    out: list[Any] = [None] * n

    def run(i: int) -> None:
        gate.wait()
        out[i] = fn(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def test_login_limit_holds_under_50_parallel_guesses(start: StartFn, db_url: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from backoffice import auth

    server = start(db_url)
    hashed: list[int] = []
    real = auth.verify_password

    def counting(password: str, stored: str) -> bool:
        hashed.append(1)
        return real(password, stored)

    monkeypatch.setattr(auth, "verify_password", counting)
    codes = _parallel(50, lambda i: _login(server.url, "clerk01", f"guess-{i}"))
    assert codes.count(401) <= 5 and codes.count(401) + codes.count(429) == 50, codes
    assert len(hashed) <= 5  # the limit is decided before the password hash is computed
    r = requests.post(server.url + "/api/v1/auth/login",
                      json={"username": "clerk01", "password": PASSWORD, "device_id": "d"}, timeout=30)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1  # even the right password waits
    server.shift_clock(timedelta(seconds=server.ctx.config.login_window_s + 1))
    assert _login(server.url, "clerk01", PASSWORD) == 200


def test_one_password_across_many_usernames_is_limited_per_address(start: StartFn) -> None:
    server = start(login_max_failures_per_addr=8)
    limit = server.ctx.config.login_max_failures_per_addr
    codes = [_login(server.url, f"user{i:03d}", "Password1") for i in range(limit + 10)]
    assert codes[:limit] == [401] * limit and set(codes[limit:]) == {429}


def test_a_right_login_clears_the_usernames_failures(start: StartFn) -> None:
    server = start()
    assert [_login(server.url, "clerk01", "wrong") for _ in range(4)] == [401] * 4
    assert _login(server.url, "clerk01", PASSWORD) == 200
    assert [_login(server.url, "clerk01", "wrong") for _ in range(5)] == [401] * 5
    assert _login(server.url, "clerk01", "wrong") == 429


# -- bodies -----------------------------------------------------------------------------------------
@pytest.fixture
def standalone(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """``python -m backoffice`` in its own process, so its memory can be read from /proc."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'bo.db'}"
    env = {**os.environ, "BACKOFFICE_PASSWORD": PASSWORD}
    subprocess.run([sys.executable, "-m", "backoffice", "--db", db, "--at-rest", "disk", "create-user", "clerk01",
                    "--role", "clerk", "--windows", "W03", "--org", "230102"], check=True, env=env, cwd=ROOT,
                   capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "backoffice", "--db", db, "--at-rest", "disk", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:  # wait for the port: readiness, not a fixed pause
        try:
            if requests.get(url + "/api/v1/health", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def _raw(port: int, head: bytes, body_chunks: Iterator[bytes] | None = None) -> bytes:
    """Sends a request by hand (so the body can be huge or endless) and returns the reply's first bytes."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head)
        if body_chunks is not None:
            try:
                for chunk in body_chunks:
                    s.sendall(chunk)
            except OSError:  # the server answered and closed: that is the point
                pass
        s.settimeout(30)
        reply = b""
        try:
            while b"\r\n\r\n" not in reply:
                data = s.recv(65536)
                if not data:
                    break
                reply += data
        except OSError:
            pass
        return reply


def _chunked(total: int, size: int = 1 << 20) -> Iterator[bytes]:
    sent = 0
    block = b"x" * size
    while sent < total:
        yield f"{size:x}\r\n".encode() + block + b"\r\n"
        sent += size
    yield b"0\r\n\r\n"


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/queue/tickets"])
def test_huge_bodies_are_refused_while_reading_and_memory_stays_flat(standalone: tuple[str, int], path: str) -> None:
    url, pid = standalone
    port = int(url.rsplit(":", 1)[1])
    auth = ""
    if "queue" in path:  # with a valid token, so the cap (not the missing token) is what refuses it
        token = requests.post(url + "/api/v1/auth/login", json={"username": "clerk01", "password": PASSWORD,
                                                                "device_id": "d"}, timeout=30).json()["token"]
        auth = f"Authorization: Bearer {token}\r\n"
    before = _rss_kib(pid)
    declared = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{auth}"
                f"Content-Length: {300 * 1024 * 1024}\r\n\r\n").encode()
    for _ in range(4):
        reply = _raw(port, declared)  # nothing of the body sent: 413 comes before it is read
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    chunked = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{auth}"
               "Transfer-Encoding: chunked\r\n\r\n").encode()
    for _ in range(2):
        reply = _raw(port, chunked, _chunked(300 * 1024 * 1024))
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    growth_mib = (_rss_kib(pid) - before) / 1024
    assert growth_mib < 40, f"server RSS grew {growth_mib:.0f} MiB"
    assert requests.get(url + "/api/v1/health", timeout=10).status_code == 200


def test_deep_json_and_out_of_range_numbers_are_422_not_500(api: Api, server: EmbeddedServer) -> None:
    doc = case_doc()
    assert api.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]}).status_code == 201
    deep = b"[" * 10_000 + b"]" * 10_000
    for path in (f"/api/v1/cases/{doc['case_uuid']}/events", "/api/v1/cases", "/api/v1/evaluations"):
        r = api.post(path, data=deep, headers={"Content-Type": "application/json", "Idempotency-Key": "k"})
        assert r.status_code == 422, (path, r.status_code, r.text[:200])
    sup = Api(server, "sup01")
    for tid in (2**63, 2**64, 10**30):
        r = sup.post(f"/api/v1/queue/tickets/{tid}/start")
        assert r.status_code == 422, (tid, r.text)
        assert sup.get(f"/api/v1/queue/tickets/{tid}").status_code == 422
    import base64

    for number in (2**63, 10**40):
        cursor = base64.urlsafe_b64encode(f"u1:{number}".encode()).decode().rstrip("=")
        r = api.get("/api/v1/case-updates", params={"after": cursor})
        assert r.status_code == 422 and "after" in r.json()["error"]["fields"]
    r = api.get("/api/v1/case-updates", params={"limit": str(10**30)})
    assert r.status_code == 422


def test_one_case_whatever_the_uuid_spelling_and_case_numbers_unique(api: Api, server: EmbeddedServer) -> None:
    doc = case_doc()
    cu = doc["case_uuid"]
    assert api.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": cu}).status_code == 201
    for spelling in (cu.upper(), cu.replace("-", ""), cu.upper().replace("-", "")):
        again = {**doc, "case_uuid": spelling}
        r = api.post("/api/v1/cases", json=again, headers={"Idempotency-Key": spelling})
        assert r.status_code == 200 and r.json()["case_uuid"] == cu, r.text
        assert api.get(f"/api/v1/cases/{spelling}").json()["case_uuid"] == cu
    from backoffice.db import Case

    with server.ctx.db.read() as s:
        assert s.query(Case).count() == 1
    twin = {**doc, "case_uuid": str(uuid.uuid4())}  # another case, the same case number
    r = api.post("/api/v1/cases", json=twin, headers={"Idempotency-Key": twin["case_uuid"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "case_no_taken"
    assert "case_no" in r.json()["error"]["fields"]


def test_logout_revokes_the_token(api: Api, server: EmbeddedServer) -> None:
    other = Api(server)  # a second session of the same operator
    assert api.post("/api/v1/auth/logout").json() == {"status": "logged_out"}
    assert api.get("/api/v1/catalog").status_code == 401
    assert other.get("/api/v1/catalog").status_code == 200


def test_password_change_revokes_every_token(server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    a, b = Api(server), Api(server)
    db = server.ctx.config.db_url
    r = subprocess.run([sys.executable, "-m", "backoffice", "--db", db, "set-password", "clerk01",
                        "--password", "new-pass-123"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0 and "2 token(s) revoked" in r.stdout, r.stderr
    assert a.get("/api/v1/catalog").status_code == 401 and b.get("/api/v1/catalog").status_code == 401
    assert _login(server.url, "clerk01", PASSWORD) == 401
    assert _login(server.url, "clerk01", "new-pass-123") == 200
    from backoffice.__main__ import main

    monkeypatch.setattr(sys, "argv", ["backoffice", "--db", db, "set-password", "nobody", "--password", "x1234"])
    with pytest.raises(SystemExit) as exit_:
        main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "no operator" in err


def test_token_lifetime_is_a_server_setting(start: StartFn) -> None:
    server = start(token_ttl_s=120)
    api = Api(server)
    assert api.get("/api/v1/catalog").status_code == 200
    server.shift_clock(timedelta(seconds=121))
    r = api.get("/api/v1/catalog")
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_expired"


def test_cli_port_out_of_range_is_one_line() -> None:
    r = subprocess.run([sys.executable, "-m", "backoffice", "--port", "99999"], capture_output=True, text=True,
                       cwd=ROOT, timeout=60)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "--port" in r.stderr


# -- queue moves ------------------------------------------------------------------------------------
def test_queue_moves_are_idempotent_under_dropped_answers(start: StartFn, tmp_path: Path) -> None:
    from clerk.queueing import HallClient
    from clerk.queueing.caller import CallerService
    from clerk.queueing.errors import QueueError
    from clerk.queueing.model import WindowState

    server = start(f"sqlite:///{tmp_path / 'faulty.db'}", faults="drop=0.2,seed=11")
    token = None
    for _ in range(50):  # the login itself may lose its answer: try until one gets through
        try:
            token = HallClient(server.url).login("clerk01", PASSWORD, "t")
            break
        except QueueError:
            continue
    assert token
    client = HallClient(server.url, lambda: token, timeout=(2, 5))
    retried: list[float] = []
    caller = CallerService(client, "W03", retries=12, backoff_s=0.001, sleep=retried.append)
    caller.set_window(WindowState.OPEN, ["intake"])
    from backoffice import queue

    issued = [queue.issue_ticket(server.ctx, b'{"service": "intake"}', "230102")["ticket_id"] for _ in range(60)]
    served = []
    while True:
        t = caller.call_next()
        if t is None:
            break
        caller.start()
        caller.finish()
        served.append(t.ticket_id)
    assert served == issued  # every ticket once, in order: no retry called a second person or skipped one
    from sqlalchemy import func, select

    from backoffice.db import QueueCall, Ticket

    with server.ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(QueueCall)).scalar() == len(issued)
        states = dict(s.execute(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
    assert states == {"done": len(issued)}
    assert len(retried) >= 10  # answers really were lost (and the moves retried under their keys)


def test_after_a_restart_the_caller_finds_its_ticket(start: StartFn) -> None:
    from clerk.queueing import HallClient
    from clerk.queueing.caller import CallerService
    from clerk.queueing.model import WindowState

    server = start()
    token = HallClient(server.url).login("clerk01", PASSWORD, "t")
    first = CallerService(HallClient(server.url, lambda: token), "W03")
    first.set_window(WindowState.OPEN, ["intake"])
    Api(server).post("/api/v1/queue/tickets", json={"service": "intake"})
    called = first.call_next()
    assert called is not None
    first.start()
    again = CallerService(HallClient(server.url, lambda: token), "W03")  # the program was restarted
    again.refresh()
    assert again.current is not None and again.current.ticket_id == called.ticket_id
    assert again.finish().state.value == "done"


def test_stuck_tickets_are_released_by_a_supervisor_and_by_the_hall_setting(start: StartFn) -> None:
    from backoffice import queue

    server = start(stuck_after_s=30 * 60)
    clerk, sup = Api(server), Api(server, "sup01")
    assert clerk.put("/api/v1/queue/windows/W03", json={"services": ["intake"], "state": "open"}).status_code == 200
    a = clerk.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
    b = clerk.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
    assert clerk.post("/api/v1/queue/windows/W03/call-next").json()["ticket_id"] == a["ticket_id"]
    r = sup.post(f"/api/v1/queue/tickets/{a['ticket_id']}/release", json={"to": "no_show", "reason": "窗口电脑死机"})
    assert r.status_code == 200 and r.json()["state"] == "no_show"
    assert clerk.post(f"/api/v1/queue/tickets/{a['ticket_id']}/release").status_code == 403
    t = clerk.post("/api/v1/queue/windows/W03/call-next").json()
    assert t["ticket_id"] == b["ticket_id"]
    clerk.post(f"/api/v1/queue/tickets/{b['ticket_id']}/start")
    assert queue.release_stuck(server.ctx) == []  # 0 minutes old
    server.shift_clock(timedelta(minutes=31))
    assert queue.release_stuck(server.ctx) == [b["ticket_no"]]
    after = sup.get(f"/api/v1/queue/tickets/{b['ticket_id']}").json()
    assert after["state"] == "waiting" and after["waiting_ahead"] == 0
    from backoffice.db import AuditEntry

    with server.ctx.db.read() as s:
        done = [(e.username, e.target, e.reason) for e in s.query(AuditEntry).filter_by(action="release-ticket")]
    assert ("sup01", f"{a['ticket_no']} (called at W03)", "窗口电脑死机") in done
    assert any(u == "system" and b["ticket_no"] in tgt and "stuck" in why for u, tgt, why in done)


# -- at rest ----------------------------------------------------------------------------------------
def _files_hold(root: Path, needles: list[bytes]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {n.decode()}" for n in needles if n in data]
    return found


def test_case_data_is_encrypted_at_rest(start: StartFn, tmp_path: Path) -> None:
    server = start()
    api = Api(server)
    doc = case_doc()
    secret = b"%PDF-1.4 secret scan of " + "林保密".encode() + b" " * 5000
    sha = hashlib.sha256(secret).hexdigest()
    doc["materials"][0]["files"] = [{"sha256": sha, "size": len(secret), "media_type": "application/pdf"}]
    assert api.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]}).status_code == 201
    assert api.put(f"/api/v1/cases/{doc['case_uuid']}/files/{sha}", data=secret).status_code == 201
    server.advance(doc["case_uuid"], "in_review")
    needles = ["林保密".encode(), b"11010519491231002X", b"13912345678", "保密街".encode(), b"secret scan"]
    assert _files_hold(tmp_path, needles) == []  # database, WAL and files
    from backoffice.files import read_blob

    assert read_blob(server.ctx, sha) == secret


def test_at_rest_disk_mode_stores_in_clear(start: StartFn, tmp_path: Path) -> None:
    server = start(data_key=None, at_rest="disk")
    api = Api(server)
    doc = case_doc()
    assert api.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]}).status_code == 201
    server.ctx.db.dispose()
    assert _files_hold(tmp_path, ["林保密".encode()])


def test_gen_key_and_a_server_with_that_key(tmp_path: Path) -> None:
    key = tmp_path / "k" / "data.key"
    r = subprocess.run([sys.executable, "-m", "backoffice", "gen-key", str(key)], capture_output=True, text=True,
                       cwd=ROOT, timeout=60)
    assert r.returncode == 0 and oct(key.stat().st_mode & 0o777) == "0o600"
    r = subprocess.run([sys.executable, "-m", "backoffice", "gen-key", str(key)], capture_output=True, text=True,
                       cwd=ROOT, timeout=60)
    assert r.returncode == 2 and "never overwritten" in r.stderr
    bad = tmp_path / "bad.key"
    bad.write_text("short")
    r = subprocess.run([sys.executable, "-m", "backoffice", "--db", f"sqlite:///{tmp_path / 'x.db'}",
                        "--data-key-file", str(bad), "audit"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "key" in r.stderr
