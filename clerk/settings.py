"""Every setting declared once (pydantic): defaults, types, validation; persisted as JSON in the config dir."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from clerk.atomic import write_atomic
from clerk.errors import ClerkError


class HallSettings(BaseModel):
    """What the printouts say about the hall; wording of fixed paragraphs lives here, not in code."""

    model_config = ConfigDict(extra="ignore")

    org_code: str = Field(default="230102", pattern=r"^[0-9A-Za-z]{1,12}$")
    """Prefix of case numbers (行政区划/机构代码)."""
    name: str = "哈尔滨市道里区政务服务中心"
    address: str = "哈尔滨市道里区友谊路 1 号"
    phone: str = "0451-12345678"
    complaint_phone: str = "12345"
    logo_path: str = ""
    check_url: str = "https://zwfw.example.gov.cn/case?no="
    """The QR code on receipts encodes this URL followed by the case number."""
    evaluation_url: str = "https://zwfw.example.gov.cn/hcp?no="
    office_hours: str = "周一至周五 9:00-12:00 13:30-17:00（法定节假日除外）"
    notice_return_days: int = Field(default=10, ge=1, le=60)
    """Working days an applicant has to come back after a one-time notice."""
    receipt_footer: str = "请妥善保管本通知书，凭本通知书或受理编号查询办理进度、领取办理结果。"
    notice_intro: str = (
        "您申请的事项因材料不齐全或不符合法定形式，现一次性告知需补正的全部内容。"
        "请在下列日期前携带以下材料到本中心综合窗口办理，补齐后即予受理。"
    )
    commitment_text: str = (
        "本人（单位）自愿作出如下承诺：对上述容缺材料，在规定期限内补交；所提交材料真实、合法、有效；"
        "如未在期限内补齐或承诺不实，愿意承担相应法律责任，并同意撤销相关办理结果、记入信用记录。"
    )
    refusal_appeal_text: str = (
        "如不服本决定，可自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
    )
    mask_names: bool = False
    """Mask names (张*明) on lists and printouts where a full name is not needed."""
    time_zone: str = "Asia/Shanghai"
    """The hall's time zone (IANA name): every clock, date and chart of the program uses it, whatever
    the zone of the PC (``clerk.clock``)."""

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(value)
        except (ImportError, ValueError, OSError, KeyError):
            if value not in ("Asia/Shanghai", "PRC"):
                raise ValueError(f"未知的时区“{value}”（应为 IANA 时区名，如 Asia/Shanghai）") from None
        return value
    region_code: str = Field(default="", pattern=r"^([0-9]{6})?$")
    """The hall's region (行政区划代码, 6 digits): a case's handling region (属地) defaults to it, and a
    case for another region is taken in as 异地代收代办. Empty: the ``org_code`` when it is one."""

    @property
    def region(self) -> str:
        """The hall's region code ("" when neither ``region_code`` nor ``org_code`` is one)."""
        if self.region_code:
            return self.region_code
        return self.org_code if len(self.org_code) == 6 and self.org_code.isdigit() else ""


class DeviceSettings(BaseModel):
    """The hall devices at this workstation (``clerk.devices``; ``python -m clerk doctor --devices``)."""

    model_config = ConfigDict(extra="ignore")

    idcard_reader: str = ""
    """The ID-card reader: ``termb:/path/libtermb.so[:PORT]``, ``http://127.0.0.1:PORT/…`` or
    ``sim:FILE.json`` (``clerk.devices.readers``); empty: no reader (typing only)."""
    camera: str = ""
    """The document camera (高拍仪): a video device such as ``/dev/video0``; empty: the first one found."""
    elderly_priority_age: int = Field(default=65, ge=50, le=100)
    """A ticket taken by card is an elderly-priority ticket from this age (hall setting)."""
    signature_pad: str = Field(default="auto", pattern=r"^(auto|on|off)$")
    """Sign the commitment letter on a pad at the window: "auto" when Qt sees a pen or touch device,
    "on" always (a mouse will do), "off" never (the tick box, signed on paper)."""
    second_screen: bool = True
    """The applicant's evaluation screen is expected (the device check warns when it is missing)."""
    sound: bool = True
    """The hall display calls out tickets (the device check warns when there is no sound output)."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    hall: HallSettings = Field(default_factory=HallSettings)
    platform_url: str = ""
    hall_url: str = ""
    window: str = Field(default="W01", pattern=r"^[A-Z0-9]{1,8}$")
    device_id: str = ""
    language: str = Field(default="zh_CN", pattern=r"^(zh_CN|en)$")
    idle_lock_minutes: int = Field(default=5, ge=1, le=120)
    max_failed_logins: int = Field(default=5, ge=1, le=20)
    retention_days: int = Field(default=90, ge=1)
    scan_inbox: str = ""
    printer_a4: str = ""
    printer_ticket: str = ""
    display_threshold_wait_min: int = 20
    """Supervisor alert: a service's longest wait past this many minutes."""
    tidal_threshold_wait_min: int = 30
    """Tidal-window suggestion (潮汐窗口) when a queue's expected wait passes this many minutes."""
    paused_alert_min: int = Field(default=15, ge=1, le=240)
    """Supervisor alert: a window paused longer than this many minutes."""
    no_show_streak: int = Field(default=3, ge=2, le=20)
    """Supervisor alert: this many no-shows in a row at one window."""
    evaluation_timeout_s: int = Field(default=60, ge=10, le=600)
    """The applicant's evaluation window closes by itself after this many seconds."""
    queue_fallback_prefix: str = Field(default="", pattern=r"^([XYZ][0-9A-Z])?$")
    """This kiosk's fallback prefix (人工兜底号段, e.g. ``X1``): claimed from the hall server with
    ``python -m clerk queue enroll``; empty: the kiosk cannot number tickets while the server is down."""
    devices: DeviceSettings = Field(default_factory=DeviceSettings)
    recovery_public_key: str = ""
    """PEM file of the recovery public key (``python -m clerk recovery keygen``); empty: DATA_DIR's."""

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Reads settings; a missing file gives the defaults, a broken one raises ``SettingsError``."""
        if not path.exists():
            return cls()
        try:
            return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            raise SettingsError(f"设置文件 {path} 无法读取：{exc}") from exc

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, self.model_dump_json(indent=2), prefix=".settings-")


class SettingsError(ClerkError, ValueError):
    pass
