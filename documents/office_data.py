"""The office as Bab I of the LAKIP presents it: legal basis, duties and functions, strategic
issues (written once per office in *Data induk*), its units for the organisation chart, and
its people by unit, jabatan and golongan."""

from __future__ import annotations

import re

from sakip.models import Office, Person, Role, Unit, UnitKind

# Every kecamatan's LAKIP rests on these; the office adds its own (the Perbup on its
# organisation and duties) in `Office.legal_basis`.
NATIONAL_LEGAL_BASIS = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun "
    "2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu "
    "atas Laporan Kinerja Instansi Pemerintah",
    "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, "
    "Pengendalian dan Evaluasi Pembangunan Daerah",
]

# UU 23/2014 Pasal 225 ayat (1): the duties of every kecamatan, used until the office writes
# its own from its Perbup.
STATUTORY_DUTIES = [
    "menyelenggarakan urusan pemerintahan umum",
    "mengoordinasikan kegiatan pemberdayaan masyarakat",
    "mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum",
    "mengoordinasikan penerapan dan penegakan Perda dan Perkada",
    "mengoordinasikan pemeliharaan prasarana dan sarana pelayanan umum",
    "mengoordinasikan penyelenggaraan kegiatan pemerintahan yang dilakukan oleh Perangkat "
    "Daerah di Kecamatan",
    "membina dan mengawasi penyelenggaraan kegiatan desa dan/atau kelurahan",
    "melaksanakan urusan pemerintahan yang menjadi kewenangan Daerah yang tidak dilaksanakan "
    "oleh unit kerja Perangkat Daerah yang ada di Kecamatan",
    "melaksanakan tugas lain sesuai dengan ketentuan peraturan perundang-undangan",
]

_MARKER = re.compile(r"^([-*•]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")
_ROLE_ORDER = {Role.CAMAT: 0, Role.SEKCAM: 1, Role.KASI: 2, Role.JF: 3, Role.ADMIN: 4}


def lines(text: str) -> list[str]:
    """One item per non-empty line, list markers the operator may have typed removed."""
    out = []
    for line in (text or "").splitlines():
        item = _MARKER.sub("", line.strip()).strip()
        if item:
            out.append(item)
    return out


def office_profile(office: Office) -> dict:
    own = lines(office.legal_basis)
    return {
        "legal_basis": NATIONAL_LEGAL_BASIS + [b for b in own if b not in NATIONAL_LEGAL_BASIS],
        "own_legal_basis": bool(own),
        "duties": lines(office.duties),
        "functions": lines(office.functions),
        "strategic_issues": lines(office.strategic_issues),
    }


def _golongan_group(golongan: str) -> str:
    return golongan.split("/")[0].strip().upper() if golongan.strip() else ""


def people_by_unit(office: Office) -> dict:
    """The office's people grouped by unit (in the units' order), and counts by golongan."""
    people = (
        Person.objects.filter(office=office).exclude(role=Role.KABUPATEN).select_related("unit")
    )
    ordered = sorted(
        people,
        key=lambda p: (
            p.unit.order if p.unit else 999,
            p.unit.name if p.unit else "",
            0 if p.heads_unit else 1,
            _ROLE_ORDER.get(p.role, 9),
            p.full_name,
        ),
    )
    groups: list[dict] = []
    counts: dict[str, int] = {}
    for p in ordered:
        unit = p.unit.name if p.unit else "Lainnya"
        if not groups or groups[-1]["unit"] != unit:
            groups.append({"unit": unit, "people": []})
        groups[-1]["people"].append(
            {"name": p.full_name, "jabatan": p.jabatan, "golongan": p.golongan or "-"}
        )
        group = _golongan_group(p.golongan) or "-"
        counts[group] = counts.get(group, 0) + 1
    order = {"IV": 0, "III": 1, "II": 2, "I": 3}
    return {
        "groups": groups,
        "total": len(ordered),
        "by_golongan": [
            {"golongan": g, "count": counts[g]}
            for g in sorted(counts, key=lambda g: (order.get(g, 9), g))
        ],
    }


def org_units(office: Office) -> list[dict]:
    """The units with their kind and head, for the organisation chart."""
    units = list(Unit.objects.filter(office=office).order_by("order", "name"))
    heads = {
        p.unit_id: p
        for p in Person.objects.filter(office=office, heads_unit=True, unit__isnull=False)
        .exclude(role=Role.KABUPATEN)
        .order_by("-pk")
    }
    by_role = {
        p.role: p
        for p in Person.objects.filter(office=office, role__in=[Role.CAMAT, Role.SEKCAM]).order_by(
            "-pk"
        )
    }
    fallback = {UnitKind.PIMPINAN: Role.CAMAT, UnitKind.SEKRETARIAT: Role.SEKCAM}
    out = []
    for u in units:
        head = heads.get(u.pk) or by_role.get(fallback.get(u.kind, ""))
        out.append(
            {
                "name": u.name,
                "short_name": u.short_name,
                "kind": u.kind,
                "head": head.full_name if head else "",
            }
        )
    return out
