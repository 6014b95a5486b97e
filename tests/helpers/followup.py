"""Helpers of the follow-up tests: cases accepted through the real intake service, logins, server reads."""

from __future__ import annotations

import io
from typing import Any

from backoffice.embedded import EmbeddedServer

PASSWORD = "s3cret-pass"
USERS = [("clerk01", ["clerk"], "王小窗"), ("field01", ["field"], "李上门"), ("sup01", ["supervisor"], "赵主任")]


def actor(username: str = "clerk01") -> Any:
    from clerk.security.actor import Actor, Role

    roles = {"clerk01": (Role.CLERK,), "field01": (Role.FIELD,), "sup01": (Role.SUPERVISOR,)}[username]
    return Actor(username, username, roles, window="W03", org_code="230102")


def png(text: str = "scan", size: tuple[int, int] = (120, 80)) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, (250, 250, 250))
    ImageDraw.Draw(im).text((5, 5), text, fill=(10, 10, 10))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def fill_materials(ctx: Any, case_uuid: str, *, defer: tuple[str, ...] = ()) -> None:
    """Every required material gets a scan of its own; codes in ``defer`` are deferred (容缺)."""
    from clerk.intake.model import FileRef, MaterialStatus

    view = ctx.intake.get(case_uuid)
    for m in view.materials:
        if m.code in defer:
            ctx.intake.set_material(case_uuid, m.code, MaterialStatus.DEFERRED)
        elif m.required and m.status is MaterialStatus.MISSING:
            blob = ctx.pages.put_bytes(png(f"{case_uuid[:8]} {m.code}"))
            ref = FileRef(sha256=blob.sha256, size=blob.size, media_type="image/png", pages=1)
            ctx.intake.attach_files(case_uuid, m.code, [(ref, f"{m.code}.png")])


def accepted_case(ctx: Any, people: Any, *, bundle: str = "newborn", defer: tuple[str, ...] = (),
                  situations: dict[str, str] | None = None, who: str = "clerk01", matters: list[str] | None = None,
                  region: str | None = None) -> Any:
    from clerk.catalog.merge import merge
    from clerk.demo import fill_form

    a = actor(who)
    view = ctx.intake.start_draft(a, bundle, situations, matters=matters, region=region)
    merged = merge(ctx.catalog.bundle(bundle), view.situations, matters)
    form = fill_form(merged, people.rng, people)
    ctx.intake.save_draft(view.case_uuid, applicant=people.person(), form=form)
    fill_materials(ctx, view.case_uuid, defer=defer)
    return ctx.intake.accept(a, view.case_uuid, commitment_signed=bool(defer))


def set_case_status(row: Any, status: Any) -> None:
    """Puts a stored case (and every one of its matters) at ``status``, as if the platform had moved them."""
    row.status = status.value
    for m in row.matter_rows:
        m.status = status.value


def login_engine(ctx: Any, server: EmbeddedServer, username: str = "clerk01", **options: Any) -> Any:
    from clerk.sync import login, make_engine

    login(ctx, server.url, username, PASSWORD)
    options.setdefault("backoff_base_s", 0.05)
    options.setdefault("backoff_cap_s", 1.0)
    return make_engine(ctx, **options)


def token(server: EmbeddedServer, username: str) -> str:
    import requests

    r = requests.post(f"{server.url}/api/v1/auth/login",
                      json={"username": username, "password": PASSWORD, "device_id": "test"}, timeout=10)
    r.raise_for_status()
    return str(r.json()["token"])


def server_doc(server: EmbeddedServer, case_uuid: str) -> dict[str, Any]:
    from backoffice.cases import case_document
    from backoffice.db import Case

    with server.ctx.db.read() as s:
        case = s.get(Case, case_uuid)
        assert case is not None, case_uuid
        return {"status": case.status, "document": case_document(server.ctx, case)}


def server_events(server: EmbeddedServer, case_uuid: str) -> list[dict[str, Any]]:
    from backoffice.cases import event_document
    from backoffice.db import CaseEvent

    with server.ctx.db.read() as s:
        return [event_document(server.ctx, e) for e in s.query(CaseEvent).filter_by(case_uuid=case_uuid)
                .order_by(CaseEvent.created_ts).all()]


def server_file(server: EmbeddedServer, sha256: str) -> bytes:
    from backoffice.files import read_blob

    return read_blob(server.ctx, sha256)


def api_status(server: EmbeddedServer, case_uuid: str, username: str = "clerk01") -> str:
    import requests

    r = requests.get(f"{server.url}/api/v1/cases/{case_uuid}",
                     headers={"Authorization": f"Bearer {token(server, username)}"}, timeout=10)
    r.raise_for_status()
    return str(r.json()["status"])


def fill_form(ctx: Any, case_uuid: str, people: Any) -> None:
    """Plausible values for every form field still empty (as the field worker would type them)."""
    from clerk.catalog.merge import merge
    from clerk.demo import fill_form

    view = ctx.intake.get(case_uuid)
    merged = merge(ctx.catalog.bundle(view.bundle_code), view.situations)
    ctx.intake.save_draft(case_uuid, form={k: v for k, v in fill_form(merged, people.rng, people).items()
                                           if view.form.get(k) in (None, "")})
