"""智能导办 (the bundle guide): what a person says at the counter → the bundles that fit, with answers.

The index is built from the catalog itself (bundle names, keywords, descriptions, matter names,
situation questions and options, material names and help texts) plus ``data/guide.yaml``: rings of
synonyms, colloquial phrases pointing at a bundle, and cues that answer a situation. Matching
tolerates typos: a term matches exactly, by pinyin (同音字: 社报卡 → 社保卡), or, when it is five
characters or more, with one character wrong, or, from four, with a word or two put between its
characters (户口要注销 for 户口注销). Scores are relative (best first); nothing leaves
the machine.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clerk.catalog.schema import Bundle, Catalog

GUIDE_DATA = Path(__file__).with_name("data") / "guide.yaml"

_W_KEYWORD, _W_NAME, _W_MATTER, _W_PHRASE, _W_OPTION, _W_MATERIAL = 3.0, 3.0, 2.0, 4.0, 1.0, 0.6
_PUNCT = re.compile(r"[\s，。、；：？！,.;:?!“”\"'（）()《》【】\[\]—\-…·/]+")
_SPLIT = re.compile(r"[、，,；;（）()和及或与/]+")


@dataclass(frozen=True)
class Suggestion:
    """One bundle that fits what was said: its code and name, a score (0..1), inferred answers."""

    bundle_code: str
    bundle_name: str
    score: float
    answers: dict[str, str] = field(default_factory=dict)
    """``{situation code: option code}`` the text implies (only those; the others keep their defaults)."""
    matched: tuple[str, ...] = ()
    """The terms that matched, for the clerk to see why (e.g. 上户口 → 出生登记)."""

    def as_json(self) -> dict[str, Any]:
        return {"bundle_code": self.bundle_code, "bundle_name": self.bundle_name, "score": round(self.score, 3),
                "answers": dict(self.answers), "matched": list(self.matched)}


def normalise(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=4096)
def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(text, errors=lambda s: list(s)))  # type: ignore[arg-type,return-value]


def _seq_index(hay: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """Where ``needle`` starts in ``hay`` (pinyin syllables, one per character), or -1."""
    n = len(needle)
    if not n or needle[0] not in hay:
        return -1
    for i in range(len(hay) - n + 1):
        if hay[i] == needle[0] and hay[i:i + n] == needle:
            return i
    return -1


def _one_edit_index(text: str, term: str) -> int:
    """Where ``term`` occurs in ``text`` with one character substituted, or -1."""
    n = len(term)
    for i in range(len(text) - n + 1):
        if sum(a != b for a, b in zip(text[i:i + n], term, strict=True)) <= 1:
            return i
    return -1


@dataclass
class _Term:
    text: str
    weight: float
    pinyin: tuple[str, ...]
    gapped: re.Pattern[str] | None = None
    """Its characters in order with up to two others between (terms of four characters or more)."""

    def __post_init__(self) -> None:
        if len(self.text) >= 4:
            self.gapped = re.compile(".{0,2}".join(re.escape(ch) for ch in self.text))


@dataclass
class _Entry:
    bundle: Bundle
    terms: dict[str, _Term] = field(default_factory=dict)
    bigrams: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, text: str, weight: float) -> None:
        t = normalise(text).removesuffix("一件事")
        if len(t) < 2:
            return
        old = self.terms.get(t)
        if old is None or old.weight < weight:
            self.terms[t] = _Term(t, weight, _pinyin(t))

    def add_text(self, text: str, weight: float) -> None:
        t = normalise(text)
        for i in range(len(t) - 1):
            self.bigrams[t[i:i + 2]] += weight


@dataclass(frozen=True)
class _AnswerCue:
    bundle: str
    situation: str
    option: str
    say: tuple[str, ...]


class Guide:
    """The guide over one catalog (build once per catalog version; ``suggest`` is cheap)."""

    def __init__(self, catalog: Catalog, data: dict[str, Any] | None = None) -> None:
        data = data if data is not None else load_guide_data()
        self.catalog = catalog
        self.rings: list[list[str]] = [[normalise(w) for w in ring] for ring in data.get("synonyms", [])]
        self.entries: dict[str, _Entry] = {}
        self.cues: list[_AnswerCue] = []
        self.phrase_answers: dict[tuple[str, str], dict[str, str]] = {}
        for b in catalog.bundles:
            self.entries[b.code] = self._index(b)
        for item in data.get("phrases", []):
            entry = self.entries.get(item.get("bundle", ""))
            if entry is None:
                continue  # a phrase for a bundle this catalog does not have
            answers = self._known_answers(entry.bundle, item.get("answers") or {})
            for say in item.get("say", []):
                entry.add(say, _W_PHRASE)
                if answers:
                    self.phrase_answers[(entry.bundle.code, normalise(say))] = answers
        for b in catalog.bundles:  # an option's own label, when it says something (随母亲落户, 丢失补领)
            for sit in b.situations:
                for o in sit.options:
                    label = normalise(re.sub(r"（.*?）", "", o.label))
                    if len(label) >= 4:
                        self.cues.append(_AnswerCue(b.code, sit.code, o.code, (label,)))
        for cue in data.get("answers", []):
            entry = self.entries.get(cue.get("bundle", ""))
            if entry is None or not self._known_answers(entry.bundle, {cue["situation"]: cue["option"]}):
                continue
            self.cues.append(_AnswerCue(entry.bundle.code, cue["situation"], str(cue["option"]),
                                        tuple(normalise(s) for s in cue.get("say", []))))
        df: Counter[str] = Counter()
        for e in self.entries.values():
            df.update(set(e.bigrams))
        n = max(1, len(self.entries))
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}
        self.norms = {code: math.sqrt(sum((w * self.idf[g]) ** 2 for g, w in e.bigrams.items())) or 1.0
                      for code, e in self.entries.items()}
        # A term that many bundles share (办理, 申请, 登记) says little: scale it down by its spread.
        spread: Counter[str] = Counter()
        for e in self.entries.values():
            spread.update(set(e.terms))
        self.spread = spread
        words = [t for e in self.entries.values() for t in e.terms] + [w for ring in self.rings for w in ring]
        self.words_by_pinyin: dict[str, str] = {}
        for w in sorted(words, key=lambda w: (len(w), w), reverse=True):  # the shortest word wins a tie
            self.words_by_pinyin["".join(_pinyin(w))] = w

    @staticmethod
    def _known_answers(bundle: Bundle, answers: dict[str, Any]) -> dict[str, str]:
        out = {}
        for s_code, o_code in answers.items():
            sit = next((s for s in bundle.situations if s.code == s_code), None)
            if sit is not None and str(o_code) in {o.code for o in sit.options}:
                out[s_code] = str(o_code)
        return out

    @staticmethod
    def _index(b: Bundle) -> _Entry:
        e = _Entry(b)
        e.add(b.name, _W_NAME)
        for part in _SPLIT.split(b.name.removesuffix("一件事")):
            e.add(part, _W_NAME * 0.8)
        for kw in b.keywords:
            e.add(kw, _W_KEYWORD)
        for m in b.matters:
            for part in [m.name, *_SPLIT.split(m.name)]:
                e.add(part, _W_MATTER)
            for mat in m.materials:
                e.add(mat.name, _W_MATERIAL)
                e.add_text(mat.name, 0.5)
                e.add_text(mat.why, 0.3)
            for f in m.fields:
                e.add_text(f.help, 0.2)
            e.add_text(m.name, 2.0)
        for s in b.situations:
            e.add_text(s.question, 0.5)
            for o in s.options:
                e.add_text(o.label, 0.5)
                e.add(o.label, _W_OPTION)
        e.add_text(b.name, 3.0)
        e.add_text(b.description, 1.0)
        for kw in b.keywords:
            e.add_text(kw, 2.0)
        return e

    def _expand(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """What the text's synonyms mean: ``[(word, span of the said word in the text)]``."""
        out: list[tuple[str, tuple[int, int]]] = []
        for ring in self.rings:
            for w in ring:
                span = _find(text, w)
                if span is not None:
                    out.extend((other, span) for other in ring if other != w)
                    break
        return out

    @staticmethod
    def _direct(query: str, ascii_query: str, term: _Term) -> tuple[float, tuple[int, int], str] | None:
        """How ``term`` occurs in the query itself: exactly, by pinyin, with one typo, as typed pinyin."""
        i = query.find(term.text)
        if i >= 0:
            return 1.0, (i, i + len(term.text)), term.text
        if len(term.text) >= 2:
            j = _seq_index(_pinyin(query), term.pinyin)
            if j >= 0:
                return 0.9, (j, j + len(term.text)), f"{term.text}（同音）"
        if len(term.text) >= 5:
            j = _one_edit_index(query, term.text)
            if j >= 0:
                return 0.6, (j, j + len(term.text)), f"{term.text}（近似）"
        if term.gapped is not None:  # 户口要注销 for 户口注销: every character in order, a word or two between
            m = term.gapped.search(query)
            if m is not None:
                return 0.7, (m.start(), m.end()), f"{term.text}（拆开说）"
        if ascii_query and len(ascii_query) >= 4 and "".join(term.pinyin).startswith(ascii_query):
            return 0.6, (0, len(ascii_query)), f"{term.text}（拼音）"
        return None

    def suggest(self, text: str, limit: int = 5) -> list[Suggestion]:
        query = normalise(text)
        if not query:
            return []
        ascii_query = query if query.isascii() and query.isalpha() else ""
        if ascii_query:  # typed as pinyin: read it as the words it spells (shebaoka → 社保卡)
            query = self.words_by_pinyin.get(ascii_query, query)
            ascii_query = query if query.isascii() else ""
        expanded = self._expand(query)
        q_bigrams: defaultdict[str, float] = defaultdict(float)
        for i in range(len(query) - 1):
            q_bigrams[query[i:i + 2]] += 1.0
        for form, _span in expanded:
            for i in range(len(form) - 1):
                q_bigrams[form[i:i + 2]] += 0.5
        qn = math.sqrt(sum((w * self.idf.get(g, 0.0)) ** 2 for g, w in q_bigrams.items())) or 1.0
        scored: list[tuple[float, Suggestion]] = []
        for code, e in self.entries.items():
            hits: list[tuple[float, tuple[int, int], str]] = []
            for term in e.terms.values():
                damp = 1.0 + math.log(max(1, self.spread[term.text]))
                d = self._direct(query, ascii_query, term)
                if d is not None:
                    hits.append((term.weight * d[0] / damp, d[1], d[2]))
                for form, span in expanded:
                    if form == term.text or (len(form) >= 2 and form in term.text):
                        f = 0.7 if form == term.text else 0.55
                        hits.append((term.weight * f / damp, span, f"{query[span[0]:span[1]]}→{term.text}"))
            answers, cue_spans = self._answers(code, query)
            # A cue as specific as 随妈妈 or 带押过户 also points at its bundle; a bare 孩子 does not.
            hits.extend((1.0, sp, f"{query[sp[0]:sp[1]]}（情形）") for sp in cue_spans if sp[1] - sp[0] >= 3)
            total, matched = _best_cover(hits)
            dot = sum(w * e.bigrams.get(g, 0.0) * self.idf.get(g, 0.0) ** 2 for g, w in q_bigrams.items())
            total += 4.0 * dot / (qn * self.norms[code])
            if total <= 0.15:
                continue
            scored.append((total, Suggestion(code, e.bundle.name, 0.0, answers, tuple(matched[:6]))))
        scored.sort(key=lambda p: (-p[0], p[1].bundle_code))
        return [Suggestion(s.bundle_code, s.bundle_name, round(t / (t + 3.0), 3), s.answers, s.matched)
                for t, s in scored[:limit]]

    def _answers(self, code: str, query: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
        """Situation answers the text implies, the longest cue winning per situation; and their spans."""
        best: dict[str, tuple[int, str]] = {}
        spans: list[tuple[int, int]] = []
        for (b, say), ans in self.phrase_answers.items():
            if b == code and _find(query, say) is not None:
                for s_code, o_code in ans.items():
                    if len(say) > best.get(s_code, (0, ""))[0]:
                        best[s_code] = (len(say), o_code)
        for cue in self.cues:
            if cue.bundle != code:
                continue
            for say in cue.say:
                span = _find(query, say, gap=True) if say else None
                if span is None:
                    continue
                spans.append(span)
                if len(say) > best.get(cue.situation, (0, ""))[0]:
                    best[cue.situation] = (len(say), cue.option)
        return {k: v for k, (_n, v) in best.items()}, spans


def _find(text: str, word: str, *, gap: bool = False) -> tuple[int, int] | None:
    """Where ``word`` is in ``text``, exactly or by pinyin (homophone typos); None if absent.

    ``gap``: a word of three characters or more may also have one character put in after its first
    (随他爸爸 for 随爸爸, 跟着妈妈 for 跟妈妈).
    """
    if not word:
        return None
    i = text.find(word)
    if i >= 0:
        return i, i + len(word)
    if len(word) >= 2:
        j = _seq_index(_pinyin(text), _pinyin(word))
        if j >= 0:
            return j, j + len(word)
    if gap and len(word) >= 3:
        m = re.search(re.escape(word[0]) + "." + re.escape(word[1:]), text)
        if m is not None:
            return m.start(), m.end()
    return None


def _best_cover(hits: list[tuple[float, tuple[int, int], str]]) -> tuple[float, list[str]]:
    """Sum of the best matches that do not mostly cover the same words of the text (each counted once)."""
    taken: list[tuple[int, int]] = []
    total, labels = 0.0, []
    for score, (a, b), label in sorted(hits, key=lambda h: -h[0]):
        overlap = sum(max(0, min(b, y) - max(a, x)) for x, y in taken)
        if overlap * 2 > (b - a):
            continue
        taken.append((a, b))
        total += score
        labels.append(label)
    return total, labels


def load_guide_data(path: Path | None = None) -> dict[str, Any]:
    with (path or GUIDE_DATA).open(encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    return data if isinstance(data, dict) else {}


_CACHE: dict[str, Guide] = {}
_CACHE_LOCK = threading.Lock()


def guide_for(catalog: Catalog) -> Guide:
    """The guide for ``catalog``, built once per catalog version."""
    with _CACHE_LOCK:
        g = _CACHE.get(catalog.version)
        if g is None:
            g = _CACHE[catalog.version] = Guide(catalog)
            for old in [k for k in _CACHE if k != catalog.version]:
                del _CACHE[old]
        return g


def guide(text: str, catalog: Catalog, limit: int = 5) -> list[Suggestion]:
    """The bundles that fit ``text``, best first (``python -m clerk guide``)."""
    return guide_for(catalog).suggest(text, limit)
