"""Park (暂挂) and call a chosen ticket (指定叫号) through the real server: states, idempotency, audit, races."""

from __future__ import annotations

import threading
from typing import Any

from tests.backoffice.queue2_helpers import call_next, open_window, start_hall, take
from tests.helpers.backoffice import Api, StartFn


def park(api: Api, tid: int, expect: int = 200, key: str | None = None) -> dict[str, Any]:
    r = api.post(f"/api/v1/queue/tickets/{tid}/park", headers={"Idempotency-Key": key} if key else {})
    assert r.status_code == expect, r.text
    return dict(r.json())


def call(api: Api, window: str, no: str, expect: int = 200, key: str | None = None) -> dict[str, Any]:
    r = api.post(f"/api/v1/queue/windows/{window}/call", json={"ticket_no": no},
                 headers={"Idempotency-Key": key} if key else {})
    assert r.status_code == expect, r.text
    return dict(r.json())


def test_park_then_call_back(start: StartFn) -> None:
    server = start_hall(start)
    clerk = Api(server, "clerk01")  # W03
    open_window(clerk, "W03")
    a1, a2, a3 = take(clerk), take(clerk), take(clerk)
    t = call_next(clerk, "W03")
    assert t is not None and t["ticket_no"] == a1["ticket_no"]
    parked = park(clerk, t["ticket_id"])
    assert parked["state"] == "parked" and parked["window"] == "W03" and parked["parked_at"]
    assert park(clerk, t["ticket_id"])["state"] == "parked"  # the same move again: 200
    w = clerk.get("/api/v1/queue/windows/W03").json()
    assert w["current_ticket"] is None and [p["ticket_no"] for p in w["parked"]] == [a1["ticket_no"]]
    # call-next passes the parked ticket by
    nxt = call_next(clerk, "W03")
    assert nxt is not None and nxt["ticket_no"] == a2["ticket_no"]
    serving = clerk.post(f"/api/v1/queue/tickets/{nxt['ticket_id']}/start").json()
    assert park(clerk, serving["ticket_id"])["state"] == "parked"  # a ticket being served can be parked too
    back = call(clerk, "W03", a1["ticket_no"])
    assert back["state"] == "called" and back["window"] == "W03" and back["ticket_id"] == a1["ticket_id"]
    assert clerk.get("/api/v1/queue/board").json()["calls"][0]["ticket_no"] == a1["ticket_no"]
    # a waiting ticket out of turn
    out = call(clerk, "W03", a3["ticket_no"])
    assert out["state"] == "called"
    assert clerk.get("/api/v1/queue/board").json()["waiting"]["intake"] == 0
    stats = clerk.get("/api/v1/queue/stats").json()["services"]["intake"]
    assert stats["parked"] == 1 and stats["waiting"] == 0
    # parked, then the person never came back: no-show
    assert clerk.post(f"/api/v1/queue/tickets/{a2['ticket_id']}/no-show").json()["state"] == "no_show"


def test_call_refusals(start: StartFn) -> None:
    server = start_hall(start)
    clerk = Api(server, "clerk01")
    open_window(clerk, "W03")
    t = take(clerk)
    r = clerk.post("/api/v1/queue/windows/W03/call", json={"ticket_no": "A999"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_ticket"
    r = clerk.post("/api/v1/queue/windows/W03/call", json={"ticket_no": "a001; drop"})
    assert r.status_code == 422 and "ticket_no" in r.json()["error"]["fields"]
    call(clerk, "W03", t["ticket_no"])
    started = clerk.post(f"/api/v1/queue/tickets/{t['ticket_id']}/start").json()
    clerk.post(f"/api/v1/queue/tickets/{started['ticket_id']}/finish")
    r = clerk.post("/api/v1/queue/windows/W03/call", json={"ticket_no": t["ticket_no"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "illegal_move"
    # parking is for a called or served ticket
    w = take(clerk)
    r = clerk.post(f"/api/v1/queue/tickets/{w['ticket_id']}/park")
    assert r.status_code in (403, 409)  # a waiting ticket is not the window's (403 for a clerk)
    open_window(clerk, "W03", state="closed")
    r = clerk.post("/api/v1/queue/windows/W03/call", json={"ticket_no": w["ticket_no"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "window_not_open"


def test_call_is_idempotent_and_audited(start: StartFn) -> None:
    server = start_hall(start)
    clerk = Api(server, "clerk01")
    open_window(clerk, "W03")
    t = take(clerk)
    first = call(clerk, "W03", t["ticket_no"], key="press-1")
    again = call(clerk, "W03", t["ticket_no"], key="press-1")
    lost = call(clerk, "W03", t["ticket_no"])  # no key: the same call at the same window is a replay
    assert first["ticket_id"] == again["ticket_id"] == lost["ticket_id"]
    calls = clerk.get("/api/v1/queue/board").json()["calls"]
    assert [c["ticket_no"] for c in calls] == [t["ticket_no"]]  # called once
    k1 = park(clerk, t["ticket_id"], key="park-1")
    k2 = park(clerk, t["ticket_id"], key="park-1")
    assert k1 == k2
    entries = Api(server, "admin01").get("/api/v1/audit", params={"limit": 1000}).json()["items"]
    done = [e for e in entries if e["action"] == "call-ticket"]
    assert len(done) == 1 and done[0]["username"] == "clerk01" and done[0]["target"] == f"{t['ticket_no']} at W03"


def race(apis: list[Api], windows: list[str], no: str) -> dict[str, int]:
    """Every window calls ``no`` at the same moment; the status each got."""
    barrier = threading.Barrier(len(windows))
    results: dict[str, int] = {}
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        r = apis[i].post(f"/api/v1/queue/windows/{windows[i]}/call", json={"ticket_no": no})
        with lock:
            results[windows[i]] = r.status_code

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(windows))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results


def test_two_windows_race_for_one_parked_ticket(start: StartFn, db_url: str) -> None:
    server = start_hall(start, db_url=db_url)
    sup = Api(server, "sup01")
    windows = [f"W{i:02d}" for i in range(1, 9)]
    for w in windows:
        open_window(sup, w)
    rounds = 5
    for _ in range(rounds):
        t = take(sup)
        called = call_next(sup, "W01")
        assert called is not None and called["ticket_id"] == t["ticket_id"]
        park(sup, t["ticket_id"])
        results = race([sup.clone() for _ in windows], windows, t["ticket_no"])
        winners = [w for w, code in results.items() if code == 200]
        assert len(winners) == 1 and sorted(results.values()).count(409) == len(windows) - 1, results
        ticket = sup.get(f"/api/v1/queue/tickets/{t['ticket_id']}").json()
        assert ticket["state"] == "called" and ticket["window"] == winners[0]
        sup.post(f"/api/v1/queue/tickets/{t['ticket_id']}/start")
        sup.post(f"/api/v1/queue/tickets/{t['ticket_id']}/finish")
    board = sup.get("/api/v1/queue/board").json()["calls"]
    assert len(board) == 2 * rounds  # each: one call-next, one call back — never two


def test_fallback_numbers_are_looked_up(start: StartFn) -> None:
    server = start_hall(start)
    clerk = Api(server, "clerk01")
    r = clerk.get("/api/v1/queue/tickets", params={"number": "X1A003"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_ticket"
    assert clerk.get("/api/v1/queue/tickets", params={"number": "X1-A003"}).status_code == 422
