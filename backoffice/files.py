"""Case files: streamed uploads into a content-addressed store on disk (``files_dir/ab/cd/<sha256>``).

The body is never held in memory: it is written to a temporary file while hashed, then renamed into
place atomically once its SHA-256 matches the address. Over ``max_file_bytes`` → 413, checked on the
declared Content-Length first and again while counting the bytes as they arrive. With a data key the
file is stored encrypted (``backoffice.crypto``); the address is always the SHA-256 of the plaintext.
Only an operator of the case's org may upload into it (another org's case answers 404, audited).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Blob, CaseFile
from backoffice.errors import ApiError

router = APIRouter()

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
DRAIN_LIMIT = 256 * 1024 * 1024
"""A refused body up to this size is read and discarded, so the client can read the 413 reply."""


def blob_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256[2:4] / sha256


def _lookup(ctx: ServerContext, op: Operator, case_uuid: str, sha256: str) -> tuple[str, str, bool]:
    """(canonical case uuid, media type from the manifest, already stored?) or 404."""
    from backoffice.cases import own_case

    authz.require(op, Perm.CASE_WORK)
    with ctx.db.read() as s:
        case_uuid = own_case(ctx, s, op, case_uuid).case_uuid
        media = s.execute(
            select(CaseFile.media_type).where(CaseFile.case_uuid == case_uuid, CaseFile.sha256 == sha256).limit(1)
        ).scalar()
        if media is None:
            raise ApiError(404, "file_not_in_manifest", "this file is not in the case's manifest")
        stored = s.get(Blob, sha256) is not None
    return case_uuid, media, stored and blob_path(ctx.config.files_dir, sha256).exists()


def _record(ctx: ServerContext, sha256: str, size: int, media_type: str) -> bool:
    """Records the stored blob; False when another upload recorded it first."""
    with ctx.db.write() as s:
        return _insert_blob(s, ctx, sha256, size, media_type)


def _insert_blob(s: Session, ctx: ServerContext, sha256: str, size: int, media_type: str) -> bool:
    if s.get(Blob, sha256) is not None:
        return False
    s.add(Blob(sha256=sha256, size=size, media_type=media_type, stored_ts=ctx.now_ts()))
    return True


def _finish(tmp_path: str, target: Path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp_path, target)


async def _drain(request: Request, already: int) -> None:
    total = already
    async for chunk in request.stream():
        total += len(chunk)
        if total > DRAIN_LIMIT:
            break


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "file_too_large", f"files may be at most {limit // (1024 * 1024)} MiB")


@router.put("/api/v1/cases/{case_uuid}/files/{sha256}")
async def put_file(case_uuid: str, sha256: str, request: Request, op: CurrentOperator) -> JSONResponse:
    ctx = get_ctx(request)
    limit = ctx.config.max_file_bytes
    sha256 = sha256.lower()
    if not SHA_RE.match(sha256):
        raise ApiError(404, "file_not_in_manifest", "not a SHA-256 address")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        if int(declared) <= DRAIN_LIMIT:
            await _drain(request, 0)
        raise _too_large(limit)
    case_uuid, manifest_type, stored = await run_in_threadpool(_lookup, ctx, op, case_uuid, sha256)
    if stored:
        await _drain(request, 0)
        return JSONResponse({"sha256": sha256, "status": "already_stored"}, status_code=200)
    media_type = request.headers.get("content-type", manifest_type).split(";")[0].strip() or manifest_type
    tmp_dir = ctx.config.files_dir / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_path = tempfile.mkstemp(dir=tmp_dir, prefix="up-")
    hasher = hashlib.sha256()
    size = 0
    keep = False
    try:
        with os.fdopen(fd, "wb") as out:
            writer = ctx.cipher.file_writer(out, sha256)
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    break
                hasher.update(chunk)
                writer.write(chunk)
            writer.close()
        if size > limit:
            await _drain(request, size)
            raise _too_large(limit)
        if hasher.hexdigest() != sha256:
            raise ApiError(422, "hash_mismatch", "the bytes do not hash to the address", {"sha256": "hash mismatch"})
        await run_in_threadpool(_finish, tmp_path, blob_path(ctx.config.files_dir, sha256))
        keep = True
    finally:
        if not keep:
            try:
                os.unlink(tmp_path)
            except FileNotFoundError:
                pass
    created = await run_in_threadpool(_record, ctx, sha256, size, media_type)
    return JSONResponse(
        {"sha256": sha256, "size": size, "status": "stored" if created else "already_stored"},
        status_code=201 if created else 200,
    )


def read_blob(ctx: ServerContext, sha256: str) -> bytes:
    """A stored file's plaintext (for the platform's own use and for tests)."""
    return b"".join(ctx.cipher.read_file(blob_path(ctx.config.files_dir, sha256), sha256))
