"""The translated labels of the codes ``clerk/`` works with, declared once for the whole UI.

Case statuses, material statuses, document kinds, ID types, queue ticket states, priorities,
window states, hall services, print-job states and evaluation scores: ``clerk/`` keeps the codes;
every screen shows them through these functions (``tr()``: Simplified Chinese by default, English
with ``--lang en``). A test walks every code of every table in both languages.
"""

from __future__ import annotations

import re
from enum import StrEnum

from clerk.intake.model import CaseStatus, MaterialStatus
from clerk.queueing.model import Priority, TicketState, WindowState
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, tr

CONTEXT = "Labels"
_WINDOW_NO = re.compile(r"^[A-Za-z]*0*(\d+)$")
"""As ``clerk.queueing.model.window_label`` reads a window code."""

CASE_STATUS: dict[str, str] = {
    CaseStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "草稿"),
    CaseStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "已受理"),
    CaseStatus.NOTIFIED: QT_TRANSLATE_NOOP("Labels", "已一次性告知"),
    CaseStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "不予受理"),
    CaseStatus.RECEIVED: QT_TRANSLATE_NOOP("Labels", "平台已接收"),
    CaseStatus.IN_REVIEW: QT_TRANSLATE_NOOP("Labels", "审核中"),
    CaseStatus.SUPPLEMENT_REQUIRED: QT_TRANSLATE_NOOP("Labels", "需补正"),
    CaseStatus.APPROVED: QT_TRANSLATE_NOOP("Labels", "已办结"),
    CaseStatus.DENIED: QT_TRANSLATE_NOOP("Labels", "不予许可"),
    CaseStatus.READY_FOR_PICKUP: QT_TRANSLATE_NOOP("Labels", "待领取"),
    CaseStatus.DELIVERED: QT_TRANSLATE_NOOP("Labels", "已送达"),
}

MATERIAL_STATUS: dict[str, str] = {
    MaterialStatus.MISSING: QT_TRANSLATE_NOOP("Labels", "缺少"),
    MaterialStatus.PROVIDED: QT_TRANSLATE_NOOP("Labels", "已提交"),
    MaterialStatus.DEFERRED: QT_TRANSLATE_NOOP("Labels", "容缺后补"),
    MaterialStatus.E_LICENSE: QT_TRANSLATE_NOOP("Labels", "电子证照免提交"),
    MaterialStatus.NOT_REQUIRED: QT_TRANSLATE_NOOP("Labels", "无需提交"),
}

DOCUMENT_KIND: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("Labels", "受理通知书"),
    "one_time_notice": QT_TRANSLATE_NOOP("Labels", "一次性告知单"),
    "commitment": QT_TRANSLATE_NOOP("Labels", "容缺受理告知承诺书"),
    "refusal": QT_TRANSLATE_NOOP("Labels", "不予受理通知书"),
    "labels": QT_TRANSLATE_NOOP("Labels", "材料标签"),
    "separators": QT_TRANSLATE_NOOP("Labels", "材料分隔页"),
    "delivery_receipt": QT_TRANSLATE_NOOP("Labels", "送达回证"),
    "supplement_notice": QT_TRANSLATE_NOOP("Labels", "补正材料通知书"),
}
"""Every kind of ``clerk.documents.DOCUMENTS`` (a test checks the two agree)."""

ID_TYPE: dict[str, str] = {
    "cn_ric": QT_TRANSLATE_NOOP("Labels", "居民身份证"),
    "passport": QT_TRANSLATE_NOOP("Labels", "护照"),
    "hk_macao_permit": QT_TRANSLATE_NOOP("Labels", "港澳居民来往内地通行证"),
    "taiwan_permit": QT_TRANSLATE_NOOP("Labels", "台湾居民来往大陆通行证"),
    "foreign_permanent_residence": QT_TRANSLATE_NOOP("Labels", "外国人永久居留身份证"),
    "uscc": QT_TRANSLATE_NOOP("Labels", "统一社会信用代码"),
}

TICKET_STATE: dict[str, str] = {
    TicketState.WAITING: QT_TRANSLATE_NOOP("Labels", "等候中"),
    TicketState.CALLED: QT_TRANSLATE_NOOP("Labels", "已叫号"),
    TicketState.SERVING: QT_TRANSLATE_NOOP("Labels", "办理中"),
    TicketState.DONE: QT_TRANSLATE_NOOP("Labels", "已办结"),
    TicketState.NO_SHOW: QT_TRANSLATE_NOOP("Labels", "过号"),
    TicketState.PARKED: QT_TRANSLATE_NOOP("Labels", "暂挂"),
    TicketState.CLOSED: QT_TRANSLATE_NOOP("Labels", "已截止"),
}

