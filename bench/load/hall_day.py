"""Locust scenario: one service hall's day, compressed (run by bench/hall_load.py, not by pytest).

Every rate of a real hall is multiplied by ``HALL_SPEED`` (a day of 8 h in 8 min is 60×), so the
figures are those of a hall ``HALL_SPEED`` times busier than a real one:

- ``WindowUser`` (one per window): call-next, the applicant walks up, start, serve (about 6 min),
  accept a case for 60 % of them (POST /cases, PUT its 2–3 scanned files, GET the case to confirm;
  one in 20 posts the same case again, as a retry after a lost answer does), finish, and an
  evaluation for 30 %;
- ``WorkstationUser`` (one per window PC): a sync pass a minute — case-updates from its cursor, the
  health report; the catalog with If-None-Match every 5 minutes;
- ``KioskUser``: tickets at the pace the windows serve them (priority tickets 10 %, pickup 30 %);
- ``DisplayUser``: the hall display polls the board every second (real time: displays do not speed up);
- ``SupervisorUser``: stats and the table of window PCs.

At the end each process writes what it saw (tickets called, cases created and replayed) to
``HALL_OUT`` for the exactly-once checks the driver makes against the database.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from locust import FastHttpUser, between, constant, events, task

SPEED = float(os.environ.get("HALL_SPEED", "60"))
WINDOWS = int(os.environ.get("HALL_WINDOWS", "50"))
KIOSKS = int(os.environ.get("HALL_KIOSKS", str(max(2, WINDOWS // 10))))
PASSWORD = os.environ.get("HALL_PASSWORD", "s3cret-pass")
ORG = os.environ.get("HALL_ORG", "230102")
OUT = os.environ.get("HALL_OUT", "hall-results.json")
SERVICE_S = 6 * 60.0
"""A real ticket's time at the window (walk up, identify, take in, print): about 6 minutes."""
CST = timezone(timedelta(hours=8))

_lock = threading.Lock()
_windows = itertools.count(1)
_pcs = itertools.count(1)
SEEN: dict[str, Any] = {"called": [], "cases": [], "case_replays": 0, "case_replay_mismatch": 0, "files": 0}


def scaled(real_seconds: float) -> float:
    return real_seconds / SPEED


def _now() -> str:
    return datetime.now(CST).isoformat(timespec="seconds")


