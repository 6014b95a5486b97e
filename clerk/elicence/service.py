"""Looking licences up for a case, attaching them, 待核验 at sync, and what ``case show`` lists.

A case's materials carry in their ``info`` what the catalog said (``licence_type``, ``holder``,
``data_sharing``, ``matters``) and what was recorded here (``licence``, ``licence_pending``,
``shared_check``; ``clerk.intake.service.LICENCE_INFO_KEYS``). Nothing is waived on a tick: a
material takes the status ``e_license`` with a fetched licence (its file attached, source
``e_license``), with a yes from 数据共享核验, or as 待核验 (offline) — and a 待核验 material is
fetched before the case goes to the platform, or the case is parked with the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk import clock
from clerk.catalog.schema import PERSON_APPLICANT, Bundle, PersonField
from clerk.errors import ClerkError
from clerk.intake.model import MaterialStatus
from clerk.materials.pagestore import PageStore
from clerk.store import Store
from clerk.store.models import BlobRow, CaseRow, FileRow, MaterialRow

LICENCE_PREFIX = "e_license:"
"""``FileRow.source_name`` of a licence file: ``e_license:<number>.pdf`` (or ``.ofd``)."""
MEDIA_SUFFIX = {"application/pdf": ".pdf", "application/ofd": ".ofd"}
OUTCOME_LABELS = {"found": "已调取", "expired": "证照已过期", "not_found": "未找到电子证照",
                  "unauthorised": "未获持证人授权", "no_holder": "表单中没有持证人身份证号",
                  "no_matter_code": "事项没有国家事项编码", "verified": "数据共享核验通过",
                  "not_verified": "数据共享核验未通过", "pending": "待核验电子证照"}


class LicenceError(ClerkError):
    """A licence that cannot be had (not found, expired, not authorised): one line naming the material."""


class Requester(Protocol):
    """What is needed of ``clerk.sync.client.PlatformClient`` (its ``_request`` plumbing)."""

    def _request(self, method: str, path: str, *, auth: bool = True, ok: tuple[int, ...] = (200, 201),
                 headers: dict[str, str] | None = None, **kw: Any) -> tuple[Any, bytes]: ...


@dataclass(frozen=True)
class Wanted:
    """One material to look up (or to verify by data sharing)."""

    code: str
    name: str
    holder: str
    holder_id: str
    matter_code: str
    licence_type: str | None = None
    data_sharing: str | None = None


@dataclass
class Outcome:
    code: str
    name: str
    outcome: str
    licence: dict[str, Any] | None = None
    shared_check: dict[str, Any] | None = None
    data: bytes = field(default=b"", repr=False)

    @property
    def label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    @property
    def attached(self) -> bool:
        return self.outcome in ("found", "verified")

    def line(self) -> str:
        lic = self.licence or {}
        if self.outcome == "found":
            until = lic.get("valid_until") or "长期"
            return f"{self.name}：{self.label}（编号 {lic.get('number')}，{lic.get('issuer') or '—'}，有效期至 {until}）"
        if self.outcome in ("verified", "not_verified"):
            return f"{self.name}：{self.label}（核验编号 {(self.shared_check or {}).get('reference')}）"
        if self.outcome == "expired":
            return f"{self.name}：{self.label}（编号 {lic.get('number')}，有效期至 {lic.get('valid_until')}），须另行提交"
        return f"{self.name}：{self.label}，须另行提交"


# -- what to look up --------------------------------------------------------------------------------------
def holder_ids(bundle: Bundle, applicant: dict[str, Any], form: dict[str, Any]) -> dict[str, str]:
    """Person code → ID number: the applicant's, and each person's ``id_number`` field on the form."""
    out = {PERSON_APPLICANT: str(applicant.get("id_number") or "")}
    for m in bundle.matters:
        for f in m.fields:
            if f.person and f.person_field is PersonField.ID_NUMBER and form.get(f.key):
                out.setdefault(f.person, str(form[f.key]).strip().upper())
    return out


def matter_code(bundle: Bundle, matters: Iterable[str]) -> str:
    for code in matters:
        try:
            national = bundle.matter(code).national_code
        except KeyError:
            continue
        if national:
            return national
    return ""


def wanted_of(bundle: Bundle, row: CaseRow, codes: Iterable[str] | None = None) -> list[Wanted]:
    """The materials of ``row`` that an e-licence or a data-sharing check can replace (all, or ``codes``)."""
    ids = holder_ids(bundle, dict(row.applicant or {}), dict(row.form or {}))
    only = set(codes) if codes is not None else None
    out: list[Wanted] = []
    for m in row.materials:
        info = m.info or {}
        if only is not None and m.code not in only:
            continue
        if not (info.get("licence_type") and info.get("e_license")) and not info.get("data_sharing"):
            continue
        holder = str(info.get("holder") or PERSON_APPLICANT)
        out.append(Wanted(code=m.code, name=m.name, holder=holder, holder_id=ids.get(holder, ""),
                          matter_code=matter_code(bundle, info.get("matters") or []),
                          licence_type=info.get("licence_type") if info.get("e_license") else None,
                          data_sharing=info.get("data_sharing")))
    return out


# -- talking to the platform --------------------------------------------------------------------------------
def _post(client: Requester, path: str, body: dict[str, Any], ok: tuple[int, ...] = (200,)) -> dict[str, Any]:
    import json

    _resp, raw = client._request("POST", path, json=body, ok=ok)
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise LicenceError("平台的电子证照答复不完整")
    return data


def fetch_file(client: Requester, licence: dict[str, Any]) -> bytes:
    """The licence's file, checked against the SHA-256 the library gave."""
    _resp, data = client._request("GET", f"/api/v1/licences/{licence['number']}/file", ok=(200,))
    expected = str((licence.get("file") or {}).get("sha256", ""))
    if hashlib.sha256(data).hexdigest() != expected:
        raise LicenceError(f"电子证照 {licence['number']} 的文件与证照库登记的摘要不符，未采用")
    return bytes(data)


