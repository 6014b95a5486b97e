"""案件查询: the case list (search by number, name, pinyin initials, ID number, phone; dates; status; paged).

``install(shell)`` adds it as a tab with Ctrl+F; other features add entries to its right-click menu
through ``shell.add_case_menu``.
"""

from __future__ import annotations

from ui.cases.case_list import CaseListPage
from ui.qt import QCoreApplication
from ui.shell import Shell

__all__ = ["CaseListPage", "install"]


def install(shell: Shell) -> CaseListPage:
    page = CaseListPage(shell)
    shell.add_tab(page, QCoreApplication.translate("MainWindow", "案件查询"))
    shell.add_action(QCoreApplication.translate("MainWindow", "案件查询"), ["Ctrl+F"], page.find_cases)
    page.search()
    return page
