"""Authorisation on the platform and hall server, walked as a matrix through the real server.

Two orgs (230102 and 230199), several windows and every role. Each row of ``MATRIX`` is one request
by one operator and the status it must get; the table covers every endpoint × role × own/other org ×
own/other window. A 404 for another org's object is the same 404 as for an object that does not
exist, and every denial lands in the platform's audit.
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.helpers.backoffice import PASSWORD, Api

ORG, OTHER = "230102", "230199"
USERS = {  # username: (roles, org, windows)
    "clerk01": (["clerk"], ORG, ["W03"]),
    "clerk03": (["clerk"], ORG, ["W04"]),
    "clerk02": (["clerk"], OTHER, ["W07"]),
    "sup01": (["supervisor"], ORG, []),
    "sup02": (["supervisor"], OTHER, []),
    "field01": (["field"], ORG, []),
    "admin01": (["admin"], ORG, []),
}
PDF = b"%PDF-1.4 authz test " * 200
PDF_SHA = hashlib.sha256(PDF).hexdigest()
_SEQ = itertools.count(100)

# The matrix walks one hall in order (a row may rely on the one before: "upload again" after the
# upload), so under pytest-xdist the module runs on one worker.
pytestmark = pytest.mark.xdist_group("authz")


def case_doc(operator: str = "clerk01", window: str | None = "W03", org: str = ORG, **over: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "case_uuid": str(uuid.uuid4()), "case_no": f"{org}-20261201-{window or 'F01'}-{next(_SEQ):04d}",
        "bundle_code": "newborn", "catalog_version": "2026.11.1", "situations": {},
        "applicant": {"kind": "person", "name": "林保密", "id_type": "cn_ric", "id_number": "11010519491231002X",
                      "phone": "13912345678", "address": "道里区保密街 9 号"},
        "agent": None, "form": {},
        "materials": [{"code": "birth_medical_certificate", "name": "出生医学证明", "status": "provided",
                       "deadline": None,
                       "files": [{"sha256": PDF_SHA, "size": len(PDF), "media_type": "application/pdf", "pages": 1}]}],
        "commitment": None, "accepted_at": "2026-12-01T09:41:00+08:00", "due_date": "2026-12-08",
        "operator": operator, "window": window, "device_id": "dev-1", "ticket_no": None,
        "delivery": {"method": "window"},
    }
    doc.update(over)
    return doc


def evaluation(operator: str = "clerk01", window: str = "W03", case_uuid: str | None = None) -> dict[str, Any]:
    doc = {"evaluation_uuid": str(uuid.uuid4()), "window": window, "operator": operator, "score": 1,
           "tags": ["态度不好"], "comment": "", "at": "2026-12-01T10:00:00+08:00"}
    if case_uuid:
        doc["case_uuid"] = case_uuid
    return doc


@dataclass
class Hall:
    server: EmbeddedServer
    apis: dict[str, Api]
    case_uuid: str  # clerk01's case (org 230102)
    ticket_id: int  # called at W03 (org 230102)
    waiting_ticket_id: int

    def api(self, who: str) -> Api:
        return self.apis[who]


def _setup(server: EmbeddedServer) -> Hall:
    for name, (roles, org, windows) in USERS.items():
        server.create_user(name, PASSWORD, roles, display_name=name, windows=windows, org_code=org)
    apis = {name: Api(server, name) for name in USERS}
    doc = case_doc()
    r = apis["clerk01"].post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]})
    assert r.status_code == 201, r.text
    c = apis["clerk01"]
    assert c.put("/api/v1/queue/windows/W03", json={"services": ["intake"], "state": "open"}).status_code == 200
    t1 = c.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
    t2 = c.post("/api/v1/queue/tickets", json={"service": "intake"}).json()
    called = c.post("/api/v1/queue/windows/W03/call-next").json()
    assert called["ticket_id"] == t1["ticket_id"]
    return Hall(server, apis, doc["case_uuid"], t1["ticket_id"], t2["ticket_id"])


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hall(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    base = tmp_path_factory.mktemp("authz")
    if request.param == "sqlite":
        url = f"sqlite:///{base / 'bo.db'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    server = start_server(url, base / "files")
    try:
        yield _setup(server)
    finally:
        server.stop()


Req = Callable[[Hall], tuple[str, str, dict[str, Any]]]


def get(path: str) -> Req:
    return lambda h: ("GET", path.format(case=h.case_uuid, ticket=h.ticket_id, waiting=h.waiting_ticket_id), {})


def post(path: str, body: Callable[[Hall], Any] | None = None, key: Callable[[Any], str] | None = None) -> Req:
    def make(h: Hall) -> tuple[str, str, dict[str, Any]]:
        data = body(h) if body else None
        kw: dict[str, Any] = {"json": data} if data is not None else {}
        if key is not None:
            kw["headers"] = {"Idempotency-Key": key(data)}
        return "POST", path.format(case=h.case_uuid, ticket=h.ticket_id, waiting=h.waiting_ticket_id), kw
    return make


def put(path: str, body: Callable[[Hall], Any]) -> Req:
    return lambda h: ("PUT", path.format(case=h.case_uuid), {"json": body(h)})


def put_file() -> Req:
    return lambda h: ("PUT", f"/api/v1/cases/{h.case_uuid}/files/{PDF_SHA}",
                      {"data": PDF, "headers": {"Content-Type": "application/pdf"}})


def new_case(**kw: Any) -> Req:
    return post("/api/v1/cases", lambda h: case_doc(**kw), key=lambda d: d["case_uuid"])


def delivered() -> Req:
    return post("/api/v1/cases/{case}/events",
                lambda h: {"event_uuid": str(uuid.uuid4()), "type": "delivered",
                           "at": "2026-12-01T10:00:00+08:00", "method": "window"},
                key=lambda d: d["event_uuid"])


def new_evaluation(**kw: Any) -> Req:
    return post("/api/v1/evaluations", lambda h: evaluation(**kw), key=lambda d: d["evaluation_uuid"])


def window(state: str, code: str = "W03") -> Req:
    return put(f"/api/v1/queue/windows/{code}", lambda h: {"services": ["intake"], "state": state})


def visit(operator: str) -> Req:
    return post("/api/v1/visits", lambda h: {
        "visit_uuid": str(uuid.uuid4()), "operator": operator,
        "applicant": {"kind": "person", "name": "上门户", "id_type": "cn_ric", "id_number": "11010519491231002X"},
        "bundle_code": "newborn", "address": "道里区 1 号", "scheduled_for": "2026-12-02T09:00:00+08:00"},
        key=lambda d: d["visit_uuid"])


ALL = tuple(USERS)
HEALTH = {"version": "0.1.0", "window": None, "outbox": {"pending": 0}, "devices": [],
          "reported_at": "2026-12-01T10:00:00+08:00"}
# (label, request, {who: status}); who not listed → not tried in that row.
MATRIX: list[tuple[str, Req, dict[str, int]]] = [
    ("catalog", get("/api/v1/catalog"), dict.fromkeys(ALL, 200)),
    # Cases: a case belongs to its org; another org's answers 404 like a case that does not exist.
    ("read own org's case", get("/api/v1/cases/{case}"),
     {"clerk01": 200, "clerk03": 200, "sup01": 200, "field01": 200, "admin01": 200, "clerk02": 404, "sup02": 404}),
    ("read a case that does not exist", get(f"/api/v1/cases/{uuid.uuid4()}"), {"clerk01": 404, "clerk02": 404}),
    ("upload into the case", put_file(), {"clerk02": 404, "sup02": 404, "clerk03": 201}),
    ("upload again", put_file(), {"clerk01": 200, "clerk02": 404}),
    ("deliver the case", delivered(), {"clerk02": 404, "sup02": 404, "clerk01": 409}),  # 409: not ready yet
    # Identity bound to the token.
    ("file own case at own window", new_case(), {"clerk01": 201}),
    ("file a case naming another operator", new_case(operator="sup01"), {"clerk01": 422}),
    ("file as sup01 at W99 for another org", new_case(operator="sup01", window="W99", org=OTHER),
     {"sup01": 422, "sup02": 422}),
    ("file at a window not one's own", new_case(operator="clerk03", window="W03"), {"clerk03": 422}),
    ("file at no window as a clerk", new_case(window=None), {"clerk01": 422}),
    ("file with another org's case number", new_case(org=OTHER), {"clerk01": 422}),
    ("field case (no window)", new_case(operator="field01", window=None), {"field01": 201}),
    ("window case by a field user", new_case(operator="field01", window="W03"), {"field01": 422}),
    ("other org's clerk files own case", new_case(operator="clerk02", window="W07", org=OTHER), {"clerk02": 201}),
    ("evaluation of oneself", new_evaluation(), {"clerk01": 201}),
    ("evaluation 'of' clerk01 by someone else", new_evaluation(),
     {"clerk02": 422, "clerk03": 422, "sup01": 422, "field01": 422}),
    ("evaluation at a window not one's own", new_evaluation(operator="clerk03", window="W03"), {"clerk03": 422}),
    # Hall queue: windows belong to operators, supervisors act for their hall.
    ("take a ticket", post("/api/v1/queue/tickets", lambda h: {"service": "intake"}),
     {"clerk01": 201, "clerk02": 201, "sup01": 201, "admin01": 201, "field01": 403}),
    ("read own window", get("/api/v1/queue/windows/W03"),
     {"clerk01": 200, "sup01": 200, "admin01": 200, "clerk03": 403, "clerk02": 403, "field01": 403}),
    ("open a window not one's own", window("open"), {"clerk02": 403, "clerk03": 403, "field01": 403}),
    ("open own window", window("open"), {"clerk01": 200, "sup01": 200}),
    ("call next at a window not one's own", post("/api/v1/queue/windows/W03/call-next"),
     {"clerk02": 403, "clerk03": 403, "field01": 403}),
    ("no-show on another window's ticket", post("/api/v1/queue/tickets/{ticket}/no-show"),
     {"clerk02": 404, "sup02": 404, "clerk03": 403, "field01": 403}),
    ("recall own ticket", post("/api/v1/queue/tickets/{ticket}/recall"), {"clerk01": 200, "sup01": 200}),
    ("move a waiting ticket", post("/api/v1/queue/tickets/{waiting}/transfer", lambda h: {"service": "pickup"}),
     {"clerk01": 403, "clerk02": 404, "sup01": 200}),
    ("look up a ticket", get("/api/v1/queue/tickets/{ticket}"), {"clerk01": 200, "clerk02": 404, "field01": 403}),
    ("board", get("/api/v1/queue/board"), {"clerk01": 200, "sup02": 200, "admin01": 200, "field01": 403}),
    ("stats", get("/api/v1/queue/stats"), {"sup01": 200, "clerk02": 200, "field01": 403}),
    ("release a stuck ticket", post("/api/v1/queue/tickets/{ticket}/release", lambda h: {"to": "waiting"}),
     {"clerk01": 403, "field01": 403, "sup02": 404}),
    ("close a window not one's own", window("closed"), {"clerk02": 403, "clerk03": 403}),
    # Visits and the audit.
    ("plan a visit", visit("field01"), {"sup01": 201, "admin01": 201, "clerk01": 403, "field01": 403,
                                        "sup02": 422}),
    ("read one's own visits", get("/api/v1/visits"), dict.fromkeys(ALL, 200)),
    ("read another's visits", get("/api/v1/visits?operator=field01"),
     {"sup01": 200, "clerk01": 403, "sup02": 404, "clerk02": 403}),
    ("read the audit", get("/api/v1/audit"), {"admin01": 200, "sup01": 403, "clerk01": 403, "field01": 403}),
    # Workstation health (every Api logs in with device_id "test-device").
    ("report own workstation's health", post("/api/v1/workstations/test-device/health", lambda h: HEALTH),
     dict.fromkeys(ALL, 200)),
    ("report another device's health", post("/api/v1/workstations/other-device/health", lambda h: HEALTH),
     {"clerk01": 403, "sup01": 403}),
    ("read the hall's workstations", get("/api/v1/workstations"),
     {"sup01": 200, "admin01": 200, "sup02": 200, "clerk01": 403, "field01": 403}),
]


def _row(label: str) -> tuple[str, Req, dict[str, int]]:
    return next(r for r in MATRIX if r[0] == label)


@pytest.mark.parametrize("label", [r[0] for r in MATRIX])
def test_permission_matrix(hall: Hall, label: str) -> None:
    _, make, expected = _row(label)
    got = {}
    for who in expected:
        method, path, kw = make(hall)
        r = hall.api(who).http.request(method, hall.server.url + path, timeout=30, **kw)
        got[who] = r.status_code
        if r.status_code >= 400:
            assert set(r.json()["error"]) >= {"code", "message"}, r.text
    assert got == expected


def test_another_orgs_case_looks_exactly_like_none(hall: Hall) -> None:
    mine = hall.api("clerk02").get(f"/api/v1/cases/{hall.case_uuid}")
    nothing = hall.api("clerk02").get(f"/api/v1/cases/{uuid.uuid4()}")
    assert mine.status_code == nothing.status_code == 404
    assert mine.json() == nothing.json()


def test_identity_mismatch_names_the_field(hall: Hall) -> None:
    doc = case_doc(operator="sup01")
    r = hall.api("clerk01").post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]})
    assert r.status_code == 422 and "operator" in r.json()["error"]["fields"]
    doc = case_doc(window="W99")
    r = hall.api("clerk01").post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]})
    assert r.status_code == 422 and "window" in r.json()["error"]["fields"]


def test_stored_case_takes_operator_window_and_org_from_the_token(hall: Hall) -> None:
    from backoffice.db import Case

    with hall.server.ctx.db.read() as s:
        case = s.get(Case, hall.case_uuid)
        assert case is not None and (case.org_code, case.operator, case.window) == (ORG, "clerk01", "W03")


def test_evaluation_of_another_orgs_case_is_404(hall: Hall) -> None:
    doc = evaluation("clerk02", "W07", case_uuid=hall.case_uuid)
    r = hall.api("clerk02").post("/api/v1/evaluations", json=doc, headers={"Idempotency-Key": doc["evaluation_uuid"]})
    assert r.status_code == 404


def test_the_feed_is_per_org(hall: Hall) -> None:
    def cases(who: str) -> set[str]:
        return {i["case_uuid"] for i in hall.api(who).get("/api/v1/case-updates", params={"limit": 1000}).json()["items"]}

    assert hall.case_uuid in cases("clerk01") and hall.case_uuid in cases("sup01")
    assert hall.case_uuid not in cases("clerk02") and hall.case_uuid not in cases("sup02")


def test_halls_are_separate(hall: Hall) -> None:
    """The other org's supervisor sees their own hall's W03 (closed), not this one's, nor its calls."""
    w = hall.api("sup02").get("/api/v1/queue/windows/W03").json()
    assert w["state"] == "closed" and w["current_ticket"] is None
    assert hall.api("sup02").get("/api/v1/queue/board").json()["calls"] == []
    assert hall.api("clerk01").get("/api/v1/queue/board").json()["calls"]


