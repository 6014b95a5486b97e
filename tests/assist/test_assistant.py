"""窗口助手: every answer is the catalog's own text and cites where it came from; nothing made up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.assist.assistant import Answer, ask
from clerk.catalog import Catalog, load_catalog_dir


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog_dir()


def _texts_of_source(catalog: Catalog, a: Answer) -> list[str]:
    """The catalog texts at the cited place (the answer must quote one of them)."""
    b = catalog.bundle(a.source.bundle)
    out = [b.description, b.name]
    matters = [m for m in b.matters if a.source.matter in (None, m.code)]
    for m in matters:
        out += [m.name, m.department, m.legal_basis, str(m.time_limit_days)]
        for mat in m.materials:
            if a.source.material in (None, mat.code):
                out += [mat.name, mat.why, mat.source]
    return [t for t in out if t]


def _cited_correctly(catalog: Catalog, a: Answer) -> bool:
    texts = _texts_of_source(catalog, a)
    if a.topic in ("why", "where"):
        return a.text in texts  # quoted verbatim
    if a.topic == "legal":
        return any(t and t in a.text for t in texts if t.startswith("《"))
    return any(t in a.text for t in texts)


QUESTIONS = [
    ("为什么要父亲的身份证", "newborn", "why", "father_id_card"),
    ("出生医学证明在哪里开", None, "where", "birth_medical_certificate"),
    ("户口簿没带可以先办吗", "newborn", "defer", "father_hukou_booklet"),
    ("上户口要多久", None, "time", None),
    ("新生儿上户口的法律依据是什么", None, "legal", None),
    ("过户要带什么材料", None, "materials", None),
]


@pytest.mark.parametrize(("question", "bundle", "topic", "material"), QUESTIONS)
def test_answers_quote_the_catalog_and_cite_it(catalog: Catalog, question: str, bundle: str | None, topic: str,
                                               material: str | None) -> None:
    answers = ask(question, catalog, bundle)
    assert answers, question
    first = answers[0]
    assert first.topic == topic
    if material:
        assert first.source.material == material
    for a in answers:
        catalog.bundle(a.source.bundle)  # cites a real bundle
        assert _cited_correctly(catalog, a), a
        if bundle:
            assert a.source.bundle == bundle


def test_the_legal_basis_and_time_limit_are_the_catalogs(catalog: Catalog) -> None:
    a = ask("新生儿上户口的法律依据是什么", catalog)[0]
    assert a.source.as_json() == {"bundle": "newborn", "matter": "birth_hukou_registration"}
    assert "《中华人民共和国户口登记条例》第七条" in a.text
    t = ask("上户口要多久", catalog)[0]
    assert "5个工作日" in t.text and t.source.matter == "birth_hukou_registration"


def test_nothing_is_made_up(catalog: Catalog) -> None:
    assert ask("今天天气怎么样", catalog) == []
    assert ask("", catalog) == []
    # The catalog has no fee schedule: a fee question finds only texts that speak of fees, or nothing.
    for a in ask("办社保卡多少钱", catalog):
        assert "费" in a.text
    with pytest.raises(KeyError):
        ask("为什么", catalog, "no_such_bundle")


def _clerk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=120)


def test_ask_and_guide_commands(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = _clerk("ask", "为什么要父亲的身份证", "--bundle", "newborn", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["answers"][0]["source"] == {"bundle": "newborn", "matter": "birth_medical_certificate_issue",
                                           "material": "father_id_card"}
    assert {"text", "source"} <= set(doc["answers"][0])
    from clerk.cli import main  # the error path in process: the same parser and handler, one process less

    assert main(["ask", "为什么", "--bundle", "nothing", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "nothing" in err and len(err.strip().splitlines()) == 1
    r = _clerk("guide", "孩子上个月出生了，要上户口、办医保", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    sug = json.loads(r.stdout)["suggestions"]
    assert sug[0]["bundle_code"] == "newborn" and isinstance(sug[0]["answers"], dict)
    assert [s["score"] for s in sug] == sorted((s["score"] for s in sug), reverse=True)
