"""Platform API of the back office through a real server: login, catalog, cases, files, events, feed."""

from __future__ import annotations

import copy
import hashlib
import itertools
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from backoffice.embedded import EmbeddedServer
from backoffice.files import read_blob
from backoffice.workflow import IllegalMove
from tests.helpers.backoffice import PASSWORD, Api, StartFn

PDF = b"%PDF-1.4 birth certificate " * 500
PDF_SHA = hashlib.sha256(PDF).hexdigest()


_CASE_SEQ = itertools.count(12)


def case_doc(**over: Any) -> dict[str, Any]:
    cu = str(uuid.uuid4())
    doc: dict[str, Any] = {
        "case_uuid": cu, "case_no": f"230102-20261122-W03-{next(_CASE_SEQ):04d}", "bundle_code": "newborn",
        "catalog_version": "2026.11.1", "situations": {"settle_with": "father"},
        "applicant": {"kind": "person", "name": "王小明", "id_type": "cn_ric", "id_number": "11010519491231002X",
                      "phone": "13800000000", "address": "哈尔滨市南岗区"},
        "agent": None,
        "form": {"child_name": "王一", "birth_date": "2026-11-01"},
        "materials": [
            {"code": "birth_medical_certificate", "name": "出生医学证明", "status": "provided", "deadline": None,
             "files": [{"sha256": PDF_SHA, "size": len(PDF), "media_type": "application/pdf", "pages": 1}]},
            {"code": "father_hukou_booklet", "name": "父亲户口簿", "status": "deferred", "deadline": "2026-12-06",
             "files": []},
        ],
        "commitment": {"signed_at": "2026-11-22T09:41:00+08:00"},
        "accepted_at": "2026-11-22T09:41:00+08:00", "due_date": "2026-11-29",
        "operator": "clerk01", "window": "W03", "device_id": "dev-1", "ticket_no": "A012",
        "delivery": {"method": "window"},
    }
    doc.update(over)
    return doc


def post_case(api: Api, doc: dict[str, Any], key: str | None = "same") -> requests.Response:
    headers = {"Idempotency-Key": doc["case_uuid"] if key == "same" else key} if key is not None else {}
    return api.post("/api/v1/cases", json=doc, headers=headers)


def test_health_needs_no_token(server: EmbeddedServer) -> None:
    r = requests.get(server.url + "/api/v1/health")
    body = r.json()
    assert r.status_code == 200 and body.pop("features") and body == {"status": "ok", "api_version": "1",
                                                                      "api_revision": "1.1"}


