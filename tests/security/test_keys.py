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
    kid = (data_dir / keys.KEY_ID_FILE).read_text().strip()
    assert len(kid) == 16 and kid != keys.legacy_key_id(data_dir)  # random, not derived from the path
    stored = keyring.get_password("window-clerk", f"data-key:{kid}")
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert first == f"x'{stored}'"
    assert keys.open_db_key(data_dir) == first
    other = data_dir.parent / "other"
    other.mkdir()
    assert keys.open_db_key(other) != first


def test_a_moved_data_dir_still_opens(enc_ctx: object, data_dir: Path, clerk_actor: object, people: object) -> None:
    from clerk.context import AppContext
    from clerk.demo import take_demo_case

    view = take_demo_case(enc_ctx, clerk_actor, people, "newborn")
    enc_ctx.close()  # type: ignore[attr-defined]
    moved = data_dir.rename(data_dir.parent / "moved-elsewhere")
    again = AppContext.open(moved, key_for=keys.open_db_key)
    try:
        assert again.store.encrypted
        assert again.intake.get(view.case_uuid).applicant.id_number == view.applicant.id_number
    finally:
        again.close()


def test_a_key_named_after_the_old_path_is_adopted(data_dir: Path) -> None:
    """Data dirs of older versions: the keychain entry named by the path's hash is found, and its id is
    kept in the data dir from then on, so the folder can move afterwards."""
    legacy = keys.legacy_key_id(data_dir)
    keyring.set_password("window-clerk", f"data-key:{legacy}", (b"\x07" * 32).hex())
    assert keys.data_key(data_dir) == b"\x07" * 32
    assert (data_dir / keys.KEY_ID_FILE).read_text().strip() == legacy
    moved = data_dir.rename(data_dir.parent / "moved")
    assert keys.data_key(moved, create=False) == b"\x07" * 32


def test_plaintext_keyrings_are_refused_without_the_test_opt_in(monkeypatch: pytest.MonkeyPatch,
                                                                data_dir: Path) -> None:
    from clerk.security import keychain

    monkeypatch.delenv(keychain.TEST_OPT_IN)  # as in the product: keyrings.alt is installed, no Secret Service
    with pytest.raises(keys.KeyUnavailable, match="明文") as info:
        keys.open_db_key(data_dir)
    assert "PlaintextKeyring" in str(info.value) and "\n" not in str(info.value)
    assert not (data_dir / keys.KEY_ID_FILE).exists() and not (data_dir / "cache.sqlite3").exists()
    from keyring.backends import chainer, fail, null
    from keyrings.alt.file import PlaintextKeyring

    class Chained(chainer.ChainerBackend):  # what keyring picks when several file backends are viable
        backends = [PlaintextKeyring(), null.Keyring()]  # type: ignore[assignment]

    previous = keyring.get_keyring()
    try:
        for backend in (null.Keyring(), fail.Keyring(), Chained()):
            keyring.set_keyring(backend)
            with pytest.raises(keychain.KeychainUnavailable):
                keychain.backend()
    finally:
        keyring.set_keyring(previous)


def test_the_cli_refuses_a_plaintext_keyring_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "WINDOW_CLERK_TEST_PLAINTEXT_KEYRING"}
    d = tmp_path / "new"
    r = subprocess.run([sys.executable, "-m", "clerk", "demo-data", "--cases", "1", "--data-dir", str(d)],
                       capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "明文" in r.stderr, r.stderr
    assert not (d / "cache.sqlite3").exists() or (d / "cache.sqlite3").stat().st_size == 0


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


def test_a_plain_cache_is_encrypted_only_by_the_explicit_command(ctx: object, clerk_actor: object, people: object,
                                                                  data_dir: Path) -> None:
    from clerk.cli import main
    from clerk.context import AppContext
    from clerk.demo import take_demo_case

    view = take_demo_case(ctx, clerk_actor, people, "newborn")
    page = ctx.pages.put_bytes(b"%PDF-1.4 a scanned page of " + view.applicant.id_number.encode())  # type: ignore[attr-defined]
    ctx.close()  # type: ignore[attr-defined]
    db = data_dir / "cache.sqlite3"
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    with pytest.raises(keys.KeyUnavailable, match="store encrypt"):
        keys.open_db_key(data_dir)  # opening never converts
    assert main(["search", view.applicant.name, "--data-dir", str(data_dir)]) == 0  # a read command reads it as it is
    assert main(["pickup", "list", "--data-dir", str(data_dir)]) == 0
    assert db.read_bytes()[:16] == b"SQLite format 3\x00" and not (data_dir / keys.KEY_ID_FILE).exists()
    assert main(["store", "encrypt", "--data-dir", str(data_dir)]) == 0
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    assert view.applicant.id_number.encode() not in db.read_bytes()
    assert view.applicant.id_number.encode() not in (data_dir / "pages" / page.sha256[:2] / page.sha256).read_bytes()
    assert main(["store", "encrypt", "--data-dir", str(data_dir)]) == 2  # already encrypted
    again = AppContext.open(data_dir, key_for=keys.open_db_key)
    try:
        assert again.intake.get(view.case_uuid).applicant.id_number == view.applicant.id_number
        assert again.pages.read(page.sha256).startswith(b"%PDF-1.4")
    finally:
        again.close()


def test_the_recovery_slot_brings_a_lost_key_back(data_dir: Path, tmp_path: Path, clerk_actor: object,
                                                  people: object) -> None:
    """With the hall's recovery public key in the data dir, the data key is kept sealed to it; after the
    keychain lost it, the administrator's private key puts it back and the same cache opens."""
    from clerk.cli import main
    from clerk.context import AppContext
    from clerk.demo import take_demo_case
    from clerk.security.recovery import PUBLIC_KEY_FILE, generate_keypair

    generate_keypair(tmp_path / "admin.pem", data_dir / PUBLIC_KEY_FILE)
    ctx = AppContext.open(data_dir, key_for=keys.open_db_key)
    view = take_demo_case(ctx, clerk_actor, people, "newborn")
    ctx.close()
    slot = (data_dir / keys.RECOVERY_SLOT_FILE).read_text()
    assert keys.data_key(data_dir, create=False).hex() not in slot
    keys.forget_key(data_dir)
    with pytest.raises(keys.KeyUnavailable, match="recover-key"):
        AppContext.open(data_dir, key_for=keys.open_db_key)
    other = tmp_path / "not-admin.pem"
    generate_keypair(other, tmp_path / "other-public.pem")
    assert main(["store", "recover-key", "--private-key", str(other), "--data-dir", str(data_dir)]) == 2
    assert main(["store", "recover-key", "--private-key", str(tmp_path / "admin.pem"), "--data-dir", str(data_dir)]) == 0
    again = AppContext.open(data_dir, key_for=keys.open_db_key)
    try:
        assert again.intake.get(view.case_uuid).applicant.id_number == view.applicant.id_number
    finally:
        again.close()


def test_the_platform_token_is_refused_a_plaintext_keyring_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from clerk.security import credentials, keychain

    monkeypatch.delenv(keychain.TEST_OPT_IN)
    with pytest.raises(credentials.CredentialStoreError, match="明文"):
        credentials.set_token("http://platform.example", "clerk01", "tok-123456")
    monkeypatch.setenv(keychain.TEST_OPT_IN, "1")
    credentials.set_token("http://platform.example", "clerk01", "tok-123456")
    assert credentials.get_token("http://platform.example", "clerk01") == "tok-123456"
