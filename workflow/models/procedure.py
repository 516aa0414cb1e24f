"""The two state machines of the SOP: the report walks the 13 steps; each data-supplying
unit's submission goes pending → submitted → accepted, or returned → submitted again.

Transition methods only move the state. Everything else a step does (locking, permission,
records, audit, mail) happens in `workflow.services`, the one path that calls them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, FSMModelMixin, transition

from sakip import text
from sakip.models import Office, Person, Unit, Year, validate_procedure_roles
from workflow.permissions import report_step_permission, submission_step_permission


class Step(models.Model):
    """One of the SOP's 13 steps with its Mutu Baku. Seeded from the SOP per office; which
    roles perform a step is data the office's admin can change."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("no"))
    name = text.CharField(_("kegiatan"), max_length=255)
    actor_roles = models.JSONField(
        _("pelaksana"),
        default=list,
        validators=[validate_procedure_roles],
        help_text=_("Kode peran: camat, sekcam, kasi, jf."),
    )
    kelengkapan = text.CharField(_("kelengkapan"), max_length=120, default="Dokumen")
    minutes = models.PositiveIntegerField(_("waktu (menit)"))
    output = text.CharField(_("output"), max_length=120, default="Dokumen")
    note = text.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        ordering = ["office", "number"]
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="step_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


def step_meta(
    step: int,
    label,
    form: str,
    *,
    confirm: bool = False,
    reason: bool = False,
    danger: bool = False,
) -> dict:
    """A transition's metadata, the one place that describes it to people: the SOP step it
    performs, the label of its button, whether its page asks for confirmation or a reason,
    whether it is a setback (a return), and the form of its page (a class in
    `workflow.forms`, named here so the models need not import it; the form collects the
    step's input and calls the step's service)."""
    return {
        "step": step,
        "label": label,
        "form": f"workflow.forms.{form}",
        "confirm": confirm,
        "reason": reason,
        "danger": danger,
    }


class ReportState(models.TextChoices):
    ORDERED = "diperintahkan", _("Diperintahkan (menunggu format disampaikan)")
    COLLECTING = "pengumpulan", _("Pengisian dan penghimpunan format")
    EVALUATING = "evaluasi", _("Analisis dan evaluasi data")
    DRAFTING = "penyusunan_draf", _("Penyusunan draf LAKIP")
    CORRECTING = "koreksi_draf", _("Koreksi draf LAKIP")
    FINALISATION = "finalisasi", _("Menunggu rapat finalisasi")
    FINALISED = "final", _("Final (menunggu disampaikan kepada Camat)")
    AWAITING_APPROVAL = "menunggu_persetujuan", _("Menunggu persetujuan Camat")
    SIGNED = "ditandatangani", _("Ditandatangani")
    NUMBERED = "bernomor", _("Surat pengantar bernomor")
    DUPLICATED = "digandakan", _("Digandakan")
    DISPATCHED = "dikirim", _("Dikirim (selesai)")
    # A quarter's measurement (TW I–IV): its units fill and the Sekcam evaluates at once.
    MEASURING = "pengukuran", _("Pengukuran triwulan: pengisian dan evaluasi")
    MEASURED = "terukur", _("Pengukuran triwulan selesai")


class Period(models.IntegerChoices):
    """What a report covers: the year (the LAKIP, the SOP's 13 steps) or one quarter's
    measurement of progress (the same nine-column collection against the TW target)."""

    ANNUAL = 0, _("Tahunan")
    TW1 = 1, _("Triwulan I")
    TW2 = 2, _("Triwulan II")
    TW3 = 3, _("Triwulan III")
    TW4 = 4, _("Triwulan IV")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class SubmissionState(models.TextChoices):
    PENDING = "belum_dikirim", _("Belum dikirim")
    SUBMITTED = "dikirim", _("Dikirim, menunggu evaluasi")
    ACCEPTED = "diterima", _("Diterima")
    RETURNED = "dikembalikan", _("Dikembalikan untuk revisi")


def _all_submissions(states: set[str]):
    def condition(report: Report) -> bool:
        subs = list(report.submissions.values_list("state", flat=True))
        return bool(subs) and all(s in states for s in subs)

    return condition


all_submitted = _all_submissions({SubmissionState.SUBMITTED, SubmissionState.ACCEPTED})
all_accepted = _all_submissions({SubmissionState.ACCEPTED})
all_submitted.__doc__ = _("belum semua unit mengirim isian.")
all_accepted.__doc__ = _("belum semua isian unit diterima.")

S = ReportState


