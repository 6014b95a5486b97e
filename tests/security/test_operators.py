"""Operators: online login against the real back office, offline login, back-off, lock-out, idle lock, switch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from clerk.security import audit
from clerk.security.actor import Role
from clerk.security.operators import (
    IdleLock,
    LoginThrottled,
    NotAllowedToUnlock,
    OperatorLocked,
    OperatorService,
    PlatformUnavailable,
    UnknownOperator,
    WrongPassword,
    check_verifier,
    http_login,
)
from clerk.store.models import AuditRow, OperatorRow

CLERK_PW = "窗口-密码-1"
SUP_PW = "主任-密码-2"


def _down(username: str, password: str) -> dict[str, Any]:
    raise PlatformUnavailable("offline")


def _actions(ctx: Any) -> list[tuple[str, str]]:
    with ctx.store.read() as s:
        return [(r.operator, r.action) for r in s.execute(select(AuditRow).order_by(AuditRow.id)).scalars()]


def test_online_login_records_operator_with_a_verifier_not_the_password(enc_ctx: Any, server: Any) -> None:
    svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "dev-1"))
    enc_ctx.settings.window = "W04"
    result = svc.login("clerk01", CLERK_PW)
    assert result.online and result.token
    assert result.actor.username == "clerk01" and result.actor.display_name == "王小窗"
    assert result.actor.roles == (Role.CLERK,) and result.actor.window == "W04" and result.actor.org_code == "230102"
    with enc_ctx.store.read() as s:
        row = s.get(OperatorRow, "clerk01")
        assert row is not None
        assert row.roles == ["clerk"] and row.windows == ["W03", "W04"] and row.last_online_login is not None
        assert CLERK_PW not in row.verifier and result.token not in row.verifier
        scheme, n, r, p, salt, key = row.verifier.split("$")
        assert (scheme, n, r, p) == ("scrypt", str(2**15), "8", "1")
        assert check_verifier(CLERK_PW, row.verifier) and not check_verifier("wrong", row.verifier)
    assert ("clerk01", "login") in _actions(enc_ctx)


def test_offline_login_after_one_online_login(enc_ctx: Any, server: Any) -> None:
    OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "dev-1")).login("clerk01", CLERK_PW)
    server.stop()  # the network is gone
    svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "dev-1", timeout=2))
    result = svc.login("clerk01", CLERK_PW)
    assert not result.online and result.token is None and result.actor.username == "clerk01"
    with pytest.raises(WrongPassword, match="用户名或密码不正确"):
        svc.login("clerk01", "not-the-password")
    with pytest.raises(UnknownOperator, match="联网时登录"):
        svc.login("sup01", SUP_PW)  # never logged in online here


def test_wrong_password_online_is_counted(enc_ctx: Any, server: Any, fake_clock: Any) -> None:
    svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "dev-1"))
    svc.login("clerk01", CLERK_PW)
    with pytest.raises(WrongPassword) as err:
        svc.login("clerk01", "bad password")
    assert err.value.remaining == enc_ctx.settings.max_failed_logins - 1
    assert ("clerk01", "login_failed") in _actions(enc_ctx)


def test_backoff_grows_then_lockout_then_release(enc_ctx: Any, server: Any, fake_clock: Any) -> None:
    enc_ctx.settings.max_failed_logins = 4
    OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "d")).login("clerk01", CLERK_PW)
    svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=_down)
    waits = []
    for i in range(3):
        with pytest.raises(WrongPassword) as err:
            svc.login("clerk01", f"bad-{i}")
        assert err.value.remaining == 3 - i
        with pytest.raises(LoginThrottled) as th:  # right away again: must wait, even with the right password
            svc.login("clerk01", CLERK_PW)
        waits.append(th.value.seconds)
        fake_clock.advance(seconds=th.value.seconds)
    assert waits == sorted(waits) and waits[0] < waits[-1]
    with pytest.raises(OperatorLocked, match="已被锁定"):
        svc.login("clerk01", "bad-4")
    fake_clock.advance(minutes=5)
    with pytest.raises(OperatorLocked):
        svc.login("clerk01", CLERK_PW)  # locked: the right password does not help yet
    with enc_ctx.store.read() as s:
        row = s.get(OperatorRow, "clerk01")
        assert row is not None and row.failed_count == 4 and row.locked_until is not None
    fake_clock.advance(minutes=11)
    assert svc.login("clerk01", CLERK_PW).actor.username == "clerk01"
    with enc_ctx.store.read() as s:
        row = s.get(OperatorRow, "clerk01")
        assert row is not None and row.failed_count == 0 and row.locked_until is None
    assert [a for _, a in _actions(enc_ctx)].count("login_failed") == 4


def test_supervisor_lifts_a_lockout_clerk_cannot(enc_ctx: Any, server: Any, supervisor: Any, clerk_actor: Any) -> None:
    from clerk.security.actor import PermissionDenied

    enc_ctx.settings.max_failed_logins = 1
    OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "d")).login("clerk01", CLERK_PW)
    svc = OperatorService(enc_ctx.store, enc_ctx.settings)
    with pytest.raises(OperatorLocked):
        svc.login("clerk01", "bad")
    with pytest.raises(PermissionDenied):
        svc.unlock_operator(clerk_actor, "clerk01")
    svc.unlock_operator(supervisor, "clerk01")
    assert svc.login("clerk01", CLERK_PW).actor.username == "clerk01"


def test_idle_lock_model(enc_ctx: Any, server: Any, fake_clock: Any) -> None:
    online = OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "d"))
    clerk = online.login("clerk01", CLERK_PW).actor
    online.login("sup01", SUP_PW)
    svc = OperatorService(enc_ctx.store, enc_ctx.settings)
    enc_ctx.settings.idle_lock_minutes = 5
    lock = IdleLock(clerk, enc_ctx.settings.idle_lock_minutes)
    fake_clock.advance(minutes=4)
    assert not lock.is_locked()
    lock.touch()
    fake_clock.advance(minutes=4, seconds=59)
    assert not lock.is_locked()
    fake_clock.advance(seconds=1)
    assert lock.is_locked()
    lock.touch()  # input behind the lock screen does not unlock
    assert lock.is_locked()
    with pytest.raises(WrongPassword):
        lock.unlock(svc, "clerk01", "wrong")
    assert lock.is_locked()
    with pytest.raises(LoginThrottled):  # the back-off applies to the unlock dialog too
        lock.unlock(svc, "clerk01", CLERK_PW)
    fake_clock.advance(seconds=1)
    assert lock.unlock(svc, "clerk01", CLERK_PW).username == "clerk01"
    assert not lock.is_locked()
    # another clerk may not unlock; a supervisor may
    with enc_ctx.store.write() as s:
        s.add(OperatorRow(username="clerk02", display_name="赵", roles=["clerk"], verifier=""))
    fake_clock.advance(minutes=6)
    assert lock.is_locked()
    with pytest.raises(NotAllowedToUnlock):
        lock.unlock(svc, "clerk02", "whatever")
    who = lock.unlock(svc, "sup01", SUP_PW)
    assert who.username == "sup01" and lock.actor.username == "clerk01" and not lock.is_locked()
    unlocks = audit.list_entries(enc_ctx.store, who, action="unlock")
    assert {e.operator for e in unlocks} == {"clerk01", "sup01"}
    assert all(e.detail["locked_operator"] == "clerk01" for e in unlocks)


def test_switching_operators_at_a_window(enc_ctx: Any, server: Any) -> None:
    svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=http_login(server.url, "d"))
    clerk = svc.login("clerk01", CLERK_PW).actor
    result = svc.switch(clerk, "sup01", SUP_PW)
    assert result.actor.username == "sup01" and result.actor.can(audit.Permission.SUPERVISE)
    entries = audit.list_entries(enc_ctx.store, result.actor, action="operator_switch")
    assert len(entries) == 1 and entries[0].detail == {"from": "clerk01", "to": "sup01"}
    with pytest.raises(WrongPassword):
        svc.switch(result.actor, "clerk01", "nope")


def test_platform_client_adapter(enc_ctx: Any, server: Any) -> None:
    """The colleague's PlatformClient (clerk.sync.client) works as the online login too."""
    client_mod = pytest.importorskip("clerk.sync.client")
    from clerk.sync.online import client_login

    client = client_mod.PlatformClient(server.url)
    try:
        svc = OperatorService(enc_ctx.store, enc_ctx.settings, online=client_login(client, "dev"))
        r = svc.login("sup01", SUP_PW)
        assert r.online and r.actor.roles == (Role.SUPERVISOR,)
        with pytest.raises(WrongPassword):
            svc.login("sup01", "nope")
    finally:
        client.close()
    assert dt.datetime.fromisoformat(str(r.expires_at))
