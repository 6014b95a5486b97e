"""Realistic sample cases for previews, benchmarks and tests of the printouts (no database needed)."""

from __future__ import annotations

import datetime as dt

from clerk.intake.model import (
    CaseMaterial,
    CaseStatus,
    CaseView,
    Delivery,
    FileRef,
    MaterialStatus,
    MatterView,
    Person,
)

_SHA = "0" * 64


def _files(pages: int) -> list[FileRef]:
    return [FileRef(sha256=_SHA, size=120_000 * pages, media_type="application/pdf", pages=pages)]


def sample_case(status: CaseStatus = CaseStatus.ACCEPTED, *, applicant_name: str = "欧阳晓明",
                missing: int = 0) -> CaseView:
    """A 新生儿出生一件事 case: five matters, materials in every status; ``missing`` adds missing ones."""
    created = dt.datetime(2026, 11, 23, 9, 41)
    materials = [
        CaseMaterial(code="M001", name="父母双方居民身份证", status=MaterialStatus.PROVIDED, files=_files(2),
                     originals=1, copies=1, why="核验父母身份", source="申请人自备", matters=["BIRTH-REG"]),
        CaseMaterial(code="M002", name="出生医学证明（第一联）", status=MaterialStatus.PROVIDED, files=_files(1),
                     originals=1, copies=0, why="确认新生儿出生信息", source="出生医院产科",
                     matters=["BIRTH-REG", "HUKOU"]),
        CaseMaterial(code="M003", name="居民户口簿（户主页及本人页）", status=MaterialStatus.PROVIDED, files=_files(3),
                     originals=1, copies=1, why="办理出生登记落户", source="申请人自备"),
        CaseMaterial(code="M004", name="结婚证", status=MaterialStatus.E_LICENSE, e_license=True,
                     why="确认父母婚姻关系", source="电子证照库"),
        CaseMaterial(code="M005", name="新生儿医保参保登记表（一表申请合并生成）", status=MaterialStatus.PROVIDED,
                     files=_files(1), originals=1, copies=0, why="城乡居民医保参保", source="综合窗口现场生成"),
        CaseMaterial(code="M006", name="预防接种证", status=MaterialStatus.DEFERRED, deferrable=True,
                     deadline=dt.date(2026, 12, 7), originals=0, copies=1, why="建立儿童预防接种档案",
                     source="社区卫生服务中心预防接种门诊"),
        CaseMaterial(code="M007", name="社会保障卡申领照片（近六个月白底免冠）", status=MaterialStatus.DEFERRED,
                     deferrable=True, deadline=dt.date(2026, 12, 7), originals=1, copies=0,
                     why="制作新生儿社会保障卡", source="有资质的照相馆或“龙江人社”App"),
        CaseMaterial(code="M008", name="委托书", status=MaterialStatus.NOT_REQUIRED, required=False),
    ]
    sources = ["出生医院产科", "户籍所在地派出所", "申请人自备", "街道便民服务中心", "人力资源和社会保障局"]
    for i in range(missing):
        materials.append(CaseMaterial(
            code=f"X{i + 1:03d}", status=MaterialStatus.MISSING, deferrable=i % 3 == 0,
            name=f"第{i + 1}号补正材料：{'申请人及其配偶、子女的' if i % 4 == 0 else ''}收入与财产状况证明（加盖单位公章）",
            originals=1, copies=i % 3, why=("用于核定待遇标准，" * (1 + i % 3)).rstrip("，"),
            source=sources[i % len(sources)],
        ))
    accepted = status is CaseStatus.ACCEPTED
    return CaseView(
        case_uuid="6f1c2d7e-1a55-4cb1-9f44-0d0a6a2f5b10",
        case_no="230102-20261123-W03-0012",
        status=status,
        bundle_code="NEWBORN",
        bundle_name="新生儿出生“一件事”",
        catalog_version="2026.11",
        matters=[
            MatterView(code="BIRTH-REG", name="出生医学证明核验", department="区卫生健康局", time_limit_days=1),
            MatterView(code="HUKOU", name="出生登记（户口登记）", department="道里公安分局户政大队", time_limit_days=3),
            MatterView(code="MEDINS", name="城乡居民基本医疗保险参保登记", department="区医疗保障局", time_limit_days=1),
            MatterView(code="SSCARD", name="社会保障卡申领", department="区人力资源和社会保障局", time_limit_days=10),
            MatterView(code="VACC", name="预防接种证办理", department="区疾病预防控制中心", time_limit_days=5),
        ],
        applicant=Person(name=applicant_name, id_number="230102199003071234", phone="13804512345",
                         address="哈尔滨市道里区安静街 88 号 3 单元 501 室"),
        agent=None,
        materials=materials,
        commitment_signed_at=created + dt.timedelta(minutes=12) if accepted else None,
        created_at=created,
        accepted_at=created + dt.timedelta(minutes=14) if accepted else None,
        notified_at=created + dt.timedelta(minutes=9) if status is CaseStatus.NOTIFIED else None,
        rejected_at=created + dt.timedelta(minutes=7) if status is CaseStatus.REJECTED else None,
        due_date=dt.date(2026, 12, 7) if accepted else None,
        return_by=dt.date(2026, 12, 7) if status is CaseStatus.NOTIFIED else None,
        reject_reason=("申请事项依法不属于本行政机关职权范围（新生儿父母户籍均不在本区），"
                       "请向户籍所在地政务服务中心提出申请" if status is CaseStatus.REJECTED else ""),
        operator="W03-017",
        operator_name="李婷",
        window="W03",
        org_code="230102",
        ticket_no="A012",
        delivery=Delivery(method="window"),
    )
