"""Helpers of the closed-loop tests (issue 19): eligible cases through the real intake service,
logins of a workstation, the platform client of the closed loops, the CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from backoffice.embedded import EmbeddedServer

PASSWORD = "s3cret-pass"
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


def actor(username: str = "clerk01", window: str = "W03") -> Any:
    from clerk.security.actor import Actor, Role

    return Actor(username, username, (Role.CLERK,), window=window, org_code=ORG)


def draft(ctx: Any, people: Any, *, bundle: str = "newborn", who: str = "clerk01", window: str = "W03",
          applicant: dict[str, Any] | None = None) -> Any:
    """An eligible draft with its form filled (conditions hold) and every required material scanned."""
    from clerk.demo import eligible_case

    b = ctx.catalog.bundle(bundle)
    answers, form = eligible_case(b, people.rng, people)
    view = ctx.intake.start_draft(actor(who, window), bundle, answers)
    ctx.intake.save_draft(view.case_uuid, applicant=applicant or people.person(), form=form)
    return view


def accepted(ctx: Any, people: Any, *, defer: tuple[str, ...] = (), **kw: Any) -> Any:
    from tests.helpers.followup import fill_materials

    view = draft(ctx, people, **kw)
    fill_materials(ctx, view.case_uuid, defer=defer)
    return ctx.intake.accept(actor(kw.get("who", "clerk01"), kw.get("window", "W03")), view.case_uuid,
                             commitment_signed=bool(defer))


def login(ctx: Any, server: EmbeddedServer, username: str) -> Any:
    """Logs the workstation in as ``username``; its sync engine."""
    from clerk.sync import login as do_login
    from clerk.sync import make_engine

    do_login(ctx, server.url, username, PASSWORD)
    return make_engine(ctx, backoff_base_s=0.05, backoff_cap_s=1.0)


def hall(ctx: Any) -> Any:
    from clerk.loops import HallLoops
    from clerk.sync.session import make_client

    return HallLoops(make_client(ctx))


def cli(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    e = {**os.environ, "PYTHONPATH": str(root), **(env or {})}
    return subprocess.run([sys.executable, "-m", "clerk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=e, timeout=120, cwd=root)
