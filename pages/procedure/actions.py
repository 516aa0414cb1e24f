"""What each transition's page asks for and which step service it calls. The transition
views look the action up by name; the services do the checking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from workflow import forms as f
from workflow.services import procedure as svc


@dataclass(frozen=True)
class Action:
    form: type
    perform: Callable[[Any, Any, dict, Any], Any]
    explanation: str = ""
    danger: bool = False


def _meeting(service):
    def perform(report, person, data, form):
        meeting, attendees = f.meeting_data(form)
        return service(report=report, person=person, meeting=meeting, attendees=attendees)

    return perform


REPORT_ACTIONS: dict[str, Action] = {
    "distribute": Action(
        f.CoordinationMeetingForm,
        _meeting(svc.report_distribute),
        _(
            "Catat rapat dengan Kasi dan Kasubag. Setelah disimpan, setiap unit penyuplai data "
            "menerima format pengumpulan berisi indikator dan target tahun ini."
        ),
    ),
    "collect": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.report_collect(report=r, person=p),
        _("Semua unit sudah mengirim isiannya. Serahkan format yang terhimpun untuk dievaluasi."),
    ),
    "finish_evaluation": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.report_finish_evaluation(report=r, person=p),
        _(
            "Semua isian unit sudah diterima. Setelah evaluasi selesai, isian tidak dapat "
            "dikembalikan lagi dan penyusunan draf LAKIP dimulai."
        ),
    ),
    "submit_draft": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.draft_submit(report=r, person=p),
        _("Ajukan draf LAKIP kepada Sekretaris Camat untuk dikoreksi."),
    ),
    "accept_draft": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.draft_accept(report=r, person=p),
        _("Draf diterima; berikutnya rapat finalisasi LAKIP."),
    ),
    "return_draft": Action(
        f.ReasonForm,
        lambda r, p, d, _f: svc.draft_return(report=r, person=p, reason=d["reason"]),
        _("Draf kembali ke penyusunan dalam putaran baru. Tuliskan apa yang harus diperbaiki."),
        danger=True,
    ),
    "finalise": Action(
        f.FinalisationMeetingForm,
        _meeting(svc.report_finalise),
        _("Catat rapat finalisasi: waktu, tempat, peserta dan keputusan (untuk berita acara)."),
    ),
    "send_for_approval": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.report_send_for_approval(report=r, person=p),
        _("Sampaikan dokumen LAKIP kepada Camat untuk disetujui dan ditandatangani."),
    ),
    "sign": Action(
        f.ConfirmForm,
        lambda r, p, d, _f: svc.report_sign(report=r, person=p),
        _(
            "Dengan menyetujui, dokumen LAKIP final dibekukan, diberi sidik (SHA-256) dan "
            "ditandatangani secara elektronik. Langkah ini tidak dapat dibatalkan."
        ),
    ),
    "send_back": Action(
        f.ReasonForm,
        lambda r, p, d, _f: svc.report_send_back(report=r, person=p, reason=d["reason"]),
        _("LAKIP kembali ke penyusunan draf dalam putaran baru. Tuliskan alasannya."),
        danger=True,
    ),
    "number_letter": Action(
        f.LetterForm,
        lambda r, p, d, _f: svc.report_number_letter(report=r, person=p, date=d.get("date")),
        _(
            "Surat pengantar mengambil nomor berikutnya dari register surat kantor. Nomor yang "
            "sudah diambil tidak dapat dipakai ulang."
        ),
    ),
    "duplicate": Action(
        f.CopyForm,
        lambda r, p, d, _f: svc.report_duplicate(
            report=r, person=p, count=d["count"], recipients=d["recipients"], made_at=d["made_at"]
        ),
        _("Catat berapa eksemplar LAKIP digandakan dan untuk siapa."),
    ),
    "dispatch": Action(
        f.DispatchForm,
        lambda r, p, d, _f: svc.report_dispatch(report=r, person=p, dispatch=d),
        _("Catat pengiriman LAKIP. Setelah itu laporan ditutup dan tidak dapat diubah lagi."),
    ),
}

SUBMISSION_ACTIONS: dict[str, Action] = {
    "submit": Action(
        f.ConfirmForm,
        lambda s, p, d, _f: svc.submission_submit(submission=s, person=p),
        _("Kirim isian unit kepada Sekretaris Camat. Setelah dikirim, isian tidak dapat diubah."),
    ),
    "accept": Action(
        f.ConfirmForm,
        lambda s, p, d, _f: svc.submission_accept(submission=s, person=p),
        _("Isian unit ini sudah benar dan sesuai."),
    ),
    "return_for_revision": Action(
        f.ReasonForm,
        lambda s, p, d, _f: svc.submission_return(submission=s, person=p, reason=d["reason"]),
        _(
            "Isian unit kembali ke pengisian dalam putaran baru; unit lain tidak terpengaruh. "
            "Tuliskan apa yang harus diperbaiki."
        ),
        danger=True,
    ),
}


def needs_page(name: str, actions: dict[str, Action], custom: dict) -> bool:
    """A step gets its own page when it asks for input, a reason or a confirmation; the
    others are a single button."""
    action = actions.get(name)
    return bool(
        custom.get("confirm")
        or custom.get("reason")
        or (action and action.form is not f.ConfirmForm)
    )
