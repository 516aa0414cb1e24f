"""The opening chapters of the first draft: Kata Pengantar, Ikhtisar Eksekutif, Bab I
Pendahuluan and Bab II Perencanaan Kinerja. Each takes the LAKIP's data
(`lakip_data.lakip_document_data`) and returns chapter text in the small markup."""

from __future__ import annotations

from documents.drafting.words import (
    bullets,
    join_and,
    md,
    numbered,
    paragraphs,
    percent,
    rupiah,
    todo,
)
from documents.office_data import STATUTORY_DUTIES


def _name(d: dict) -> str:
    return f"Kecamatan {d['office']['name']}"


def _lkjip(d: dict) -> str:
    return f"Laporan Kinerja Instansi Pemerintah (LKjIP) {_name(d)} Tahun {d['year']}"


def measured_rows(d: dict) -> list[dict]:
    return [r for r in d["rows"] if r["capaian"] is not None]


def ranked(d: dict, n: int = 3) -> tuple[list[dict], list[dict]]:
    """The best and the weakest measured indicators (at most `n` each, never the same)."""
    rows = sorted(measured_rows(d), key=lambda r: (-r["capaian"], r["number"]))
    best = rows[:n]
    weakest = [r for r in reversed(rows) if r not in best][:n]
    return best, weakest


def _line(r: dict) -> str:
    return f"{md(r['indikator'])}: {r['capaian_display']}% ({r['band_label']})"


def band_lines(d: dict) -> list[str]:
    bands = d["summary"]["bands"]
    out = []
    for i, b in enumerate(bands):
        bound = f"≥ {b['min']}%" if i < len(bands) - 1 else f"di bawah {bands[i - 1]['min']}%"
        out.append(f"{b['label']} ({bound}): {b['count']} indikator")
    return out


def budget_sentence(d: dict) -> str:
    a = d["anggaran"]
    year = d["year"]
    if not a["items"]:
        return f"Data anggaran tahun {year} belum tersedia. " + todo(
            "lengkapi pagu dan realisasi anggaran program di Data induk › Anggaran program."
        )
    if not a["realisasi"]:
        return (
            f"Pagu anggaran tahun {year} sebesar {rupiah(a['pagu'])}; realisasinya belum "
            "tercatat dalam sistem. "
            + todo("lengkapi realisasi anggaran program di Data induk › Anggaran program.")
        )
    return (
        f"Realisasi anggaran tahun {year} sebesar {rupiah(a['realisasi'])} dari pagu "
        f"{rupiah(a['pagu'])} ({percent(a['percent'])})."
    )


def kata_pengantar(d: dict) -> str:
    return paragraphs(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya "
        f"{_lkjip(d)} dapat diselesaikan.",
        "Laporan ini disusun sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
        "Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014, sebagai pertanggungjawaban "
        f"{_name(d)} atas pencapaian sasaran strategis yang ditetapkan dalam Perjanjian Kinerja "
        f"Tahun {d['year']}. Laporan ini menyajikan {len(d['sasaran'])} sasaran strategis dengan "
        f"{d['summary']['indikator']} indikator kinerja beserta analisis capaiannya.",
        "Kami menyampaikan terima kasih kepada seluruh Kepala Seksi, Kepala Subbagian dan staf "
        "yang telah menyediakan data dan informasi kinerja. Semoga laporan ini bermanfaat "
        "sebagai bahan evaluasi dan perbaikan kinerja pada tahun-tahun mendatang.",
    )


def ikhtisar(d: dict) -> str:
    s = d["summary"]
    parts = [f"{s['measured']} dapat diukur capaiannya dalam persen"]
    if s["text_only"]:
        parts.append(f"{s['text_only']} dinilai secara kualitatif")
    if s["belum_berjalan"]:
        parts.append(f"{s['belum_berjalan']} kegiatannya belum berjalan")
    best, weakest = ranked(d)
    blocks = [
        f"{_lkjip(d)} disusun sebagai pertanggungjawaban atas pelaksanaan Perjanjian Kinerja "
        f"Tahun {d['year']}. Kinerja diukur pada {len(d['sasaran'])} sasaran strategis dengan "
        f"{s['indikator']} indikator kinerja.",
        f"Dari {s['indikator']} indikator, {join_and(parts)}. Sebaran capaian indikator yang "
        f"terukur menurut kategori adalah sebagai berikut (lihat juga {d['cap']['ringkasan']['label']}):",
        bullets(band_lines(d)),
    ]
    if s["average_display"]:
        blocks.append(
            f"Rata-rata capaian kinerja adalah {s['average_display']}%, sehingga predikat "
            f"kinerja {_name(d)} tahun {d['year']} adalah **{s['predicate']}**."
        )
    if best:
        blocks += ["Capaian tertinggi dicapai oleh indikator:", numbered([_line(r) for r in best])]
    if weakest:
        blocks += [
            "Capaian terendah terdapat pada indikator:",
            numbered([_line(r) for r in weakest]),
        ]
    blocks.append(budget_sentence(d))
    blocks.append(
        todo("tambahkan ringkasan keberhasilan utama dan kendala yang dihadapi tahun ini.")
    )
    return paragraphs(*blocks)


def _golongan(d: dict) -> str:
    parts = []
    for g in d["people"]["by_golongan"]:
        label = f"golongan {g['golongan']}" if g["golongan"] != "-" else "tanpa golongan"
        parts.append(f"{g['count']} orang {label}")
    return join_and(parts)


