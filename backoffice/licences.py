"""The e-licence library (电子证照库) and data-sharing checks (数据共享核验) of the platform (API 1.1).

A licence is stored with its holder's ID number, type, number, issuer, validity and its file (a
signed PDF or OFD, kept in the platform's file store like a case file, so a case that attaches it
uploads nothing new). A window looks licences up by holder + type or by the holder's 用证码, always
naming the matter (national code), the case (办件编号 / case number) and — from the token — the
operator: every lookup, found or not, is a use in ``licence_uses``. A licence of someone other than
the applicant is handed out only with the holder's authorisation recorded with the request (the
holder present with their ID read at the window, or the holder's own 用证码); without it the answer
is ``unauthorised`` and nothing about the licence is said. The file of a licence is served only to
an org that has a recorded use of it.

``python -m backoffice add-licence`` seeds the library, ``use-code`` makes a 用证码 (what the
province's app shows the holder) and ``add-shared-fact`` seeds the data-sharing answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy import Boolean, Float, Index, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from starlette.concurrency import run_in_threadpool

from backoffice import authz
from backoffice.auth import CurrentOperator, Operator
from backoffice.authz import Perm
from backoffice.context import ServerContext, get_ctx
from backoffice.db import Base, Blob
from backoffice.documents import _Doc
from backoffice.errors import ApiError
from backoffice.limits import parse_body

router = APIRouter()

Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]{0,63}$")]
IdNumber = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z-]{1,32}$")]
NationalCode = Annotated[str, Field(pattern=r"^[0-9A-Z]{10,40}$")]
Ref = Annotated[str, Field(max_length=64, pattern=r"^[0-9A-Za-z._-]{0,64}$")]
UseCode = Annotated[str, Field(min_length=6, max_length=32, pattern=r"^[0-9A-Za-z]{6,32}$")]
MEDIA_TYPES = {".pdf": "application/pdf", ".ofd": "application/ofd"}
USE_CODE_TTL_S = 600.0
"""A 用证码 is good for ten minutes (the province's app shows a fresh one each time)."""


class Licence(Base):
    __tablename__ = "licences"
    __table_args__ = (Index("ix_licences_holder", "holder_id", "licence_type"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    holder_id: Mapped[str] = mapped_column(String(32))
    holder_name: Mapped[str] = mapped_column(String(100), default="")
    licence_type: Mapped[str] = mapped_column(String(64))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[str] = mapped_column(String(10))
    valid_until: Mapped[str | None] = mapped_column(String(10), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    created_ts: Mapped[float] = mapped_column(Float)


class LicenceUseCode(Base):
    """A 用证码: the holder's consent to one use of one licence, shown from the province's app."""

    __tablename__ = "licence_use_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    licence_id: Mapped[int] = mapped_column(Integer, index=True)
    expires_ts: Mapped[float] = mapped_column(Float)
    used_ts: Mapped[float | None] = mapped_column(Float, nullable=True)


class LicenceUse(Base):
    """One lookup of a licence by a window, whatever its outcome."""

    __tablename__ = "licence_uses"
    __table_args__ = (Index("ix_licence_uses_org", "org_code", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ts: Mapped[float] = mapped_column(Float)
    org_code: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(200), default="")
    matter_code: Mapped[str] = mapped_column(String(40))
    project_no: Mapped[str] = mapped_column(String(64), default="")
    case_no: Mapped[str] = mapped_column(String(64), default="")
    material_code: Mapped[str] = mapped_column(String(64), default="")
    holder_id: Mapped[str] = mapped_column(String(32), default="")
    licence_type: Mapped[str] = mapped_column(String(64), default="")
    licence_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))  # found | expired | not_found | unauthorised
    authorisation: Mapped[str] = mapped_column(String(16))  # own | holder_present | use_code | none


class SharedFact(Base):
    """What the data-sharing exchange answers for one person and one check (seeded for the reference server)."""

    __tablename__ = "shared_facts"
    subject_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    check: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bool] = mapped_column(Boolean)
    updated_ts: Mapped[float] = mapped_column(Float)


class SharedCheck(Base):
    """One 数据共享核验: its answer and the reference recorded on the case."""

    __tablename__ = "shared_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    ts: Mapped[float] = mapped_column(Float)
    org_code: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    check: Mapped[str] = mapped_column(String(64))
    subject_id: Mapped[str] = mapped_column(String(32))
    result: Mapped[bool] = mapped_column(Boolean)
    matter_code: Mapped[str] = mapped_column(String(40))
    project_no: Mapped[str] = mapped_column(String(64), default="")
    case_no: Mapped[str] = mapped_column(String(64), default="")


# -- documents ------------------------------------------------------------------------------------------
class Authorisation(_Doc):
    kind: Literal["holder_present", "use_code"]
    """``holder_present``: the holder is at the window and their ID card was read; ``use_code``: the
    holder's own 用证码 for this licence."""
    id_read: bool = False
    use_code: UseCode | None = None


class LookupItem(_Doc):
    material_code: Code
    holder_id: IdNumber
    licence_type: Code
    authorisation: Authorisation | None = None


class LookupRequest(_Doc):
    matter_code: NationalCode
    project_no: Ref = ""
    case_no: Ref = ""
    applicant_id: IdNumber
    items: list[LookupItem] = Field(min_length=1, max_length=50)


class CodeRequest(_Doc):
    use_code: UseCode
    matter_code: NationalCode
    project_no: Ref = ""
    case_no: Ref = ""
    material_code: Code | None = None


class VerifyRequest(_Doc):
    check: Code
    subject_id: IdNumber
    matter_code: NationalCode
    project_no: Ref = ""
    case_no: Ref = ""


# -- the library ----------------------------------------------------------------------------------------
def _today(ctx: ServerContext) -> str:
    return ctx.config.clock.today().isoformat()


def licence_json(ctx: ServerContext, lic: Licence) -> dict[str, Any]:
    expired = lic.valid_until is not None and lic.valid_until < _today(ctx)
    return {"number": lic.number, "licence_type": lic.licence_type, "holder_id": lic.holder_id,
            "holder_name": lic.holder_name, "issuer": lic.issuer, "valid_from": lic.valid_from,
            "valid_until": lic.valid_until, "status": "expired" if expired else "valid",
            "file": {"sha256": lic.sha256, "size": lic.size, "media_type": lic.media_type},
            "file_url": f"/api/v1/licences/{lic.number}/file"}


def media_type_of(path: Path, data: bytes) -> str:
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media == "application/pdf" and data.startswith(b"%PDF-"):
        return media
    if media == "application/ofd" and data.startswith(b"PK"):
        return media
    raise ValueError(f"{path.name}: a licence file is a PDF (%PDF-) or an OFD (a zip, .ofd)")


def store_file(ctx: ServerContext, s: Session, data: bytes, media_type: str) -> str:
    """Writes the licence's bytes into the platform's file store (encrypted at rest like case files)."""
    from backoffice.files import blob_path

    sha = hashlib.sha256(data).hexdigest()
    target = blob_path(ctx.config.files_dir, sha)
    if not target.exists():
        tmp_dir = ctx.config.files_dir / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmp_dir, prefix="lic-")
        try:
            with os.fdopen(fd, "wb") as out:
                writer = ctx.cipher.file_writer(out, sha)
                writer.write(data)
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    if s.get(Blob, sha) is None:
        s.add(Blob(sha256=sha, size=len(data), media_type=media_type, stored_ts=ctx.now_ts()))
    return sha


def add_licence(ctx: ServerContext, *, holder_id: str, licence_type: str, path: Path, number: str | None = None,
                holder_name: str = "", issuer: str = "", valid_from: str | None = None,
                valid_until: str | None = None) -> str:
    """Seeds one licence; returns its number (``DZZZ`` + date + sequence unless given)."""
    data = path.read_bytes()
    media = media_type_of(path, data)
    for value in (valid_from, valid_until):
        if value is not None:
            dt.date.fromisoformat(value)  # ValueError: one line from the CLI
    with ctx.db.write() as s:
        if number and s.scalar(select(Licence.id).where(Licence.number == number)) is not None:
            raise ValueError(f"licence {number} exists already")
        sha = store_file(ctx, s, data, media)
        lic = Licence(number=number or f"tmp-{secrets.token_hex(8)}", holder_id=holder_id, holder_name=holder_name,
                      licence_type=licence_type, issuer=issuer, valid_from=valid_from or _today(ctx),
                      valid_until=valid_until, sha256=sha, size=len(data), media_type=media,
                      created_ts=ctx.now_ts())
        s.add(lic)
        s.flush()
        if not number:
            lic.number = f"DZZZ{_today(ctx).replace('-', '')}{lic.id:06d}"
        return lic.number


def _demo_licence(ctx: ServerContext, s: Session, holder_id: str, licence_type: str) -> Licence:
    """Demo mode only: a sample licence made on first ask (a one-page PDF naming the type and holder)."""
    import io

    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setFont("Helvetica", 14)
    c.drawString(40, 500, f"DEMO E-LICENCE {licence_type}")
    c.drawString(40, 470, f"holder {holder_id}")
    c.showPage()
    c.save()
    data = buf.getvalue()
    sha = store_file(ctx, s, data, "application/pdf")
    lic = Licence(number=f"tmp-{secrets.token_hex(8)}", holder_id=holder_id, holder_name="", licence_type=licence_type,
                  issuer="演示电子证照库", valid_from=_today(ctx), valid_until=None, sha256=sha, size=len(data),
                  media_type="application/pdf", created_ts=ctx.now_ts())
    s.add(lic)
    s.flush()
    lic.number = f"DEMO{_today(ctx).replace('-', '')}{lic.id:06d}"
    return lic


def issue_use_code(ctx: ServerContext, number: str) -> str:
    """A 用证码 for one licence, good for ``USE_CODE_TTL_S``."""
    with ctx.db.write() as s:
        lic_id = s.scalar(select(Licence.id).where(Licence.number == number))
        if lic_id is None:
            raise ValueError(f"no licence {number}")
        code = "".join(secrets.choice("0123456789") for _ in range(12))
        s.add(LicenceUseCode(code=code, licence_id=lic_id, expires_ts=ctx.now_ts() + USE_CODE_TTL_S))
        return code


def set_shared_fact(ctx: ServerContext, subject_id: str, check: str, value: bool) -> None:
    with ctx.db.write() as s:
        fact = s.get(SharedFact, (subject_id, check))
        if fact is None:
            s.add(SharedFact(subject_id=subject_id, check=check, value=value, updated_ts=ctx.now_ts()))
        else:
            fact.value, fact.updated_ts = value, ctx.now_ts()


def _use(s: Session, ctx: ServerContext, op: Operator, *, matter_code: str, project_no: str, case_no: str,
         material_code: str, holder_id: str, licence_type: str, lic: Licence | None, outcome: str,
         authorisation: str) -> int:
    row = LicenceUse(ts=ctx.now_ts(), org_code=op.org_code, username=op.username, device_id=op.device_id[:200],
                     matter_code=matter_code, project_no=project_no, case_no=case_no, material_code=material_code,
                     holder_id=holder_id, licence_type=licence_type, licence_id=lic.id if lic else None,
                     outcome=outcome, authorisation=authorisation)
    s.add(row)
    s.flush()
    return row.id


def _valid_code(s: Session, ctx: ServerContext, code: str) -> tuple[LicenceUseCode, Licence] | None:
    uc = s.get(LicenceUseCode, code)
    if uc is None or uc.used_ts is not None or uc.expires_ts < ctx.now_ts():
        return None
    lic = s.get(Licence, uc.licence_id)
    return (uc, lic) if lic is not None else None


def lookup(ctx: ServerContext, op: Operator, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.LICENCE_USE)
    req = parse_body(LookupRequest, raw, ctx.config.max_json_depth)
    out: list[dict[str, Any]] = []
    with ctx.db.write() as s:
        for it in req.items:
            lic = s.scalars(select(Licence).where(Licence.holder_id == it.holder_id,
                                                  Licence.licence_type == it.licence_type)
                            .order_by(Licence.valid_from.desc(), Licence.id.desc()).limit(1)).first()
            if lic is None and ctx.config.demo_licences:
                lic = _demo_licence(ctx, s, it.holder_id, it.licence_type)
            auth = "own" if it.holder_id == req.applicant_id else "none"
            a = it.authorisation
            if auth == "none" and a is not None:
                if a.kind == "holder_present" and a.id_read:
                    auth = "holder_present"
                elif a.kind == "use_code" and a.use_code:
                    found = _valid_code(s, ctx, a.use_code)
                    if found is not None and lic is not None and found[1].id == lic.id:
                        found[0].used_ts = ctx.now_ts()
                        auth = "use_code"
            if auth == "none":
                outcome, lic_out = "unauthorised", None
            elif lic is None:
                outcome, lic_out = "not_found", None
            else:
                lic_out = licence_json(ctx, lic)
                outcome = "expired" if lic_out["status"] == "expired" else "found"
            use_id = _use(s, ctx, op, matter_code=req.matter_code, project_no=req.project_no, case_no=req.case_no,
                          material_code=it.material_code, holder_id=it.holder_id, licence_type=it.licence_type,
                          lic=lic if lic_out else None, outcome=outcome, authorisation=auth)
            out.append({"material_code": it.material_code, "outcome": outcome, "licence": lic_out,
                        "use_id": use_id, "authorisation": auth})
    return {"items": out}


def by_code(ctx: ServerContext, op: Operator, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.LICENCE_USE)
    req = parse_body(CodeRequest, raw, ctx.config.max_json_depth)
    with ctx.db.write() as s:
        found = _valid_code(s, ctx, req.use_code)
        if found is None:
            _use(s, ctx, op, matter_code=req.matter_code, project_no=req.project_no, case_no=req.case_no,
                 material_code=req.material_code or "", holder_id="", licence_type="", lic=None,
                 outcome="not_found", authorisation="use_code")
            reply = None
        else:
            uc, lic = found
            uc.used_ts = ctx.now_ts()
            lic_out = licence_json(ctx, lic)
            outcome = "expired" if lic_out["status"] == "expired" else "found"
            use_id = _use(s, ctx, op, matter_code=req.matter_code, project_no=req.project_no, case_no=req.case_no,
                          material_code=req.material_code or "", holder_id=lic.holder_id,
                          licence_type=lic.licence_type, lic=lic, outcome=outcome, authorisation="use_code")
            reply = {"outcome": outcome, "licence": lic_out, "use_id": use_id, "authorisation": "use_code"}
    if reply is None:  # raised after the commit: the failed use stays recorded
        raise ApiError(404, "unknown_use_code", "no such 用证码, or it expired or was used")
    return reply


def licence_file(ctx: ServerContext, op: Operator, number: str) -> tuple[bytes, str]:
    from backoffice.files import read_blob

    authz.require(op, Perm.LICENCE_USE)
    with ctx.db.read() as s:
        lic = s.scalars(select(Licence).where(Licence.number == number)).first()
        used = lic is not None and s.scalar(
            select(LicenceUse.id).where(LicenceUse.licence_id == lic.id, LicenceUse.org_code == op.org_code,
                                        LicenceUse.outcome.in_(("found", "expired"))).limit(1)) is not None
        if lic is None or not used:
            raise authz.hidden("licence", f"licence {number[:64]} without a recorded use by org {op.org_code}")
        sha, media = lic.sha256, lic.media_type
    return read_blob(ctx, sha), media


def verify(ctx: ServerContext, op: Operator, raw: bytes) -> dict[str, Any]:
    authz.require(op, Perm.LICENCE_USE)
    req = parse_body(VerifyRequest, raw, ctx.config.max_json_depth)
    with ctx.db.write() as s:
        fact = s.get(SharedFact, (req.subject_id, req.check))
        result = bool(fact.value) if fact is not None else False
        row = SharedCheck(reference=f"tmp-{secrets.token_hex(8)}", ts=ctx.now_ts(), org_code=op.org_code,
                          username=op.username, check=req.check, subject_id=req.subject_id, result=result,
                          matter_code=req.matter_code, project_no=req.project_no, case_no=req.case_no)
        s.add(row)
        s.flush()
        row.reference = f"GXHY{_today(ctx).replace('-', '')}{row.id:06d}"
        return {"check": req.check, "result": result, "reference": row.reference, "at": ctx.iso(row.ts)}


def uses_page(ctx: ServerContext, op: Operator, after: int, limit: int) -> dict[str, Any]:
    authz.require(op, Perm.LICENCE_USES)
    with ctx.db.read() as s:
        rows = s.execute(select(LicenceUse, Licence.number).outerjoin(Licence, Licence.id == LicenceUse.licence_id)
                         .where(LicenceUse.org_code == op.org_code, LicenceUse.id > after)
                         .order_by(LicenceUse.id).limit(limit)).all()
        items = [{"id": u.id, "at": ctx.iso(u.ts), "operator": u.username, "device_id": u.device_id,
                  "matter_code": u.matter_code, "project_no": u.project_no, "case_no": u.case_no,
                  "material_code": u.material_code, "licence_type": u.licence_type, "licence_number": number,
                  "outcome": u.outcome, "authorisation": u.authorisation} for u, number in rows]
    return {"items": items, "next": rows[-1][0].id if rows else after}


# -- routes ---------------------------------------------------------------------------------------------
@router.post("/api/v1/licences/lookup")
async def post_lookup(request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(lookup, get_ctx(request), op, await request.body())


@router.post("/api/v1/licences/by-code")
async def post_by_code(request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(by_code, get_ctx(request), op, await request.body())


@router.get("/api/v1/licences/{number}/file")
async def get_file(number: str, request: Request, op: CurrentOperator) -> Response:
    data, media = await run_in_threadpool(licence_file, get_ctx(request), op, number)
    return Response(content=data, media_type=media)


@router.get("/api/v1/licence-uses")
async def get_uses(request: Request, op: CurrentOperator, after: str = "0", limit: str = "100") -> dict[str, Any]:
    if not after.isdigit() or len(after) > 18 or not limit.isdigit() or not 1 <= int(limit[:6]) <= 1000:
        raise ApiError(422, "invalid", "the request is invalid",
                       {"after": "a number from the last page's next", "limit": "1..1000"})
    return await run_in_threadpool(uses_page, get_ctx(request), op, int(after), int(limit))


@router.post("/api/v1/data-sharing/verify")
async def post_verify(request: Request, op: CurrentOperator) -> dict[str, Any]:
    return await run_in_threadpool(verify, get_ctx(request), op, await request.body())


# -- the command line (python -m backoffice add-licence | use-code | add-shared-fact) ------------------
CLI_COMMANDS = ("add-licence", "use-code", "add-shared-fact", "licence-uses")


def register_cli(sub: Any) -> None:
    al = sub.add_parser("add-licence", help="put an e-licence (PDF or OFD) into the library; prints its number")
    al.add_argument("--holder", required=True, metavar="ID_NUMBER")
    al.add_argument("--type", required=True, dest="licence_type", metavar="LICENCE_TYPE",
                    help="the catalog's licence_type, e.g. hukou_booklet")
    al.add_argument("--file", required=True, type=Path, metavar="F.pdf")
    al.add_argument("--number", default=None, metavar="N")
    al.add_argument("--holder-name", default="")
    al.add_argument("--issuer", default="")
    al.add_argument("--valid-from", default=None, metavar="YYYY-MM-DD")
    al.add_argument("--valid-until", default=None, metavar="YYYY-MM-DD")
    uc = sub.add_parser("use-code", help="a 用证码 for one licence (what the holder's app shows); prints it")
    uc.add_argument("--number", required=True)
    lu = sub.add_parser("licence-uses", help="print the record of e-licence uses (operator, matter, case, outcome)")
    lu.add_argument("--org", default=None)
    lu.add_argument("--limit", type=int, default=100)
    sf = sub.add_parser("add-shared-fact", help="what 数据共享核验 answers for a person and a check")
    sf.add_argument("--subject", required=True, metavar="ID_NUMBER")
    sf.add_argument("--check", required=True, metavar="CHECK", help="e.g. marriage_registered")
    sf.add_argument("--value", required=True, choices=("yes", "no"))


def run_cli(ctx: ServerContext, args: Any) -> int:
    import re

    code_re = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
    if args.command == "add-licence":
        if not code_re.match(args.licence_type):
            raise ValueError(f"--type {args.licence_type!r}: lower-case letters, digits and _")
        try:
            number = add_licence(ctx, holder_id=args.holder, licence_type=args.licence_type, path=args.file,
                                 number=args.number, holder_name=args.holder_name, issuer=args.issuer,
                                 valid_from=args.valid_from, valid_until=args.valid_until)
        except OSError as exc:
            raise ValueError(f"cannot read {args.file}: {exc.strerror or exc}") from None
        print(number)
        return 0
    if args.command == "licence-uses":
        with ctx.db.read() as s:
            q = (select(LicenceUse, Licence.number).outerjoin(Licence, Licence.id == LicenceUse.licence_id)
                 .order_by(LicenceUse.id.desc()).limit(max(1, args.limit)))
            if args.org is not None:
                q = q.where(LicenceUse.org_code == args.org)
            for u, number in reversed(s.execute(q).all()):
                print(f"{ctx.iso(u.ts)}\t{u.org_code}\t{u.username}\t{u.matter_code}\t{u.case_no or '-'}\t"
                      f"{u.project_no or '-'}\t{u.material_code or '-'}\t{u.licence_type or '-'}\t{number or '-'}\t"
                      f"{u.outcome}\t{u.authorisation}")
        return 0
    if args.command == "use-code":
        print(issue_use_code(ctx, args.number))
        return 0
    if not code_re.match(args.check):
        raise ValueError(f"--check {args.check!r}: lower-case letters, digits and _")
    set_shared_fact(ctx, args.subject, args.check, args.value == "yes")
    print(f"{args.check} of {args.subject}: {args.value}")
    return 0
