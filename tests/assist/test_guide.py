"""智能导办 on colloquial phrasings written for it, and the guide's data against the shipped catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from clerk.assist.guide import Guide, guide, load_guide_data
from clerk.catalog import Catalog, load_catalog_dir

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog_dir()


@pytest.fixture(scope="module")
def g(catalog: Catalog) -> Guide:
    return Guide(catalog)


def _phrases(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def test_top1_and_top3_on_the_phrasings(g: Guide) -> None:
    items = _phrases("guide_phrases.yaml")
    assert len(items) >= 60
    top1 = top3 = 0
    misses = []
    for it in items:
        codes = [s.bundle_code for s in g.suggest(it["say"], 5)]
        top1 += codes[:1] == [it["bundle"]]
        top3 += it["bundle"] in codes[:3]
        if codes[:1] != [it["bundle"]]:
            misses.append((it["say"], it["bundle"], codes[:3]))
    assert top1 / len(items) >= 0.85, misses
    assert top3 / len(items) >= 0.95, misses


def test_situation_answers_the_phrasing_implies(g: Guide) -> None:
    wrong = []
    for it in _phrases("guide_phrases.yaml"):
        expected = {k: str(v) for k, v in (it.get("answers") or {}).items()}
        if not expected:
            continue
        best = g.suggest(it["say"], 1)[0]
        if best.bundle_code != it["bundle"] or any(best.answers.get(k) != v for k, v in expected.items()):
            wrong.append((it["say"], best.bundle_code, best.answers))
    assert not wrong


def test_held_out_phrasings_do_not_regress(g: Guide) -> None:
    """Phrasings the data was never tuned on (bench/assist.py prints the figure)."""
    items = _phrases("guide_holdout.yaml")
    top3 = sum(it["bundle"] in [s.bundle_code for s in g.suggest(it["say"], 3)] for it in items)
    assert top3 / len(items) >= 0.8


def test_typos_pinyin_and_nothing(g: Guide, catalog: Catalog) -> None:
    assert g.suggest("社报卡丢了", 1)[0].bundle_code == "social_security_card"  # 同音字
    assert g.suggest("shebaoka", 1)[0].bundle_code == "social_security_card"  # typed as pinyin
    assert g.suggest("户口要注销，老人走了", 1)[0].bundle_code == "after_death"
    assert g.suggest("", 3) == [] and g.suggest("，。！", 3) == []
    assert g.suggest("今天天气真好", 3) == [] or g.suggest("今天天气真好", 3)[0].score < 0.3
    first = guide("孩子出生了随妈妈落户", catalog)
    assert first[0].bundle_code == "newborn" and first[0].answers == {"settle_with": "mother"}
    assert first == sorted(first, key=lambda s: -s.score)
    doc = first[0].as_json()
    assert set(doc) >= {"bundle_code", "score", "answers"} and 0 < doc["score"] <= 1


def test_guide_data_names_only_what_the_catalog_has(catalog: Catalog) -> None:
    data = load_guide_data()
    codes = {b.code: b for b in catalog.bundles}
    for item in data["phrases"]:
        assert item["bundle"] in codes, item
        for s_code, o_code in (item.get("answers") or {}).items():
            sit = {s.code: s for s in codes[item["bundle"]].situations}[s_code]
            assert str(o_code) in {o.code for o in sit.options}, item
    for cue in data["answers"]:
        sit = {s.code: s for s in codes[cue["bundle"]].situations}[cue["situation"]]
        assert str(cue["option"]) in {o.code for o in sit.options}, cue


def test_a_catalog_without_a_bundle_skips_its_phrases(catalog: Catalog) -> None:
    small = Catalog(version="t", bundles=[b for b in catalog.bundles if b.code != "newborn"])
    assert all(s.bundle_code != "newborn" for s in Guide(small).suggest("给孩子上户口", 5))
