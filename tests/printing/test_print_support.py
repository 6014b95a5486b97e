"""Masking, glyph-safe text, font lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing import fonts
from printing.masking import mask_id, mask_name, mask_phone
from printing.text import MISSING_GLYPH, para, printable


def test_mask_id() -> None:
    assert mask_id("230102199001011234") == "2301**********1234"
    assert mask_id("23010219900101123X") == "2301**********123X"
    assert mask_id("E12345678") == "E1*****78"
    assert mask_id("AB") == "**"


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0451-12345678") == "0451-****5678"
    assert mask_phone("12345") == "12345"


def test_mask_name() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("张三明") == "张*明"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_name("李") == "李"


def test_printable_replaces_missing_glyphs() -> None:
    assert printable("张三😀") == "张三" + MISSING_GLYPH
    assert printable("👍🏽") == MISSING_GLYPH  # skin tone modifier dropped
    assert printable("❤️") in ("❤", MISSING_GLYPH)  # variation selector dropped
    assert printable("a\tb\x00c") == "a bc"
    assert printable("𠀀") == MISSING_GLYPH  # CJK extension B, not in WQY Zen Hei
    assert para("<b>&amp;</b>\n2") == "&lt;b&gt;&amp;amp;&lt;/b&gt;<br/>2"


def test_font_lookup_prefers_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "b.ttf").write_bytes(b"x")
    (tmp_path / "a.ttc").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    assert fonts.find_cjk_font(tmp_path) == tmp_path / "a.ttc"
    monkeypatch.setattr(fonts, "SYSTEM_FONT_PATHS", (tmp_path / "missing.ttc",))
    assert fonts.font_candidates(tmp_path) == [tmp_path / "a.ttc", tmp_path / "b.ttf"]


def test_font_lookup_falls_back_to_system(tmp_path: Path) -> None:
    system = fonts.SYSTEM_FONT_PATHS[0]
    if not system.exists():
        pytest.skip("fonts-wqy-zenhei is not installed")
    assert fonts.find_cjk_font(tmp_path / "empty") == system


def test_no_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SYSTEM_FONT_PATHS", (tmp_path / "missing.ttc",))
    with pytest.raises(fonts.FontNotFoundError, match="fonts-wqy-zenhei"):
        fonts.find_cjk_font(tmp_path)


def test_an_unusable_font_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "_registered", None)
    with pytest.raises(fonts.FontNotFoundError, match="无法使用"):
        fonts.register_cjk_font(bogus)
