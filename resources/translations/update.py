"""Regenerates the translations: ``python resources/translations/update.py`` (``make translations``).

1. ``pyside6-lupdate`` collects every tr() / translate() / QT_TRANSLATE_NOOP source string of ui/ (and
   main.py) into ``window_clerk_en.ts``, dropping strings that are gone;
2. a string that moved (another class, another context) keeps its translation: an unfinished message
   whose source text was translated before, anywhere, gets that translation;
3. ``pyside6-lrelease`` compiles the ``.qm`` the program loads.

After merging two branches, take either side's .ts and pass the other side's as an argument
(``update.py /tmp/theirs.ts``): its translations are carried too.

Whatever is still unfinished afterwards is listed; translate it in the .ts (or Qt Linguist) and run
this again. ``tests/ui/test_english.py`` fails while a shown string has no translation.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "window_clerk_en.ts"
QM = HERE / "window_clerk_en.qm"
BIN = Path(sys.executable).parent


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]


def _known(path: Path) -> dict[tuple[str, bool], ET.Element]:
    """Source text (and whether it is a %n message) → a finished translation element."""
    known: dict[tuple[str, bool], ET.Element] = {}
    if not path.exists():
        return known
    for _ctx, m in _messages(ET.parse(path).getroot()):
        t = m.find("translation")
        if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if not (t.text or list(t)):
            continue
        known.setdefault((m.findtext("source") or "", m.get("numerus") == "yes"), t)
    return known


def main() -> int:
    # After a merge: ``update.py OTHER.ts …`` also carries the translations the other side's file had.
    before: dict[tuple[str, bool], ET.Element] = {}
    for extra in sys.argv[1:]:
        before.update(_known(Path(extra)))
    before.update(_known(TS))
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")) + ["main.py"]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "absolute",
                    "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    carried, left = 0, []
    for ctx, m in _messages(tree.getroot()):
        t = m.find("translation")
        if t is None or t.get("type") != "unfinished":
            continue
        source = m.findtext("source") or ""
        old = before.get((source, m.get("numerus") == "yes"))
        if old is None:
            left.append(f"{ctx}: {source}")
            continue
        m.remove(t)
        new = ET.SubElement(m, "translation")
        new.text, new.tail = old.text, t.tail
        for form in old:
            f = ET.SubElement(new, form.tag)
            f.text = form.text
        carried += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    # once more, so the file is in lupdate's own layout (small diffs from one run to the next)
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "absolute",
                    "-ts", str(TS)], cwd=ROOT, check=True, capture_output=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    print(f"{carried} moved strings kept their translation; {len(left)} unfinished")
    for line in left:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
