"""综合受理: the intake screen (bundle, situations, applicant, the one form, the one checklist, accept).

``install(shell)`` puts it in as the first tab with its shortcuts (Ctrl+N, Ctrl+Enter, Ctrl+S); the
field laptop installs it with its own accept rule and without the scanning controls.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.intake.accept import AcceptRule, accept_at_window
from ui.intake.page import IntakePage
from ui.qt import QCoreApplication
from ui.shell import Shell

__all__ = ["IntakePage", "install"]


def install(shell: Shell, *, accept_rule: AcceptRule = accept_at_window, scanning: bool = True,
            picker: bool = True) -> IntakePage:
    page = IntakePage(shell, accept_rule=accept_rule, scanning=scanning)
    if not picker:  # a visit decides the bundle
        page.picker_enabled = False
        page.picker.hide()
        page.reflow()
        if page.case is None:
            page._show_empty()  # the hint names the visit list, not a bundle search that is not there
    shell.add_tab(page, QCoreApplication.translate("MainWindow", "综合受理"))

    def new_case() -> None:
        shell.show_tab(page)
        page.new_case()

    def accept() -> None:  # Ctrl+Enter
        if shell.current_tab() is page and page.dialog is None:
            page.accept_case()

    shell.add_action(QCoreApplication.translate("MainWindow", "新建受理"), ["Ctrl+N"], new_case)
    shell.add_action(QCoreApplication.translate("MainWindow", "受理"), ["Ctrl+Return", "Ctrl+Enter"], accept)
    shell.add_action(QCoreApplication.translate("MainWindow", "立即保存"), ["Ctrl+S"], page.autosave.flush)

    def on_page(fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            if shell.current_tab() is page and page.dialog is None and page.case is not None:
                fn()
        return run

    shell.add_action(QCoreApplication.translate("MainWindow", "导入到当前材料"), ["Ctrl+O"], on_page(page.import_into_focused))
    shell.add_action(QCoreApplication.translate("MainWindow", "可免提交的材料全部调用电子证照"), ["Ctrl+E"],
                     on_page(page.waive_e_licences))
    def toggle_commitment() -> None:
        box = page.checklist.commitment
        if box.isVisible():
            box.toggle()
            box.setFocus()

    shell.add_action(QCoreApplication.translate("MainWindow", "告知承诺书已签署"), ["Alt+Q"], on_page(toggle_commitment))
    if scanning:
        shell.add_action(QCoreApplication.translate("MainWindow", "扫描到当前材料"), ["Ctrl+Shift+S"],
                         on_page(page.scan_into_focused))
    shell.on_close(page.close_down)
    page.refresh_drafts()
    return page
