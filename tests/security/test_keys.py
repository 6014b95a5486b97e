"""The data key: created once in the keyring, opens the SQLCipher cache; no key or a wrong key → clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import pytest

from clerk.security import keys
from clerk.store import Store, StoreError


def test_key_created_once_in_keyring_and_stable(data_dir: Path) -> None:
    first = keys.open_db_key(data_dir)
    stored = keyring.get_password("window-clerk", f"data-key:{keys.data_dir_id(data_dir)}")
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert first == f"x'{stored}'"
    assert keys.open_db_key(data_dir) == first
    other = data_dir.parent / "other"
    other.mkdir()
    assert keys.open_db_key(other) != first


def test_page_key_is_derived_not_the_data_key(data_dir: Path) -> None:
    k = keys.open_db_key(data_dir)
    pk = keys.page_store_key(k)
    assert len(pk) == 32 and pk == keys.page_store_key(k)
    assert pk != keys.raw_key(k)


def test_cache_is_sqlcipher_and_needs_the_key(enc_ctx: object, data_dir: Path) -> None:
    db = data_dir / "cache.sqlite3"
    enc_ctx.close()  # type: ignore[attr-defined]
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):  # the stock sqlite3 module cannot read it
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with pytest.raises(StoreError, match="密钥不对"):
        Store(db)  # no key
    with pytest.raises(StoreError, match="密钥不对或文件已损坏"):
        Store(db, key=keys.sqlcipher_key(b"\x01" * 32))  # a wrong key
    Store(db, key=keys.open_db_key(data_dir)).dispose()


def test_cli_gives_a_clear_message_for_a_wrong_key(enc_ctx: object, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from clerk.cli import main

    enc_ctx.close()  # type: ignore[attr-defined]
    keyring.set_password("window-clerk", keys.keyring_name(data_dir), (b"\x02" * 32).hex())
    assert main(["audit", "verify", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "密钥不对" in err and "Traceback" not in err


def test_lost_key_refuses_to_make_a_new_one(enc_ctx: object, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from clerk.cli import main

    enc_ctx.close()  # type: ignore[attr-defined]
    keys.forget_key(data_dir)
    with pytest.raises(keys.KeyUnavailable, match="恢复文件"):
        keys.open_db_key(data_dir)
    assert keyring.get_password("window-clerk", keys.keyring_name(data_dir)) is None
    assert main(["doctor", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "没有本机数据密钥" in err and "Traceback" not in err


def test_plain_cache_from_before_is_encrypted_in_place(ctx: object, clerk_actor: object, people: object,
                                                       data_dir: Path) -> None:
    from clerk.context import AppContext
    from clerk.demo import take_demo_case

    view = take_demo_case(ctx, clerk_actor, people, "newborn")
    ctx.close()  # type: ignore[attr-defined]
    db = data_dir / "cache.sqlite3"
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    key = keys.open_db_key(data_dir)
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    assert view.applicant.id_number.encode() not in db.read_bytes()
    again = AppContext.open(data_dir, db_key=key)
    try:
        assert again.intake.get(view.case_uuid).applicant.id_number == view.applicant.id_number
    finally:
        again.close()
