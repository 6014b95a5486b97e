"""办不成事 反映窗口: the hall's ledger through the real back office and the CLI — recorded by any
clerk, seen hall-wide, assigned, followed up, closed only with a result (销号), open items ageing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from backoffice.config import HALL_TZ
from backoffice.embedded import EmbeddedServer
from clerk.loops import LoopsError
from tests.helpers.loops import cli, hall, login


def _logged_in(workstation: Any, server: EmbeddedServer, name: str, who: str) -> Any:
    ctx = workstation(name)
    login(ctx, server, who)
    return hall(ctx)


def test_ledger_through_the_cli(hall_server: EmbeddedServer, workstation: Any, tmp_path: Path) -> None:
    a = workstation("a")
    login(a, hall_server, "clerk01")
    a.close()
    d = tmp_path / "ws-a"
    r = cli(d, "complaint", "add", "--text", "想给父亲办理高龄津贴，但户籍不在本区", "--matter", "gaoling_jintie",
            "--contact", "13912345678", "--reason", "户籍地受理")
    assert r.returncode == 0, r.stderr
    first = int(r.stdout.strip())
    r = cli(d, "complaint", "add", "--text", "个体户注销要跑两个部门", "--json")
    assert r.returncode == 0, r.stderr
    second = json.loads(r.stdout)["id"]
    assert second != first

    listed = json.loads(cli(d, "complaint", "list", "--open", "--json").stdout)
    assert [(i["id"], i["status"], i["closed_at"], i["result"]) for i in listed] == [
        (first, "open", None, ""), (second, "open", None, "")]
    assert set(listed[0]) >= {"id", "text", "status", "opened_at", "closed_at", "result"}
    assert listed[0]["text"] == "想给父亲办理高龄津贴，但户籍不在本区" and listed[0]["matter_code"] == "gaoling_jintie"

    no_result = cli(d, "complaint", "close", str(first))  # 销号 needs a result
    assert no_result.returncode == 2 and "--result" in no_result.stderr and "Traceback" not in no_result.stderr
    blank = cli(d, "complaint", "close", str(first), "--result", "  ")
    assert blank.returncode == 2 and "Traceback" not in blank.stderr
    unknown = cli(d, "complaint", "close", "999", "--result", "已处理")
    assert unknown.returncode == 2 and "999" in unknown.stderr and len(unknown.stderr.strip().splitlines()) == 1

    r = cli(d, "complaint", "close", str(first), "--result", "已联系户籍地民政所，代为转交材料")
    assert r.returncode == 0, r.stderr
    again = cli(d, "complaint", "close", str(first), "--result", "再关一次")
    assert again.returncode == 2 and "Traceback" not in again.stderr
    everything = {i["id"]: i for i in json.loads(cli(d, "complaint", "list", "--json").stdout)}
    assert everything[first]["status"] == "closed" and everything[first]["result"].startswith("已联系户籍地")
    assert everything[first]["closed_at"]
    assert [i["id"] for i in json.loads(cli(d, "complaint", "list", "--open", "--json").stdout)] == [second]


def test_hall_wide_assignment_and_age(hall_server: EmbeddedServer, workstation: Any, pin_clocks: Any) -> None:
    pin_clocks(dt.datetime(2026, 12, 1, 9, 0, tzinfo=HALL_TZ))
    clerk01 = _logged_in(workstation, hall_server, "a", "clerk01")
    clerk03 = _logged_in(workstation, hall_server, "b", "clerk03")
    sup = _logged_in(workstation, hall_server, "sup", "sup01")
    other_hall = _logged_in(workstation, hall_server, "x", "clerk02")
    item = clerk01.add_complaint("残疾人证换领需要本人到场，行动不便", contact="0451-8888888")
    assert item["taken_by"] == "clerk01" and item["assignee"] == "clerk01" and item["age_days"] == 0
    assert [i["id"] for i in clerk03.complaints()] == [item["id"]]  # hall-wide
    assert [i["id"] for i in sup.complaints(open_only=True)] == [item["id"]]
    assert other_hall.complaints() == []  # another hall sees nothing
    with pytest.raises(LoopsError, match="没有"):
        other_hall.close_complaint(item["id"], "不是我们的")
    with pytest.raises(LoopsError, match="无权"):  # only a supervisor assigns
        clerk03.assign_complaint(item["id"], "clerk03")
    with pytest.raises(LoopsError, match="无权"):  # neither its assignee nor a supervisor
        clerk03.close_complaint(item["id"], "我来关")
    with pytest.raises(LoopsError, match="平台拒绝"):
        sup.assign_complaint(item["id"], "clerk02")  # not an operator of this hall
    sup.assign_complaint(item["id"], "clerk03", note="请联系残联上门")
    clerk03.follow_up(item["id"], "已约残联 12 月 3 日上门")
    pin_clocks(dt.datetime(2026, 12, 4, 9, 0, tzinfo=HALL_TZ))
    [aged] = sup.complaints(open_only=True)
    assert aged["age_days"] == 3 and aged["assignee"] == "clerk03"
    closed = clerk03.close_complaint(item["id"], "残联上门办结换领")
    assert closed["status"] == "closed" and closed["age_days"] == 3 and closed["contact"] == "0451-8888888"
    assert [h["action"] for h in closed["history"]] == ["opened", "assign", "follow-up", "close"]
    assert sup.complaints(open_only=True) == []
