"""The local cache: migrations from an older revision, WAL + synchronous=FULL, encryption, layers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clerk.store import Store, StoreError
from clerk.store.migrations_runner import current_revision, head_revision

FIXTURE = Path(__file__).parent / "fixtures" / "cache-rev0001.sqlite3"
ROOT = Path(__file__).resolve().parents[1]


def test_a_cache_made_by_revision_0001_upgrades_and_keeps_its_case(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    shutil.copy(FIXTURE, db)
    from sqlalchemy import create_engine

    eng = create_engine(f"sqlite:///{db}")
    assert current_revision(eng) == "0001"
    eng.dispose()
    (tmp_path / "settings.json").write_text("{}")
    from clerk.context import AppContext

    ctx = AppContext.open(tmp_path)
    try:
        assert current_revision(ctx.store.engine) == head_revision()
        view = ctx.intake.get_by_no("230102-20251009-W03-0001")
        assert view.applicant.name == "李四" and view.form["child_name"] == "李小"
        assert view.materials[0].code == "birth_medical_certificate"
        # Tables of later revisions exist and work.
        from clerk.store.models import AuditRow, OperatorRow

        with ctx.store.read() as s:
            assert s.query(OperatorRow).count() == 0 and s.query(AuditRow).count() == 0
        # The sequence continues: the number is never reused.
        from clerk.intake.numbers import next_value

        with ctx.store.write() as s:
            assert next_value(s, "case:230102:20251009:W03") == 2
    finally:
        ctx.close()


def test_head_constant_matches_alembic() -> None:
    from clerk.store.migrations_runner import HEAD

    assert HEAD == head_revision()


def test_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.db")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


def test_encrypted_cache_needs_its_key(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    store = Store(path, key="0123456789abcdef" * 4)
    with store.write() as s:
        from clerk.store.models import KeyValueRow

        s.add(KeyValueRow(key="secret", value="张三 11010519491231002X"))
    store.dispose()
    raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes() if path.with_name(path.name + "-wal").exists() else b"")
    assert b"11010519491231002X" not in raw and "张三".encode() not in raw
    with pytest.raises(StoreError, match="密钥不对"):
        Store(path, key="wrong")
    with pytest.raises(StoreError, match="密钥不对"):
        Store(path)
    again = Store(path, key="0123456789abcdef" * 4)
    with again.read() as s:
        from clerk.store.models import KeyValueRow

        assert s.get(KeyValueRow, "secret").value.startswith("张三")
    again.dispose()