class Report(ConcurrentTransitionMixin, FSMModelMixin, models.Model):
    """The year's LAKIP of one office."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="reports")
    year = models.ForeignKey(
        Year, verbose_name=_("tahun"), on_delete=models.PROTECT, related_name="reports"
    )
    state = FSMField(
        _("tahap"), max_length=24, choices=ReportState.choices, default=S.ORDERED, protected=True
    )
    draft_round = models.PositiveSmallIntegerField(_("putaran draf"), default=1)
    period = models.PositiveSmallIntegerField(
        _("periode"), choices=Period.choices, default=Period.ANNUAL
    )
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    data_version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every change the LAKIP renders from (document cache key)."
    )

    class Meta:
        verbose_name = _("laporan kinerja")
        verbose_name_plural = _("laporan kinerja")
        ordering = ["office", "-year__year"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "period"], name="report_unique_period"
            ),
        ]

    def __str__(self) -> str:
        if self.is_quarter:
            return _("Pengukuran TW %(tw)s %(year)s %(office)s") % {
                "tw": self.quarter_label,
                "year": self.year.year,
                "office": self.office.name,
            }
        return f"LAKIP {self.office.name} {self.year.year}"

    @property
    def is_quarter(self) -> bool:
        return self.period != Period.ANNUAL

    @property
    def quarter_label(self) -> str:
        """`I` … `IV` for a quarter's measurement, empty for the year's LAKIP."""
        return ROMAN.get(self.period, "")

    def roles_of_step(self, number: int) -> list[str]:
        """The roles of step `number` in this report's office (`Step.actor_roles`), read once
        per report instance so listing the available transitions costs one query."""
        return list(self.step_roles().get(number) or [])

    def step_roles(self) -> dict[int, list[str]]:
        """{step number: roles} of the report's office, read once per instance."""
        cache = self.__dict__.get("_step_roles")
        if cache is None:
            cache = dict(
                Step.objects.filter(office_id=self.office_id).values_list("number", "actor_roles")
            )
            self.prime_step_roles(cache)
        return cache

    def prime_step_roles(self, roles: dict[int, list[str]]) -> None:
        """Give the step roles read for many reports at once (see `reports_with_tasks`)."""
        self.__dict__["_step_roles"] = roles

    @property
    def has_draft(self) -> bool:
        """From step 6 on, the LAKIP draft exists (a quarter's measurement has none)."""
        return not self.is_quarter and self.state not in {S.ORDERED, S.COLLECTING, S.EVALUATING}

    @property
    def is_being_drafted(self) -> bool:
        """Steps 6 and 7: the draft is written or corrected."""
        return self.state in {S.DRAFTING, S.CORRECTING}

    @property
    def is_closed(self) -> bool:
        return self.state in {S.DISPATCHED, S.MEASURED}

    @property
    def is_signed(self) -> bool:
        return self.state in {S.SIGNED, S.NUMBERED, S.DUPLICATED, S.DISPATCHED}

    # Step 2
    @transition(
        field=state,
        source=S.ORDERED,
        target=S.COLLECTING,
        permission=report_step_permission(2),
        custom=step_meta(2, _("Sampaikan format pengumpulan"), "DistributeForm", confirm=True),
    )
    def distribute(self) -> None:
        pass

    # Step 4
    @transition(
        field=state,
        source=S.COLLECTING,
        target=S.EVALUATING,
        conditions=[all_submitted],
        permission=report_step_permission(4),
        custom=step_meta(4, _("Himpun format dan serahkan untuk evaluasi"), "CollectForm"),
    )
    def collect(self) -> None:
        pass

    # Step 5 (the report may leave evaluation only when every submission is accepted)
    @transition(
        field=state,
        source=S.EVALUATING,
        target=S.DRAFTING,
        conditions=[all_accepted],
        permission=report_step_permission(5),
        custom=step_meta(5, _("Selesaikan evaluasi"), "FinishEvaluationForm", confirm=True),
    )
    def finish_evaluation(self) -> None:
        pass

    # Step 6
    @transition(
        field=state,
        source=S.DRAFTING,
        target=S.CORRECTING,
        permission=report_step_permission(6),
        custom=step_meta(6, _("Ajukan draf untuk dikoreksi"), "SubmitDraftForm"),
    )
    def submit_draft(self) -> None:
        pass

    # Step 7
    @transition(
        field=state,
        source=S.CORRECTING,
        target=S.FINALISATION,
        permission=report_step_permission(7),
        custom=step_meta(7, _("Terima draf"), "AcceptDraftForm"),
    )
    def accept_draft(self) -> None:
        pass

    @transition(
        field=state,
        source=S.CORRECTING,
        target=S.DRAFTING,
        permission=report_step_permission(7),
        custom=step_meta(
            7, _("Kembalikan draf untuk revisi"), "ReturnDraftForm", reason=True, danger=True
        ),
    )
    def return_draft(self) -> None:
        self.draft_round += 1

    # Step 8
    @transition(
        field=state,
        source=S.FINALISATION,
        target=S.FINALISED,
        permission=report_step_permission(8),
        custom=step_meta(8, _("Catat rapat finalisasi"), "FinaliseForm"),
    )
    def finalise(self) -> None:
        pass

    # Step 9
    @transition(
        field=state,
        source=S.FINALISED,
        target=S.AWAITING_APPROVAL,
        permission=report_step_permission(9),
        custom=step_meta(9, _("Sampaikan kepada Camat untuk persetujuan"), "SendForApprovalForm"),
    )
    def send_for_approval(self) -> None:
        pass

    # Step 10
    @transition(
        field=state,
        source=S.AWAITING_APPROVAL,
        target=S.SIGNED,
        permission=report_step_permission(10),
        custom=step_meta(10, _("Setujui dan tandatangani"), "SignForm", confirm=True),
    )
    def sign(self) -> None:
        pass

    @transition(
        field=state,
        source=S.AWAITING_APPROVAL,
        target=S.DRAFTING,
        permission=report_step_permission(10),
        custom=step_meta(
            10, _("Kembalikan untuk diperbaiki"), "SendBackForm", reason=True, danger=True
        ),
    )
    def send_back(self) -> None:
        self.draft_round += 1

    # Step 11
    @transition(
        field=state,
        source=S.SIGNED,
        target=S.NUMBERED,
        permission=report_step_permission(11),
        custom=step_meta(
            11, _("Buat surat pengantar dan ambil nomor"), "NumberLetterForm", confirm=True
        ),
    )
    def number_letter(self) -> None:
        pass

    # Step 12
    @transition(
        field=state,
        source=S.NUMBERED,
        target=S.DUPLICATED,
        permission=report_step_permission(12),
        custom=step_meta(12, _("Catat penggandaan"), "DuplicateForm"),
    )
    def duplicate(self) -> None:
        pass

    # Step 13
    @transition(
        field=state,
        source=S.DUPLICATED,
        target=S.DISPATCHED,
        permission=report_step_permission(13),
        custom=step_meta(13, _("Catat pengiriman dan tutup laporan"), "DispatchForm", confirm=True),
    )
    def dispatch(self) -> None:
        pass

    # A quarter's measurement closes once the Sekcam has accepted every unit (opening it is
    # its creation: `workflow.services.measurement.measurement_open`).
    @transition(
        field=state,
        source=S.MEASURING,
        target=S.MEASURED,
        conditions=[all_accepted],
        permission=report_step_permission(5),
        custom=step_meta(5, _("Tutup pengukuran triwulan"), "CloseMeasurementForm", confirm=True),
    )
    def close_measurement(self) -> None:
        pass