def test_login_reply_exactly_as_the_contract(server: EmbeddedServer) -> None:
    r = requests.post(server.url + "/api/v1/auth/login",
                      json={"username": "clerk01", "password": PASSWORD, "device_id": "d1"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"token", "expires_at", "operator"}
    assert body["operator"] == {"username": "clerk01", "display_name": "张三", "roles": ["clerk"],
                                "org_code": "230102", "windows": ["W03"]}
    assert body["expires_at"].endswith("+08:00") and len(body["token"]) >= 32


def test_bad_credentials_401_then_rate_limited_429(server: EmbeddedServer) -> None:
    url = server.url + "/api/v1/auth/login"
    bad = {"username": "clerk01", "password": "wrong", "device_id": "d1"}
    for _ in range(5):
        r = requests.post(url, json=bad)
        assert r.status_code == 401 and r.json()["error"]["code"] == "bad_credentials"
    r = requests.post(url, json=bad)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    # Even the right password waits until the window passes.
    r = requests.post(url, json={**bad, "password": PASSWORD})
    assert r.status_code == 429
    r = requests.post(url, json={"username": "nobody", "password": "x", "device_id": "d1"})
    assert r.status_code == 401


def test_login_body_is_validated(server: EmbeddedServer) -> None:
    r = requests.post(server.url + "/api/v1/auth/login", json={"username": "clerk01"})
    assert r.status_code == 422
    assert set(r.json()["error"]["fields"]) == {"password", "device_id"}


def test_401_missing_bad_and_expired_token(server: EmbeddedServer, api: Api) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        r = requests.get(server.url + "/api/v1/catalog", headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] in ("unauthorized", "token_expired")
    assert api.get("/api/v1/case-updates").status_code == 200
    server.shift_clock(timedelta(hours=12, minutes=1))
    r = api.get("/api/v1/case-updates")
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_expired"


def test_unknown_path_and_method_use_the_error_shape(api: Api) -> None:
    r = api.get("/api/v1/nothing-here")
    assert r.status_code == 404 and set(r.json()["error"]) >= {"code", "message"}
    r = api.http.delete(api.url + "/api/v1/catalog")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    r = api.get("/api/v1/case-updates", params={"limit": "many"})
    assert r.status_code == 422 and "query.limit" in r.json()["error"]["fields"]


def test_catalog_with_etag_and_304(api: Api) -> None:
    r = api.get("/api/v1/catalog")
    assert r.status_code == 200
    body = r.json()
    assert body["version"].startswith("2026.11.1") and isinstance(body["bundles"], list)
    assert isinstance(body["holidays"], dict)
    for bundle in body["bundles"]:
        assert {"code", "matters"} <= set(bundle)
    etag = r.headers["ETag"]
    r2 = api.get("/api/v1/catalog", headers={"If-None-Match": etag})
    assert r2.status_code == 304 and r2.headers["ETag"] == etag and r2.content == b""
    assert api.get("/api/v1/catalog", headers={"If-None-Match": '"other"'}).status_code == 200


def test_case_created_once_replayed_and_conflicting(api: Api) -> None:
    doc = case_doc()
    r = post_case(api, doc)
    assert r.status_code == 201
    reply = r.json()
    assert reply["case_uuid"] == doc["case_uuid"] and reply["status"] == "received"
    assert reply["missing_files"] == [PDF_SHA] and reply["platform_case_id"]
    again = post_case(api, copy.deepcopy(doc))
    assert again.status_code == 200 and again.json() == reply
    changed = copy.deepcopy(doc)
    changed["form"]["child_name"] = "王二"
    r = post_case(api, changed)
    assert r.status_code == 409 and r.json()["error"]["code"] == "idempotency_conflict"
    status = api.get(f"/api/v1/cases/{doc['case_uuid']}").json()
    assert status["status"] == "received" and status["missing_files"] == [PDF_SHA]
    assert status["updated_at"].endswith("+08:00")


def test_idempotency_key_required_and_must_match(api: Api) -> None:
    doc = case_doc()
    r = post_case(api, doc, key=None)
    assert r.status_code == 422 and "Idempotency-Key" in r.json()["error"]["fields"]
    r = post_case(api, doc, key=str(uuid.uuid4()))
    assert r.status_code == 422 and "Idempotency-Key" in r.json()["error"]["fields"]


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d["materials"][0].update(status="lost"), "materials.0.status"),
    (lambda d: d["materials"][1].update(deadline=None), "materials.1"),
    (lambda d: d["applicant"].update(id_type="uscc"), "applicant"),
    (lambda d: d["applicant"].update(kind="robot"), "applicant.kind"),
    (lambda d: d.update(delivery={"method": "post"}), "delivery"),
    (lambda d: d.update(delivery={"method": "drone"}), "delivery.method"),
    (lambda d: d.update(due_date="2026-13-01"), "due_date"),
    (lambda d: d.update(accepted_at="2026-11-22T09:41:00"), "accepted_at"),
    (lambda d: d["materials"][0]["files"][0].update(sha256="XYZ"), "materials.0.files.0.sha256"),
    (lambda d: d.update(commitment=None), "(document)"),
    (lambda d: d.pop("bundle_code"), "bundle_code"),
    (lambda d: d.update(surprise=1), "surprise"),
    (lambda d: d.update(case_uuid="not-a-uuid-at-all-not-a-uuid-at-a"), "case_uuid"),
])
def test_invalid_case_is_422_with_fields(api: Api, mutate: Any, field: str) -> None:
    doc = case_doc()
    key = doc["case_uuid"]
    mutate(doc)
    r = api.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc.get("case_uuid", key)})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "invalid" and field in err["fields"], err


