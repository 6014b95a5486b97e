"""The audit chain: entries with the change they record; tampering is found and named; reveal; permissions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from clerk.cli import main
from clerk.demo import take_demo_case
from clerk.intake.validation import ValidationFailed
from clerk.security import audit
from clerk.security.actor import Actor, PermissionDenied
from clerk.security.reveal import RevealRefused, reveal
from clerk.store.models import AuditRow


def _accepted(ctx: Any, actor: Any, people: Any, n: int = 3) -> list[Any]:
    return [take_demo_case(ctx, actor, people, "newborn") for _ in range(n)]


def _rows(ctx: Any) -> list[AuditRow]:
    with ctx.store.read() as s:
        return list(s.execute(select(AuditRow).order_by(AuditRow.id)).scalars())


def test_accept_notify_reject_are_audited_with_the_change(enc_ctx: Any, clerk_actor: Any, people: Any) -> None:
    accepted = take_demo_case(enc_ctx, clerk_actor, people, "newborn")
    notified = take_demo_case(enc_ctx, clerk_actor, people, "newborn", outcome="notify")
    enc_ctx.intake.reject(clerk_actor, notified.case_uuid, "申请事项不属于本中心受理范围")
    draft = take_demo_case(enc_ctx, clerk_actor, people, "newborn", outcome="draft")
    with pytest.raises(ValidationFailed):
        enc_ctx.intake.accept(clerk_actor, draft.case_uuid)  # refused: nothing audited
    got = [(r.action, r.case_uuid, r.operator, r.window) for r in _rows(enc_ctx)]
    assert got == [("accept", accepted.case_uuid, "clerk01", "W03"), ("notify", notified.case_uuid, "clerk01", "W03"),
                   ("reject", notified.case_uuid, "clerk01", "W03")]
    assert audit.verify_store(enc_ctx.store).ok


def test_audit_append_rolls_back_with_its_transaction(enc_ctx: Any, clerk_actor: Any) -> None:
    with pytest.raises(RuntimeError), enc_ctx.store.write() as s:
        audit.append(s, clerk_actor, "print", None, {"kind": "receipt"})
        raise RuntimeError("printer caught fire")
    assert _rows(enc_ctx) == []
    audit.record(enc_ctx.store, clerk_actor, "print", None, {"kind": "receipt"})
    audit.record(enc_ctx.store, clerk_actor, "reprint", None, {"kind": "receipt"})
    assert [r.action for r in _rows(enc_ctx)] == ["print", "reprint"]
    rows = _rows(enc_ctx)
    assert rows[0].prev_hash == audit.GENESIS and rows[1].prev_hash == rows[0].hash
    with pytest.raises(ValueError):
        audit.record(enc_ctx.store, clerk_actor, "dance")


def _tamper(ctx: Any, sql: str, **params: Any) -> None:
    with ctx.store.write() as s:
        s.execute(text(sql), params)


@pytest.fixture
def chain(enc_ctx: Any, clerk_actor: Any) -> list[AuditRow]:
    for i in range(6):
        audit.record(enc_ctx.store, clerk_actor, "print", None, {"n": i})
    rows = _rows(enc_ctx)
    assert audit.verify_store(enc_ctx.store).ok
    return rows


def test_edited_entry_is_named(enc_ctx: Any, chain: list[AuditRow]) -> None:
    _tamper(enc_ctx, "UPDATE audit SET operator = 'someone' WHERE id = :id", id=chain[2].id)
    result = audit.verify_store(enc_ctx.store)
    assert result.problem is not None and result.problem.kind == "changed"
    assert result.problem.entry_id == chain[2].id and chain[2].entry_uuid in result.problem.message


def test_edited_detail_is_named(enc_ctx: Any, chain: list[AuditRow]) -> None:
    _tamper(enc_ctx, "UPDATE audit SET detail = '{\"n\": 99}' WHERE id = :id", id=chain[4].id)
    result = audit.verify_store(enc_ctx.store)
    assert result.problem is not None and result.problem.entry_id == chain[4].id and result.problem.kind == "changed"


def test_deleted_entry_is_named(enc_ctx: Any, chain: list[AuditRow]) -> None:
    _tamper(enc_ctx, "DELETE FROM audit WHERE id = :id", id=chain[3].id)
    result = audit.verify_store(enc_ctx.store)
    assert result.problem is not None and result.problem.kind == "removed"
    assert result.problem.entry_id == chain[4].id  # the first entry whose predecessor is missing


def test_swapped_entries_are_named(enc_ctx: Any, chain: list[AuditRow]) -> None:
    a, b = chain[1].id, chain[2].id
    _tamper(enc_ctx, "UPDATE audit SET id = -1 WHERE id = :a", a=a)
    _tamper(enc_ctx, "UPDATE audit SET id = :a WHERE id = :b", a=a, b=b)
    _tamper(enc_ctx, "UPDATE audit SET id = :b WHERE id = -1", b=b)
    result = audit.verify_store(enc_ctx.store)
    assert result.problem is not None and result.problem.kind == "reordered"
    assert result.problem.entry_uuid == chain[2].entry_uuid


def test_removed_newest_entry_is_caught(enc_ctx: Any, chain: list[AuditRow]) -> None:
    _tamper(enc_ctx, "DELETE FROM audit WHERE id = :id", id=chain[-1].id)
    result = audit.verify_store(enc_ctx.store)
    assert result.problem is not None and result.problem.kind == "truncated"


def test_cli_audit_verify(enc_ctx: Any, chain: list[AuditRow], data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    enc_ctx.close()
    assert main(["audit", "verify", "--data-dir", str(data_dir)]) == 0
    assert "6 条记录" in capsys.readouterr().out
    from clerk.context import AppContext
    from clerk.security.keys import open_db_key

    ctx = AppContext.open(data_dir, db_key=open_db_key(data_dir))
    _tamper(ctx, "UPDATE audit SET action = 'accept' WHERE id = :id", id=chain[1].id)
    ctx.close()
    assert main(["audit", "verify", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert f"第 {chain[1].id} 条" in err and chain[1].entry_uuid in err and "修改" in err


def test_audit_list_is_for_supervisors(enc_ctx: Any, chain: list[AuditRow], clerk_actor: Any, supervisor: Any) -> None:
    with pytest.raises(PermissionDenied, match="大厅监管"):
        audit.list_entries(enc_ctx.store, clerk_actor)
    entries = audit.list_entries(enc_ctx.store, supervisor, action="print", operator="clerk01", limit=4)
    assert [e.detail["n"] for e in entries] == [5, 4, 3, 2] and entries[0].action_label == "打印"
    assert audit.list_entries(enc_ctx.store, supervisor, operator="nobody") == []


def test_services_check_permissions(enc_ctx: Any, clerk_actor: Any, people: Any) -> None:
    from clerk.retention import purge

    nobody = Actor("guest", roles=())
    with pytest.raises(PermissionDenied):
        enc_ctx.intake.start_draft(nobody, "newborn")
    draft = take_demo_case(enc_ctx, clerk_actor, people, "newborn", outcome="draft")
    for call in (lambda: enc_ctx.intake.accept(nobody, draft.case_uuid),
                 lambda: enc_ctx.intake.notify(nobody, draft.case_uuid),
                 lambda: enc_ctx.intake.reject(nobody, draft.case_uuid, "不属于受理范围"),
                 lambda: enc_ctx.intake.discard_draft(nobody, draft.case_uuid),
                 lambda: reveal(enc_ctx.store, nobody, draft.case_uuid, "applicant.id_number", "核对身份信息")):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        purge(enc_ctx, clerk_actor)  # a clerk cannot purge


def test_reveal_needs_a_reason_and_is_audited(enc_ctx: Any, clerk_actor: Any, people: Any, supervisor: Any) -> None:
    view = take_demo_case(enc_ctx, clerk_actor, people, "newborn")
    for reason in ("", "   ", "看看"):
        with pytest.raises(RevealRefused, match="理由"):
            reveal(enc_ctx.store, clerk_actor, view.case_uuid, "applicant.id_number", reason)
    with pytest.raises(RevealRefused):
        reveal(enc_ctx.store, clerk_actor, view.case_uuid, "form.secret", "核对申请人身份")
    assert audit.list_entries(enc_ctx.store, supervisor, action="reveal") == []
    value = reveal(enc_ctx.store, clerk_actor, view.case_uuid, "applicant.id_number", "申请人要求核对证件号码")
    assert value == view.applicant.id_number
    assert reveal(enc_ctx.store, clerk_actor, view.case_uuid, "applicant.phone", "电话回访核对号码") == view.applicant.phone
    entries = audit.list_entries(enc_ctx.store, supervisor, action="reveal")
    assert [e.detail["field"] for e in entries] == ["applicant.phone", "applicant.id_number"]
    assert entries[1].detail["reason"] == "申请人要求核对证件号码" and entries[1].case_uuid == view.case_uuid
    assert all(view.applicant.id_number not in str(e.detail) for e in entries)
