"""Argument mistakes end in one line and exit 2; digit prefixes find cases as the README says."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


@pytest.fixture
def cases(data_dir: Path) -> list[Any]:
    from clerk.context import AppContext
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.security.actor import Actor, Role

    ctx = AppContext.open(data_dir)
    actor = Actor("c", "窗口", (Role.CLERK,), window="W01")
    people = DemoPeople(23)
    views = [take_demo_case(ctx, actor, people, "newborn") for _ in range(12)]
    ctx.close()
    return views


def search(data_dir: Path, text: str, *extra: str) -> dict[str, Any]:
    r = run("clerk", "search", text, "--json", "--limit", "100", "--data-dir", str(data_dir), *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def test_phone_and_id_number_prefixes_find_their_cases(data_dir: Path, cases: list[Any]) -> None:
    from clerk.context import AppContext
    from clerk.intake.search import CaseQuery

    ctx = AppContext.open(data_dir, read_only=True)
    try:
        for v in cases[:4]:
            a = v.applicant
            for prefix in (a.phone[:3], a.phone[:7], a.id_number[:6], a.id_number[:10], a.id_number[:14]):
                items, total = ctx.intake.search(CaseQuery(prefix, limit=100))
                uuids = {i.case_uuid for i in items}
                assert v.case_uuid in uuids, prefix
                expected = {c.case_uuid for c in cases
                            if c.applicant.phone.startswith(prefix) or c.applicant.id_number.startswith(prefix)
                            or c.case_no.startswith(prefix)}
                assert uuids == expected and total == len(expected), prefix
        assert ctx.intake.search(CaseQuery("199"))[1] == 0  # no ID region 199, no mobile 199 among them
    finally:
        ctx.close()
    a = cases[0].applicant  # the README's command line: 138…, 2301021992…
    for prefix in (a.phone[:3], a.id_number[:10]):
        assert cases[0].case_uuid in {i["case_uuid"] for i in search(data_dir, prefix)["items"]}
    assert {i["case_uuid"] for i in search(data_dir, a.id_number)["items"]} == {cases[0].case_uuid}


def test_a_broad_prefix_pages_along_the_date_and_counts_them_all(data_dir: Path) -> None:
    """More matches than ``search.BROAD``: the other plan, same answer (newest first, exact total)."""
    from clerk.context import AppContext
    from clerk.intake import search as search_mod
    from clerk.intake.search import CaseQuery

    ctx = AppContext.open(data_dir)
    try:
        svc = ctx.intake
        old = search_mod.BROAD
        try:
            search_mod.BROAD = 0  # every match is "broad"
            from clerk.demo import DemoPeople, take_demo_case
            from clerk.security.actor import Actor, Role

            actor = Actor("c", "窗口", (Role.CLERK,), window="W01")
            people = DemoPeople(3)
            views = [take_demo_case(ctx, actor, people, "newborn") for _ in range(12)]
            prefix = views[0].applicant.phone[:3]
            expected = sum(v.applicant.phone.startswith(prefix) or v.applicant.id_number.startswith(prefix) for v in views)
            wide, total = svc.search(CaseQuery(prefix, limit=2))
            search_mod.BROAD = 10_000
            narrow, total2 = svc.search(CaseQuery(prefix, limit=2))
        finally:
            search_mod.BROAD = old
    finally:
        ctx.close()
    assert wide and [c.case_uuid for c in wide] == [c.case_uuid for c in narrow]
    assert total == total2 == expected


def test_search_refuses_an_unknown_status(data_dir: Path, cases: list[Any]) -> None:
    r = run("clerk", "search", "", "--status", "bogus", "--data-dir", str(data_dir))
    assert r.returncode == 2 and r.stdout == ""
    line = one_line(r)
    assert "bogus" in line and "accepted" in line and "ready_for_pickup" in line
    assert search(data_dir, "", "--status", "accepted")["total"] >= 1


@pytest.mark.parametrize("args", [
    ["purge", "--days", "-1"], ["purge", "--days", "0"], ["purge", "--days", "x"],
    ["store", "gc", "--min-age", "-100"], ["store", "gc", "--min-age", "inf"],
    ["search", "x", "--from", "2026-13-01"], ["no-such-command"],
])
def test_bad_arguments_are_one_line_and_exit_2(data_dir: Path, args: list[str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from clerk.cli import main

    with pytest.raises(SystemExit) as stop:
        main([*args, "--data-dir", str(data_dir)] if args[0] != "no-such-command" else args)
    assert stop.value.code == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1 and "参数错误" in out.err
    assert not (data_dir / "cache.sqlite3").exists()  # refused before anything was opened


def test_a_bad_argument_is_one_line_from_the_command_line_too(data_dir: Path) -> None:
    r = run("clerk", "purge", "--days", "-1", "--data-dir", str(data_dir))
    assert r.returncode == 2 and "--days" in one_line(r)


def test_backoffice_refuses_a_bad_port_in_one_line(tmp_path: Path) -> None:
    r = run("backoffice", "--port", "99999", "--db", f"sqlite:///{tmp_path / 'bo.db'}")
    assert r.returncode == 2 and "99999" in one_line(r)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = run("backoffice", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'bo.db'}")
    assert r.returncode == 2 and "in use" in one_line(r)
