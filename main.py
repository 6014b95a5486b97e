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
    p.add_argument("--mode", choices=MODES, default="window",
                   help="window (clerk), field (上门办), kiosk (取号机), display (叫号屏) or supervisor (大厅监管)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="interface language (default: settings, zh_CN)")
    return p.parse_args(argv)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.demo:  # the same line as clerk.demo_walk.DEMO_IN_CLEAR (not imported: clerk/ loads in the background)
        print("演示模式：数据以明文（不加密）保存在临时目录，请勿录入真实的个人信息 / demo mode: stored in clear, "
              "no real personal data", file=sys.stderr)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from ui.shell import launch  # the shell composes the features for each mode

    if args.mode in launch.QUEUE_MODES:  # the hall queue's screens (ui/queue)
        return launch.run_queue_mode(args)
    if args.mode == "field":  # 上门办: the laptop profile (ui/field)
        return launch.run_field(args)
    return launch.run_window(args, args.lang or _settings_language(args))


def _settings_language(args: argparse.Namespace) -> str:
    """The language from settings.json, read without loading clerk/ (that happens in the background)."""
    import json

    if args.data_dir is None and not args.demo:
        import platformdirs  # the same dir as clerk.context.default_data_dir, without loading clerk/

        data_dir = Path(platformdirs.user_data_dir("window-clerk", appauthor=False))
    else:
        from ui.shell.session import demo_dir

        data_dir = demo_dir(args.data_dir) if args.demo else args.data_dir
    try:
        lang = json.loads((data_dir / "settings.json").read_text(encoding="utf-8")).get("language", "zh_CN")
    except (OSError, ValueError, AttributeError):
        return "zh_CN"
    return lang if lang in ("zh_CN", "en") else "zh_CN"


if __name__ == "__main__":
    status = main()
    # Everything is saved and closed by now. PySide6 6.12 can abort while Python finalizes Qt objects
    # ("Fatal Python error: bool_dealloc"), which would turn a clean exit into a crash report.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status if isinstance(status, int) else 0)