def look_up(client: Requester, wanted: list[Wanted], *, case_no: str, applicant_id: str,
            authorisations: dict[str, dict[str, Any]] | None = None, project_no: str = "") -> list[Outcome]:
    """Every wanted material at once (one request per matter); found licences come with their file."""
    auths = authorisations or {}
    out: dict[str, Outcome] = {}
    by_matter: dict[str, list[Wanted]] = {}
    for w in wanted:
        if not w.holder_id:
            out[w.code] = Outcome(w.code, w.name, "no_holder")
        elif not w.matter_code:
            out[w.code] = Outcome(w.code, w.name, "no_matter_code")
        elif w.licence_type:
            by_matter.setdefault(w.matter_code, []).append(w)
        elif w.data_sharing:
            reply = _post(client, "/api/v1/data-sharing/verify",
                          {"check": w.data_sharing, "subject_id": w.holder_id, "matter_code": w.matter_code,
                           "case_no": case_no, "project_no": project_no})
            check = {k: reply.get(k) for k in ("check", "result", "reference", "at")}
            out[w.code] = Outcome(w.code, w.name, "verified" if reply.get("result") is True else "not_verified",
                                  shared_check=check)
    for matter, items in by_matter.items():
        body = {"matter_code": matter, "case_no": case_no, "project_no": project_no, "applicant_id": applicant_id,
                "items": [{"material_code": w.code, "holder_id": w.holder_id, "licence_type": w.licence_type,
                           **({"authorisation": auths[w.code]} if w.code in auths else {})} for w in items]}
        reply = _post(client, "/api/v1/licences/lookup", body)
        names = {w.code: w.name for w in items}
        for it in reply.get("items") or []:
            code = str(it.get("material_code"))
            o = Outcome(code, names.get(code, code), str(it.get("outcome")), licence=it.get("licence"))
            if o.outcome == "found" and o.licence:
                o.licence = {**o.licence, "use_id": it.get("use_id"), "authorisation": it.get("authorisation")}
                o.data = fetch_file(client, o.licence)
            out[code] = o
    return [out[w.code] for w in wanted if w.code in out]


def by_use_code(client: Requester, bundle: Bundle, row: CaseRow, code: str, use_code: str) -> Outcome:
    """The licence the applicant's 用证码 opens, for one material."""
    mat = next((m for m in row.materials if m.code == code), None)
    if mat is None:
        raise LicenceError(f"案件中没有材料 {code}")
    body = {"use_code": use_code, "matter_code": matter_code(bundle, (mat.info or {}).get("matters") or []),
            "case_no": row.case_no, "material_code": code}
    try:
        reply = _post(client, "/api/v1/licences/by-code", body)
    except ClerkError as exc:
        if getattr(exc, "status", None) == 404:
            return Outcome(code, mat.name, "not_found")
        raise
    o = Outcome(code, mat.name, str(reply.get("outcome")), licence=reply.get("licence"))
    if o.licence and o.licence.get("licence_type") != (mat.info or {}).get("licence_type"):
        raise LicenceError(f"用证码对应的是{o.licence.get('licence_type')}，不是“{mat.name}”所需的证照")
    if o.outcome == "found" and o.licence:
        o.licence = {**o.licence, "use_id": reply.get("use_id"), "authorisation": "use_code"}
        o.data = fetch_file(client, o.licence)
    return o


