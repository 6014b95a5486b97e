"""The hall queue (排队叫号): the caller bar of the window mode, and the hall's own screens (取号机 kiosk,
叫号大屏 display, 大厅监管 supervisor) that ``main.py --mode`` opens.

``install(shell)`` puts the caller bar in the header with its keys (F2 下一位, F3 重呼, F4 开始, F6 办结,
F7 过号, F8 转移, F9 暂停); a called ticket is announced as ``TicketCalled`` with its service (the intake
screen attaches it to the next case taken in; a 出件 ticket opens the hand-out).
The hall server being down never stops intake: every request runs in a worker with short time-outs.
"""

from __future__ import annotations

from ui import messages
from ui.events import TicketCalled
from ui.qt import QCoreApplication
from ui.queue.caller_bar import KEYS, CallerBar
from ui.queue.common import HallAccess
from ui.shell import Shell

__all__ = ["CallerBar", "HallAccess", "install"]


def install(shell: Shell) -> CallerBar:
    bar = CallerBar(HallAccess.for_shell(shell), shell.window_code, shell.ctx.events, shell.widget)
    shell.add_header_widget(bar)
    shell.add_action(QCoreApplication.translate("MainWindow", "下一位"), [KEYS["call"]], bar.next_person)
    shell.add_action(QCoreApplication.translate("MainWindow", "重呼"), [KEYS["recall"]], bar.recall)
    shell.add_action(QCoreApplication.translate("MainWindow", "开始办理"), [KEYS["start"]], bar.start)
    shell.add_action(QCoreApplication.translate("MainWindow", "办结"), [KEYS["finish"]], bar.finish)
    shell.add_action(QCoreApplication.translate("MainWindow", "过号"), [KEYS["no_show"]], bar.no_show)
    shell.add_action(QCoreApplication.translate("MainWindow", "转移"), [KEYS["transfer"]], bar.open_transfer)
    shell.add_action(QCoreApplication.translate("MainWindow", "暂停/开放窗口"), [KEYS["pause"]], bar.toggle_pause)
    bar.ticket_called.connect(lambda ticket_no, service: shell.events.publish(TicketCalled(ticket_no, service)))
    bar.message.connect(lambda m: messages.info(shell.widget, m))
    shell.on_close(bar.stop)
    return bar
