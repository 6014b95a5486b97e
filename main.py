"""Entry point of the window-clerk workstation: arguments, the app context, the window for the mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

MODES = ("window", "field", "kiosk", "display", "supervisor")

NO_DISPLAY = """\
没有可用的图形显示（未设置 DISPLAY / WAYLAND_DISPLAY）。
无显示器时可这样运行：
  xvfb-run python main.py --demo        # 在虚拟显示上运行窗口程序
  python -m clerk demo                  # 不需要窗口的命令行演示
No graphical display is available (DISPLAY / WAYLAND_DISPLAY are not set).
To run headless:
  xvfb-run python main.py --demo        # the window program on a virtual display
  python -m clerk demo                  # the command-line walk-through, no window needed"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="综合窗口受理工作台 / window-clerk workstation")
    p.add_argument("--data-dir", type=Path, default=None, help="data directory (default: the user data dir)")
    p.add_argument("--demo", action="store_true", help="demo data dir, demo operator, sample cases, embedded platform")
    p.add_argument("--mode", choices=MODES, default="window", help="which workstation to open (only 'window' for now)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="interface language (default: settings, zh_CN)")
    return p.parse_args(argv)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.mode != "window":
        print(f"模式 {args.mode} 尚未提供 / mode '{args.mode}' is not yet available (use --mode window)", file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2

    from clerk.settings import SettingsError
    from clerk.store.engine import StoreError

    try:
        from ui.session import open_session

        session = open_session(args.data_dir, demo=args.demo)
    except (SettingsError, StoreError, OSError) as exc:
        print(f"无法打开数据目录 / cannot open the data dir: {exc}", file=sys.stderr)
        return 1

    from ui import app as ui_app
    from ui.main_window import MainWindow
    from ui.qt import QApplication

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    ui_app.prepare(qapp, args.lang or session.ctx.settings.language)
    if session.demo:
        from ui.session import start_demo_server

        start_demo_server(session)
    window = MainWindow(session)
    window.show()
    if session.demo:
        window.seed_demo_if_empty()
    try:
        return qapp.exec()
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
