"""Licence files the e-licence tests make: a one-page PDF (reportlab) and a one-page OFD (GB/T 33190)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def licence_pdf(title: str, number: str = "") -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setFont("Helvetica", 14)
    c.drawString(40, 500, f"E-LICENCE {title}")
    c.drawString(40, 470, number or "(number assigned by the library)")
    c.showPage()
    c.save()
    return buf.getvalue()


def licence_ofd(text: str = "ELICENCE OFD SAMPLE") -> bytes:
    """The smallest OFD a reader accepts: OFD.xml → Document.xml → one page with one text object."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                   '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c9a4f0e2b7d4c1a9e3f5b6d7c8e9f01</ofd:DocID>'
                   '<ofd:Title>licence</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                   '</ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
                              '<ofd:MaxUnitID>10</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 148 210'
                              '</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
                              '</ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                              '</ofd:Pages></ofd:Document>',
        "Doc_0/PublicRes.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res"><ofd:Fonts>'
                               '<ofd:Font ID="2" FontName="SimSun" FamilyName="SimSun"/></ofd:Fonts></ofd:Res>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content>'
                                          '<ofd:Layer ID="3"><ofd:TextObject ID="4" Boundary="10 20 120 12" '
                                          'Font="2" Size="6"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" '
                                          f'Y="8">{text}</ofd:TextCode></ofd:TextObject>'
                                          '<ofd:PathObject ID="5" Boundary="5 5 138 200" Stroke="true">'
                                          '<ofd:AbbreviatedData>M 0 0 L 138 0 L 138 200 L 0 200 C</ofd:AbbreviatedData>'
                                          '</ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0)), body)
    return buf.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p