# -- recording it on the case -----------------------------------------------------------------------------
def _licence_record(o: Outcome) -> dict[str, Any]:
    lic = o.licence or {}
    f = lic.get("file") or {}
    return {"number": lic.get("number"), "licence_type": lic.get("licence_type"), "issuer": lic.get("issuer"),
            "holder_name": lic.get("holder_name"), "valid_from": lic.get("valid_from"),
            "valid_until": lic.get("valid_until"), "sha256": f.get("sha256"), "media_type": f.get("media_type"),
            "use_id": lic.get("use_id"), "authorisation": lic.get("authorisation"),
            "fetched_at": clock.now().isoformat(timespec="seconds")}


def record_outcomes(s: Session, pages: PageStore, row: CaseRow, outcomes: list[Outcome]) -> None:
    """Writes the outcomes into the case (in the caller's transaction). Found: the file is put in
    the page store and attached (source ``e_license``), status ``e_license``; verified: the answer;
    anything else: an ``e_license`` status is taken back (the material needs another status)."""
    by_code = {m.code: m for m in row.materials}
    for o in outcomes:
        mat = by_code.get(o.code)
        if mat is None:
            continue
        info = dict(mat.info or {})
        info.pop("licence_pending", None)
        info.pop("licence_refused", None)
        if o.outcome == "found" and o.licence and o.data:
            blob = pages.put_bytes(o.data)
            media = str((o.licence.get("file") or {}).get("media_type") or "application/pdf")
            if s.get(BlobRow, blob.sha256) is None:
                s.add(BlobRow(sha256=blob.sha256, size=blob.size, media_type=media, created_at=clock.now()))
            count = _view_pages(s, pages, mat, o, blob.sha256, media)
            mat.files = [f for f in mat.files if not f.source_name.startswith(LICENCE_PREFIX)]
            mat.files.append(FileRow(sha256=blob.sha256, size=blob.size, media_type=media, pages=count,
                                     position=len(mat.files),
                                     source_name=f"{LICENCE_PREFIX}{o.licence.get('number')}{MEDIA_SUFFIX.get(media, '')}"))
            info["licence"] = _licence_record(o)
            mat.status = MaterialStatus.E_LICENSE.value
            mat.deadline = None
        elif o.outcome == "verified":
            info["shared_check"] = o.shared_check
            mat.status = MaterialStatus.E_LICENSE.value
            mat.deadline = None
        else:
            info.pop("licence", None)
            info["licence_refused"] = o.label
            if o.outcome == "not_verified":
                info["shared_check"] = o.shared_check
            if mat.status == MaterialStatus.E_LICENSE.value:
                mat.status = MaterialStatus.MISSING.value
        mat.info = info
    row.updated_at = clock.now()


PAGE_PREFIX = "电子证照 "
"""``PageRow.source_name`` of a licence's pages in the viewer."""


def _view_pages(s: Session, pages: PageStore, mat: MaterialRow, o: Outcome, sha: str, media: str) -> int:
    """The licence's pages for the page viewer: a PDF's own pages, an OFD's rendered as PNG images."""
    from clerk.elicence.ofd import pdf_pages, render_ofd
    from clerk.store.models import PageRow

    now = clock.now()
    number = str((o.licence or {}).get("number"))
    mat.pages = [p for p in mat.pages if not p.source_name.startswith(PAGE_PREFIX)]
    start = len(mat.pages)
    if media == "application/ofd":
        for i, png in enumerate(render_ofd(o.data)):
            b = pages.put_bytes(png)
            if s.get(BlobRow, b.sha256) is None:
                s.add(BlobRow(sha256=b.sha256, size=b.size, media_type="image/png", created_at=now))
            mat.pages.append(PageRow(sha256=b.sha256, media_type="image/png", page_index=0, position=start + i,
                                     source_name=f"{PAGE_PREFIX}{number} 第 {i + 1} 页", created_at=now))
        return len(mat.pages) - start
    count = pdf_pages(o.data)
    for i in range(count):
        mat.pages.append(PageRow(sha256=sha, media_type="application/pdf", page_index=i, position=start + i,
                                 source_name=f"{PAGE_PREFIX}{number} 第 {i + 1} 页", created_at=now))
    return count


def mark_pending(s: Session, row: CaseRow, codes: Iterable[str]) -> list[str]:
    """待核验电子证照 (the platform unreachable): status ``e_license`` with ``licence_pending``."""
    marked: list[str] = []
    wanted = set(codes)
    for mat in row.materials:
        info = mat.info or {}
        if mat.code in wanted and info.get("e_license") and info.get("licence_type") and not info.get("licence"):
            mat.info = {**info, "licence_pending": True}
            mat.status = MaterialStatus.E_LICENSE.value
            mat.deadline = None
            marked.append(mat.code)
    return marked


# -- at sync: 待核验 → fetched or flagged --------------------------------------------------------------------
def pending_codes(store: Store, case_uuid: str) -> list[str]:
    with store.read() as s:
        rows = s.scalars(select(MaterialRow).where(MaterialRow.case_uuid == case_uuid)).all()
        return [m.code for m in rows if (m.info or {}).get("licence_pending")]