class _Logged(FastHttpUser):
    abstract = True
    network_timeout = 60.0
    connection_timeout = 30.0
    username = ""
    token = ""

    def login(self, username: str) -> None:
        """Logs in; a 429 (every simulated PC shares 127.0.0.1, and the per-address limit counts
        logins in flight) is waited out as the workstation's client does (Retry-After)."""
        self.username = username
        for _ in range(20):
            with self.client.post("/api/v1/auth/login", name="login", catch_response=True,
                                  json={"username": username, "password": PASSWORD,
                                        "device_id": f"pc-{username}"}) as r:
                if r.status_code == 429:
                    r.success()
                    time.sleep(float(r.headers.get("Retry-After") or 1) * random.uniform(0.2, 1.0))
                    continue
                if r.status_code != 200:
                    r.failure(f"login {r.status_code}")
                    raise RuntimeError(f"login of {username} failed: {r.status_code}")
                self.token = r.json()["token"]
                return
        raise RuntimeError(f"login of {username}: still 429 after 20 tries")

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class WindowUser(_Logged):
    fixed_count = WINDOWS
    wait_time = constant(0)

    def on_start(self) -> None:
        with _lock:
            self.n = next(_windows)
        self.window = f"W{self.n:02d}"
        self.seq = itertools.count(1)
        self.rng = random.Random(self.n)
        self.login(f"w{self.n:03d}")
        services = ["intake", "pickup"] if self.n % 5 else ["pickup", "intake"]
        self.client.put(f"/api/v1/queue/windows/{self.window}", name="window", headers=self.auth,
                        json={"services": services, "state": "open"})

    def _move(self, ticket_id: int, action: str) -> None:
        self.client.post(f"/api/v1/queue/tickets/{ticket_id}/{action}", name=action, headers=self.auth,
                         json={})

    @task
    def serve_one(self) -> None:
        with self.client.post(f"/api/v1/queue/windows/{self.window}/call-next", name="call-next",
                              headers={**self.auth, "Idempotency-Key": uuid.uuid4().hex}, catch_response=True) as r:
            if r.status_code == 204:
                r.success()
                time.sleep(scaled(30))  # nobody waits: look again in half a minute
                return
            if r.status_code != 200:
                r.failure(f"call-next {r.status_code}: {r.text[:200]}")
                return
            ticket = r.json()
        with _lock:
            SEEN["called"].append(ticket["ticket_id"])
        time.sleep(scaled(self.rng.uniform(20, 60)))  # the applicant walks up
        self._move(ticket["ticket_id"], "start")
        time.sleep(scaled(self.rng.uniform(0.5, 1.5) * SERVICE_S))
        if self.rng.random() < 0.6:
            self._accept_case(ticket["ticket_no"])
        self._move(ticket["ticket_id"], "finish")
        if self.rng.random() < 0.3:
            doc = {"evaluation_uuid": str(uuid.uuid4()), "ticket_no": ticket["ticket_no"], "window": self.window,
                   "operator": self.username, "score": self.rng.choice([5, 5, 5, 4, 3]), "tags": [], "comment": "",
                   "at": _now()}
            self.client.post("/api/v1/evaluations", name="evaluation",
                             headers={**self.auth, "Idempotency-Key": doc["evaluation_uuid"]}, json=doc)

    def _accept_case(self, ticket_no: str) -> None:
        files = []
        for _ in range(self.rng.choice([2, 2, 3])):
            data = b"%PDF-1.4\n" + os.urandom(self.rng.randint(40_000, 250_000))
            files.append((hashlib.sha256(data).hexdigest(), data))
        case_uuid = str(uuid.uuid4())
        today = datetime.now(CST)
        doc = {
            "case_uuid": case_uuid, "case_no": f"{ORG}-{today:%Y%m%d}-{self.window}-{next(self.seq):04d}",
            "bundle_code": "newborn", "catalog_version": "2026.11.1", "situations": {},
            "applicant": {"kind": "person", "name": "张三", "id_type": "cn_ric", "id_number": "11010519491231002X",
                          "phone": "13912345678", "address": "道里区友谊路 1 号"},
            "agent": None, "form": {"child_name": "张小三"},
            "materials": [{"code": f"m{i}", "name": f"材料{i}", "status": "provided", "deadline": None,
                           "files": [{"sha256": sha, "size": len(data), "media_type": "application/pdf", "pages": 1}]}
                          for i, (sha, data) in enumerate(files)],
            "commitment": None, "accepted_at": _now(), "due_date": (today + timedelta(days=7)).date().isoformat(),
            "operator": self.username, "window": self.window, "device_id": f"pc-{self.username}",
            "ticket_no": ticket_no, "delivery": {"method": "window"},
        }
        headers = {**self.auth, "Idempotency-Key": case_uuid}
        with self.client.post("/api/v1/cases", name="POST /cases", headers=headers, json=doc,
                              catch_response=True) as r:
            if r.status_code != 201:
                r.failure(f"case {r.status_code}: {r.text[:200]}")
                return
            receipt = r.json()
        with _lock:
            SEEN["cases"].append(case_uuid)
        by_sha = dict(files)
        for sha in receipt["missing_files"]:
            with self.client.put(f"/api/v1/cases/{case_uuid}/files/{sha}", name="PUT file", data=by_sha[sha],
                                 headers={**self.auth, "Content-Type": "application/pdf"}, catch_response=True) as r:
                if r.status_code not in (200, 201):
                    r.failure(f"file {r.status_code}")
                else:
                    with _lock:
                        SEEN["files"] += 1
        with self.client.get(f"/api/v1/cases/{case_uuid}", name="GET case", headers=self.auth,
                             catch_response=True) as r:
            if r.status_code != 200 or r.json()["missing_files"]:
                r.failure(f"case not complete: {r.status_code} {r.text[:200]}")
        if self.rng.random() < 0.05:  # a retry after a lost answer: the same key, the same document
            with self.client.post("/api/v1/cases", name="POST /cases (retry)", headers=headers, json=doc,
                                  catch_response=True) as r:
                same = r.status_code == 200 and r.json()["platform_case_id"] == receipt["platform_case_id"]
                with _lock:
                    SEEN["case_replays"] += 1
                    SEEN["case_replay_mismatch"] += 0 if same else 1
                if not same:
                    r.failure(f"replay {r.status_code}")


