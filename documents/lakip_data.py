"""Everything the LAKIP document shows, in PDF and Word alike: the selector's data
(`documents.selectors.lakip.lakip_data`) plus the plan in force, the office's profile and people, the national
or kabupaten standards of the indicators, the efficiency of Bab III B, and the numbered
captions of its tables and figures (for the Daftar Tabel and Daftar Gambar)."""

from __future__ import annotations

import datetime as dt

from documents.office_data import office_profile, org_units, people_by_unit
from documents.plan_data import efficiency, plan_in_force
from documents.selectors.lakip import lakip_data as report_lakip_data
from documents.selectors.shared import fmt_number
from sakip.capaian import compute_capaian
from sakip.models import Indikator, Polarity, TargetKind
from workflow.models import Report

TITLE = "Laporan Kinerja Instansi Pemerintah"
ABBR = "LKjIP"


def _standards(report: Report, rows: list[dict]) -> None:
    """Attach the indicator's national/kabupaten standard, if it has one, to each row."""
    found = {
        i.pk: i
        for i in Indikator.objects.filter(
            pk__in=[r["indikator_id"] for r in rows], standard_value__isnull=False
        )
    }
    for r in rows:
        ind = found.get(r["indikator_id"])
        r["standard"] = None
        if ind is None or r["kind"] == TargetKind.TEXT:
            continue
        value = ind.standard_value
        display = f"{fmt_number(value)}{'%' if r['satuan'] == '%' else ' ' + r['satuan']}"
        real = r["realisasi_value"]
        position = ""
        if real is not None:
            better = real <= value if r["polarity"] == Polarity.LOWER else real >= value
            position = "memenuhi" if better else "belum memenuhi"
        cap = (
            compute_capaian(
                polarity=r["polarity"],
                kind=TargetKind.NUMBER,
                target=value,
                realisation=real,
            )
            if real is not None
            else None
        )
        r["standard"] = {
            "value": value,
            "display": display.strip(),
            "source": ind.standard_source,
            "position": position,
            "capaian": fmt_number(cap.rounded, places=2) if cap and cap.rounded is not None else "",
        }


def _captions(data: dict) -> None:
    """Number the tables and figures in the order the document shows them; the same list
    gives the Daftar Tabel and the Daftar Gambar."""
    tables: list[dict] = []
    figures: list[dict] = []
    year = data["year"]

    def table(title: str) -> dict:
        entry = {
            "id": f"tabel-{len(tables) + 1}",
            "label": f"Tabel {len(tables) + 1}",
            "title": title,
        }
        tables.append(entry)
        return entry

    def figure(title: str) -> dict:
        entry = {
            "id": f"gambar-{len(figures) + 1}",
            "label": f"Gambar {len(figures) + 1}",
            "title": title,
        }
        figures.append(entry)
        return entry

    cap = {
        "ringkasan": table(f"Ringkasan Capaian Kinerja Tahun {year}"),
        "struktur": figure(f"Struktur Organisasi Kecamatan {data['office']['name']}"),
        "pegawai": table("Pegawai menurut Unit Kerja, Jabatan dan Golongan"),
        "pk": table(f"Perjanjian Kinerja Tahun {year}"),
        "anggaran_rencana": table(f"Anggaran Program Tahun {year}"),
    }
    for s in data["sasaran"]:
        s["cap_a"] = table(f"Target, Realisasi dan Capaian Sasaran {s['number']} Tahun {year}")
        s["cap_b"] = table(
            f"Perbandingan Sasaran {s['number']} dengan Tahun Sebelumnya dan Target Akhir Renstra"
        )
        s["cap_chart"] = (
            figure(f"Capaian Indikator Sasaran {s['number']} Tahun {year}")
            if any(r["capaian"] is not None for r in s["rows"])
            else None
        )
    cap["anggaran"] = table(f"Realisasi Anggaran per Program Tahun {year}")
    cap["efisiensi"] = table(f"Efisiensi Penggunaan Anggaran per Sasaran Tahun {year}")
    data["cap"] = cap
    data["tables"] = tables
    data["figures"] = figures


def lakip_document_data(report: Report, *, final: bool = False, on: dt.date | None = None) -> dict:
    data = report_lakip_data(report, final=final, on=on)
    office = report.office
    data["title"] = TITLE
    data["abbr"] = ABBR
    data["plan"] = plan_in_force(report)
    data["profile"] = office_profile(office)
    data["people"] = people_by_unit(office)
    data["units"] = org_units(office)
    _standards(report, data["rows"])
    data["has_standards"] = any(r["standard"] for r in data["rows"])
    data["efficiency"] = efficiency(data["sasaran"], data["plan"])
    _captions(data)
    return data