PRIORITY: dict[str, str] = {
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "普通"),
    Priority.ELDERLY: QT_TRANSLATE_NOOP("Labels", "老年人"),
    Priority.DISABLED: QT_TRANSLATE_NOOP("Labels", "残疾人"),
    Priority.PREGNANT: QT_TRANSLATE_NOOP("Labels", "孕妇"),
    Priority.APPOINTMENT: QT_TRANSLATE_NOOP("Labels", "预约"),
}

WINDOW_STATE: dict[str, str] = {
    WindowState.OPEN: QT_TRANSLATE_NOOP("Labels", "开放"),
    WindowState.PAUSED: QT_TRANSLATE_NOOP("Labels", "暂停"),
    WindowState.CLOSED: QT_TRANSLATE_NOOP("Labels", "关闭"),
}

TICKET_MOVE: dict[str, str] = {
    "call": QT_TRANSLATE_NOOP("Labels", "叫号"),
    "recall": QT_TRANSLATE_NOOP("Labels", "重呼"),
    "start": QT_TRANSLATE_NOOP("Labels", "开始办理"),
    "finish": QT_TRANSLATE_NOOP("Labels", "办结"),
    "no-show": QT_TRANSLATE_NOOP("Labels", "过号"),
    "transfer": QT_TRANSLATE_NOOP("Labels", "转移"),
}

SERVICE: dict[str, str] = {
    "intake": QT_TRANSLATE_NOOP("Labels", "综合受理"),
    "pickup": QT_TRANSLATE_NOOP("Labels", "出件"),
    "consult": QT_TRANSLATE_NOOP("Labels", "咨询"),
}
"""The default hall services (``clerk.queueing.model.SERVICE_NAMES``); other codes show as they are."""

PRINT_JOB_STATE: dict[str, str] = {
    "queued": QT_TRANSLATE_NOOP("Labels", "待打印"),
    "printed": QT_TRANSLATE_NOOP("Labels", "已打印"),
    "failed": QT_TRANSLATE_NOOP("Labels", "打印失败"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "已取消"),
}

SCORE: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Labels", "非常不满意"),
    2: QT_TRANSLATE_NOOP("Labels", "不满意"),
    3: QT_TRANSLATE_NOOP("Labels", "基本满意"),
    4: QT_TRANSLATE_NOOP("Labels", "满意"),
    5: QT_TRANSLATE_NOOP("Labels", "非常满意"),
}

TABLES: dict[str, dict[str, str] | dict[int, str]] = {
    "case_status": CASE_STATUS, "material_status": MATERIAL_STATUS, "document_kind": DOCUMENT_KIND,
    "id_type": ID_TYPE, "ticket_state": TICKET_STATE, "priority": PRIORITY, "window_state": WINDOW_STATE,
    "ticket_move": TICKET_MOVE, "service": SERVICE, "print_job_state": PRINT_JOB_STATE, "score": SCORE,
}


def _label(table: dict[str, str], code: str | StrEnum) -> str:
    key = str(code.value if isinstance(code, StrEnum) else code)
    source = table.get(key)
    return tr(CONTEXT, source) if source is not None else key


def case_status(code: str | StrEnum) -> str:
    """草稿 / Draft, 已受理 / Accepted …; an unknown code is shown as it is."""
    return _label(CASE_STATUS, code)


def material_status(code: str | StrEnum) -> str:
    return _label(MATERIAL_STATUS, code)


def document_kind(kind: str) -> str:
    return _label(DOCUMENT_KIND, kind)


def id_type(code: str) -> str:
    return _label(ID_TYPE, code)


def ticket_state(code: str | StrEnum) -> str:
    return _label(TICKET_STATE, code)


def priority(code: str | StrEnum) -> str:
    return _label(PRIORITY, code)


def window_state(code: str | StrEnum) -> str:
    return _label(WINDOW_STATE, code)


def service(code: str) -> str:
    """The name of a hall service (综合受理 …); an unknown code is shown as it is."""
    return _label(SERVICE, code)


def window(code: str) -> str:
    """A window code as the hall says it: W03 → 3 号窗口 / Window 3; VIP → VIP 窗口 / VIP window."""
    m = _WINDOW_NO.match(code.strip())
    if m:
        return QCoreApplication.translate("Labels", "%1 号窗口").replace("%1", str(int(m.group(1))))
    return QCoreApplication.translate("Labels", "%1 窗口").replace("%1", code)


def print_job_state(code: str) -> str:
    return _label(PRINT_JOB_STATE, code)


def score(value: int) -> str:
    source = SCORE.get(value)
    return tr(CONTEXT, source) if source is not None else str(value)


def by_chinese(table: dict[str, str]) -> dict[str, str]:
    """Source text → code (for reading a label back out of a message the core wrote in Chinese)."""
    return {source: code for code, source in table.items()}
