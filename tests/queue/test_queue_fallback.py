"""人工兜底 end to end: the hall server stops, two kiosks (two data dirs, two devices) keep numbering from
their own fallback ranges through ``python -m clerk queue take``, the server comes back on the same
port, the tickets are handed over (twice, and once more after a "crash" before the answer was kept),
and every ticket is called exactly once, in the order it was taken."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from clerk.queueing import CallerService, HallClient

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "hall-secret"


def clerk(*args: str, data_dir: Path, env: dict[str, str] | None = None,
          stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "clerk", *args, "--data-dir", str(data_dir)], capture_output=True,
                          text=True, timeout=120, env=full, input=stdin, cwd=ROOT)


def take(data_dir: Path, url: str, service: str = "intake") -> dict[str, Any]:
    r = clerk("queue", "take", service, "--hall", url, "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "" or "WARNING" in r.stderr, r.stderr
    return dict(json.loads(r.stdout))


@pytest.fixture
def hall_files(tmp_path: Path) -> tuple[str, Path]:
    return f"sqlite:///{tmp_path / 'hall.sqlite3'}", tmp_path / "hall-files"


@pytest.fixture
def running(hall_files: tuple[str, Path]) -> Iterator[list[EmbeddedServer]]:
    servers: list[EmbeddedServer] = []
    yield servers
    for s in servers:
        if s.running:
            s.stop()


def test_two_kiosks_through_an_outage(tmp_path: Path, hall_files: tuple[str, Path],
                                      running: list[EmbeddedServer]) -> None:
    db, files = hall_files
    server = start_server(db, files, sms_dispatch=False)
    running.append(server)
    port, url = server.port, server.url
    server.create_user("kiosk01", PASSWORD, ["kiosk"])
    server.create_user("boss", PASSWORD, ["supervisor"])
    kiosks = {"A": tmp_path / "kiosk-a", "B": tmp_path / "kiosk-b"}
    for name, d in kiosks.items():
        token = server.create_device_token("kiosk01", f"kiosk-{name}")
        r = clerk("queue", "enroll", "--hall", url, data_dir=d, env={"CLERK_KIOSK_TOKEN": token})
        assert r.returncode == 0, r.stderr
        assert "应急号段 X" in r.stdout
    prefixes = {n: json.loads((d / "settings.json").read_text())["queue_fallback_prefix"] for n, d in kiosks.items()}
    assert sorted(prefixes.values()) == ["X1", "X2"]
    pa, pb = prefixes["A"], prefixes["B"]

    first = take(kiosks["A"], url)
    assert first["offline"] is False and first["ticket_no"] == "A001"
    server.stop()
    # —— the hall server is down ——
    off = [take(kiosks["A"], url), take(kiosks["B"], url), take(kiosks["A"], url), take(kiosks["B"], url, "pickup")]
    assert [t["offline"] for t in off] == [True] * 4
    assert [t["ticket_no"] for t in off] == [f"{pa}A001", f"{pb}A001", f"{pa}A002", f"{pb}B001"]
    assert all("应急号" in t["note"] and t["people_ahead"] is None for t in off)
    assert off[0]["status_url"].startswith(url + "/q/")  # the QR already points at its status page
    r = clerk("queue", "reconcile", "--hall", url, data_dir=kiosks["B"])
    assert r.returncode == 2 and "无法连接叫号服务器" in r.stderr and "Traceback" not in r.stderr
    pending = json.loads(clerk("queue", "pending", "--json", data_dir=kiosks["B"]).stdout)
    assert [p["ticket_no"] for p in pending] == [f"{pb}A001", f"{pb}B001"]

    # —— the server comes back on the same address ——
    server = start_server(db, files, port=port, sms_dispatch=False)
    running.append(server)
    again = take(kiosks["A"], url)  # online again: A's fallback tickets are handed over on the way
    assert again["offline"] is False and again["ticket_no"] == "A002"
    assert json.loads(clerk("queue", "pending", "--json", data_dir=kiosks["A"]).stdout) == []
    for _ in range(2):  # reconcile twice on each kiosk
        for d in kiosks.values():
            r = clerk("queue", "reconcile", "--hall", url, "--json", data_dir=d)
            assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"handed": [], "already": [], "conflicts": [], "pending": 0}
    # a kiosk that crashed after handing over but before keeping the answer sends them again: no duplicates
    from dataclasses import asdict, replace

    from clerk.context import AppContext
    from clerk.queueing.fallback import FallbackBook
    from clerk.security.keys import open_db_key
    from clerk.store.models import KeyValueRow

    ctx = AppContext.open(kiosks["B"], db_key=open_db_key(kiosks["B"]))
    try:
        with ctx.store.write() as s:
            for t in FallbackBook(ctx.store).all():
                s.merge(KeyValueRow(key=t.key, value=json.dumps(asdict(replace(t, state="pending")))))
    finally:
        ctx.close()
    r = clerk("queue", "reconcile", "--hall", url, "--json", data_dir=kiosks["B"])
    assert r.returncode == 0 and json.loads(r.stdout)["already"] == [f"{pb}A001", f"{pb}B001"]

    token = HallClient(url).login("boss", PASSWORD, "sup-desk")
    sup = HallClient(url, lambda: token)
    board = sup.board()
    assert board.waiting["intake"] == 5 and board.waiting["pickup"] == 1
    stats = sup.stats()
    assert stats.services["intake"].fallback == 3 and stats.services["pickup"].fallback == 1
    # windows call them: one by its number, the rest in turn
    w1, w2 = CallerService(sup, "W01", retries=0), CallerService(sup, "W02", retries=0)
    w1.open_window(["intake", "pickup"])
    w2.open_window(["intake", "pickup"])
    by_number = w2.call_number(f"{pb}B001")
    assert by_number.fallback and by_number.window == "W02"
    w2.start()
    w2.finish()
    called = [by_number.ticket_no]
    callers = [w1, w2]
    for i in range(10):
        c = callers[i % 2]
        t = c.call_next()
        if t is None:
            break
        called.append(t.ticket_no)
        c.start()
        c.finish()
    assert called[0] == f"{pb}B001"
    assert called[1:] == ["A001", f"{pa}A001", f"{pb}A001", f"{pa}A002", "A002"]  # each once, in order taken
    assert len(set(called)) == len(called) == 6
    assert sup.stats().total_served == 6
    assert {c.ticket_no for c in sup.board().calls} == set(called)


def test_no_fallback_prefix_is_one_clear_line(tmp_path: Path, dead_url: str) -> None:
    from clerk.queueing.access import store_device_token

    r = clerk("queue", "take", "intake", "--hall", dead_url, "--json", data_dir=tmp_path / "k")
    assert r.returncode == 2 and "登录" in r.stderr  # no device token and nobody logged in
    store_device_token(dead_url, "a-device-token")
    r = clerk("queue", "take", "intake", "--hall", dead_url, "--json", data_dir=tmp_path / "k")
    assert r.returncode == 2 and "未设置应急号段" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = clerk("queue", "take", "intake", "--json", data_dir=tmp_path / "k2")
    assert r.returncode == 2 and "hall_url" in r.stderr
