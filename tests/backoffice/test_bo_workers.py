"""``python -m backoffice --workers 4`` on PostgreSQL: every piece of shared state is in the database.

The server is a real subprocess with four uvicorn workers on one listening socket. Each reply says
which worker answered (``X-Backoffice-Worker``); a ``requests.Session`` keeps its connection, so a
session is pinned to one worker. ``pinned()`` opens connections until it holds sessions on every
worker, and every request checks it was answered by the worker it was meant for.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from backoffice import schema
from backoffice.auth import create_user
from backoffice.crypto import generate_key_file
from backoffice.db import Database, QueueCall, Ticket
from tests.helpers.backoffice import PASSWORD

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
WINDOWS = [f"W{i:02d}" for i in range(1, 21)]


@dataclass
class Hall:
    url: str
    db_url: str
    proc: subprocess.Popen[str]


@pytest.fixture(scope="module")
def hall(postgres: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    base = tmp_path_factory.mktemp("workers")
    db_url = postgres.new_database()
    files = base / "files"
    db = Database(db_url)
    schema.prepare(db)  # the server migrates too; users need the tables first
    with db.write() as s:
        for name, roles, windows in (("clerk01", ["clerk"], ["W03"]), ("victim", ["clerk"], ["W04"]),
                                     ("sup01", ["supervisor"], []), ("caller", ["clerk"], WINDOWS)):
            create_user(s, name, PASSWORD, roles, None, windows, "230102")
    db.dispose()
    generate_key_file(base / "data.key")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = open(base / "server.log", "w")  # noqa: SIM115  (closed after the server)
    proc = subprocess.Popen(
        [sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir", str(files), "--port", str(port),
         "--workers", str(WORKERS), "--data-key-file", str(base / "data.key"), "--workstation-version", "0.2.0"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:  # readiness: the port answers (no fixed pause)
        try:
            if requests.get(url + "/api/v1/health", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            pass
        assert proc.poll() is None, (base / "server.log").read_text()
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield Hall(url, db_url, proc)
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


class Pinned:
    """A client whose connection (and so every request) stays with one worker."""

    def __init__(self, url: str, worker: str, http: requests.Session) -> None:
        self.url, self.worker, self.http = url, worker, http

    def request(self, method: str, path: str, token: str | None = None, **kw: Any) -> requests.Response:
        headers = dict(kw.pop("headers", {}))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        r = self.http.request(method, self.url + path, headers=headers, timeout=60, **kw)
        assert r.headers["X-Backoffice-Worker"] == self.worker, "the connection moved to another worker"
        return r

    def login(self, username: str, password: str = PASSWORD) -> requests.Response:
        return self.request("POST", "/api/v1/auth/login",
                            json={"username": username, "password": password, "device_id": "dev-" + username})


def pinned(url: str, per_worker: int = 1, attempts: int = 2000) -> dict[str, list[Pinned]]:
    """``per_worker`` pinned clients on each of the WORKERS workers (fails if the kernel never hands
    a new connection to some worker within ``attempts`` connections)."""
    out: dict[str, list[Pinned]] = {}
    held: list[requests.Session] = []
    try:
        for _ in range(attempts):
            http = requests.Session()
            adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=1)
            http.mount("http://", adapter)
            worker = http.get(url + "/api/v1/health", timeout=30).headers["X-Backoffice-Worker"]
            if len(out.setdefault(worker, [])) < per_worker:
                out[worker].append(Pinned(url, worker, http))
            else:
                held.append(http)  # keep it open meanwhile, so new connections spread
            if len(out) == WORKERS and all(len(v) == per_worker for v in out.values()):
                return out
        raise AssertionError(f"found only {sorted((k, len(v)) for k, v in out.items())} in {attempts} connections")
    finally:
        for http in held:
            http.close()


def test_four_worker_processes_answer(hall: Hall) -> None:
    assert len(pinned(hall.url)) == WORKERS


def test_a_token_from_one_worker_is_valid_on_every_worker(hall: Hall) -> None:
    clients = [c[0] for c in pinned(hall.url).values()]
    token = clients[0].login("clerk01").json()["token"]
    for c in clients:
        r = c.request("GET", "/api/v1/queue/windows/W03", token)
        assert r.status_code == 200, (c.worker, r.text)


def test_five_failed_logins_give_429_whichever_worker_answers(hall: Hall) -> None:
    clients = [c[0] for c in pinned(hall.url).values()]
    codes = [clients[i % WORKERS].login("victim", "wrong-guess").status_code for i in range(5)]
    assert codes == [401] * 5  # spread over the four workers: one count
    for c in clients:
        r = c.login("victim", "wrong-guess")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1, (c.worker, r.status_code)
        assert c.login("victim").status_code == 429  # even the right password waits


def test_logout_on_one_worker_revokes_the_token_on_every_worker(hall: Hall) -> None:
    a, b, c, d = (v[0] for v in pinned(hall.url).values())
    token = a.login("clerk01").json()["token"]
    assert b.request("GET", "/api/v1/queue/board", token).status_code == 200
    assert c.request("POST", "/api/v1/auth/logout", token).status_code == 200
    for client in (a, b, c, d):
        assert client.request("GET", "/api/v1/queue/board", token).status_code == 401, client.worker


def test_call_next_is_exactly_once_across_workers(hall: Hall) -> None:
    per_worker = len(WINDOWS) // WORKERS
    groups = pinned(hall.url, per_worker=per_worker)
    callers = [c for group in groups.values() for c in group]
    token = callers[0].login("caller").json()["token"]
    for window, c in zip(WINDOWS, callers, strict=True):
        assert c.request("PUT", f"/api/v1/queue/windows/{window}", token,
                         json={"services": ["intake", "pickup"], "state": "open"}).status_code == 200
    issued = {}
    for i in range(240):
        r = callers[i % len(callers)].request("POST", "/api/v1/queue/tickets", token,
                                              json={"service": "intake" if i % 3 else "pickup"})
        assert r.status_code == 201, r.text
        issued[r.json()["ticket_id"]] = r.json()["ticket_no"]
    start = threading.Barrier(len(callers))
    called: dict[str, list[int]] = {w: [] for w in WINDOWS}
    errors: list[str] = []

    def work(window: str, client: Pinned) -> None:
        start.wait()
        while True:
            r = client.request("POST", f"/api/v1/queue/windows/{window}/call-next", token,
                               headers={"Idempotency-Key": str(uuid.uuid4())})
            if r.status_code == 204:
                return
            if r.status_code != 200:
                errors.append(f"{window}: {r.status_code} {r.text[:200]}")
                return
            called[window].append(r.json()["ticket_id"])

    threads = [threading.Thread(target=work, args=(w, c)) for w, c in zip(WINDOWS, callers, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    every = [tid for ids in called.values() for tid in ids]
    assert sorted(every) == sorted(issued)  # every ticket called, none twice
    by_worker: dict[str, int] = {}
    for window, c in zip(WINDOWS, callers, strict=True):
        by_worker[c.worker] = by_worker.get(c.worker, 0) + len(called[window])
    assert len(by_worker) == WORKERS
    db = Database(hall.db_url)
    try:
        with db.read() as s:
            assert s.execute(select(func.count()).select_from(QueueCall)).scalar_one() == len(issued)
            assert s.execute(select(func.count(func.distinct(QueueCall.ticket_id)))).scalar_one() == len(issued)
            assert s.execute(select(func.count()).where(Ticket.state == "called")).scalar_one() == len(issued)
    finally:
        db.dispose()


def test_metrics_sum_every_worker_and_read_the_database(hall: Hall) -> None:
    clients = [c[0] for c in pinned(hall.url).values()]
    token = clients[0].login("clerk01").json()["token"]

    def count(text: str) -> float:
        prefix = 'backoffice_http_requests_total{method="GET",route="/api/v1/queue/board",status="200"} '
        return next((float(line[len(prefix):]) for line in text.splitlines() if line.startswith(prefix)), 0.0)

    before = count(clients[0].request("GET", "/metrics").text)
    for c in clients:
        for _ in range(3):
            assert c.request("GET", "/api/v1/queue/board", token).status_code == 200
    for c in clients:  # whichever worker answers the scrape, it sums all four
        text = c.request("GET", "/metrics").text
        assert count(text) == before + 3 * WORKERS, c.worker
        assert "backoffice_queue_waiting" in text and "backoffice_files_bytes" in text


def test_a_health_report_on_one_worker_is_in_the_table_on_another(hall: Hall) -> None:
    a, b, *_ = (v[0] for v in pinned(hall.url).values())
    token = a.login("clerk01").json()["token"]
    report = {"version": "0.1.0", "window": "W03", "outbox": {"pending": 7, "parked": 1,
                                                             "oldest_pending_at": "2026-12-01T09:00:00+08:00"},
              "last_sync_at": "2026-12-01T09:30:00+08:00",
              "devices": [{"kind": "printer", "name": "A4", "state": "missing"}],
              "reported_at": "2026-12-01T09:31:00+08:00"}
    r = a.request("POST", "/api/v1/workstations/dev-clerk01/health", token, json=report)
    assert r.status_code == 200 and r.json()["update"]["state"] == "available"
    sup = b.login("sup01").json()["token"]
    table = b.request("GET", "/api/v1/workstations", sup).json()
    row = next(i for i in table["items"] if i["device_id"] == "dev-clerk01")
    assert row["outbox"]["pending"] == 7 and row["window"] == "W03" and row["update"] == "available"
    lines = b.request("GET", "/metrics").text.splitlines()
    assert any(line.startswith("window_clerk_outbox_pending{") and 'device="dev-clerk01"' in line
               and line.endswith(" 7.0") for line in lines)