def bab1(d: dict) -> str:
    p = d["profile"]
    name = _name(d)
    kab = d["office"]["kabupaten"]
    legal = numbered([md(b) for b in p["legal_basis"]])
    if not p["own_legal_basis"]:
        legal += "\n\n" + todo(
            "tambahkan Peraturan Bupati tentang kedudukan, susunan organisasi, tugas dan fungsi "
            "serta tata kerja Kecamatan (Data induk › Kantor kecamatan › Dasar hukum)."
        )
    if p["duties"]:
        duties = (
            f"{name} mempunyai tugas {md(p['duties'][0])}"
            if len(p["duties"]) == 1
            else f"{name} mempunyai tugas:\n\n" + numbered([md(t) for t in p["duties"]])
        )
    else:
        duties = (
            "Sesuai Pasal 225 ayat (1) Undang-Undang Nomor 23 Tahun 2014, Kecamatan mempunyai "
            "tugas:\n\n"
            + numbered(STATUTORY_DUTIES)
            + "\n\n"
            + todo("sesuaikan dengan tugas Kecamatan menurut Peraturan Bupati.")
        )
    functions = (
        "Dalam melaksanakan tugas tersebut, Kecamatan menyelenggarakan fungsi:\n\n"
        + numbered([md(f) for f in p["functions"]])
        if p["functions"]
        else todo("tuliskan fungsi Kecamatan menurut Peraturan Bupati (Data induk › Fungsi).")
    )
    units = [md(u["name"]) for u in d["units"]]
    issues = (
        "Isu strategis yang dihadapi "
        + name
        + " adalah:\n\n"
        + numbered([md(i) for i in p["strategic_issues"]])
        if p["strategic_issues"]
        else todo("tuliskan isu strategis dari Renstra (Data induk › Isu strategis).")
    )
    return paragraphs(
        "**A. Latar Belakang**",
        f"{name} adalah perangkat daerah Kabupaten {md(kab)} yang dipimpin oleh seorang Camat. "
        "Sesuai Peraturan Presiden Nomor 29 Tahun 2014, setiap instansi pemerintah menyusun "
        "Laporan Kinerja sebagai bentuk pertanggungjawaban atas pelaksanaan tugas dan fungsi "
        "serta penggunaan anggaran. Laporan ini menyajikan capaian kinerja "
        f"{name} Tahun {d['year']} dibandingkan dengan Perjanjian Kinerja Tahun {d['year']}.",
        "**B. Dasar Hukum**",
        legal,
        "**C. Tugas dan Fungsi**",
        duties,
        functions,
        "**D. Struktur Organisasi dan Sumber Daya Manusia**",
        f"Susunan organisasi {name} terdiri atas {join_and(units)}, sebagaimana "
        f"{d['cap']['struktur']['label']} pada akhir bab ini.",
        f"{name} didukung oleh {d['people']['total']} pegawai: {_golongan(d)}. Rinciannya "
        f"menurut unit kerja, jabatan dan golongan disajikan pada {d['cap']['pegawai']['label']}.",
        "**E. Isu Strategis**",
        issues,
        "**F. Sistematika Penyajian**",
        numbered(
            [
                "Bab I Pendahuluan: latar belakang, dasar hukum, tugas dan fungsi, struktur "
                "organisasi dan isu strategis.",
                "Bab II Perencanaan Kinerja: Perjanjian Kinerja dan anggaran tahun berjalan.",
                "Bab III Akuntabilitas Kinerja: capaian kinerja per sasaran dan indikator serta "
                "realisasi anggaran.",
                "Bab IV Penutup: kesimpulan dan rekomendasi.",
            ]
        ),
    )


def bab2(d: dict) -> str:
    plan = d["plan"]
    name = _name(d)
    sasaran = [f"{md(s['name'])} ({len(s['indikator'])} indikator)" for s in plan["sasaran"]]
    indicators = sum(len(s["indikator"]) for s in plan["sasaran"])
    blocks = [
        f"Perencanaan kinerja {name} Tahun {d['year']} mengacu pada Rencana Strategis (Renstra) "
        f"{name} dan dituangkan dalam Perjanjian Kinerja Tahun {d['year']} antara Camat "
        f"{md(d['office']['name'])} dan Bupati {md(d['office']['kabupaten'])}. Perjanjian "
        f"Kinerja memuat {len(plan['sasaran'])} sasaran strategis dengan {indicators} indikator "
        "kinerja:",
        numbered(sasaran),
        f"Sasaran, indikator dan target selengkapnya disajikan pada {d['cap']['pk']['label']}.",
    ]
    if plan["programs"]:
        largest = max(plan["programs"], key=lambda p: p["pagu"])
        share = largest["pagu"] / plan["pagu"] * 100 if plan["pagu"] else None
        blocks.append(
            f"Untuk mencapai sasaran tersebut, {name} mengalokasikan anggaran sebesar "
            f"{rupiah(plan['pagu'])} pada {len(plan['programs'])} program "
            f"({d['cap']['anggaran_rencana']['label']}); alokasi terbesar pada "
            f"{md(largest['name'])} sebesar {rupiah(largest['pagu'])} "
            f"({percent(share)} dari seluruh pagu)."
        )
    else:
        blocks.append(
            f"Anggaran program tahun {d['year']} belum tercatat. "
            + todo("lengkapi pagu anggaran program di Data induk › Anggaran program.")
        )
    blocks.append(todo("bila ada, jelaskan perubahan Perjanjian Kinerja selama tahun berjalan."))
    return paragraphs(*blocks)
