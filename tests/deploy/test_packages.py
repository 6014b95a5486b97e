"""The two .deb packages: built by ``make dist`` (deploy/build.py), extracted with ``dpkg-deb -x`` into
a temporary root and run from there with no repository and no development venv in sight.

CI builds once and points ``WINDOW_CLERK_DEBS_DIR`` at the result (``.ci/run``). Without it the
session uses ``dist/`` when ``make dist`` left packages there newer than every file they are made
from, and otherwise builds them itself into a temporary directory (several minutes the first time;
pip's result is kept in build/deb/runtime-cache for the next time). Nothing is installed
system-wide: the trees are relocatable (their launchers find their prefix from their own path).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
DEBS_ENV = "WINDOW_CLERK_DEBS_DIR"
pytestmark = pytest.mark.slow

KEYRING_BACKEND = '''
"""A file keyring for this test only: stands in for the desktop's Secret Service (none runs here)."""
import json, os
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self):
        return os.environ["TEST_KEYRING_FILE"]

    def _load(self):
        try:
            with open(self._path(), encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(service + "\\0" + username)

    def set_password(self, service, username, password):
        data = self._load()
        data[service + "\\0" + username] = password
        with open(self._path(), "w", encoding="utf-8") as f:
            json.dump(data, f)

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(service + "\\0" + username, None) is None:
            raise PasswordDeleteError(username)
        with open(self._path(), "w", encoding="utf-8") as f:
            json.dump(data, f)
'''


SOURCES = ("clerk", "ui", "printing", "backoffice", "forms", "resources", "main.py", "pyproject.toml", "deploy",
           "docs/deploy.md")


def _debs_in(out: Path) -> dict[str, Path]:
    return {"workstation": out / f"window-clerk_{VERSION}_amd64.deb",
            "backoffice": out / f"window-clerk-backoffice_{VERSION}_amd64.deb"}


def _fresh(debs: dict[str, Path]) -> bool:
    if not all(p.is_file() for p in debs.values()):
        return False
    newest = max(f.stat().st_mtime for part in SOURCES for f in ([ROOT / part] if (ROOT / part).is_file() else
                                                                  (ROOT / part).rglob("*")) if f.is_file())
    return min(p.stat().st_mtime for p in debs.values()) > newest


@pytest.fixture(scope="session")
def debs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    given = os.environ.get(DEBS_ENV)
    if given:
        out = Path(given)
    elif _fresh(_debs_in(ROOT / "dist")):
        out = ROOT / "dist"
    else:
        out = tmp_path_factory.mktemp("dist")
        done = subprocess.run([sys.executable, str(ROOT / "deploy" / "build.py"), "--out", str(out),
                               "--work", str(ROOT / "build" / "deb"), "--reuse"],
                              capture_output=True, text=True, timeout=3000)
        assert done.returncode == 0, done.stderr[-3000:]
    found = _debs_in(out)
    for path in found.values():
        assert path.is_file(), f"{path} is missing ({DEBS_ENV}={given!r}: run make dist first)"
    return found


def _extract(deb: Path, dest: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True, capture_output=True)
    return dest


@pytest.fixture(scope="session")
def ws_root(debs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _extract(debs["workstation"], tmp_path_factory.mktemp("ws-root"))


@pytest.fixture(scope="session")
def bo_root(debs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _extract(debs["backoffice"], tmp_path_factory.mktemp("bo-root"))


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """What a clerk's session has: no repository, no venv, no PYTHONPATH; a keyring (the test's)."""
    home = tmp_path / "home"
    config = home / ".config"
    (config / "python_keyring").mkdir(parents=True)
    backend_dir = tmp_path / "keyring-backend"
    backend_dir.mkdir()
    (backend_dir / "testkeyring.py").write_text(KEYRING_BACKEND, encoding="utf-8")
    (config / "python_keyring" / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring=testkeyring.FileKeyring\nkeyring-path={backend_dir}\n", encoding="utf-8")
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(config),
            "XDG_DATA_HOME": str(home / ".local" / "share"), "TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
            # the test's keyring stores in a file, which the program refuses unless a test says so
            "WINDOW_CLERK_TEST_PLAINTEXT_KEYRING": "1"}


def _run(argv: list[str], env: dict[str, str], cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], check=True, capture_output=True,
                          text=True).stdout.strip()


def test_control_fields(debs: dict[str, Path]) -> None:
    ws, bo = debs["workstation"], debs["backoffice"]
    assert (_field(ws, "Package"), _field(ws, "Version"), _field(ws, "Architecture")) == \
        ("window-clerk", VERSION, "amd64")
    ws_deps = {d.strip().split()[0] for d in _field(ws, "Depends").split(",")}
    assert {"fonts-wqy-zenhei", "cups-client", "sane-utils", "espeak-ng", "libc6"} <= ws_deps
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libgl1", "libfontconfig1"} <= ws_deps  # Qt's X libraries
    assert _field(bo, "Package") == "window-clerk-backoffice"
    assert "adduser" in _field(bo, "Depends")
    files = subprocess.run(["dpkg-deb", "-c", str(bo)], check=True, capture_output=True, text=True).stdout
    assert "./lib/systemd/system/window-clerk-backoffice.service" in files
    assert "./etc/window-clerk/backoffice.toml" in files and "PySide6" not in files and "rapidocr" not in files
    meta = subprocess.run(["dpkg-deb", "-I", str(bo)], check=True, capture_output=True, text=True).stdout
    assert "postinst" in meta and "conffiles" in meta


def test_maintainer_scripts_parse(debs: dict[str, Path], tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(debs["backoffice"]), str(tmp_path / "DEBIAN")], check=True)
    assert (tmp_path / "DEBIAN" / "conffiles").read_text().split() == ["/etc/window-clerk/backoffice.toml"]
    for script in ("postinst", "prerm", "postrm"):
        subprocess.run(["sh", "-n", str(tmp_path / "DEBIAN" / script)], check=True)


def test_the_workstation_runs_from_an_extracted_tree(ws_root: Path, clean_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    exe = ws_root / "usr" / "bin" / "window-clerk"
    done = _run([str(exe), "--version"], clean_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"window-clerk {VERSION}"
    listing = _run([str(exe), "cli", "catalog", "list", "--data-dir", str(tmp_path / "data")], clean_env, tmp_path)
    assert listing.returncode == 0, listing.stderr
    codes = [line.split("\t")[0] for line in listing.stdout.splitlines()]
    assert "newborn" in codes and len(codes) >= 10
    bad = _run([str(exe), "cli", "catalog", "show", "no-such-bundle", "--data-dir", str(tmp_path / "data")],
               clean_env, tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_bundled_python_sees_nothing_outside_its_tree(ws_root: Path, clean_env: dict[str, str],
                                                          tmp_path: Path) -> None:
    python = ws_root / "opt" / "window-clerk" / "python" / "bin" / "python3"
    probe = ("import json, sys, clerk, PySide6, sqlalchemy, keyring, reportlab, printing, ui, rapidocr_onnxruntime;"
             "from importlib.metadata import entry_points;"
             "print(json.dumps({'path': sys.path, 'prefix': sys.prefix, 'files': [m.__file__ for m in "
             "(clerk, PySide6, sqlalchemy, keyring, reportlab, printing, ui, rapidocr_onnxruntime)],"
             "'plugins': sorted(e.name for e in entry_points(group='window_clerk.documents'))}))")
    env = {**clean_env, "PYTHONPATH": str(ROOT), "PYTHONHOME": "/nowhere"}  # -I ignores both
    done = _run([str(python), "-I", "-c", probe], env, tmp_path)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    root = str(ws_root.resolve())
    assert info["prefix"].startswith(root)
    assert all(p.startswith(root) for p in info["path"] if p), info["path"]
    assert all(f.startswith(root) for f in info["files"]), info["files"]
    assert info["plugins"] == ["printer", "render"]
    libs = subprocess.run(["ldd", str(python.resolve())], capture_output=True, text=True, check=True).stdout
    libpython = next(line.split("=>")[1].split("(")[0].strip() for line in libs.splitlines() if "libpython3" in line)
    assert str(Path(libpython).resolve()).startswith(f"{root}/opt/window-clerk/python/lib/libpython3"), libs
    assert "/root/.pyenv" not in libs and "/work/" not in libs


def test_the_window_opens_from_the_extracted_tree(ws_root: Path, clean_env: dict[str, str], tmp_path: Path) -> None:
    env = {**clean_env, "QT_QPA_PLATFORM": "offscreen", "WINDOW_CLERK_STARTUP_PROBE": "1"}
    done = _run([str(ws_root / "usr" / "bin" / "window-clerk"), "--data-dir", str(tmp_path / "data")], env,
                tmp_path, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert [line.split()[0] for line in done.stdout.splitlines()] == ["shown", "ready"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def backoffice_config(bo_root: Path, tmp_path: Path) -> Iterator[tuple[Path, int]]:
    port = _free_port()
    config = tmp_path / "backoffice.toml"
    config.write_text(f'db = "sqlite:///{tmp_path}/bo.db"\nfiles-dir = "{tmp_path}/files"\n'
                      f'data-key-file = "{tmp_path}/data.key"\nport = {port}\n', encoding="utf-8")
    yield config, port


def test_the_back_office_runs_from_an_extracted_tree(bo_root: Path, backoffice_config: tuple[Path, int],
                                                     clean_env: dict[str, str], tmp_path: Path) -> None:
    config, port = backoffice_config
    exe = str(bo_root / "usr" / "bin" / "window-clerk-backoffice")
    env = {**clean_env, "BACKOFFICE_CONFIG": str(config), "BACKOFFICE_PASSWORD": "s3cret-pass"}
    assert _run([exe, "gen-key", str(tmp_path / "data.key")], env, tmp_path).returncode == 0
    migrated = _run([exe, "migrate"], env, tmp_path)
    assert migrated.returncode == 0 and "new database created" in migrated.stdout, migrated.stderr
    assert _run([exe, "create-user", "clerk01", "--role", "clerk", "--windows", "W03", "--org", "230102"], env,
                tmp_path).returncode == 0
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115
    proc = subprocess.Popen([exe, "serve"], env=env, cwd=tmp_path, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(url + "/api/v1/health", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        login = requests.post(url + "/api/v1/auth/login", timeout=30,
                              json={"username": "clerk01", "password": "s3cret-pass", "device_id": "pc-1"})
        assert login.status_code == 200
        token = login.json()["token"]
        catalog = requests.get(url + "/api/v1/catalog", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert catalog.status_code == 200 and catalog.json()["bundles"]
        assert "backoffice_http_requests_total" in requests.get(url + "/metrics", timeout=30).text
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


def test_the_shipped_server_config_is_valid(bo_root: Path) -> None:
    from backoffice.__main__ import parse_args

    args = parse_args(["--config", str(bo_root / "etc" / "window-clerk" / "backoffice.toml"), "migrate"])
    assert args.db.startswith("sqlite:////var/lib/window-clerk-backoffice/")
    assert args.data_key_file == Path("/etc/window-clerk/data.key") and args.workers == 1
