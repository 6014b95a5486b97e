"""The window assistant (窗口助手): questions answered from the catalog's own texts, each with its source.

Every answer is a text the catalog holds — why a material is needed, where to get it, a matter's
legal basis, department and time limit, what may be deferred or fetched as an e-licence — quoted
as it is (at most put in a sentence frame such as "办理时限：5个工作日"), and cites the bundle, matter
and material it came from. A question the catalog has no text for gets no answer: nothing is made
up (the catalog has no fee schedule, so "多少钱" finds only texts that speak of fees).
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from clerk.catalog.schema import Bundle, Catalog, Condition

TOPICS: dict[str, tuple[str, ...]] = {
    "why": ("为什么", "为啥", "干什么用", "干嘛用", "有什么用", "作用", "用途", "凭什么", "必须", "一定要"),
    "where": ("哪里", "哪儿", "在哪", "去哪", "从哪", "哪开", "怎么开", "谁开", "哪个地方", "怎么拿", "怎么弄", "哪办",
              "去什么地方", "到哪", "哪能", "开具", "出具"),
    "fee": ("多少钱", "收费", "费用", "要钱", "免费", "交钱", "花钱", "缴费", "交费", "费"),
    "time": ("多久", "几天", "多长时间", "时限", "什么时候", "多快", "办结", "几个工作日", "要等"),
    "legal": ("依据", "法律", "规定", "哪条", "法规", "政策", "条例", "法"),
    "department": ("哪个部门", "谁办", "谁审批", "哪个单位", "谁负责", "部门", "谁管"),
    "materials": ("材料", "带什么", "准备什么", "要什么", "需要什么", "带哪些", "要哪些", "什么证件", "清单"),
    "defer": ("容缺", "后补", "没带", "忘带", "忘了带", "补交", "以后再交", "先办", "缺"),
    "e_license": ("电子证照", "免提交", "不用带", "不带", "电子版", "调取", "手机上"),
    "copies": ("复印件", "原件", "几份", "复印", "份数"),
    "what": ("是什么", "包括", "有哪些事项", "办哪些", "能办什么", "什么是", "哪些事"),
}
"""Words that say what a question asks about (several may apply)."""

_PUNCT = re.compile(r"[\s，。、；：？！,.;:?!“”\"'（）()《》【】\[\]—\-…·/]+")


def _norm(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Source:
    bundle: str
    matter: str | None = None
    material: str | None = None

    def as_json(self) -> dict[str, str]:
        out = {"bundle": self.bundle}
        if self.matter:
            out["matter"] = self.matter
        if self.material:
            out["material"] = self.material
        return out


@dataclass(frozen=True)
class Answer:
    """A catalog text answering the question, what it is about, and where it came from."""

    text: str
    topic: str
    subject: str
    """The name of the material, matter or bundle the text is about."""
    source: Source
    score: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "topic": self.topic, "subject": self.subject, "source": self.source.as_json(),
                "score": round(self.score, 3)}


@dataclass
class _Fact:
    text: str
    topic: str
    subject: str
    source: Source
    subject_grams: Counter[str] = field(default_factory=Counter)
    text_grams: Counter[str] = field(default_factory=Counter)


def _grams(text: str) -> Counter[str]:
    t = _norm(text)
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


def _when_text(bundle: Bundle, when: Condition) -> str:
    """A condition in the catalog's own words: （随母亲落户时）."""
    if not when:
        return ""
    parts = []
    for s_code, opts in when.items():
        sit = next((s for s in bundle.situations if s.code == s_code), None)
        if sit is None:
            continue
        labels = [o.label for o in sit.options if o.code in opts]
        parts.append("或".join(labels))
    return f"（{'，'.join(parts)}时）" if parts else ""


