"""Loading and checking catalogs: the YAML bundles shipped in ``forms/`` or a platform catalog."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from clerk.catalog.schema import SCHEMA_VERSION, Bundle, Catalog, national_code_problems
from clerk.errors import ClerkError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(ClerkError, ValueError):
    """A mapping of the catalog YAML with the same key twice (PyYAML would silently keep the last)."""

    def __init__(self, key: object, line: int, first_line: int) -> None:
        super().__init__(f"第 {line} 行：键 {key!r} 重复（第 {first_line} 行已有），请删去其中一个")
        self.key, self.line, self.first_line = key, line, first_line


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing duplicate keys in any mapping (merge keys ``<<`` excepted)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                continue  # an unhashable key: the base constructor reports it
            if first is not None:
                raise DuplicateKey(key, key_node.start_mark.line + 1, first)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

DEFAULT_CATALOG_DIR = Path(__file__).resolve().parents[2] / "forms"


class CatalogError(ClerkError, ValueError):
    """A catalog that does not validate; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _format_validation(where: str, err: ValidationError) -> list[str]:
    out = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        out.append(f"{where}: {loc or '(bundle)'}: {e['msg']}")
    return out


def load_bundle_file(path: Path) -> Bundle:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except DuplicateKey as exc:
        raise CatalogError([f"{path.name}: {exc}"]) from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CatalogError([f"{path.name}: cannot read: {' '.join(str(exc).split())}"]) from exc
    try:
        return Bundle.model_validate(data)
    except ValidationError as err:
        raise CatalogError(_format_validation(path.name, err)) from err


def _dead_answer_sets(bundle: Bundle, where: str) -> list[str]:
    """Answer combinations under which no matter applies, or under which a matter that cannot go
    alone applies without the matters it needs (checked exhaustively up to 4096 combinations)."""
    from clerk.catalog.merge import SituationError, answer_sets, merge

    combos = answer_sets(bundle)
    if combos is None:
        return []
    out = []
    for answers in combos:
        shown = {k: (list(v) if isinstance(v, tuple) else v) for k, v in answers.items()}
        try:
            merged = merge(bundle, answers)
        except SituationError:
            out.append(f"{where}: 回答 {shown} 下没有任何事项适用")
            continue
        here = {m.code for m in merged.available}
        for m in merged.available:
            if m.needed and not set(m.needed) & here:
                out.append(f"{where}: 回答 {shown} 下“{m.name}”不能单独办理，但它需要的事项都不适用")
    return out


def upgrade_notes(bundle: Bundle, where: str) -> list[str]:
    """What a schema 1 bundle file lacks to be schema 2 (empty for a schema 2 file): one line each."""
    if bundle.schema_version >= SCHEMA_VERSION:
        return []
    out = [f"{where}: 仍是第 {bundle.schema_version} 版格式，可以使用；升级到第 {SCHEMA_VERSION} 版请加 "
           f"schema_version: {SCHEMA_VERSION}，并补齐以下各项"]
    labels = {"national_code": "national_code（事项编码）", "handling_level": "handling_level（省/市/县/乡）",
              "result": "result（结果名称 name 与领取方式 obtain）", "fees": "fees（收费；不收费写 []）"}
    for m in bundle.matters:
        missing = m.missing_v2()
        if missing:
            out.append(f"{where}: 事项 {m.code}（{m.name}）缺少 " + "、".join(labels[k] for k in missing))
    if not any(m.depends_on for m in bundle.matters) and len(bundle.matters) > 1:
        out.append(f"{where}: 没有 depends_on：若某事项要用另一事项的结果（如户口登记要用出生医学证明），"
                   "请写明，办结日期按先后顺序累计")
    if not bundle.conditions:
        out.append(f"{where}: 没有 conditions（办理条件）：办事指南对申请人有限制的，请写明并附提示语")
    return out


def load_catalog_dir(directory: Path | None = None, *, thorough: bool = False,
                     notes: list[str] | None = None) -> Catalog:
    """Loads every ``bundles/*.yaml`` under ``directory`` (default: the shipped ``forms/``).

    ``thorough`` also merges every combination of situation answers to find dead ones (``catalog check``);
    ``notes`` (a list) receives what schema 1 files should add (``upgrade_notes``).
    """
    directory = directory or DEFAULT_CATALOG_DIR
    bundle_dir = directory / "bundles" if (directory / "bundles").is_dir() else directory
    files = sorted(bundle_dir.glob("*.yaml"))
    if not files:
        raise CatalogError([f"{directory}: no bundle files (*.yaml)"])
    problems: list[str] = []
    bundles: list[Bundle] = []
    for f in files:
        try:
            b = load_bundle_file(f)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        if thorough:
            problems.extend(_dead_answer_sets(b, f.name))
        if notes is not None:
            notes.extend(upgrade_notes(b, f.name))
        if b.code != f.stem:
            problems.append(f"{f.name}: code {b.code!r} does not match the file name")
        bundles.append(b)
    codes = [b.code for b in bundles]
    for c in sorted({c for c in codes if codes.count(c) > 1}):
        problems.append(f"bundle code {c!r} appears more than once")
    problems.extend(national_code_problems(bundles))
    if problems:
        raise CatalogError(problems)
    digest = hashlib.sha256(
        json.dumps([b.model_dump(mode="json") for b in bundles], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:8]
    version_file = directory / "VERSION"
    base = version_file.read_text().strip() if version_file.exists() else "local"
    return Catalog(version=f"{base}+{digest}", bundles=bundles)


def catalog_from_json(data: dict[str, object]) -> Catalog:
    """A catalog as the platform serves it (``GET /api/v1/catalog``)."""
    try:
        return Catalog.model_validate(data)
    except ValidationError as err:
        raise CatalogError(_format_validation("catalog", err)) from err
