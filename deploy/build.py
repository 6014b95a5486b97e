"""``make dist``: builds dist/window-clerk_<version>_amd64.deb and dist/window-clerk-backoffice_<version>_amd64.deb.

Each package is a relocatable tree under /opt: a copy of a CPython runtime (``python/``, the build
interpreter's own prefix, e.g. pyenv's 3.11, its ``python3`` made to find its libpython relative to
itself), the third-party packages installed into that runtime by pip from pyproject.toml's lists
(never a hand list: what pyproject.toml says at build time is what ships), the project's own source
tree (``app/``, found through a relative ``.pth`` file) and a small launcher (``bin/``). The
runtime starts isolated (``-I``): no PYTHONPATH, no user site, nothing of a development venv.

Debian dependencies are computed, not listed: every ELF file in the tree is run through ``ldd`` and
each system library it needs is mapped to its Debian package with ``dpkg -S``; the programs the
workstation runs (lp, scanimage, espeak-ng) and the CJK font are added by name. Why this builder
and not PyInstaller/Nuitka/briefcase: docs/deploy.md.

    python deploy/build.py [--out dist] [--only workstation|backoffice] [--python PREFIX] [-Z xz|zstd]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PYVER = f"{sys.version_info.major}.{sys.version_info.minor}"
STDLIB_DROP = ("test", "idlelib", "tkinter", "turtledemo", "lib2to3/tests", "ensurepip/_bundled")
"""Parts of the standard library no part of the program uses (the test suite alone is 120 MB)."""
SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


class BuildError(RuntimeError):
    """A build that cannot go on: one line."""


@dataclass
class Package:
    name: str
    prefix: str
    """Install prefix, e.g. /opt/window-clerk."""
    summary: str
    description: str
    app_parts: tuple[str, ...]
    """Top-level parts of the repository copied to app/ (packages, data dirs, main.py)."""
    extras: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    """Distributions of pyproject's dependencies this package leaves out (from [tool.window-clerk.dist])."""
    depends: tuple[str, ...] = ()
    recommends: tuple[str, ...] = ()
    suggests: tuple[str, ...] = ()
    files: dict[str, tuple[Path, int]] = field(default_factory=dict)
    """Package path → (source file, mode)."""
    conffiles: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()
    """Maintainer scripts (postinst, prerm, postrm) under deploy/<kind>/."""
    links: dict[str, str] = field(default_factory=dict)
    """Package path → relative symlink target."""


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def packages(meta: dict) -> list[Package]:
    dist = meta.get("tool", {}).get("window-clerk", {}).get("dist", {})
    ws, bo = HERE / "workstation", HERE / "backoffice"
    return [
        Package(
            name="window-clerk", prefix="/opt/window-clerk",
            summary="综合窗口受理工作站 / window-clerk workstation of a government service hall",
            description=("The desktop program of the comprehensive window (一件事 intake, scanning, printing,\n"
                         "queue calling, offline-first sync with the hall's platform). Self-contained: its own\n"
                         "Python runtime and libraries under /opt/window-clerk."),
            app_parts=("clerk", "ui", "printing", "backoffice", "forms", "resources", "main.py"),
            exclude=tuple(dist.get("workstation-exclude", ())),
            depends=tuple(dist.get("workstation-depends", ())),
            recommends=tuple(dist.get("workstation-recommends", ())),
            files={"usr/share/applications/window-clerk.desktop": (ws / "window-clerk.desktop", 0o644),
                   "usr/share/icons/hicolor/scalable/apps/window-clerk.svg": (ws / "window-clerk.svg", 0o644),
                   "opt/window-clerk/bin/window-clerk": (ws / "launcher.sh", 0o755),
                   "usr/share/doc/window-clerk/deploy.md": (ROOT / "docs" / "deploy.md", 0o644)},
            links={"usr/bin/window-clerk": "../../opt/window-clerk/bin/window-clerk"},
        ),
        Package(
            name="window-clerk-backoffice", prefix="/opt/window-clerk-backoffice",
            summary="window-clerk back office: the hall's platform and queue server",
            description=("The platform and hall queue server the window-clerk workstations talk to (FastAPI,\n"
                         "several worker processes over PostgreSQL, Alembic migrations, /metrics). Runs as\n"
                         "the systemd service window-clerk-backoffice; config in /etc/window-clerk/."),
            app_parts=("clerk", "backoffice", "forms"),
            extras=("server",),
            exclude=tuple(dist.get("backoffice-exclude", ())),
            depends=tuple(dist.get("backoffice-depends", ())),
            suggests=tuple(dist.get("backoffice-suggests", ())),
            files={"opt/window-clerk-backoffice/bin/window-clerk-backoffice": (bo / "launcher.sh", 0o755),
                   "etc/window-clerk/backoffice.toml": (bo / "backoffice.toml", 0o640),
                   "lib/systemd/system/window-clerk-backoffice.service": (bo / "window-clerk-backoffice.service",
                                                                           0o644),
                   "usr/share/doc/window-clerk-backoffice/deploy.md": (ROOT / "docs" / "deploy.md", 0o644)},
            conffiles=("/etc/window-clerk/backoffice.toml",),
            scripts=("postinst", "prerm", "postrm"),
            links={"usr/bin/window-clerk-backoffice": "../../opt/window-clerk-backoffice/bin/window-clerk-backoffice"},
        ),
    ]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def requirements(meta: dict, pkg: Package) -> tuple[list[str], list[str]]:
    """pyproject.toml's dependencies (plus the package's extras), and the lines of the requirement
    files installed without their dependencies (``no-deps-requirements``, as the Makefile does),
    each less the package's exclusions."""
    reqs = list(meta["project"]["dependencies"])
    for extra in pkg.extras:
        reqs += meta["project"].get("optional-dependencies", {}).get(extra, [])
    drop = {e.lower().replace("_", "-") for e in pkg.exclude}
    no_deps: list[str] = []
    for name in meta.get("tool", {}).get("window-clerk", {}).get("dist", {}).get("no-deps-requirements", []):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                no_deps.append(line)
    return [r for r in reqs if _name(r) not in drop], [r for r in no_deps if _name(r) not in drop]


