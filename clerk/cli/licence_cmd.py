"""E-licences on the command line: the intake path (``intake case.json`` with ``e_license`` materials).

With a platform configured and its operator logged in, an ``e_license`` material with no files is
looked up while the case is taken in (in the same transaction: a licence that is not found, expired
or not authorised refuses the whole document in one line naming the material, exit 2, nothing
written). The platform unreachable, or no token for the operator: the material is taken as
待核验电子证照 and fetched at sync (``clerk.elicence.service.resolve_pending``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from clerk.elicence.service import LicenceError, look_up, record_outcomes, wanted_of
from clerk.intake.request import IntakeRequest
from clerk.store.models import CaseRow


def intake_licences(ctx: Any, req: IntakeRequest) -> Callable[[Session, CaseRow], None] | None:
    """The ``attach`` step that fetches the document's e-licences (None: nothing to do now)."""
    from clerk.security import credentials
    from clerk.sync.client import AuthError, TransientError
    from clerk.sync.session import make_client

    if not ctx.intake.licence_lookup:
        return None
    codes = [m.code for m in req.materials if m.status == "e_license"]
    if not codes:
        return None
    url = (ctx.settings.platform_url or "").rstrip("/")
    if not credentials.get_token(url, req.operator):
        return None  # 待核验: fetched at sync once the operator has logged in
    client = make_client(ctx, url, req.operator)
    auths: dict[str, dict[str, Any]] = {}
    for m in req.materials:
        if m.use_code:
            auths[m.code] = {"kind": "use_code", "use_code": m.use_code}
        elif m.authorisation == "holder_present":
            auths[m.code] = {"kind": "holder_present", "id_read": True}

    def fetch(s: Session, row: CaseRow) -> None:
        bundle = ctx.intake.bundle(row.bundle_code)
        wanted = [w for w in wanted_of(bundle, row, codes) if w.licence_type or w.data_sharing]
        if not wanted:
            return
        try:
            outcomes = look_up(client, wanted, case_no=row.case_no, applicant_id=row.applicant_id_number,
                               authorisations=auths)
        except (TransientError, AuthError):
            return  # unreachable or the token expired: stays 待核验
        finally:
            client.close()
        refused = [o for o in outcomes if not o.attached]
        if refused:
            raise LicenceError("；".join(f"materials.{o.code}: {o.line()}" for o in refused))
        record_outcomes(s, ctx.pages, row, outcomes)

    return fetch
