"""The hall client, the ticket lifecycle, the caller and supervision against a real hall server."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from clerk import events as ev
from clerk.queueing import (
    BoardWatcher,
    CallerService,
    HallClient,
    IllegalTicketMove,
    Move,
    NoCurrentTicket,
    Priority,
    Rejected,
    SupervisorService,
    Thresholds,
    TicketState,
    Unreachable,
    WindowNotOpen,
    WindowState,
    announcement,
    lifecycle,
    window_label,
)
from clerk.queueing.report import export_day
from clerk.queueing.speech import levels, render_announcement


def test_announcement_text() -> None:
    assert announcement("A012", "W03") == "请 A012 号到 3 号窗口办理"
    assert window_label("W10") == "10 号窗口"
    assert window_label("VIP") == "VIP 窗口"


def test_lifecycle_table() -> None:
    assert lifecycle.target(TicketState.CALLED, Move.START) is TicketState.SERVING
    assert lifecycle.target(TicketState.SERVING, Move.TRANSFER) is TicketState.WAITING
    with pytest.raises(IllegalTicketMove, match="办理中.*过号"):
        lifecycle.target(TicketState.SERVING, Move.NO_SHOW)
    for final in lifecycle.FINAL:
        assert not lifecycle.allowed(final)


def test_client_moves(client: HallClient) -> None:
    client.put_window("W03", ["intake"], WindowState.OPEN)
    t1 = client.issue_ticket("intake")
    assert t1.ticket_no == "A001" and t1.state is TicketState.WAITING and t1.waiting_ahead == 0
    elderly = client.issue_ticket("intake", Priority.ELDERLY)
    called = client.call_next("W03")
    assert called is not None and called.ticket_no == elderly.ticket_no and called.state is TicketState.CALLED
    assert client.recall(called.ticket_id).state is TicketState.CALLED
    assert client.start(called.ticket_id).state is TicketState.SERVING
    assert client.finish(called.ticket_id).state is TicketState.DONE
    nxt = client.call_next("W03")
    assert nxt is not None and nxt.ticket_no == "A001"
    assert client.no_show(nxt.ticket_id).state is TicketState.NO_SHOW
    assert client.call_next("W03") is None  # 204
    with pytest.raises(IllegalTicketMove):
        client.start(nxt.ticket_id)  # 409 from the server
    board = client.board()
    assert [c.ticket_no for c in board.calls][:2] == ["A001", elderly.ticket_no]
    stats = client.stats()
    assert stats.services["intake"].served == 1 and stats.services["intake"].no_shows == 1
    assert stats.windows["W03"].served == 1


def test_client_errors(client: HallClient, hall, dead_url: str) -> None:  # type: ignore[no-untyped-def]
    client.put_window("W05", ["intake"], WindowState.PAUSED)
    with pytest.raises(WindowNotOpen, match="未开放"):
        client.call_next("W05")
    with pytest.raises(Rejected) as err:
        client.issue_ticket("nope")
    assert err.value.status == 422 and "service" in err.value.fields
    with pytest.raises(Unreachable) as down:
        HallClient(dead_url, lambda: "x").board()
    assert "无法连接叫号服务器" in down.value.message and "受理业务不受影响" in down.value.message


def test_appointment_ticket(client: HallClient, hall) -> None:  # type: ignore[no-untyped-def]
    hall.create_appointment("YY-1", "intake")
    t = client.issue_ticket("intake", Priority.APPOINTMENT, "YY-1")
    assert t.priority is Priority.APPOINTMENT
    with pytest.raises(Rejected):
        client.issue_ticket("intake", Priority.APPOINTMENT, "YY-1")  # already checked in


def test_caller_service(client_for, hall) -> None:  # type: ignore[no-untyped-def]
    bus = ev.EventBus()
    seen: list[object] = []
    bus.subscribe(ev.QueueChanged, lambda e: seen.append(e.ticket.as_dict() if e.ticket else None))
    kiosk = client_for("boss")
    caller = CallerService(client_for(), "W03", bus)
    with pytest.raises(NoCurrentTicket):
        caller.recall()
    caller.open_window(["intake", "pickup"])
    assert caller.call_next() is None
    a = kiosk.issue_ticket("intake")
    b = kiosk.issue_ticket("pickup")
    t = caller.call_next()
    assert t is not None and t.ticket_no == a.ticket_no and caller.current == t
    assert seen[-1] == t.as_dict()
    with pytest.raises(IllegalTicketMove, match="请先办结"):
        caller.call_next()
    with pytest.raises(IllegalTicketMove, match="不能办结"):
        caller.finish()  # refused locally: no request made
    caller.recall()
    caller.start()
    with pytest.raises(IllegalTicketMove):
        caller.no_show()
    moved = caller.transfer(service="consult")
    assert moved.state is TicketState.WAITING and moved.service == "consult" and caller.current is None
    t2 = caller.call_next()
    assert t2 is not None and t2.ticket_no == b.ticket_no
    caller.transfer(window="W07")
    assert client_for().get_window("W03").current_ticket is None
    client_for().put_window("W07", ["pickup"], WindowState.OPEN)
    at7 = client_for().call_next("W07")
    assert at7 is not None and at7.ticket_no == b.ticket_no
    caller.pause_window()
    assert caller.window_info is not None and caller.window_info.state is WindowState.PAUSED
    assert caller.window_info.services == ("intake", "pickup")
    with pytest.raises(WindowNotOpen):
        caller.call_next()
    assert caller.online is True


def test_caller_unreachable(dead_url: str) -> None:
    bus = ev.EventBus()
    seen: list[object] = []
    bus.subscribe(ev.QueueChanged, lambda e: seen.append(e.ticket.as_dict() if e.ticket else None))
    caller = CallerService(HallClient(dead_url, lambda: "t", timeout=(0.5, 1)), "W03", bus)
    with pytest.raises(Unreachable, match="无法连接叫号服务器"):
        caller.call_next()
    assert caller.online is False and seen == [None]


def test_supervisor_alerts_tidal_reassign(client_for, hall) -> None:  # type: ignore[no-untyped-def]
    c = client_for("boss")
    clock = [1_800_000_000.0]
    sup = SupervisorService(c, Thresholds(display_wait_min=0, tidal_wait_min=10, paused_min=5),
                            now=lambda: clock[0])
    c.put_window("W01", ["intake"], WindowState.OPEN)
    c.put_window("W02", ["pickup"], WindowState.PAUSED)
    c.put_window("W04", ["consult"], WindowState.CLOSED)
    for _ in range(4):
        c.issue_ticket("intake")
    # three no-shows in a row at W01, each seen by a snapshot
    sup.refresh()
    for _ in range(3):
        t = c.call_next("W01")
        assert t is not None
        sup.refresh()
        c.no_show(t.ticket_id)
        sup.refresh()
    for _ in range(8):
        c.issue_ticket("intake")
    clock[0] += 6 * 60
    snap = sup.refresh()
    kinds = {(a.kind.value, a.subject) for a in snap.alerts}
    assert ("long_wait", "intake") in kinds
    assert ("paused_too_long", "W02") in kinds
    assert ("no_show_streak", "W01") in kinds
    # 9 waiting × 300 s (nobody finished yet) ÷ 1 window = 45 min > 10
    assert snap.expected_wait_min("intake") == pytest.approx(45.0)
    tidal = [s for s in snap.suggestions if s.service == "intake"]
    assert tidal and tidal[0].window == "W02" and tidal[0].services == ("intake",)
    assert "潮汐窗口" in tidal[0].message
    info = sup.apply(tidal[0])
    assert info.state is WindowState.OPEN and info.services == ("intake",)
    assert c.get_window("W02").services == ("intake",)
    after = sup.refresh()
    assert not any(a.kind.value == "paused_too_long" for a in after.alerts)
    assert after.expected_wait_min("intake") == pytest.approx(22.5)


def test_excel_export(client_for, hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    c = client_for("boss")
    c.put_window("W01", ["intake"], WindowState.OPEN)
    for _ in range(3):
        c.issue_ticket("intake")
    t = c.call_next("W01")
    assert t is not None
    c.start(t.ticket_id)
    c.finish(t.ticket_id)
    snap = SupervisorService(c).refresh()
    path = export_day(snap, tmp_path / "day.xlsx", "测试大厅")
    wb = load_workbook(path)
    assert wb.sheetnames == ["业务", "窗口", "按小时", "提醒"]
    rows = {r[1]: r for r in wb["业务"].iter_rows(min_row=3, values_only=True)}
    assert rows["intake"][0] == "综合受理" and rows["intake"][2] == 2 and rows["intake"][6] == 1
    win = list(wb["窗口"].iter_rows(min_row=3, values_only=True))
    assert win[0][:3] == ("1 号窗口", "W01", "开放") and win[0][5] == 1
    hours = list(wb["按小时"].iter_rows(min_row=3, values_only=True))
    assert hours and hours[0][1] == 2 and hours[0][2] == 1


def test_board_watcher_and_speech(client: HallClient, tmp_path: Path) -> None:
    client.put_window("W03", ["intake"], WindowState.OPEN)
    watcher = BoardWatcher()
    assert watcher.update(client.board()) == []
    client.issue_ticket("intake")
    t = client.call_next("W03")
    assert t is not None
    fresh = watcher.update(client.board())
    assert [a.text for a in fresh] == [f"请 {t.ticket_no} 号到 3 号窗口办理"]
    assert watcher.update(client.board()) == []
    client.recall(t.ticket_id)
    assert len(watcher.update(client.board())) == 1  # a recall is announced again
    wav = render_announcement(fresh[0].spoken, tmp_path / "a.wav")
    with wave.open(str(wav)) as w:
        assert w.getnchannels() == 1 and w.getnframes() / w.getframerate() > 2.0
    rms, peak = levels(wav)
    assert rms > 500 and peak > 5000