def run(argv: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, text=True, capture_output=True, **kw)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise BuildError(f"{' '.join(map(str, argv[:4]))} … failed ({done.returncode}): "
                         f"{(done.stderr or done.stdout).strip()[-2000:]}")
    return done  # type: ignore[no-any-return]


# -- the runtime --------------------------------------------------------------------------------------
def source_prefix(given: str | None) -> Path:
    prefix = Path(given or sys.base_prefix).resolve()
    if str(prefix) in ("/usr", "/usr/local") or not (prefix / "bin" / f"python{PYVER}").exists():
        raise BuildError(f"{prefix} is not a self-contained CPython prefix (use pyenv's or a python.org build: "
                         f"deploy/build.py --python ~/.pyenv/versions/{PYVER}.x)")
    return prefix


def copy_runtime(src: Path, dest: Path) -> None:
    lib = f"lib/python{PYVER}"

    def ignore(directory: str, names: list[str]) -> set[str]:
        rel = os.path.relpath(directory, src)
        out = {n for n in names if n in ("__pycache__",) or n.endswith((".pyc", ".a"))}
        if rel == f"{lib}/site-packages":
            out |= set(names)  # the build machine's packages stay behind
        if rel == lib:
            out |= {n for n in names if n in STDLIB_DROP or n.startswith("config-")}
        if rel in ("lib/python3.11/lib2to3", f"{lib}/lib2to3"):
            out |= {"tests"}
        if rel == f"{lib}/lib-dynload":
            out |= {n for n in names if n.startswith("_tkinter")}  # Tk is not used (and pulls in libtk)
        if rel == "bin":
            out |= {n for n in names if not n.startswith("python")}
        if rel in ("include", "share", "lib/pkgconfig"):
            out |= set(names)
        return out

    shutil.copytree(src, dest, ignore=ignore, symlinks=True)
    for elf in elf_files(dest):  # python3.11, libpython3.so …: an rpath into the source prefix becomes relative
        rpath = run(["patchelf", "--print-rpath", str(elf)]).stdout.strip()
        if str(src) in rpath:
            rel = os.path.relpath(dest / "lib", elf.parent)
            new = ":".join("$ORIGIN" + ("" if rel == "." else "/" + rel) if str(src) in part else part
                           for part in rpath.split(":"))
            run(["patchelf", "--set-rpath", new, str(elf)])
    for extra in (dest / "bin").iterdir():  # python3-config and friends carry build paths
        if extra.name.endswith("-config"):
            extra.unlink()
    if not (dest / "bin" / "python3").exists():
        (dest / "bin" / "python3").symlink_to(f"python{PYVER}")


def install_requirements(python: Path, reqs: list[str], no_deps: list[str], log: Path) -> None:
    run([str(python), "-I", "-m", "ensurepip", "--default-pip"])
    req_file = log.with_suffix(".requirements.txt")
    req_file.write_text("\n".join(reqs) + "\n", encoding="utf-8")
    pip = [str(python), "-I", "-m", "pip", "install", "--no-warn-script-location", "--prefer-binary",
           "--disable-pip-version-check"]
    done = run([*pip, "-r", str(req_file)])
    text = done.stdout + done.stderr
    if no_deps:
        text += run([*pip, "--no-deps", *no_deps]).stdout
    log.write_text(text, encoding="utf-8")
    run([str(python), "-I", "-m", "pip", "uninstall", "-y", "pip", "setuptools"])


