"""What changed between two versions of a plan (two snapshots): the page of a PK Perubahan
shows it, sasaran by sasaran, indicator by indicator, budget line by budget line."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from sakip.models import Aggregation, Polarity, TargetKind
from sakip.planning.snapshot import indicators, quarter_texts, renstra_text, rupiah, target_text

ADDED, REMOVED, CHANGED = "ditambah", "dihapus", "diubah"


@dataclass(frozen=True)
class Change:
    area: str  # "sasaran", "indikator" or "anggaran"
    subject: str  # what changed: the sasaran, indicator or budget line
    what: str  # ADDED, REMOVED or CHANGED
    field: str = ""
    old: str = ""
    new: str = ""


def _yes(flag: bool) -> str:
    return _("Ya") if flag else _("Tidak")


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _indikator_fields(ind: dict) -> dict[str, str]:
    tw = quarter_texts(ind)
    nomen = f"{ind['nomenklatur_code']} {ind['nomenklatur_name']}".strip()
    return {
        _("Indikator"): ind["name"],
        _("IKU"): _yes(ind["iku"]),
        _("Satuan"): ind["satuan"],
        _("Polaritas"): _label(Polarity, ind["polarity"]),
        _("Jenis target"): _label(TargetKind, ind["target_kind"]),
        _("Cara menghitung triwulan"): _label(Aggregation, ind["aggregation"]),
        _("Definisi/formula"): ind["definition"],
        _("Alasan pemilihan"): ind["alasan"],
        _("Sumber data"): ind["sumber_data"],
        _("Yang membidangi"): ind["unit"],
        _("Program/Kegiatan/Sub Kegiatan"): nomen,
        _("Target"): target_text(ind),
        "TW I": tw[0],
        "TW II": tw[1],
        "TW III": tw[2],
        "TW IV": tw[3],
        _("Target akhir Renstra"): renstra_text(ind),
    }


def snapshot_diff(old: dict, new: dict) -> list[Change]:
    """Every difference from `old` to `new`, in the order of the new plan."""
    changes: list[Change] = []
    old_s = {s["id"]: s for s in old["sasaran"]}
    new_s = {s["id"]: s for s in new["sasaran"]}
    for sid, s in new_s.items():
        if sid not in old_s:
            changes.append(Change("sasaran", s["name"], ADDED))
        elif old_s[sid]["name"] != s["name"]:
            changes.append(
                Change("sasaran", s["name"], CHANGED, _("Sasaran"), old_s[sid]["name"], s["name"])
            )
    changes += [
        Change("sasaran", s["name"], REMOVED) for sid, s in old_s.items() if sid not in new_s
    ]

    old_i = {ind["id"]: ind for _s, ind in indicators(old)}
    new_i = {ind["id"]: ind for _s, ind in indicators(new)}
    for iid, ind in new_i.items():
        if iid not in old_i:
            changes.append(
                Change("indikator", ind["name"], ADDED, _("Target"), "", target_text(ind))
            )
            continue
        before, after = _indikator_fields(old_i[iid]), _indikator_fields(ind)
        for field, value in after.items():
            if before[field] != value:
                changes.append(
                    Change("indikator", ind["name"], CHANGED, field, before[field], value)
                )
    changes += [
        Change("indikator", ind["name"], REMOVED, _("Target"), target_text(ind), "")
        for iid, ind in old_i.items()
        if iid not in new_i
    ]

    old_b = {b["nomenklatur_id"]: b for b in old["anggaran"]}
    new_b = {b["nomenklatur_id"]: b for b in new["anggaran"]}
    for nid, line in new_b.items():
        subject = f"{line['code']} {line['name']}"
        if nid not in old_b:
            changes.append(Change("anggaran", subject, ADDED, _("Pagu"), "", rupiah(line["pagu"])))
        elif old_b[nid]["pagu"] != line["pagu"]:
            changes.append(
                Change(
                    "anggaran",
                    subject,
                    CHANGED,
                    _("Pagu"),
                    rupiah(old_b[nid]["pagu"]),
                    rupiah(line["pagu"]),
                )
            )
    changes += [
        Change("anggaran", f"{b['code']} {b['name']}", REMOVED, _("Pagu"), rupiah(b["pagu"]), "")
        for nid, b in old_b.items()
        if nid not in new_b
    ]
    return changes
