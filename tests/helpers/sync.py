"""Helpers of the sync tests (fixtures are in conftest.py)."""

from __future__ import annotations

import copy
import hashlib
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backoffice.embedded import EmbeddedServer

PASSWORD = "s3cret-pass"
USER = "clerk01"
FILES_PER_CLONE = 3


def _write_blob(pages_root: Path, data: bytes) -> tuple[str, int]:
    sha = hashlib.sha256(data).hexdigest()
    path = pages_root / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return sha, len(data)


def build_cases(data_dir: Path, n: int, *, seed: int = 5, files_per_clone: int = FILES_PER_CLONE) -> list[str]:
    """``n`` accepted cases in ``data_dir``, each with its own files; returns their case_uuids."""
    from clerk.context import AppContext
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role
    from clerk.store.models import BlobRow, CaseRow, OutboxRow

    ctx = AppContext.open(data_dir)
    try:
        actor = Actor(USER, "王小窗", (Role.CLERK,), window="W03", org_code="230102")
        people = DemoPeople(seed)
        scans: dict[str, bytes] = {}
        bases = [take_demo_case(ctx, actor, people, code, scans=scans)
                 for code in ("newborn", "restaurant_opening", "retirement")[: min(3, n)]]
        uuids = [b.case_uuid for b in bases]
        with ctx.store.write() as s:
            templates = [(s.get(CaseRow, b.case_uuid), s.query(OutboxRow).filter_by(case_uuid=b.case_uuid).one().payload)
                         for b in bases]
            seq = 1000
            for i in range(n - len(bases)):
                row, payload = templates[i % len(templates)]
                new_uuid = str(uuid.uuid4())
                seq += 1
                case_no = row.case_no.rsplit("-", 1)[0] + f"-{seq:05d}"
                doc = copy.deepcopy(payload)
                doc["case_uuid"], doc["case_no"] = new_uuid, case_no
                kept = 0
                for m in doc["materials"]:
                    if kept >= files_per_clone:  # keeps the suite fast: a few files of its own per case
                        m["files"] = []
                    kept += len(m["files"])
                    for k, f in enumerate(m["files"]):
                        data = ctx.pages.read(f["sha256"]) + f"\n%clone {new_uuid} {k}".encode()
                        sha, size = _write_blob(ctx.pages.root, data)
                        f["sha256"], f["size"] = sha, size
                        s.add(BlobRow(sha256=sha, size=size, media_type=f["media_type"], created_at=row.created_at))
                clone = CaseRow(**{c.key: getattr(row, c.key) for c in CaseRow.__table__.columns})
                clone.case_uuid, clone.case_no = new_uuid, case_no
                s.add(clone)
                s.add(OutboxRow(kind="case", idempotency_key=new_uuid, case_uuid=new_uuid, payload=doc,
                                created_at=row.created_at))
                uuids.append(new_uuid)
        return uuids
    finally:
        ctx.close()


def copy_data_dir(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


StartFn = Callable[..., EmbeddedServer]


def open_ctx(data_dir: Path) -> Any:
    """Opens a data dir as the CLI does: as it is (the templates are plain: copies of one data dir go
    to tests with keychains of their own), a new one encrypted with a key from the keyring."""
    from clerk.context import AppContext
    from clerk.security.keys import key_for

    return AppContext.open(data_dir, key_for=key_for)


def logged_in_engine(ctx: Any, server: EmbeddedServer, **options: Any) -> Any:
    from clerk.sync import login, make_engine

    login(ctx, server.url, USER, PASSWORD)
    options.setdefault("backoff_base_s", 0.05)
    options.setdefault("backoff_cap_s", 2.0)
    return make_engine(ctx, **options)


def server_cases(server: EmbeddedServer) -> dict[str, Any]:
    """case_uuid → (platform_case_id, status, document dict) as the server stored them."""
    from backoffice.cases import case_document
    from backoffice.db import Case

    with server.ctx.db.read() as s:
        return {c.case_uuid: (c.platform_case_id, c.status, case_document(server.ctx, c)) for c in s.query(Case).all()}


def assert_files_intact(server: EmbeddedServer) -> int:
    """Every file every case names is stored on the server and hashes to its address; returns the count."""
    from backoffice.cases import missing_files
    from backoffice.db import Blob, Case, CaseFile
    from backoffice.files import blob_path, read_blob

    n = 0
    with server.ctx.db.read() as s:
        for case in s.query(Case).all():
            assert missing_files(s, case.case_uuid) == [], case.case_uuid
        shas = {f.sha256 for f in s.query(CaseFile).all()}
        stored = {b.sha256: b.size for b in s.query(Blob).all()}
    for sha in shas:
        assert blob_path(server.ctx.config.files_dir, sha).exists()
        data = read_blob(server.ctx, sha)  # stored encrypted; the address is the plaintext's hash
        assert hashlib.sha256(data).hexdigest() == sha
        assert len(data) == stored[sha]
        n += 1
    return n


def outbox_states(ctx: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from clerk.store.models import OutboxRow

    with ctx.store.read() as s:
        return {k: v for k, v in s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()}
