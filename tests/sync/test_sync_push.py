"""Pushing the outbox against the real back office: faults, parking, login loss, restart after backoff."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer
from clerk.events import SyncProgress
from clerk.store.models import CaseRow, OutboxRow
from clerk.sync import SyncState, SyncWorker
from tests.helpers.sync import (
    PASSWORD,
    USER,
    StartFn,
    assert_files_intact,
    copy_data_dir,
    logged_in_engine,
    open_ctx,
    outbox_states,
    server_cases,
)


def _wait_until_drained(ctx: Any, worker: SyncWorker, timeout: float) -> SyncState:
    """Waits (on SyncProgress, no polling sleeps) until nothing is pending; returns the last state."""
    done = threading.Event()
    last: list[SyncState] = []

    def on_progress(event: SyncProgress) -> None:
        state = event.state
        last.append(state)
        if state.pending == 0 and not state.running:
            done.set()

    ctx.events.subscribe(SyncProgress, on_progress)
    try:
        worker.start()
        assert done.wait(timeout), f"still pending after {timeout}s: {last[-1] if last else None}"
    finally:
        worker.stop()
        ctx.events.unsubscribe(SyncProgress, on_progress)
    return last[-1]


@pytest.mark.slow
def test_500_cases_sync_exactly_once_through_faults(
    cases_500: tuple[Path, list[str]], tmp_path: Path, start: StartFn
) -> None:
    template, uuids = cases_500
    server = start(faults="drop=0.1,error500=0.06,error503=0.03,error429=0.03,slow=0.03,slow_s=0.05,seed=7")
    ctx = open_ctx(copy_data_dir(template, tmp_path / "data"))
    try:
        engine = logged_in_engine(ctx, server, max_consecutive_transient=50)
        state = _wait_until_drained(ctx, SyncWorker(engine, interval_s=5.0, min_wait_s=0.01), timeout=330)
        assert state.parked == 0 and state.online
        assert outbox_states(ctx) == {"done": 500}
        on_server = server_cases(server)
        assert sorted(on_server) == sorted(uuids)  # each case exactly once, none extra
        with ctx.store.read() as s:
            local = {r.case_uuid: r.platform_case_id for r in s.query(CaseRow).all()}
            payloads = {r.case_uuid: r.payload for r in s.query(OutboxRow).all()}
        for case_uuid, (platform_id, _status, document) in on_server.items():
            assert local[case_uuid] == platform_id
            assert document["case_no"] == payloads[case_uuid]["case_no"]
            sent = [f["sha256"] for m in payloads[case_uuid]["materials"] for f in m["files"]]
            assert [f["sha256"] for m in document["materials"] for f in m["files"]] == sent
        assert assert_files_intact(server) >= 500
        attempts = [r.attempts for r in _rows(ctx)]
        assert max(attempts) >= 1  # the faults really hit
    finally:
        ctx.close()


def _rows(ctx: Any) -> list[OutboxRow]:
    with ctx.store.read() as s:
        return list(s.query(OutboxRow).order_by(OutboxRow.id).all())


def _small(cases_40: tuple[Path, list[str]], tmp_path: Path, n: int) -> Any:
    """A data dir with the first ``n`` of the 40 template cases pending (the rest already done)."""
    template, uuids = cases_40
    ctx = open_ctx(copy_data_dir(template, tmp_path / "data"))
    with ctx.store.write() as s:
        for row in s.query(OutboxRow).all():
            if row.case_uuid not in uuids[:n]:
                s.delete(row)
    return ctx


def test_conflict_409_parks_with_message_and_others_go_on(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    ctx = _small(cases_40, tmp_path, 3)
    try:
        engine = logged_in_engine(ctx, server)
        assert engine.run_once().pushed == 3
        first = _rows(ctx)[0]
        with ctx.store.write() as s:  # same key, a different document
            row = s.get(OutboxRow, first.id)
            doc = dict(row.payload)
            doc["form"] = {**doc["form"], "tampered": "yes"}
            row.payload, row.state = doc, "pending"
        result = engine.run_once()
        assert result.parked == 1 and result.pushed == 0
        problems = engine.list_problems()
        assert len(problems) == 1 and problems[0].item_id == first.id
        assert "409" in problems[0].error and "idempotency_conflict" in problems[0].error
        assert "different case document" in problems[0].error
        assert problems[0].case_no  # the problems view names the case
        assert engine.state().parked == 1
        engine.retry(first.id)
        assert engine.run_once().parked == 1  # still the same conflict
        with pytest.raises(ValueError):
            engine.discard(first.id, "")
        engine.discard(first.id, "重复录入，平台已有正确版本", operator="clerk01")
        assert engine.list_problems() == []
        assert engine.state().parked == 0 and engine.state().pending == 0
        assert len(server_cases(server)) == 3
    finally:
        ctx.close()


def test_invalid_document_422_parks_with_fields(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    ctx = _small(cases_40, tmp_path, 4)
    try:
        bad = _rows(ctx)[1]
        with ctx.store.write() as s:
            row = s.get(OutboxRow, bad.id)
            row.payload = {**row.payload, "applicant": {**row.payload["applicant"], "id_type": "library_card"}}
        engine = logged_in_engine(ctx, server)
        result = engine.run_once()
        assert (result.pushed, result.parked) == (3, 1)
        [problem] = engine.list_problems()
        assert problem.item_id == bad.id
        assert problem.error.startswith("422 invalid") and "applicant" in problem.error
        assert bad.case_uuid not in server_cases(server)
        assert outbox_states(ctx) == {"done": 3, "parked": 1}
    finally:
        ctx.close()


def test_401_needs_login_and_keeps_the_queue(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    from clerk.security import credentials
    from clerk.sync import login

    ctx = _small(cases_40, tmp_path, 3)
    try:
        engine = logged_in_engine(ctx, server)
        credentials.set_token(server.url, "clerk01", "not-a-token-the-server-gave")
        before = [(r.id, r.state, r.attempts, r.next_attempt_at) for r in _rows(ctx)]
        result = engine.run_once()
        assert result.needs_login and result.pushed == 0
        state = engine.state()
        assert state.needs_login and state.pending == 3 and "登录" in state.last_error
        assert [(r.id, r.state, r.attempts, r.next_attempt_at) for r in _rows(ctx)] == before
        login(ctx, server.url, "clerk01", "s3cret-pass")
        assert engine.run_once().pushed == 3
        assert not engine.state().needs_login
    finally:
        ctx.close()


def test_backoff_is_stored_and_respected_after_restart(
    cases_40: tuple[Path, list[str]], tmp_path: Path, start: StartFn
) -> None:
    from clerk.security import credentials
    from clerk.sync import login, make_engine

    healthy = start()
    failing = start(faults="error503=1.0")  # the fault comes before the token check: any token will do
    ctx = _small(cases_40, tmp_path, 2)
    try:
        login(ctx, healthy.url, "clerk01", "s3cret-pass")
        credentials.set_token(failing.url, "clerk01", "whatever")
        engine = make_engine(ctx, failing.url, backoff_base_s=600.0, backoff_cap_s=3600.0)
        result = engine.run_once(pull=False, catalog=False)
        assert result.retry_later == 2 and result.pushed == 0
        rows = _rows(ctx)
        assert all(r.state == "pending" and r.attempts == 1 and r.next_attempt_at is not None for r in rows)
        assert all("503" in r.last_error for r in rows)
        # a new engine (as after a restart) does not try before next_attempt_at
        again = make_engine(ctx, healthy.url).run_once(pull=False, catalog=False)
        assert again.pushed == 0 and again.pending_waiting == 2
        assert [r.attempts for r in _rows(ctx)] == [1, 1]
        assert server_cases(healthy) == {}
    finally:
        ctx.close()


def test_retry_after_is_honoured(cases_40: tuple[Path, list[str]], tmp_path: Path, start: StartFn) -> None:
    from clerk.security import credentials
    from clerk.sync import make_engine

    limited = start(faults="error429=1.0,retry_after_s=120")
    ctx = _small(cases_40, tmp_path, 1)
    try:
        credentials.set_token(limited.url, "clerk01", "whatever")
        engine = make_engine(ctx, limited.url, "clerk01", backoff_base_s=0.01, backoff_cap_s=0.02)
        from clerk import clock

        engine.run_once(pull=False, catalog=False)
        [row] = _rows(ctx)
        wait = (row.next_attempt_at - clock.now()).total_seconds()
        assert 100 < wait <= 120
    finally:
        ctx.close()


def test_worker_wakes_on_accepted_case_and_reports_state(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer, clerk_actor: Any, people: Any
) -> None:
    from clerk.demo import take_demo_case

    ctx = _small(cases_40, tmp_path, 0)
    try:
        engine = logged_in_engine(ctx, server)
        worker = SyncWorker(engine, interval_s=3600.0)
        seen: list[SyncState] = []
        pushed = threading.Event()

        def on_progress(event: SyncProgress) -> None:
            state = event.state
            seen.append(state)
            if state.pending == 0 and not state.running and len(server_cases(server)) == 1:
                pushed.set()

        ctx.events.subscribe(SyncProgress, on_progress)
        worker.start()
        try:
            take_demo_case(ctx, clerk_actor, people, "newborn")  # CASE_ACCEPTED wakes the worker
            assert pushed.wait(60)
        finally:
            worker.stop()
        assert not worker.running
        final = worker.state()
        assert final.online and final.pending == 0 and final.last_success_at is not None
        assert any(s.running for s in seen)
    finally:
        ctx.close()


def test_each_case_goes_with_its_own_operators_token(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    """Clerk A's cases are never sent under clerk B's login: they wait until A logs in here again."""
    from clerk.sync import login, make_engine

    ctx = _small(cases_40, tmp_path, 4)
    try:
        server.create_user("clerk09", PASSWORD, ["clerk"], windows=["W03"], org_code="230102")
        theirs = _rows(ctx)[2]
        with ctx.store.write() as s:  # one case was accepted by clerk09 earlier in the day
            row = s.get(OutboxRow, theirs.id)
            row.payload = {**row.payload, "operator": "clerk09"}
        engine = logged_in_engine(ctx, server)
        result = engine.run_once()
        assert (result.pushed, result.parked) == (3, 0) and result.waiting_for == {"clerk09"}
        assert theirs.case_uuid not in server_cases(server) and engine.state().waiting_for == ("clerk09",)
        assert outbox_states(ctx) == {"done": 3, "pending": 1}
        login(ctx, server.url, "clerk09", PASSWORD)  # clerk09 logs in; clerk01 stays the current login
        login(ctx, server.url, USER, PASSWORD)
        result = make_engine(ctx, backoff_base_s=0.05).run_once()
        assert result.pushed == 1 and not result.waiting_for
        from backoffice.db import Case

        with server.ctx.db.read() as s:
            assert s.get(Case, theirs.case_uuid).operator == "clerk09"  # type: ignore[union-attr]
    finally:
        ctx.close()