def test_denials_are_audited_and_visible_to_the_admin(hall: Hall) -> None:
    hall.api("clerk02").get(f"/api/v1/cases/{hall.case_uuid}")
    hall.api("clerk02").post("/api/v1/queue/windows/W03/call-next")
    assert hall.api("clerk03").put("/api/v1/queue/windows/W03", json={"state": "open"}).status_code == 403
    items = hall.api("admin01").get("/api/v1/audit", params={"limit": 1000}).json()["items"]
    # the admin of org 230102 sees its org's entries; clerk02's are org 230199's
    other = [i for i in items if i["username"] == "clerk02"]
    assert other == []
    mine = [i for i in items if i["outcome"] == "denied" and i["username"] in ("clerk03", "field01", "clerk01")]
    assert any(i["status"] == 403 and i["action"].startswith("PUT /api/v1/queue/windows/W03") for i in mine)
    assert all(i["at"].endswith("+08:00") and i["reason"] for i in mine)
    from sqlalchemy import select

    from backoffice.db import AuditEntry

    with hall.server.ctx.db.read() as s:
        theirs = s.scalars(select(AuditEntry).where(AuditEntry.username == "clerk02")).all()
    assert {(e.status, e.org_code) for e in theirs} >= {(404, OTHER), (403, OTHER)}
    assert any(hall.case_uuid in e.reason for e in theirs)


def test_role_table_in_docs_matches_the_code() -> None:
    from backoffice.authz import role_table_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    assert role_table_markdown() in doc