def site_packages(runtime: Path) -> Path:
    return runtime / "lib" / f"python{PYVER}" / "site-packages"


# -- the app ------------------------------------------------------------------------------------------
def copy_app(meta: dict, pkg: Package, dest: Path) -> None:
    def ignore(_d: str, names: list[str]) -> set[str]:
        return {n for n in names if n in ("__pycache__", ".mypy_cache") or n.endswith((".pyc", ".ts"))}

    dest.mkdir(parents=True)
    for part in pkg.app_parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    version = meta["project"]["version"]
    info = dest / f"window_clerk-{version}.dist-info"  # so importlib.metadata finds the entry points
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: window-clerk\nVersion: {version}\n"
                                   f"Summary: {meta['project'].get('description', '')}\n", encoding="utf-8")
    (info / "INSTALLER").write_text("deploy/build.py\n", encoding="utf-8")
    groups = meta["project"].get("entry-points", {})
    lines = []
    for group, entries in groups.items():
        lines.append(f"[{group}]")
        lines += [f"{k} = {v}" for k, v in entries.items() if v.split(":")[0].split(".")[0] in pkg.app_parts]
        lines.append("")
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")


def link_app(runtime: Path, app: Path) -> None:
    sp = site_packages(runtime)
    (sp / "window_clerk_app.pth").write_text(os.path.relpath(app, sp) + "\n", encoding="utf-8")


def compile_all(python: Path, *trees: Path) -> None:
    """Byte-compiles everything (/opt is read-only to users, so nothing would be cached at run time).
    unchecked-hash: valid whatever mtimes dpkg gives the files. Template files that are not Python
    (PySide6's deploy recipes ``*.tmpl.py``) are skipped."""
    run([str(python), "-I", "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
         "-x", r"\.tmpl\.py$", *map(str, trees)])


# -- Debian dependencies from the ELF files -------------------------------------------------------------
def elf_files(tree: Path) -> list[Path]:
    out = []
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def needed_libraries(tree: Path) -> tuple[set[str], dict[str, set[str]]]:
    """System libraries the tree's ELF files load, and the files whose libraries are not found."""
    system: set[str] = set()
    missing: dict[str, set[str]] = {}
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    for elf in elf_files(tree):
        done = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            line = line.strip()
            if "=> not found" in line:
                missing.setdefault(str(elf.relative_to(tree)), set()).add(line.split()[0])
                continue
            m = re.search(r"=> (/\S+)", line) or re.match(r"(/\S+) \(0x", line)
            if m:
                lib = m.group(1)
                if not Path(lib).resolve().is_relative_to(tree.resolve()):
                    system.add(lib)
    return system, missing


def owning_packages(paths: set[str]) -> set[str]:
    """The Debian packages that own the given files (usr-merged paths tried both ways)."""
    owners: set[str] = set()
    unowned: list[str] = []
    for path in sorted(paths):
        candidates = [path, str(Path(path).resolve())]
        for c in list(candidates):
            candidates.append(c[4:] if c.startswith("/usr/") else "/usr" + c)
        found = None
        for c in candidates:
            done = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True)
            if done.returncode == 0:
                found = done.stdout.split(":", 1)[0].split(",")[0].strip()
                break
        if found:
            owners.add(found)
        else:
            unowned.append(path)
    if unowned:
        raise BuildError(f"libraries no Debian package owns: {', '.join(unowned[:5])}")
    return owners


# -- the .deb ---------------------------------------------------------------------------------------------
def control(pkg: Package, version: str, depends: list[str], installed_kib: int) -> str:
    fields = [
        f"Package: {pkg.name}", f"Version: {version}", "Architecture: amd64",
        "Maintainer: window-clerk developers <window-clerk@localhost>", "Section: misc", "Priority: optional",
        f"Installed-Size: {installed_kib}", f"Depends: {', '.join(depends)}",
    ]
    if pkg.recommends:
        fields.append(f"Recommends: {', '.join(pkg.recommends)}")
    if pkg.suggests:
        fields.append(f"Suggests: {', '.join(pkg.suggests)}")
    body = "\n".join(" " + (line if line.strip() else ".") for line in pkg.description.splitlines())
    fields.append(f"Description: {pkg.summary}\n{body}")
    return "\n".join(fields) + "\n"


