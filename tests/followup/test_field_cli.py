"""The CLI of hand-out and follow-up: pickup list, handout, commitments, deadlines (exit 2 on bad input)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk.cli import main
from clerk.intake.model import CaseStatus
from clerk.store.models import CaseRow, MaterialRow
from tests.helpers.followup import accepted_case, set_case_status


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ectx(data_dir: Path) -> Iterator[Any]:
    """The data dir as the CLI opens it: encrypted with the data key from the (file) keyring."""
    from clerk.context import AppContext
    from clerk.security.keys import open_db_key

    c = AppContext.open(data_dir, db_key=open_db_key(data_dir))
    yield c
    c.close()


def test_cli_pickup_handout_commitments_deadlines(ectx: Any, people: Any, data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ctx = ectx
    ready = accepted_case(ctx, people)
    deferred = accepted_case(ctx, people, defer=("father_hukou_booklet",),
                             situations={"settle_with": "father", "parents_married": "yes"})
    today = dt.date.today()
    with ctx.store.write() as s:
        row = s.get(CaseRow, ready.case_uuid)
        assert row is not None
        set_case_status(row, CaseStatus.READY_FOR_PICKUP)
        late = s.get(CaseRow, deferred.case_uuid)
        assert late is not None
        late.due_date = today - dt.timedelta(days=1)
        s.query(MaterialRow).filter_by(case_uuid=deferred.case_uuid, status="deferred").one().deadline = (
            today - dt.timedelta(days=2))
    d = str(data_dir)

    code, out, _ = _run(capsys, "pickup", "list", "--data-dir", d)
    assert code == 0 and ready.case_no in out and "共 1 件" in out
    assert ready.applicant.phone not in out

    code, out, err = _run(capsys, "handout", ready.case_no, "--id-number", deferred.applicant.id_number, "--data-dir", d)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "不能交付" in err
    code, _, err = _run(capsys, "handout", ready.case_no, "--id-number", "X", "--agent-name", "张三", "--data-dir", d)
    assert code == 2 and "--agent-id" in err
    code, _, err = _run(capsys, "handout", "230102-20990101-W01-0001", "--id-number", "1", "--data-dir", d)
    assert code == 2 and "找不到案件" in err and len(err.strip().splitlines()) == 1
    code, out, _ = _run(capsys, "handout", ready.case_no, "--id-number", ready.applicant.id_number,
                        "--operator", "clerk01", "--data-dir", d)
    assert code == 0 and "已交付申请人本人" in out
    assert ctx.intake.get(ready.case_uuid).status is CaseStatus.DELIVERED
    code, _, err = _run(capsys, "handout", ready.case_no, "--id-number", ready.applicant.id_number, "--data-dir", d)
    assert code == 2 and "不能交付" in err

    code, out, _ = _run(capsys, "commitments", "--due-within", "3", "--data-dir", d)
    assert code == 0 and deferred.case_no in out and "已超期" in out and "共 1 项" in out
    code, _, err = _run(capsys, "commitments", "--due-within", "-1", "--data-dir", d)
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, _ = _run(capsys, "deadlines", "--data-dir", d)
    assert code == 0 and deferred.case_no in out and "已超期" in out and ready.case_no not in out
    with pytest.raises(SystemExit) as bad:
        main(["commitments", "--due-within", "soon", "--data-dir", d])
    assert bad.value.code == 2
