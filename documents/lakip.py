"""The LAKIP in the structure of PermenPAN-RB 53/2014, as a draft (watermarked, cached) and as
the final that the Camat signs (see `signing.py`)."""

from __future__ import annotations

import base64
import datetime as dt
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from documents.charts.bar import Bar, bar_chart
from documents.lakip_data import lakip_document_data
from documents.org_chart import org_chart
from documents.pdf import RenderedPdf, cached_pdf, render_pdf

KIND = "lakip"
TEMPLATE = "documents/lakip.html"
SIGNATURE_ANCHOR = "ttd-camat"


def filename(report) -> str:
    return f"lakip-{report.office.name.lower()}-{report.year.year}.pdf"


def chart_svgs(data: dict) -> dict[int, str]:
    """One bar chart per sasaran (SVG markup): the capaian of each of its indicators, coloured
    by band. The PDF embeds them as images; the Word document as PNG."""
    out = {}
    for s in data["sasaran"]:
        bars = [
            Bar(label=r["indikator"], value=r["capaian"], band=r["band"] or None)
            for r in s["rows"]
            if r["capaian"] is not None
        ]
        if bars:
            out[s["id"]] = str(
                bar_chart(
                    bars,
                    title=f"Capaian indikator sasaran {s['number']} tahun {data['year']} (%)",
                    width=600,
                )
            )
    return out


def org_chart_svg(data: dict) -> str:
    return str(org_chart(data["units"], title=f"Kecamatan {data['office']['name']}"))


def charts(data: dict) -> dict[int, SafeString]:
    return {
        sid: _svg_img(svg, alt=f"Grafik capaian sasaran {n}")
        for n, (sid, svg) in enumerate(chart_svgs(data).items(), start=1)
    }


def _svg_img(svg: str, *, alt: str) -> SafeString:
    # As an image WeasyPrint keeps the chart's aspect ratio; inline SVG with height:auto
    # would take the whole page.
    # The chart's responsive inline style (height:auto) confuses the image's intrinsic size.
    svg = svg.replace('style="max-width:100%;height:auto"', "", 1)
    encoded = base64.b64encode(svg.encode()).decode()
    return format_html(
        '<img class="chart-img" alt="{}" src="data:image/svg+xml;base64,{}">', alt, encoded
    )


def qr_image(url: str) -> SafeString:
    """The verification link as a QR code, embedded as an SVG data URI (no network, no file)."""
    img = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = BytesIO()
    img.save(buffer)
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return format_html('<img class="qr" alt="QR" src="data:image/svg+xml;base64,{}">', encoded)


def _context(data: dict, *, watermark: bool, verify_url: str = "") -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        place_date = f"{data['office']['city']}, {date_format(data['date'], 'j F Y')}"
    return {
        "doc": data,
        "place_date": place_date,
        "office": data["office"],
        "charts": charts(data),
        "org_chart": _svg_img(org_chart_svg(data), alt="Struktur organisasi"),
        "watermark": watermark,
        "verify_url": verify_url,
        "qr": qr_image(verify_url) if verify_url else "",
        "sig_id": SIGNATURE_ANCHOR if verify_url else "",
    }


def render(report) -> RenderedPdf:
    """The draft: watermarked and served from the cache while its data is unchanged."""
    return cached_pdf(
        report,
        KIND,
        lambda: lakip_document_data(report, final=False),
        lambda data: render_pdf(TEMPLATE, _context(data, watermark=True)),
    )


def render_final(report, *, on: dt.date, verify_url: str, extra: dict | None = None) -> RenderedPdf:
    """The final for signing: no watermark, the QR code and room for the signature box."""
    data = lakip_document_data(report, final=True, on=on)
    data.update(extra or {})
    return render_pdf(TEMPLATE, _context(data, watermark=False, verify_url=verify_url))
