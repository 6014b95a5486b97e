"""Authorisation of the closed loops (1.1): rectifications, the 办不成事 ledger, the hall's case figures,
walked as a matrix through the real server (the style of ``test_bo_authz``): every endpoint × role ×
own/other org × own/other operator. Then the hall's figures on known data."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer, start_server
from tests.backoffice.test_bo_authz import USERS, case_doc, evaluation
from tests.helpers.backoffice import PASSWORD, Api

pytestmark = pytest.mark.xdist_group("authz")


@dataclass
class Hall:
    server: EmbeddedServer
    apis: dict[str, Api]
    rect: int  # about clerk01 (org 230102)
    rect_other: int  # about clerk03 (same org)
    complaint: int  # taken by clerk01
    case_uuid: str

    def fmt(self, path: str) -> str:
        return path.format(rect=self.rect, rect_other=self.rect_other, complaint=self.complaint, case=self.case_uuid)


def _bad(api: Api, operator: str, window: str, case_uuid: str | None = None) -> int:
    doc = evaluation(operator, window, case_uuid)
    r = api.post("/api/v1/evaluations", json=doc, headers={"Idempotency-Key": doc["evaluation_uuid"]})
    assert r.status_code == 201, r.text
    items = Api(api.server, "sup01").get("/api/v1/rectifications").json()["items"]
    return int(next(i["id"] for i in items if i["evaluation_uuid"] == doc["evaluation_uuid"]))


def _setup(server: EmbeddedServer) -> Hall:
    for name, (roles, org, windows) in USERS.items():
        server.create_user(name, PASSWORD, roles, display_name=name, windows=windows, org_code=org)
    apis = {name: Api(server, name) for name in USERS}
    case = case_doc()
    assert apis["clerk01"].post("/api/v1/cases", json=case,
                                headers={"Idempotency-Key": case["case_uuid"]}).status_code == 201
    rect = _bad(apis["clerk01"], "clerk01", "W03", case["case_uuid"])
    rect_other = _bad(apis["clerk03"], "clerk03", "W04")
    c = apis["clerk01"].post("/api/v1/complaints", json={"complaint_uuid": str(uuid.uuid4()), "text": "想办的事办不成"})
    assert c.status_code == 201, c.text
    return Hall(server, apis, rect, rect_other, c.json()["id"], case["case_uuid"])


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    base = tmp_path_factory.mktemp("loops-authz")
    server = start_server(f"sqlite:///{base / 'bo.db'}", base / "files")
    try:
        yield _setup(server)
    finally:
        server.stop()


Req = Callable[[Hall], tuple[str, str, dict[str, Any]]]


def get(path: str) -> Req:
    return lambda h: ("GET", h.fmt(path), {})


def post(path: str, body: Callable[[], Any] | None = None) -> Req:
    return lambda h: ("POST", h.fmt(path), {"json": body() if body else {}})


def complaint() -> Req:
    return post("/api/v1/complaints", lambda: {"complaint_uuid": str(uuid.uuid4()), "text": "办不成的事"})


ALL = tuple(USERS)
MATRIX: list[tuple[str, Req, dict[str, int]]] = [
    # Rectifications: supervisors the hall's, a clerk only those about them; another org's are 404.
    ("list rectifications", get("/api/v1/rectifications"),
     {"clerk01": 200, "clerk03": 200, "sup01": 200, "admin01": 200, "clerk02": 200, "sup02": 200, "field01": 403}),
    ("read one about oneself", get("/api/v1/rectifications/{rect}"),
     {"clerk01": 200, "sup01": 200, "admin01": 200, "clerk03": 404, "clerk02": 404, "sup02": 404, "field01": 403}),
    ("read one that does not exist", get("/api/v1/rectifications/999999"), {"sup01": 404, "clerk01": 404}),
    ("callback", post("/api/v1/rectifications/{rect}/callback", lambda: {"said": "申请人说已理解"}),
     {"clerk01": 403, "clerk03": 403, "field01": 403, "sup02": 404, "sup01": 200}),
    ("callback again (same state)", post("/api/v1/rectifications/{rect}/callback", lambda: {"said": "再回访"}),
     {"admin01": 200}),
    ("close before a result", post("/api/v1/rectifications/{rect}/close", lambda: {"score": 4}), {"sup01": 409}),
    ("appeal an item about someone else", post("/api/v1/rectifications/{rect_other}/appeal",
                                               lambda: {"reason": "不是我的"}),
     {"clerk01": 404, "clerk02": 404, "sup02": 404, "field01": 403}),
    ("appeal one's own", post("/api/v1/rectifications/{rect_other}/appeal", lambda: {"reason": "误点差评"}),
     {"clerk03": 200}),
    ("decide an appeal", post("/api/v1/rectifications/{rect_other}/decide",
                              lambda: {"upheld": False, "reason": "回访确认"}),
     {"clerk03": 403, "sup02": 404, "sup01": 200}),
    ("an unknown action", post("/api/v1/rectifications/{rect}/delete"), {"sup01": 404}),
    ("a body missing its field", post("/api/v1/rectifications/{rect}/rectify", lambda: {}), {"sup01": 422}),
    # 办不成事: any staff of the hall records and reads; a supervisor assigns; assignee or supervisor closes.
    ("record a complaint", complaint(),
     {"clerk01": 201, "field01": 201, "sup01": 201, "admin01": 201, "clerk02": 201}),
    ("record naming another's window", post("/api/v1/complaints", lambda: {
        "complaint_uuid": str(uuid.uuid4()), "text": "办不成的事", "window": "W04"}), {"clerk01": 422, "sup01": 201}),
    ("list the ledger", get("/api/v1/complaints"), {k: 200 for k in ALL}),
    ("read one of the hall", get("/api/v1/complaints/{complaint}"),
     {"clerk03": 200, "field01": 200, "clerk02": 404, "sup02": 404}),
    ("assign", post("/api/v1/complaints/{complaint}/assign", lambda: {"to": "clerk03"}),
     {"clerk01": 403, "clerk03": 403, "field01": 403, "sup02": 404, "sup01": 200}),
    ("follow up", post("/api/v1/complaints/{complaint}/follow-up", lambda: {"note": "已联系"}),
     {"clerk01": 200, "clerk02": 404}),
    ("close without a result", post("/api/v1/complaints/{complaint}/close", lambda: {"result": ""}),
     {"clerk03": 422}),
    ("close someone else's", post("/api/v1/complaints/{complaint}/close", lambda: {"result": "我来关"}),
     {"clerk01": 403, "field01": 403, "sup02": 404}),
    ("close as its assignee", post("/api/v1/complaints/{complaint}/close", lambda: {"result": "已办结"}),
     {"clerk03": 200}),
    ("close again", post("/api/v1/complaints/{complaint}/close", lambda: {"result": "已办结"}), {"sup01": 409}),
    # The hall's case figures: supervisors and admins.
    ("hall figures", get("/api/v1/stats/cases?from=2026-12-01&to=2026-12-07"),
     {"sup01": 200, "sup02": 200, "admin01": 200, "clerk01": 403, "field01": 403}),
    ("hall figures, bad range", get("/api/v1/stats/cases?from=2026-12-07&to=2026-12-01"), {"sup01": 422}),
    ("hall figures, bad date", get("/api/v1/stats/cases?from=yesterday"), {"sup01": 422}),
]


def test_matrix(hall: Hall) -> None:
    failures = []
    for label, make, expected in MATRIX:
        for who, status in expected.items():
            method, path, kw = make(hall)
            r = hall.apis[who].http.request(method, hall.server.url + path, timeout=30, **kw)
            if r.status_code != status:
                failures.append(f"{label} as {who}: {r.status_code} (expected {status}) {r.text[:200]}")
    assert failures == []


def test_denials_are_audited(hall: Hall) -> None:
    r = hall.apis["clerk02"].get(f"/api/v1/rectifications/{hall.rect}")
    assert r.status_code == 404
    audit = hall.apis["admin01"].get("/api/v1/audit?limit=1000").json()["items"]
    assert any(e["action"] == f"POST /api/v1/rectifications/{hall.rect}/callback" and e["status"] == 403
               for e in audit)
    assert any(e["action"] == "rectification.callback" and e["outcome"] == "done" for e in audit)


def test_hall_figures(hall: Hall) -> None:
    """The data the matrix made: one case accepted 2026-12-01, two 差评 (one appeal rejected), complaints."""
    data = hall.apis["sup01"].get("/api/v1/stats/cases?from=2026-12-01&to=2026-12-01").json()
    t = data["totals"]
    assert t["accepted"] == 1 and data["by_bundle"] == {"newborn": {"accepted": 1, "delivered": 0,
                                                                     "evaluations": 0, "bad_evaluations": 0}}
    assert data["by_operator"]["clerk01"]["accepted"] == 1 and data["by_window"]["W03"]["accepted"] == 1
    assert t["rectifications_open"] == 2 and t["appeals_upheld"] == 0
    assert t["complaints_open"] == 5  # clerk01's first and the four recorded in the matrix (org 230102)
    other = hall.apis["sup02"].get("/api/v1/stats/cases?from=2026-12-01&to=2026-12-01").json()["totals"]
    assert other["accepted"] == 0 and other["rectifications_open"] == 0 and other["complaints_open"] == 1
