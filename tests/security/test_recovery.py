"""Recovery files: the unsynced outbox and its files, sealed to the recovery key; the key-loss warning."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from clerk.cli import main
from clerk.context import AppContext
from clerk.demo import take_demo_case
from clerk.security import recovery
from clerk.security.actor import SYSTEM
from clerk.security.keys import open_db_key
from clerk.store.models import OutboxRow


@pytest.fixture
def keypair(tmp_path: Path) -> tuple[Path, Path]:
    priv, pub = tmp_path / "keys" / "recovery.pem", tmp_path / "keys" / "recovery-public.pem"
    recovery.generate_keypair(priv, pub)
    return priv, pub


def test_warning_export_import(enc_ctx: Any, clerk_actor: Any, people: Any, keypair: tuple[Path, Path],
                               tmp_path: Path) -> None:
    priv, pub = keypair
    assert recovery.key_loss_risk(enc_ctx) is None
    views = [take_demo_case(enc_ctx, clerk_actor, people, "newborn") for _ in range(3)]
    with enc_ctx.store.write() as s:  # the first one reached the platform already
        s.execute(update(OutboxRow).where(OutboxRow.case_uuid == views[0].case_uuid).values(state="done"))
    risk = recovery.key_loss_risk(enc_ctx)
    assert risk is not None and risk.pending_cases == 2 and "2 件案件" in risk.message and "恢复文件" in risk.message

    out = tmp_path / "rescue.wcr"
    summary = recovery.export(enc_ctx, clerk_actor, out, pub)
    assert summary.cases == 2 and summary.files >= 1
    blob = out.read_bytes()
    assert blob.startswith(recovery.MAGIC)
    for v in views:
        assert v.applicant.id_number.encode() not in blob and v.applicant.name.encode() not in blob

    # someone else's private key cannot open it; a damaged file is refused
    other_priv, other_pub = tmp_path / "o.pem", tmp_path / "o.pub"
    recovery.generate_keypair(other_priv, other_pub)
    with pytest.raises(recovery.RecoveryError, match="私钥不对"):
        recovery.unseal(blob, recovery.load_private_key(other_priv))
    damaged = bytearray(blob)
    damaged[-5] ^= 1
    with pytest.raises(recovery.RecoveryError):
        recovery.unseal(bytes(damaged), recovery.load_private_key(priv))

    # a new laptop: a fresh data dir and key; import puts the outbox and the files back
    fresh_dir = tmp_path / "new-laptop"
    fresh = AppContext.open(fresh_dir, db_key=open_db_key(fresh_dir))
    try:
        got = recovery.import_file(fresh, SYSTEM, out, priv)
        assert got.items == 2
        with fresh.store.read() as s:
            rows = list(s.execute(select(OutboxRow).order_by(OutboxRow.id)).scalars())
        assert {r.idempotency_key for r in rows} == {views[1].case_uuid, views[2].case_uuid}
        assert all(r.state == "pending" for r in rows)
        assert rows[0].payload["applicant"]["id_number"] in {v.applicant.id_number for v in views}
        for r in rows:
            for m in r.payload["materials"]:
                for f in m["files"]:
                    assert fresh.pages.read(f["sha256"]) == enc_ctx.pages.read(f["sha256"])
        assert recovery.import_file(fresh, SYSTEM, out, priv).items == 0  # idempotent
    finally:
        fresh.close()


def test_cli_keygen_export_import_doctor(enc_ctx: Any, clerk_actor: Any, people: Any, data_dir: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    take_demo_case(enc_ctx, clerk_actor, people, "newborn")
    enc_ctx.close()
    monkeypatch.setenv("RECOVERY_PASS", "admin passphrase")
    priv, pub = tmp_path / "r.pem", data_dir / recovery.PUBLIC_KEY_FILE
    assert main(["recovery", "keygen", "--private", str(priv), "--public", str(pub), "--passphrase-env", "RECOVERY_PASS"]) == 0
    assert b"ENCRYPTED" in priv.read_bytes()
    assert main(["doctor", "--data-dir", str(data_dir)]) == 1
    assert "1 件案件" in capsys.readouterr().out
    out = tmp_path / "x.wcr"
    assert main(["recovery", "export", "--data-dir", str(data_dir), "--out", str(out)]) == 0  # public key from the data dir
    other = tmp_path / "other"
    assert main(["recovery", "import", "--data-dir", str(other), str(out), "--private-key", str(priv)]) == 2
    assert "口令" in capsys.readouterr().err
    assert main(["recovery", "import", "--data-dir", str(other), str(out), "--private-key", str(priv),
                 "--passphrase-env", "RECOVERY_PASS"]) == 0
    assert "1 项待同步" in capsys.readouterr().out
    assert main(["audit", "list", "--data-dir", str(data_dir), "--action", "export", "--json"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["detail"]["what"] == "recovery" and line["detail"]["cases"] == 1


def test_sealed_format_roundtrip(keypair: tuple[Path, Path]) -> None:
    priv, pub = keypair
    sealed = recovery.seal(b"hello", recovery.load_public_key(pub))
    assert recovery.unseal(sealed, recovery.load_private_key(priv)) == b"hello"
    assert base64.b64encode(b"hello") not in sealed and b"hello" not in sealed
    with pytest.raises(recovery.RecoveryError, match="文件头"):
        recovery.unseal(b"PK" + sealed, recovery.load_private_key(priv))