def test_enterprise_and_post_delivery_accepted(api: Api) -> None:
    doc = case_doc(
        applicant={"kind": "enterprise", "name": "某餐饮有限公司", "id_type": "uscc", "id_number": "91230102MA1B2C3D4E"},
        delivery={"method": "post", "address": "哈尔滨市", "recipient": "李四", "phone": "13900000000"},
    )
    assert post_case(api, doc).status_code == 201


def test_not_json_is_422(api: Api) -> None:
    r = api.post("/api/v1/cases", data=b"{nope", headers={"Idempotency-Key": "x", "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_json"


def test_file_upload_store_replay_mismatch_and_404(api: Api, server: EmbeddedServer) -> None:
    doc = case_doc()
    cu = doc["case_uuid"]
    assert post_case(api, doc).status_code == 201
    bad = api.put(f"/api/v1/cases/{cu}/files/{PDF_SHA}", data=PDF + b"x", headers={"Content-Type": "application/pdf"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "hash_mismatch"
    r = api.put(f"/api/v1/cases/{cu}/files/{PDF_SHA}", data=PDF, headers={"Content-Type": "application/pdf"})
    assert r.status_code == 201
    stored = server.ctx.config.files_dir / PDF_SHA[:2] / PDF_SHA[2:4] / PDF_SHA
    assert b"birth certificate" not in stored.read_bytes()  # encrypted at rest
    assert read_blob(server.ctx, PDF_SHA) == PDF
    assert list((server.ctx.config.files_dir / "tmp").iterdir()) == []
    r = api.put(f"/api/v1/cases/{cu}/files/{PDF_SHA}", data=PDF, headers={"Content-Type": "application/pdf"})
    assert r.status_code == 200
    assert api.get(f"/api/v1/cases/{cu}").json()["missing_files"] == []
    other = hashlib.sha256(b"other").hexdigest()
    r = api.put(f"/api/v1/cases/{cu}/files/{other}", data=b"other")
    assert r.status_code == 404 and r.json()["error"]["code"] == "file_not_in_manifest"
    r = api.put(f"/api/v1/cases/{uuid.uuid4()}/files/{PDF_SHA}", data=PDF)
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_case"
    assert api.get(f"/api/v1/cases/{uuid.uuid4()}").status_code == 404


def _big_case(api: Api, size: int) -> tuple[str, str]:
    sha = hashlib.sha256(b"big").hexdigest()  # address never matches; refused on size first
    doc = case_doc(materials=[{"code": "scan", "name": "扫描件", "status": "provided", "deadline": None,
                               "files": [{"sha256": sha, "size": 50 * 1024 * 1024, "media_type": "image/tiff"}]}],
                   commitment=None)
    assert post_case(api, doc).status_code == 201
    return doc["case_uuid"], sha


def test_streamed_60_mib_upload_refused_413(api: Api, server: EmbeddedServer) -> None:
    cu, sha = _big_case(api, 60)
    chunk = b"\0" * (1024 * 1024)

    def body() -> Iterator[bytes]:
        for _ in range(60):
            yield chunk

    r = api.put(f"/api/v1/cases/{cu}/files/{sha}", data=body(), headers={"Content-Type": "image/tiff"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"
    assert list((server.ctx.config.files_dir / "tmp").iterdir()) == []


def test_declared_oversize_upload_refused_413(api: Api) -> None:
    cu, sha = _big_case(api, 60)
    data = b"\0" * (60 * 1024 * 1024)
    r = api.put(f"/api/v1/cases/{cu}/files/{sha}", data=data, headers={"Content-Type": "image/tiff"})
    assert r.status_code == 413


def test_supplement_grows_manifest_and_delivered_event(api: Api, server: EmbeddedServer) -> None:
    doc = case_doc()
    cu = doc["case_uuid"]
    post_case(api, doc)
    api.put(f"/api/v1/cases/{cu}/files/{PDF_SHA}", data=PDF)
    server.advance(cu, "in_review")
    server.advance(cu, "supplement_required")
    booklet = b"hukou booklet page" * 100
    bsha = hashlib.sha256(booklet).hexdigest()
    ev = {"event_uuid": str(uuid.uuid4()), "type": "supplement", "material_code": "father_hukou_booklet",
          "files": [{"sha256": bsha, "size": len(booklet), "media_type": "image/jpeg", "pages": 1}]}
    r = api.post(f"/api/v1/cases/{cu}/events", json=ev, headers={"Idempotency-Key": ev["event_uuid"]})
    assert r.status_code == 201, r.text
    assert r.json()["missing_files"] == [bsha] and r.json()["status"] == "in_review"
    again = api.post(f"/api/v1/cases/{cu}/events", json=ev, headers={"Idempotency-Key": ev["event_uuid"]})
    assert again.status_code == 200 and again.json() == r.json()
    r = api.post(f"/api/v1/cases/{cu}/events", json={**ev, "material_code": "birth_medical_certificate"},
                 headers={"Idempotency-Key": ev["event_uuid"]})
    assert r.status_code == 409
    bad = {**ev, "event_uuid": str(uuid.uuid4()), "material_code": "no_such"}
    r = api.post(f"/api/v1/cases/{cu}/events", json=bad, headers={"Idempotency-Key": bad["event_uuid"]})
    assert r.status_code == 422 and "material_code" in r.json()["error"]["fields"]
    assert api.get(f"/api/v1/cases/{cu}").json()["missing_files"] == [bsha]
    assert api.put(f"/api/v1/cases/{cu}/files/{bsha}", data=booklet).status_code == 201
    assert api.get(f"/api/v1/cases/{cu}").json()["missing_files"] == []

    delivered = {"event_uuid": str(uuid.uuid4()), "type": "delivered", "at": "2026-11-30T10:00:00+08:00",
                 "method": "window"}
    r = api.post(f"/api/v1/cases/{cu}/events", json=delivered, headers={"Idempotency-Key": delivered["event_uuid"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "case_not_ready"
    server.advance(cu, "approved")
    server.advance(cu, "ready_for_pickup")
    r = api.post(f"/api/v1/cases/{cu}/events", json=delivered, headers={"Idempotency-Key": delivered["event_uuid"]})
    assert r.status_code == 201 and r.json()["status"] == "delivered"
    r = api.post(f"/api/v1/cases/{cu}/events", json={"event_uuid": str(uuid.uuid4()), "type": "lost"},
                 headers={"Idempotency-Key": "x"})
    assert r.status_code == 422 and "type" in r.json()["error"]["fields"]
    r = api.post(f"/api/v1/cases/{uuid.uuid4()}/events", json=delivered, headers={"Idempotency-Key": delivered["event_uuid"]})
    assert r.status_code == 404
    statuses = [i["status"] for i in api.get("/api/v1/case-updates").json()["items"]]
    assert statuses == ["received", "in_review", "supplement_required", "in_review", "approved",
                        "ready_for_pickup", "delivered"]


def test_advance_refuses_illegal_moves(api: Api, server: EmbeddedServer) -> None:
    doc = case_doc()
    post_case(api, doc)
    with pytest.raises(IllegalMove):
        server.advance(doc["case_uuid"], "delivered")
    with pytest.raises(KeyError):
        server.advance(str(uuid.uuid4()), "in_review")


def read_feed(api: Api, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str]:
    params: dict[str, Any] = {"limit": limit}
    if cursor:
        params["after"] = cursor
    r = api.get("/api/v1/case-updates", params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"], r.json()["next"]


def test_feed_pages_without_skipping_or_repeating(api: Api, server: EmbeddedServer) -> None:
    docs = [case_doc() for _ in range(7)]
    for d in docs:
        post_case(api, d)
        server.advance(d["case_uuid"], "in_review")
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        items, cursor = read_feed(api, cursor, 3)
        if not items:
            break
        seen += [(i["case_uuid"], i["status"]) for i in items]
        assert all(i["note"] and i["at"].endswith("+08:00") for i in items)
    assert len(seen) == 14 and len(set(seen)) == 14
    items, same = read_feed(api, cursor, 3)
    assert items == [] and same == cursor
    r = api.get("/api/v1/case-updates", params={"after": "garbage!"})
    assert r.status_code == 422 and "after" in r.json()["error"]["fields"]


def test_feed_under_concurrent_inserts(start: StartFn, db_url: str) -> None:
    server = start(db_url)
    api = Api(server)
    writers, per_writer = 6, 15
    expected: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()

    def write() -> None:
        client = api.clone()
        for _ in range(per_writer):
            d = case_doc()
            assert post_case(client, d).status_code == 201
            with lock:
                expected.add(d["case_uuid"])

    seen: list[str] = []

    def read() -> None:
        client = api.clone()
        cursor = None
        while True:
            finished = done.is_set()
            items, cursor = read_feed(client, cursor, 7)
            seen.extend(i["case_uuid"] for i in items)
            if finished and not items:
                return

    threads = [threading.Thread(target=write) for _ in range(writers)]
    reader = threading.Thread(target=read)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join(60)
    assert len(seen) == writers * per_writer == len(set(seen))
    assert set(seen) == expected


def test_auto_advance_moves_cases_along(start: StartFn) -> None:
    server = start(auto_advance_s=0.1)
    api = Api(server)
    plain = case_doc(commitment=None, materials=[case_doc()["materials"][0]])
    deferred = case_doc()
    post_case(api, plain)
    post_case(api, deferred)
    import time

    deadline = time.monotonic() + 120  # generous: the loop ends as soon as both moved
    while time.monotonic() < deadline:
        a = api.get(f"/api/v1/cases/{plain['case_uuid']}").json()["status"]
        b = api.get(f"/api/v1/cases/{deferred['case_uuid']}").json()["status"]
        if a == "ready_for_pickup" and b == "supplement_required":
            break
        time.sleep(0.1)
    assert (a, b) == ("ready_for_pickup", "supplement_required")
    notes = {i["status"]: i["note"] for i in api.get("/api/v1/case-updates").json()["items"]}
    assert "父亲户口簿" in notes["supplement_required"]


def test_evaluations_idempotent(api: Api) -> None:
    ev = {"evaluation_uuid": str(uuid.uuid4()), "case_uuid": str(uuid.uuid4()), "ticket_no": "A012",
          "window": "W03", "operator": "clerk01", "score": 5, "tags": ["热情"], "comment": "很好",
          "at": "2026-11-22T10:00:00+08:00"}
    h = {"Idempotency-Key": ev["evaluation_uuid"]}
    assert api.post("/api/v1/evaluations", json=ev, headers=h).status_code == 201
    assert api.post("/api/v1/evaluations", json=ev, headers=h).status_code == 200
    assert api.post("/api/v1/evaluations", json={**ev, "score": 1}, headers=h).status_code == 409
    r = api.post("/api/v1/evaluations", json={**ev, "score": 6}, headers=h)
    assert r.status_code == 422 and "score" in r.json()["error"]["fields"]


@pytest.mark.postgres
def test_platform_on_postgres(start: StartFn, postgres: Any) -> None:
    server = start(postgres.new_database())
    api = Api(server)
    doc = case_doc()
    assert post_case(api, doc).status_code == 201
    assert post_case(api, doc).status_code == 200
    assert api.put(f"/api/v1/cases/{doc['case_uuid']}/files/{PDF_SHA}", data=PDF).status_code == 201
    server.advance(doc["case_uuid"], "in_review")
    items, _ = read_feed(api, None, 10)
    assert [i["status"] for i in items] == ["received", "in_review"]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "backoffice", *args], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2], env={**os.environ, **(env or {})})


def test_cli_create_user_advance_and_one_line_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    r = _cli("--db", db, "create-user", "sup01", "--role", "supervisor,admin", "--windows", "W01,W02",
             "--org", "230102", env={"BACKOFFICE_PASSWORD": "pass1234"})
    assert r.returncode == 0, r.stderr
    r = _cli("--db", db, "create-user", "sup01", "--role", "clerk", "--password", "pass1234")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "already exists" in r.stderr
    r = _cli("--db", db, "create-user", "x1", "--role", "wizard", "--password", "pass1234")
    assert r.returncode == 2 and "unknown role" in r.stderr and "Traceback" not in r.stderr
    r = _cli("--db", db, "advance", str(uuid.uuid4()), "approved")
    assert r.returncode == 2 and "no case" in r.stderr and "Traceback" not in r.stderr
    r = _cli("--db", db, "--faults", "explode=1", "advance", "x", "y")
    assert r.returncode == 2 and "unknown fault" in r.stderr
