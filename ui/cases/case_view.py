"""案件详情: the read-only view of any case (Enter or double-click in the case list, a scanned barcode).

Everything comes from ``clerk.casefile.case_file`` (the same as ``python -m clerk case show``): the
applicant, matters, form values, materials with their pages (opened in the page viewer), the status
timeline, print history, deadlines and the case's audit entries; the buttons are the actions the
case's state allows (print / reprint, hand out, supplement, continue a draft).
"""

from __future__ import annotations

from html import escape
from typing import Any

from clerk.casefile import CaseFile, case_file
from ui import labels, messages
from ui.events import (
    HandOutRequested,
    OpenCaseRequested,
    PrintRequested,
    ShowPagesRequested,
    SupplementRequested,
)
from ui.ops import Query, mark_closing
from ui.qt import (
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
    bring_to_front,
)
from ui.shell import Shell


class CaseViewDialog(QDialog):
    """The case file of one case, read-only, with the actions its state allows.

    Signals:
        loaded(object): the CaseFile was read and shown.
    """

    loaded = Signal(object)

    def __init__(self, shell: Shell, case_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shell, self.case_uuid = shell, case_uuid
        self.file: CaseFile | None = None
        self.setObjectName("caseView")
        self.setWindowTitle(self.tr("案件详情"))
        screen = (parent or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1100, room.width() - 60) if room else 1100, min(820, room.height() - 80) if room else 820)
        root = QVBoxLayout(self)
        self.title = QLabel(self.tr("正在读取…"), self)
        self.title.setObjectName("dialogHeading")
        self.title.setWordWrap(True)
        root.addWidget(self.title)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.body = QTextBrowser(split)
        self.body.setObjectName("caseBody")
        self.body.setOpenLinks(False)
        side = QWidget(split)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(QLabel(self.tr("材料（回车查看页面）"), side))
        self.materials = QListWidget(side)
        self.materials.setObjectName("caseMaterials")
        self.materials.itemActivated.connect(self._open_pages)
        sv.addWidget(self.materials, 1)
        split.addWidget(self.body)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        root.addWidget(split, 1)
        self.actions_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, keys in (("print", self.tr("打印 (Ctrl+P)"), "Ctrl+P"), ("reprint", self.tr("补打 (Ctrl+P)"), "Ctrl+P"),
                                ("handout", self.tr("出件 (Ctrl+H)"), "Ctrl+H"),
                                ("supplement", self.tr("补交材料 (Ctrl+B)"), "Ctrl+B"),
                                ("resume", self.tr("继续办理 (Ctrl+E)"), "Ctrl+E")):
            b = QPushButton(text, self)
            b.setObjectName(f"caseAction_{key}")
            b.setShortcut(QKeySequence(keys))
            b.clicked.connect(lambda _c=False, k=key: self.act(k))
            b.hide()
            self.actions_row.addWidget(b)
            self.buttons[key] = b
        self.actions_row.addStretch(1)
        close = QPushButton(self.tr("关闭 (Esc)"), self)
        close.clicked.connect(self.reject)
        self.actions_row.addWidget(close)
        root.addLayout(self.actions_row)
        self.reload()

    def reload(self) -> None:
        ctx, key = self.shell.ctx, self.case_uuid
        Query(self, lambda: case_file(ctx, key)).success(self._show).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("无法读取案件：") + messages.describe(exc))

    def _show(self, cf: CaseFile) -> None:
        self.file = cf
        d = cf.as_json()
        self.setWindowTitle(self.tr("案件详情") + f" — {d['case_no']}")
        self.title.setText(f"{d['case_no']}  {escape(d['bundle']['name'])}  【{labels.case_status(d['status'])}】")
        self.body.setHtml(_html(self, d))
        self.materials.clear()
        for m in d["materials"]:
            pages = self.tr("%n 页", "", m["pages"]) if m["pages"] else ""
            item = QListWidgetItem(f"{m['name']} · {labels.material_status(m['status'])}" + (f" · {pages}" if pages else ""))
            item.setData(Qt.ItemDataRole.UserRole, m["code"])
            self.materials.addItem(item)
        if self.materials.count():
            self.materials.setCurrentRow(0)
        for key, b in self.buttons.items():
            b.setVisible(key in cf.actions)
        self.materials.setFocus()
        self.loaded.emit(cf)

    def act(self, key: str) -> None:
        """One of the case's actions: the preview of its documents, the hand-out, a supplement, the draft."""
        events, case_uuid = self.shell.events, self.case_uuid
        if self.file is None or key not in self.file.actions:
            return
        if key in ("print", "reprint"):
            self.accept()
            events.publish(PrintRequested(case_uuid))
        elif key == "handout":
            self.accept()
            events.publish(HandOutRequested(case_uuid, self.file.case.case_no))
        elif key == "supplement":
            self.accept()
            events.publish(SupplementRequested(case_uuid))
        elif key == "resume":
            self.accept()
            events.publish(OpenCaseRequested(case_uuid))

    def _open_pages(self, item: QListWidgetItem) -> None:
        self.shell.events.publish(ShowPagesRequested(self.case_uuid, str(item.data(Qt.ItemDataRole.UserRole))))

    def done(self, result: int) -> None:
        mark_closing(self)
        super().done(result)


