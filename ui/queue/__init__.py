"""The hall queue (排队叫号): the caller bar of the window mode, and the hall's own screens (取号机 kiosk,
叫号大屏 display, 大厅监管 supervisor) that ``main.py --mode`` opens.

``install(shell)`` puts the caller bar in the header with F2 (call next), F3 (recall), F10 (park) and
F11 (call a chosen number); a called
ticket is announced as ``TicketCalled`` (the intake screen attaches it to the next case taken in).
The hall server being down never stops intake: every request runs in a worker with short time-outs.
"""

from __future__ import annotations

from ui import messages
from ui.events import TicketCalled
from ui.qt import QCoreApplication
from ui.queue.caller_bar import CallerBar
from ui.queue.common import HallAccess
from ui.shell import Shell

__all__ = ["CallerBar", "HallAccess", "install"]


def install(shell: Shell) -> CallerBar:
    bar = CallerBar(HallAccess.for_shell(shell), shell.window_code, shell.ctx.events, shell.widget)
    shell.add_header_widget(bar)
    shell.add_action(QCoreApplication.translate("MainWindow", "叫下一位"), ["F2"], bar.call_next)
    shell.add_action(QCoreApplication.translate("MainWindow", "重呼"), ["F3"], bar.recall)
    shell.add_action(QCoreApplication.translate("MainWindow", "暂挂当前号"), ["F10"], bar.park)
    shell.add_action(QCoreApplication.translate("MainWindow", "叫指定号…"), ["F11"], bar.open_call_number)
    bar.ticket_called.connect(lambda ticket_no: shell.events.publish(TicketCalled(ticket_no)))
    bar.message.connect(lambda m: messages.info(shell.widget, m))
    shell.on_close(bar.stop)
    return bar
