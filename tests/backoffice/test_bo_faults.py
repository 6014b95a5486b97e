"""Fault injection: the server really drops, fails, throttles and slows requests, never /health."""

from __future__ import annotations

import time
import uuid
from collections import Counter

import pytest
import requests

from backoffice.config import FaultSpec
from tests.backoffice.test_bo_platform import PDF, PDF_SHA, case_doc
from tests.helpers.backoffice import PASSWORD, StartFn


def test_fault_spec_parsing() -> None:
    spec = FaultSpec.parse("drop=0.2,error500=0.1,slow=0.1,error429=0.05")
    assert (spec.drop, spec.error500, spec.slow, spec.error429) == (0.2, 0.1, 0.1, 0.05) and spec.active
    assert not FaultSpec.parse("").active
    for bad in ("drop=2", "boom=0.1", "drop", "drop=0.6,error500=0.6"):
        with pytest.raises(ValueError):
            FaultSpec.parse(bad)


def test_faults_are_injected_and_health_is_spared(start: StartFn) -> None:
    server = start(faults="drop=0.25,error500=0.15,error503=0.1,error429=0.15,slow=0.1,slow_s=0.6,seed=3")
    s = requests.Session()
    for _ in range(30):
        assert s.get(server.url + "/api/v1/health", timeout=10).status_code == 200
    seen: Counter[str] = Counter()
    for _ in range(80):
        t0 = time.monotonic()
        try:
            r = s.get(server.url + "/api/v1/catalog", timeout=10)  # no token: a quick 401 when not faulted
        except requests.exceptions.RequestException:
            seen["broken"] += 1
            s = requests.Session()
            continue
        if r.status_code in (200, 401):
            try:
                r.json()
                seen["slow" if time.monotonic() - t0 >= 0.3 else "ok"] += 1
            except ValueError:
                seen["broken"] += 1
        else:
            seen[str(r.status_code)] += 1
            assert "error" in r.json()
            if r.status_code == 429:
                assert r.headers.get("Retry-After") == "1"
    assert seen["broken"] > 0 and seen["500"] > 0 and seen["503"] > 0 and seen["429"] > 0 and seen["slow"] > 0
    assert seen["ok"] > 0


def test_retrying_client_stores_the_case_exactly_once(start: StartFn) -> None:
    server = start(faults="drop=0.3,error500=0.2,error429=0.1,seed=11")
    token = None
    s = requests.Session()

    def retry(method: str, path: str, **kw: object) -> requests.Response:
        nonlocal s
        for _ in range(60):
            try:
                r = s.request(method, server.url + path, timeout=10, **kw)  # type: ignore[arg-type]
                if r.status_code < 500 and r.status_code != 429:
                    r.json() if r.content else None
                    return r
            except (requests.exceptions.RequestException, ValueError):
                s = requests.Session()
        raise AssertionError("no success in 60 tries")

    token = retry("POST", "/api/v1/auth/login",
                  json={"username": "clerk01", "password": PASSWORD, "device_id": "d"}).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    doc = case_doc()
    statuses = set()
    for _ in range(3):
        r = retry("POST", "/api/v1/cases", json=doc, headers={**auth, "Idempotency-Key": doc["case_uuid"]})
        statuses.add(r.status_code)
        assert r.json()["case_uuid"] == doc["case_uuid"]
    assert statuses <= {200, 201} and 200 in statuses
    r = retry("PUT", f"/api/v1/cases/{doc['case_uuid']}/files/{PDF_SHA}", data=PDF, headers=auth)
    assert r.status_code in (200, 201)
    feed = retry("GET", "/api/v1/case-updates", headers=auth).json()["items"]
    assert [i["status"] for i in feed] == ["received"]
    assert retry("GET", f"/api/v1/cases/{doc['case_uuid']}", headers=auth).json()["missing_files"] == []
    assert str(uuid.UUID(doc["case_uuid"])) == doc["case_uuid"]