def _html(w: QWidget, d: dict[str, Any]) -> str:
    tr = w.tr

    def row(k: str, v: Any) -> str:
        return f"<tr><td style='color:#52606d;padding-right:12px'>{escape(k)}</td><td>{escape(str(v))}</td></tr>"

    def shown(v: Any) -> str:
        return tr("是") if v is True else tr("否") if v is False else "—" if v in (None, "") else str(v)

    a = d["applicant"]
    parts = [f"<h3>{tr('申请人')}</h3><table>",
             row(tr("姓名"), a["name"]), row(labels.id_type(a["id_type"]), a["id_number"]),
             row(tr("联系电话"), a["phone"] or "—"), row(tr("地址"), a["address"] or "—")]
    if d["agent"]:
        parts.append(row(tr("代办人"), f"{d['agent']['name']} {d['agent']['id_number']}"))
    for p in d["persons"]:
        parts.append(row(labels.person(p["person"]), tr("同%1").replace("%1", labels.person(p["same_as"]))))
    taken = d["taken"]
    parts.append(row(tr("受理地点"), tr("上门办理（%1）").replace("%1", taken["address"]) if taken["at"] == "visit"
                     else labels.window(taken["window"])))
    dates = d["dates"]
    if dates["due_date"]:
        parts.append(row(tr("法定办结日期"), dates["due_date"] + (f"（{dates['deadline_label']}）" if dates["deadline_label"] else "")))
    if dates["return_by"]:
        parts.append(row(tr("补齐材料期限"), dates["return_by"]))
    if d["reject_reason"]:
        parts.append(row(tr("不予受理理由"), d["reject_reason"]))
    parts.append("</table>")
    parts.append(f"<h3>{tr('办理事项')}</h3><ul>" + "".join(
        f"<li>{escape(m['name'])}（{escape(m['department'])}）</li>" for m in d["matters"]) + "</ul>")
    parts.append(f"<h3>{tr('申请表')}</h3><table>" + "".join(row(f["label"], shown(f["value"])) for f in d["form"]) + "</table>")
    parts.append(f"<h3>{tr('办理过程')}</h3><table>" + "".join(
        row((t["at"] or "")[:16].replace("T", " "), t["label"] + (f"（{t['note']}）" if t["note"] else "")
            + (tr(" [平台]") if t["source"] == "platform" else "")) for t in d["timeline"]) + "</table>")
    parts.append(f"<h3>{tr('打印记录')}</h3><table>" + ("".join(
        row((p["at"] or "")[:16].replace("T", " "), f"{p['title']} {labels.print_job_state(p['state'])}")
        for p in d["prints"]) or row("—", tr("尚未打印过"))) + "</table>")
    if d["audit"]:
        parts.append(f"<h3>{tr('审计记录')}</h3><table>" + "".join(
            row((e["at"] or "")[:16].replace("T", " "), f"{e['operator']} {e['action_label']}") for e in d["audit"])
            + "</table>")
    return "".join(parts)


def open_case_view(shell: Shell, case_uuid: str) -> CaseViewDialog:
    """The (non-modal) case view over the window; it deletes itself when closed."""
    dialog = CaseViewDialog(shell, case_uuid, shell.widget)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    bring_to_front(dialog)
    return dialog


__all__ = ["CaseViewDialog", "open_case_view"]