def resolve_pending(store: Store, pages: PageStore, bundle_of: Any, client: Requester, case_uuid: str,
                    payload: dict[str, Any]) -> dict[str, Any]:
    """Before a case goes to the platform: fetch its 待核验 licences and put their files into the
    case document. A licence not found (or expired, or not authorised) raises ``LicenceError``
    naming the material — the sync engine parks the case with it; it is never sent waived."""
    codes = pending_codes(store, case_uuid)
    if not codes:
        return payload
    with store.read() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            return payload
        bundle = bundle_of(row)
        wanted = wanted_of(bundle, row, codes)
        case_no, applicant_id = row.case_no, row.applicant_id_number
    outcomes = look_up(client, wanted, case_no=case_no, applicant_id=applicant_id)
    missing = [o for o in outcomes if not o.attached]
    if missing or len(outcomes) != len(codes):
        names = "、".join(f"“{o.name}”（{o.label}）" for o in missing) or "、".join(codes)
        raise LicenceError(f"待核验电子证照未能调取：{names}；案件未上报，请通知申请人补正该材料")
    with store.write() as s:
        row = s.get(CaseRow, case_uuid)
        assert row is not None
        record_outcomes(s, pages, row, outcomes)
        s.flush()
        files = {m.code: [{"sha256": f.sha256, "size": f.size, "media_type": f.media_type, "pages": f.pages}
                          for f in m.files] for m in row.materials}
        from clerk.store.models import OutboxRow

        doc = dict(payload)
        doc["materials"] = [{**m, "files": files.get(str(m.get("code")), m.get("files") or [])}
                            if m.get("code") in codes else m for m in payload.get("materials") or []]
        for ob in s.scalars(select(OutboxRow).where(OutboxRow.case_uuid == case_uuid, OutboxRow.kind == "case")):
            ob.payload = doc
    return doc


# -- what case show lists --------------------------------------------------------------------------------------
def file_source(mat: MaterialRow, f: FileRow) -> str:
    if f.source_name.startswith(LICENCE_PREFIX):
        return "e_license"
    if any(p.source_name.startswith("扫描") for p in mat.pages):
        return "scan"
    return "import"


def materials_json(row: CaseRow) -> list[dict[str, Any]]:
    """Each material with its status, files (sha256, source …), the licence number where fetched,
    待核验 and the data-sharing answer."""
    out: list[dict[str, Any]] = []
    for m in row.materials:
        info = m.info or {}
        lic = info.get("licence") or None
        item: dict[str, Any] = {
            "code": m.code, "name": m.name, "status": m.status,
            "deadline": m.deadline.isoformat() if m.deadline else None,
            "files": [{"sha256": f.sha256, "size": f.size, "media_type": f.media_type, "pages": f.pages,
                       "source": file_source(m, f)} for f in m.files],
            "licence_number": lic.get("number") if lic else None,
        }
        if info.get("licence_pending"):
            item["licence_pending"] = True
        if info.get("shared_check"):
            item["shared_check"] = info["shared_check"]
        out.append(item)
    return out


def case_materials(store: Store, case_uuid: str) -> list[dict[str, Any]]:
    """``materials_json`` of one case, read in its own session."""
    with store.read() as s:
        row = s.get(CaseRow, case_uuid)
        return materials_json(row) if row is not None else []


# -- at the window: the one action 调用电子证照 -----------------------------------------------------------
EDITABLE = ("draft", "notified")


def fetch_for_case(store: Store, pages: PageStore, bundle: Bundle, client: Requester, case_uuid: str, *,
                   authorisations: dict[str, dict[str, Any]] | None = None,
                   codes: Iterable[str] | None = None) -> list[Outcome]:
    """调用电子证照: every material of a draft the catalog allows (or ``codes``) looked up at once;
    what was found is attached, what was not is taken back from ``e_license``. Returns every
    outcome for the screen (type, number, issuer, validity; what was not found)."""
    with store.read() as s:
        row = s.get(CaseRow, case_uuid)
        if row is None:
            raise LicenceError("没有这个案件")
        if row.status not in EDITABLE:
            raise LicenceError("案件已受理，不能再调用电子证照")
        wanted = [w for w in wanted_of(bundle, row, codes)
                  if not (next(m for m in row.materials if m.code == w.code).info or {}).get("licence")]
        case_no, applicant_id = row.case_no, row.applicant_id_number
    if not wanted:
        return []
    outcomes = look_up(client, wanted, case_no=case_no, applicant_id=applicant_id, authorisations=authorisations)
    with store.write() as s:
        row = s.get(CaseRow, case_uuid)
        assert row is not None
        record_outcomes(s, pages, row, outcomes)
    return outcomes
