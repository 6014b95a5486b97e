"""The platform's e-licence library and data-sharing checks, through the real server on loopback."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from backoffice import licences
from backoffice.embedded import EmbeddedServer
from tests.elicence.samples import licence_ofd, licence_pdf, write
from tests.helpers.backoffice import Api

MATTER = "11230102MB1234567X0001"
MOTHER, FATHER, STRANGER = "230102199203150026", "230102199001011233", "110101198001010010"


def _item(material: str, holder: str, ltype: str, **auth: object) -> dict[str, object]:
    out: dict[str, object] = {"material_code": material, "holder_id": holder, "licence_type": ltype}
    if auth:
        out["authorisation"] = auth
    return out


def _lookup(api: Api, *items: dict[str, object], applicant: str = MOTHER) -> list[dict[str, object]]:
    r = api.post("/api/v1/licences/lookup", json={"matter_code": MATTER, "case_no": "230102-20261201-W03-0001",
                                                  "project_no": "BJ0001", "applicant_id": applicant,
                                                  "items": list(items)})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_add_licence_cli_prints_the_number_and_the_licence_is_found(server: EmbeddedServer, tmp_path: Path) -> None:
    pdf = write(tmp_path, "hukou.pdf", licence_pdf("hukou_booklet"))
    db_url = str(server.ctx.config.db_url)
    key = Path(str(server.ctx.config.files_dir) + ".key")
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    out = subprocess.run([sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir",
                          str(server.ctx.config.files_dir), "--data-key-file", str(key), "add-licence",
                          "--holder", FATHER, "--type", "hukou_booklet", "--file", str(pdf),
                          "--issuer", "哈尔滨市公安局南岗分局", "--holder-name", "张三"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    number = out.stdout.strip()
    assert number.startswith("DZZZ") and len(number.splitlines()) == 1
    # a bad file: one line, exit 2, nothing stored
    bad = write(tmp_path, "x.pdf", b"not a pdf")
    out2 = subprocess.run([sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir",
                           str(server.ctx.config.files_dir), "--data-key-file", str(key), "add-licence",
                           "--holder", FATHER, "--type", "hukou_booklet", "--file", str(bad)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert out2.returncode == 2 and "Traceback" not in out2.stderr and len(out2.stderr.strip().splitlines()) == 1

    api = Api(server)
    [res] = _lookup(api, _item("father_hukou_booklet", FATHER, "hukou_booklet", kind="holder_present", id_read=True))
    assert res["outcome"] == "found" and res["authorisation"] == "holder_present"
    lic = res["licence"]
    assert isinstance(lic, dict) and lic["number"] == number and lic["issuer"] == "哈尔滨市公安局南岗分局"
    assert lic["file"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    f = api.get(f"/api/v1/licences/{number}/file")
    assert f.status_code == 200 and f.content == pdf.read_bytes() and f.headers["content-type"] == "application/pdf"
    uses = subprocess.run([sys.executable, "-m", "backoffice", "--db", db_url, "--files-dir",
                           str(server.ctx.config.files_dir), "--data-key-file", str(key), "licence-uses"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert uses.returncode == 0, uses.stderr
    [line] = uses.stdout.strip().splitlines()
    cols = line.split("\t")
    assert cols[2:] == ["clerk01", MATTER, "230102-20261201-W03-0001", "BJ0001", "father_hukou_booklet",
                        "hukou_booklet", number, "found", "holder_present"]


def test_not_found_expired_and_someone_elses_licence(server: EmbeddedServer, tmp_path: Path) -> None:
    ctx = server.ctx
    today = ctx.config.clock.today()
    own = licences.add_licence(ctx, holder_id=MOTHER, licence_type="resident_id_card",
                               path=write(tmp_path, "id.pdf", licence_pdf("id")), number="ID-MOTHER-1")
    old = licences.add_licence(ctx, holder_id=MOTHER, licence_type="marriage_certificate",
                               path=write(tmp_path, "m.pdf", licence_pdf("m")),
                               valid_until=(today - dt.timedelta(days=1)).isoformat())
    fathers = licences.add_licence(ctx, holder_id=FATHER, licence_type="resident_id_card",
                                   path=write(tmp_path, "f.pdf", licence_pdf("f")))
    api = Api(server)
    res = _lookup(api, _item("mother_id_card", MOTHER, "resident_id_card"),
                  _item("marriage_certificate", MOTHER, "marriage_certificate"),
                  _item("birth_medical_certificate", MOTHER, "birth_medical_certificate"),
                  _item("father_id_card", FATHER, "resident_id_card"))
    assert [r["outcome"] for r in res] == ["found", "expired", "not_found", "unauthorised"]
    assert res[0]["licence"]["number"] == own and res[0]["authorisation"] == "own"  # type: ignore[index]
    assert res[1]["licence"]["number"] == old and res[1]["licence"]["status"] == "expired"  # type: ignore[index]
    assert res[2]["licence"] is None and res[3]["licence"] is None  # unauthorised says nothing
    # the father's licence file is not served: no use of it was recorded for this org
    assert api.get(f"/api/v1/licences/{fathers}/file").status_code == 404
    # with his ID read at the window it is found
    [ok] = _lookup(api, _item("father_id_card", FATHER, "resident_id_card", kind="holder_present", id_read=True))
    assert ok["outcome"] == "found" and ok["licence"]["number"] == fathers  # type: ignore[index]
    # a tick without the ID read is no authorisation
    [no] = _lookup(api, _item("father_id_card", FATHER, "resident_id_card", kind="holder_present", id_read=False))
    assert no["outcome"] == "unauthorised"
    # another org never sees the file of a licence this org used
    assert Api(server, "other").get(f"/api/v1/licences/{own}/file").status_code == 404
    # the uses, with operator, matter and 办件编号, for the supervisor; not for a clerk or a kiosk
    uses = Api(server, "boss").get("/api/v1/licence-uses").json()["items"]
    assert len(uses) == 6
    assert {(u["operator"], u["matter_code"], u["project_no"]) for u in uses} == {("clerk01", MATTER, "BJ0001")}
    assert [u["outcome"] for u in uses] == ["found", "expired", "not_found", "unauthorised", "found", "unauthorised"]
    assert uses[4]["authorisation"] == "holder_present" and uses[4]["licence_number"] == fathers
    assert api.get("/api/v1/licence-uses").status_code == 403
    assert Api(server, "kiosk01").post("/api/v1/licences/lookup", json={}).status_code == 403


def test_use_code_lookup_and_authorisation(server: EmbeddedServer, tmp_path: Path) -> None:
    ctx = server.ctx
    number = licences.add_licence(ctx, holder_id=FATHER, licence_type="hukou_booklet",
                                  path=write(tmp_path, "h.ofd", licence_ofd()))
    api = Api(server)
    code = licences.issue_use_code(ctx, number)
    r = api.post("/api/v1/licences/by-code", json={"use_code": code, "matter_code": MATTER,
                                                   "material_code": "father_hukou_booklet"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["outcome"] == "found" and body["licence"]["number"] == number
    assert body["licence"]["file"]["media_type"] == "application/ofd"
    again = api.post("/api/v1/licences/by-code", json={"use_code": code, "matter_code": MATTER})
    assert again.status_code == 404 and again.json()["error"]["code"] == "unknown_use_code"  # one use only
    # a 用证码 as the authorisation of a lookup by holder + type
    code2 = licences.issue_use_code(ctx, number)
    [res] = _lookup(api, _item("father_hukou_booklet", FATHER, "hukou_booklet", kind="use_code", use_code=code2))
    assert res["outcome"] == "found" and res["authorisation"] == "use_code"
    # a code of another licence does not authorise this one
    other = licences.add_licence(ctx, holder_id=STRANGER, licence_type="hukou_booklet",
                                 path=write(tmp_path, "s.pdf", licence_pdf("s")))
    code3 = licences.issue_use_code(ctx, other)
    [res2] = _lookup(api, _item("father_hukou_booklet", FATHER, "hukou_booklet", kind="use_code", use_code=code3))
    assert res2["outcome"] == "unauthorised"


def test_data_sharing_verification(server: EmbeddedServer) -> None:
    licences.set_shared_fact(server.ctx, MOTHER, "dibao_status", True)
    api = Api(server)
    yes = api.post("/api/v1/data-sharing/verify", json={"check": "dibao_status", "subject_id": MOTHER,
                                                        "matter_code": MATTER, "case_no": "C1"})
    no = api.post("/api/v1/data-sharing/verify", json={"check": "dibao_status", "subject_id": FATHER,
                                                       "matter_code": MATTER})
    assert yes.status_code == 200 and no.status_code == 200
    assert yes.json()["result"] is True and no.json()["result"] is False
    assert yes.json()["reference"] != no.json()["reference"] and yes.json()["reference"].startswith("GX")
    bad = api.post("/api/v1/data-sharing/verify", json={"check": "dibao_status", "subject_id": MOTHER,
                                                        "matter_code": "lower"})
    assert bad.status_code == 422 and "matter_code" in bad.json()["error"]["fields"]


def test_roles_for_the_licence_endpoints(server: EmbeddedServer) -> None:
    from backoffice.authz import ROLE_PERMISSIONS, Perm
    from tests.helpers.backoffice import PASSWORD

    body = {"matter_code": MATTER, "applicant_id": MOTHER,
            "items": [{"material_code": "m", "holder_id": MOTHER, "licence_type": "resident_id_card"}]}
    for role in ROLE_PERMISSIONS:
        server.create_user(f"u_{role}", PASSWORD, [role], display_name=role, windows=[])
        api = Api(server, f"u_{role}")
        use = Perm.LICENCE_USE in ROLE_PERMISSIONS[role]
        read = Perm.LICENCE_USES in ROLE_PERMISSIONS[role]
        assert api.post("/api/v1/licences/lookup", json=body).status_code == (200 if use else 403), role
        assert api.post("/api/v1/data-sharing/verify", json={"check": "c", "subject_id": MOTHER,
                                                             "matter_code": MATTER}).status_code == (200 if use else 403)
        assert api.get("/api/v1/licence-uses").status_code == (200 if read else 403), role
    assert {r for r, p in ROLE_PERMISSIONS.items() if Perm.LICENCE_USE in p} == {"clerk", "field", "supervisor", "admin"}
    assert {r for r, p in ROLE_PERMISSIONS.items() if Perm.LICENCE_USES in p} == {"supervisor", "admin"}
    # denials are in the platform's audit
    from sqlalchemy import select

    from backoffice.db import AuditEntry

    with server.ctx.db.read() as s:
        denied = s.scalars(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()
        assert any(e.username == "u_kiosk" and "licence.use" in e.reason for e in denied)


def test_health_lists_the_feature(server: EmbeddedServer) -> None:
    import requests

    assert "licences" in requests.get(server.url + "/api/v1/health", timeout=30).json()["features"]