class WorkstationUser(_Logged):
    """A window PC's sync worker: one pass a (scaled) minute."""

    fixed_count = WINDOWS

    def wait_time(self) -> float:
        return scaled(60.0) * random.uniform(0.8, 1.2)

    def on_start(self) -> None:
        with _lock:
            self.n = next(_pcs)
        self.login(f"w{self.n:03d}")
        self.cursor: str | None = None
        self.etag: str | None = None
        self.passes = 0

    @task
    def sync_pass(self) -> None:
        params = {"limit": "200", **({"after": self.cursor} if self.cursor else {})}
        r = self.client.get("/api/v1/case-updates", name="case-updates", headers=self.auth, params=params)
        if r.status_code == 200:
            self.cursor = r.json()["next"]
        if self.passes % 5 == 0:
            headers = {**self.auth, **({"If-None-Match": self.etag} if self.etag else {})}
            with self.client.get("/api/v1/catalog", name="catalog", headers=headers, catch_response=True) as c:
                if c.status_code in (200, 304):
                    self.etag = c.headers.get("ETag") or self.etag
                    c.success()
                else:
                    c.failure(f"catalog {c.status_code}")
        report = {"version": "0.1.0", "window": f"W{self.n:02d}",
                  "outbox": {"pending": random.randint(0, 3), "parked": 0}, "last_sync_at": _now(),
                  "devices": [{"kind": "scanner", "name": "test:0", "state": "ok"}], "reported_at": _now()}
        self.client.post(f"/api/v1/workstations/pc-{self.username}/health", name="health", headers=self.auth,
                         json=report)
        self.passes += 1


class KioskUser(_Logged):
    """Tickets at the pace the windows serve them: WINDOWS tickets per scaled service time."""

    fixed_count = KIOSKS

    def wait_time(self) -> float:
        per_ticket = scaled(SERVICE_S * 1.15) / WINDOWS  # about the pace the windows serve at
        return per_ticket * KIOSKS * random.uniform(0.5, 1.5)

    def on_start(self) -> None:
        self.login("kiosk")
        for _ in range(WINDOWS // KIOSKS):  # the hall opens with people waiting
            self.take()

    @task
    def take(self) -> None:
        r = random.random()
        body: dict[str, Any] = {"service": "pickup" if r < 0.3 else "intake"}
        if r > 0.9:
            body["priority"] = "elderly"
        self.client.post("/api/v1/queue/tickets", name="ticket", headers=self.auth, json=body)


class DisplayUser(_Logged):
    fixed_count = 2
    wait_time = constant(1.0)

    def on_start(self) -> None:
        self.login("display")

    @task
    def board(self) -> None:
        self.client.get("/api/v1/queue/board", name="board", headers=self.auth)


class SupervisorUser(_Logged):
    fixed_count = 1
    wait_time = between(2.0, 4.0)

    def on_start(self) -> None:
        self.login("sup01")

    @task(3)
    def stats(self) -> None:
        self.client.get("/api/v1/queue/stats", name="stats", headers=self.auth)

    @task(1)
    def workstations(self) -> None:
        self.client.get("/api/v1/workstations", name="workstations", headers=self.auth)


@events.quitting.add_listener
def _write_results(environment: Any, **_kw: Any) -> None:
    with _lock, open(OUT, "w", encoding="utf-8") as f:
        json.dump(SEEN, f)


USERS = WINDOWS * 2 + KIOSKS + 2 + 1
"""How many users the driver starts (every class has a fixed count)."""
