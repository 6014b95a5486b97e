"""Workstation health reports, the hall's table of window PCs, the update check, and ``/metrics``
(who may read it, what it counts), through the real server."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import select
from starlette.requests import Request

from backoffice import metrics
from backoffice.authz import Denied
from backoffice.db import AuditEntry
from backoffice.embedded import EmbeddedServer
from tests.helpers.backoffice import PASSWORD, Api, StartFn


def report(**over: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "version": "0.1.0", "window": "W03",
        "outbox": {"pending": 4, "parked": 1, "oldest_pending_at": "2026-12-01T09:00:00+08:00"},
        "last_sync_at": "2026-12-01T09:30:00+08:00",
        "devices": [{"kind": "scanner", "name": "test:0", "state": "ok"},
                    {"kind": "printer", "name": "A4", "state": "missing", "detail": "lpstat: 无此打印机"}],
        "reported_at": "2026-12-01T09:31:00+08:00",
    }
    doc.update(over)
    return doc


@pytest.fixture
def hall(start: StartFn) -> EmbeddedServer:
    server = start(workstation_version="0.2.0", workstation_minimum="0.1.0", workstation_note="apt upgrade",
                   stale_after_s=600.0)
    server.create_user("sup02", PASSWORD, ["supervisor"], org_code="230199")
    return server


def test_a_report_is_kept_per_device_and_the_supervisor_reads_the_table(hall: EmbeddedServer) -> None:
    clerk = Api(hall)  # logged in with device_id "test-device"
    r = clerk.post("/api/v1/workstations/test-device/health", json=report())
    assert r.status_code == 200, r.text
    assert r.json()["update"] == {"current": "0.1.0", "latest": "0.2.0", "minimum": "0.1.0",
                                  "state": "available", "note": "apt upgrade"}
    assert clerk.post("/api/v1/workstations/test-device/health",
                      json=report(outbox={"pending": 2, "parked": 0})).status_code == 200  # the latest wins
    table = Api(hall, "sup01").get("/api/v1/workstations").json()
    assert len(table["items"]) == 1
    row = table["items"][0]
    assert (row["device_id"], row["window"], row["operator"], row["version"]) == ("test-device", "W03", "clerk01",
                                                                                    "0.1.0")
    assert row["outbox"] == {"pending": 2, "parked": 0, "oldest_pending_at": None, "oldest_age_s": None}
    assert row["update"] == "available" and row["stale"] is False and row["report_age_s"] < 60
    assert [d["state"] for d in row["devices"]] == ["ok", "missing"]
    assert table["summary"]["devices_not_ok"] == 1 and table["summary"]["update_available"] == 1
    assert Api(hall, "sup02").get("/api/v1/workstations").json()["items"] == []  # another org's hall


def test_the_table_marks_a_silent_workstation_stale(hall: EmbeddedServer) -> None:
    Api(hall).post("/api/v1/workstations/test-device/health", json=report())
    hall.shift_clock(timedelta(seconds=601))
    row = Api(hall, "sup01").get("/api/v1/workstations").json()["items"][0]
    assert row["stale"] is True and row["report_age_s"] >= 601


@pytest.mark.parametrize(("version", "state"), [("0.0.9", "required"), ("0.1.5", "available"),
                                                 ("0.2.0", "current"), ("1.0", "current")])
def test_update_check(hall: EmbeddedServer, version: str, state: str) -> None:
    r = Api(hall).post("/api/v1/workstations/test-device/health", json=report(version=version))
    assert r.json()["update"]["state"] == state


def test_without_an_advertised_version_the_update_state_is_unknown(start: StartFn) -> None:
    server = start()
    r = Api(server).post("/api/v1/workstations/test-device/health", json=report())
    assert r.json()["update"]["state"] == "unknown" and r.json()["update"]["latest"] is None


def test_a_workstation_reports_only_for_itself_and_only_its_windows(hall: EmbeddedServer) -> None:
    clerk = Api(hall)
    r = clerk.post("/api/v1/workstations/someone-else/health", json=report())
    assert r.status_code == 403
    with hall.ctx.db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.reason.like("health of someone-else%"))).first()
    r = clerk.post("/api/v1/workstations/test-device/health", json=report(window="W09"))
    assert r.status_code == 200 and r.json()["window"] is None  # not one of clerk01's windows


@pytest.mark.parametrize("bad", [
    {"version": ""}, {"version": "1.0 beta"}, {"outbox": {"pending": -1}}, {"unknown": 1},
    {"devices": [{"kind": "Scanner!", "state": "ok"}]}, {"devices": [{"kind": "scanner", "state": "great"}]},
    {"reported_at": "2026-12-01T09:31:00"},
])
def test_a_bad_report_is_422(hall: EmbeddedServer, bad: dict[str, Any]) -> None:
    r = Api(hall).post("/api/v1/workstations/test-device/health", json=report(**bad))
    assert r.status_code == 422 and r.json()["error"]["fields"], r.text


def _value(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            head, _, value = line.rpartition(" ")
            if all(f'{k}="{v}"' in head for k, v in labels.items()):
                return float(value)
    return 0.0


def test_metrics_count_requests_cases_files_and_read_the_queue(hall: EmbeddedServer) -> None:
    clerk = Api(hall)
    before = requests.get(hall.url + "/metrics", timeout=30).text
    assert clerk.put("/api/v1/queue/windows/W03", json={"services": ["intake"], "state": "open"}).status_code == 200
    for _ in range(3):
        assert clerk.post("/api/v1/queue/tickets", json={"service": "intake"}).status_code == 201
    data = b"%PDF-1.4 metrics " * 100
    sha = hashlib.sha256(data).hexdigest()
    from tests.backoffice.test_bo_authz import case_doc

    doc = case_doc()
    doc["materials"][0]["files"] = [{"sha256": sha, "size": len(data), "media_type": "application/pdf", "pages": 1}]
    assert clerk.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]}).status_code == 201
    assert clerk.post("/api/v1/cases", json=doc, headers={"Idempotency-Key": doc["case_uuid"]}).status_code == 200
    assert clerk.put(f"/api/v1/cases/{doc['case_uuid']}/files/{sha}", data=data,
                     headers={"Content-Type": "application/pdf"}).status_code == 201
    clerk.post("/api/v1/workstations/test-device/health", json=report())
    r = requests.get(hall.url + "/metrics", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert _value(text, "backoffice_cases_received_total") == _value(before, "backoffice_cases_received_total") + 1
    assert _value(text, "backoffice_files_stored_total") == _value(before, "backoffice_files_stored_total") + 1
    tickets = {"method": "POST", "route": "/api/v1/queue/tickets", "status": "201"}
    assert _value(text, "backoffice_http_requests_total", **tickets) == \
        _value(before, "backoffice_http_requests_total", **tickets) + 3
    assert _value(text, "backoffice_http_request_duration_seconds_count", method="PUT",
                  route="/api/v1/cases/{case_uuid}/files/{sha256}") >= 1  # route templates, never raw paths
    assert doc["case_uuid"] not in text
    assert _value(text, "backoffice_queue_waiting", org="230102", service="intake") == 3
    assert _value(text, "backoffice_queue_windows", org="230102", state="open") == 1
    assert _value(text, "backoffice_cases", status="received") == 1
    assert _value(text, "backoffice_files") == 1 and _value(text, "backoffice_files_bytes") == len(data)
    device = {"org": "230102", "device": "test-device", "window": "W03", "version": "0.1.0"}
    assert _value(text, "window_clerk_outbox_pending", **device) == 4
    assert _value(text, "window_clerk_outbox_parked", **device) == 1
    assert _value(text, "window_clerk_devices_not_ok", **device) == 1
    assert _value(text, "window_clerk_update_state", **device, state="available") == 1
    assert _value(text, "window_clerk_outbox_oldest_age_seconds", **device) > 0


def test_metrics_with_a_token_need_the_token(start: StartFn) -> None:
    token = "m-" + uuid.uuid4().hex
    server = start(metrics_token=token)
    assert requests.get(server.url + "/metrics", timeout=30).status_code == 403
    assert requests.get(server.url + "/metrics", headers={"Authorization": "Bearer wrong-token-xxxxxx"},
                        timeout=30).status_code == 403
    clerk = Api(server)  # an operator's token is not the metrics token
    assert clerk.get("/metrics").status_code == 403
    r = requests.get(server.url + "/metrics", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 200 and "backoffice_http_requests_total" in r.text
    with server.ctx.db.read() as s:
        denied = s.scalars(select(AuditEntry).where(AuditEntry.action == "GET /metrics")).all()
    assert len(denied) == 3 and {e.status for e in denied} == {403}


def test_without_a_token_only_loopback_clients_read_metrics(server: EmbeddedServer) -> None:
    def request(host: str) -> Request:
        return Request({"type": "http", "method": "GET", "path": "/metrics", "headers": [], "client": (host, 5555)})

    metrics.check_reader(server.ctx, request("127.0.0.1"))
    metrics.check_reader(server.ctx, request("::1"))
    with pytest.raises(Denied):
        metrics.check_reader(server.ctx, request("10.0.3.21"))