def _facts(catalog: Catalog) -> list[_Fact]:
    facts: list[_Fact] = []

    def add(text: str, topic: str, subject: str, source: Source) -> None:
        if text.strip():
            facts.append(_Fact(text.strip(), topic, subject, source, _grams(subject), _grams(text)))

    for b in catalog.bundles:
        bsrc = Source(b.code)
        add(b.description, "what", b.name, bsrc)
        matters = "、".join(m.name + _when_text(b, m.when) for m in b.matters)
        add(f"{b.name}包括：{matters}。", "what", b.name, bsrc)
        names: dict[str, str] = {}
        for m in b.matters:
            for mat in m.materials:
                names.setdefault(mat.key, mat.name + _when_text(b, mat.when) + ("" if mat.required else "（按需）"))
        add(f"{b.name}的材料：" + "、".join(names.values()) + "。", "materials", b.name, bsrc)
        longest = max(b.matters, key=lambda m: m.time_limit_days)
        add(f"{b.name}各事项并联办理，办理时限以最长的“{longest.name}”计：{longest.time_limit_days}个工作日。",
            "time", b.name, bsrc)
        for m in b.matters:
            msrc = Source(b.code, m.code)
            add(f"{m.name}：{m.department}办理，办理时限{m.time_limit_days}个工作日。", "time", m.name, msrc)
            add(f"{m.name}由{m.department}办理。", "department", m.name, msrc)
            if m.legal_basis:
                add(f"{m.name}的依据：{m.legal_basis}", "legal", m.name, msrc)
            for f in m.fields:
                if f.help:
                    add(f"{f.label}：{f.help}", "help", f.label, msrc)
            for mat in m.materials:
                src = Source(b.code, m.code, mat.code)
                if mat.why:
                    add(mat.why, "why", mat.name, src)
                if mat.source:
                    add(mat.source, "where", mat.name, src)
                need = []
                if mat.originals:
                    need.append(f"原件{mat.originals}份")
                if mat.copies:
                    need.append(f"复印件{mat.copies}份")
                if need:
                    add(f"{mat.name}：" + "、".join(need) + "。", "copies", mat.name, src)
                if mat.deferrable:
                    add(f"{mat.name}可以容缺受理，签署承诺书后{mat.deferral_days}个工作日内补交。", "defer", mat.name, src)
                if mat.e_license:
                    add(f"{mat.name}可以调取电子证照，免予提交。", "e_license", mat.name, src)
                if not mat.required:
                    add(f"{mat.name}不是必须提交的材料，按情况提供。", "materials", mat.name, src)
    return facts


class Assistant:
    """Answers over one catalog (built once per catalog version)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.facts = _facts(catalog)
        df: Counter[str] = Counter()
        subjects = {f.subject for f in self.facts}
        for s in subjects:
            df.update(set(_grams(s)))
        n = max(1, len(subjects))
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}

    def _subject_score(self, q: Counter[str], fact: _Fact) -> float:
        total = sum(self.idf.get(g, 0.5) for g in fact.subject_grams)
        if total == 0:
            return 0.0
        return sum(self.idf.get(g, 0.5) for g in fact.subject_grams if g in q) / total

    def ask(self, question: str, bundle: str | None = None, limit: int = 5) -> list[Answer]:
        """The catalog texts that answer ``question`` (only ``bundle``'s if given), best first."""
        from clerk.assist.guide import guide_for, normalise

        qn = _norm(question)
        if not qn:
            return []
        topics = {t for t, words in TOPICS.items() if any(w in qn for w in words)}
        if len(topics) > 1:
            topics.discard("what")  # 依据是什么: the 是什么 only frames another question
        if "fee" in topics and not any(w in qn for w in ("多少钱", "收费", "费用", "要钱", "免费", "交钱", "花钱")):
            topics.discard("fee")  # 费 inside 缴费证明 etc. is not a question about fees
        g = guide_for(self.catalog)
        # The counter's words for things (上户口 → 出生登记, 户口登记) count as the catalog's own.
        words = [qn, *(w for w, _span in g._expand(normalise(question)))]
        q: Counter[str] = Counter()
        for w in words:
            q.update(_grams(w))
        if bundle is None:
            best = g.suggest(question, 1)
            scope = {best[0].bundle_code} if best and best[0].score >= 0.5 else set()
        else:
            scope = {bundle}
        scored: list[tuple[float, _Fact]] = []
        for f in self.facts:
            if bundle is not None and f.source.bundle != bundle:
                continue
            in_scope = f.source.bundle in scope
            subj = self._subject_score(q, f)
            if f.source.matter is None and in_scope:
                subj = max(subj, 0.8)  # the bundle itself is what the question is about
            if subj < 0.34:
                continue
            if f.topic in topics or (f.topic == "copies" and "materials" in topics):
                weight = 1.0
            elif "fee" in topics:
                # No fee schedule in the catalog: only texts that speak of fees answer a fee question.
                if not re.search(r"费|收费|免费", f.text):
                    continue
                weight = 0.8
            else:
                weight = 0.25 if topics else 0.6
            score = weight * (subj + (0.3 if in_scope else 0.0))
            scored.append((score, f))
        scored.sort(key=lambda p: -p[0])
        out: list[Answer] = []
        seen: set[str] = set()
        for score, f in scored:
            if f.text in seen or score < 0.3:
                continue
            seen.add(f.text)
            out.append(Answer(f.text, f.topic, f.subject, f.source, score))
            if len(out) >= limit:
                break
        return out


_CACHE: dict[str, Assistant] = {}
_LOCK = threading.Lock()


def assistant_for(catalog: Catalog) -> Assistant:
    with _LOCK:
        a = _CACHE.get(catalog.version)
        if a is None:
            _CACHE.clear()
            a = _CACHE[catalog.version] = Assistant(catalog)
        return a


def ask(question: str, catalog: Catalog, bundle: str | None = None, limit: int = 5) -> list[Answer]:
    """``python -m clerk ask``: catalog texts answering ``question``, each with its source."""
    if bundle is not None:
        catalog.bundle(bundle)  # KeyError for an unknown bundle: the caller says so
    return assistant_for(catalog).ask(question, bundle, limit)