def du_kib(tree: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in tree.rglob("*") if p.is_file() or p.is_symlink())


def build_one(meta: dict, pkg: Package, runtime_src: Path, work: Path, out: Path, compression: str,
              reuse: bool = False) -> dict:
    version = meta["project"]["version"]
    t0 = time.monotonic()
    root = work / pkg.name
    if root.exists():
        shutil.rmtree(root)
    prefix = root / pkg.prefix.lstrip("/")
    runtime, app = prefix / "python", prefix / "app"
    python = runtime / "bin" / f"python{PYVER}"
    reqs, no_deps = requirements(meta, pkg)
    key = hashlib.sha256(json.dumps([str(runtime_src), pkg.prefix, reqs, no_deps, Path(__file__).read_text()]).encode()
                         ).hexdigest()[:16]
    cached = work / "runtime-cache" / f"{pkg.name}-{key}"
    if reuse and cached.is_dir():  # the same runtime and the same requirements: pip's result as it was
        shutil.copytree(cached, runtime, symlinks=True)
    else:
        copy_runtime(runtime_src, runtime)
        install_requirements(python, reqs, no_deps, work / f"{pkg.name}-pip.log")
        if reuse:
            for old in (work / "runtime-cache").glob(f"{pkg.name}-" + "?" * 16):  # its older runtimes
                shutil.rmtree(old, ignore_errors=True)
            shutil.copytree(runtime, cached, symlinks=True)
    t_pip = time.monotonic()
    copy_app(meta, pkg, app)
    link_app(runtime, app)
    compile_all(python, runtime / "lib" / f"python{PYVER}", app)
    for rel, (src, mode) in pkg.files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
        target.chmod(mode)
    for rel, dest in pkg.links.items():
        link = root / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(dest)
    libs, missing = needed_libraries(root)
    depends = sorted(owning_packages(libs) | set(pkg.depends))
    (work / f"{pkg.name}-missing-libraries.json").write_text(
        json.dumps({k: sorted(v) for k, v in sorted(missing.items())}, indent=1), encoding="utf-8")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(pkg, version, depends, du_kib(root)), encoding="utf-8")
    if pkg.conffiles:
        (debian / "conffiles").write_text("\n".join(pkg.conffiles) + "\n", encoding="utf-8")
    for script in pkg.scripts:
        shutil.copy2(HERE / ("backoffice" if "backoffice" in pkg.name else "workstation") / script, debian / script)
        (debian / script).chmod(0o755)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{pkg.name}_{version}_amd64.deb"
    t_deb = time.monotonic()
    run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)])
    t_end = time.monotonic()
    return {"package": pkg.name, "deb": str(deb), "deb_mib": round(deb.stat().st_size / 2**20, 1),
            "installed_mib": round(du_kib(root) / 1024, 1), "seconds": round(t_end - t0, 1),
            "pip_s": round(t_pip - t0, 1), "dpkg_deb_s": round(t_end - t_deb, 1), "depends": depends,
            "requirements": reqs + no_deps, "files_with_missing_libraries": len(missing)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="deploy/build.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    p.add_argument("--only", choices=("workstation", "backoffice"), default=None)
    p.add_argument("--python", default=None, metavar="PREFIX", help="CPython prefix to bundle (default: this one's)")
    p.add_argument("-Z", dest="compression", choices=("xz", "zstd", "gzip"), default="zstd")
    p.add_argument("--reuse", action="store_true",
                   help="keep pip's result in the work dir and reuse it while pyproject's lists do not change")
    args = p.parse_args(argv)
    if sysconfig.get_platform() != "linux-x86_64":
        raise SystemExit("deploy/build.py: builds amd64 packages on linux-x86_64 only")
    for tool in ("patchelf", "dpkg-deb", "dpkg", "ldd"):
        if shutil.which(tool) is None:
            raise SystemExit(f"deploy/build.py: {tool} is missing (apt-get install patchelf dpkg)")
    meta = project()
    try:
        runtime = source_prefix(args.python)
        chosen = [k for k in packages(meta) if args.only is None or (args.only == "backoffice") == ("backoffice" in k.name)]
        results = []
        for pkg in chosen:
            results.append(build_one(meta, pkg, runtime, args.work, args.out, args.compression, args.reuse))
            r = results[-1]
            print(f"{r['deb']}: {r['deb_mib']} MiB ({r['installed_mib']} MiB installed), built in {r['seconds']} s "
                  f"(pip {r['pip_s']} s, dpkg-deb {r['dpkg_deb_s']} s)", flush=True)
        (args.work / "build-report.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    except BuildError as exc:
        print(f"deploy/build.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