SS = SubmissionState
_SUBMITTABLE_REPORT_STATES = {S.COLLECTING, S.EVALUATING, S.MEASURING}
_EVALUATING_STATES = {S.EVALUATING, S.MEASURING}


def report_open_for_entry(submission: Submission) -> bool:
    return submission.report.state in _SUBMITTABLE_REPORT_STATES


def report_evaluating(submission: Submission) -> bool:
    """Step 5 of the year's LAKIP; a quarter's units are evaluated as they send."""
    return submission.report.state in _EVALUATING_STATES


report_open_for_entry.__doc__ = _("laporan tidak sedang dalam tahap pengisian atau evaluasi.")
report_evaluating.__doc__ = _("laporan tidak sedang dalam tahap evaluasi.")


class Submission(ConcurrentTransitionMixin, FSMModelMixin, models.Model):
    """One data-supplying unit's part of the nine-column table for one report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="submissions")
    state = FSMField(
        _("status"),
        max_length=16,
        choices=SubmissionState.choices,
        default=SS.PENDING,
        protected=True,
    )
    round = models.PositiveSmallIntegerField(_("putaran"), default=1)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("isian unit")
        verbose_name_plural = _("isian unit")
        ordering = ["report", "unit__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "unit"], name="submission_unique_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.report}"

    @property
    def awaits_review(self) -> bool:
        return self.state == SS.SUBMITTED

    @property
    def is_returned(self) -> bool:
        return self.state == SS.RETURNED

    @property
    def is_editable(self) -> bool:
        return self.state in {SS.PENDING, SS.RETURNED} and report_open_for_entry(self)

    # Step 3
    @transition(
        field=state,
        source=[SS.PENDING, SS.RETURNED],
        target=SS.SUBMITTED,
        conditions=[report_open_for_entry],
        permission=submission_step_permission(3),
        custom=step_meta(3, _("Kirim isian"), "SubmitForm"),
    )
    def submit(self) -> None:
        pass

    # Step 5
    @transition(
        field=state,
        source=SS.SUBMITTED,
        target=SS.ACCEPTED,
        conditions=[report_evaluating],
        permission=submission_step_permission(5),
        custom=step_meta(5, _("Terima isian"), "AcceptForm"),
    )
    def accept(self) -> None:
        pass

    @transition(
        field=state,
        source=SS.SUBMITTED,
        target=SS.RETURNED,
        conditions=[report_evaluating],
        permission=submission_step_permission(5),
        custom=step_meta(
            5, _("Kembalikan untuk revisi"), "ReturnSubmissionForm", reason=True, danger=True
        ),
    )
    def return_for_revision(self) -> None:
        self.round += 1
