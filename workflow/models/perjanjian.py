"""The Perjanjian Kinerja (PK): the year's plan agreed between two parties and signed.

The office's PK binds the Camat (Pihak Pertama) to the Bupati (Pihak Kedua); each unit's PK
binds its Kasi/Kasubag to the Camat, with that unit's indicators. A small state machine:
draft → submitted to the Sekcam → reviewed → signed by the Camat, or returned with a reason
from either. Submitting freezes the content as a snapshot, which the Sekcam reviews and the
Camat signs; a change after signing is a PK Perubahan, a new version with a reason.

As for the report, transition methods only move the state; `workflow.services.core
.run_transition` locks, checks the permission, records and mails."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, FSMModelMixin, transition

from sakip import text
from sakip.models import Office, Person, Role, Unit, Year
from sakip.planning.checks import plan_blockers
from sakip.planning.snapshot import for_unit, plan_snapshot
from workflow.permissions import PLAN_PREPARERS, perjanjian_permission


class PerjanjianState(models.TextChoices):
    DRAFT = "draf", _("Draf (disiapkan Kasubag PEP)")
    SUBMITTED = "diajukan", _("Diajukan kepada Sekretaris Camat")
    REVIEWED = "diperiksa", _("Diperiksa, menunggu tanda tangan Camat")
    RETURNED = "dikembalikan", _("Dikembalikan untuk diperbaiki")
    SIGNED = "ditandatangani", _("Ditandatangani")


P = PerjanjianState
# The states in which the content is the live plan; from submission on it is the snapshot.
LIVE_STATES = frozenset({P.DRAFT, P.RETURNED})


def perjanjian_meta(
    label,
    form: str,
    *,
    roles: frozenset[str],
    notify: frozenset[str] = frozenset(),
    confirm: bool = False,
    reason: bool = False,
    danger: bool = False,
) -> dict:
    """A PK transition's metadata, shaped like a procedure step's (`step_meta`): its button,
    its page (confirmation, reason, the form in `workflow.perjanjian_forms`), who performs it
    (`roles`) and whom it tells when done (`notify`). It is not one of the SOP's 13 steps."""
    return {
        "step": None,
        "label": label,
        "form": f"workflow.perjanjian_forms.{form}",
        "confirm": confirm,
        "reason": reason,
        "danger": danger,
        "roles": roles,
        "notify": notify,
    }


def plan_checks_pass(perjanjian: PerjanjianKinerja) -> bool:
    return not perjanjian.blockers()


def office_agreement_signed(perjanjian: PerjanjianKinerja) -> bool:
    return perjanjian.unit_id is None or perjanjian.office_agreement() is not None


plan_checks_pass.__doc__ = _(
    "rencana masih memiliki kekurangan; lihat daftar pemeriksaan di halaman rencana."
)
office_agreement_signed.__doc__ = _(
    "PK kantor tahun ini belum ditandatangani; PK unit menurunkan isinya."
)

PREPARERS = frozenset(PLAN_PREPARERS)
SEKCAM = frozenset({Role.SEKCAM})
CAMAT = frozenset({Role.CAMAT})
RETURN_LABEL = _("Kembalikan untuk diperbaiki")


class PerjanjianKinerja(ConcurrentTransitionMixin, FSMModelMixin, models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="perjanjian")
    year = models.ForeignKey(
        Year, verbose_name=_("tahun"), on_delete=models.PROTECT, related_name="perjanjian"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perjanjian",
        help_text=_("Kosong: PK kantor (Camat dengan Bupati)."),
    )
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    amends = models.ForeignKey(
        "self",
        verbose_name=_("mengubah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
    )
    reason = text.TextField(_("alasan perubahan"), max_length=text.REASON, blank=True)
    state = FSMField(
        _("status"), max_length=16, choices=PerjanjianState.choices, default=P.DRAFT, protected=True
    )
    snapshot = models.JSONField(
        null=True, blank=True, help_text="The content as submitted: the plan and both parties."
    )
    dated = models.DateField(_("tanggal perjanjian"), null=True, blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(_("ditandatangani"), null=True, blank=True)
    signed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Perjanjian Kinerja")
        verbose_name_plural = _("Perjanjian Kinerja")
        ordering = ["office", "-year__year", "unit__order", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "version"],
                condition=Q(unit__isnull=True),
                name="perjanjian_office_version",
            ),
            models.UniqueConstraint(
                fields=["office", "year", "unit", "version"],
                condition=Q(unit__isnull=False),
                name="perjanjian_unit_version",
            ),
            # One version at a time is being prepared; the others are signed.
            models.UniqueConstraint(
                fields=["office", "year"],
                condition=Q(unit__isnull=True) & ~Q(state=P.SIGNED),
                name="perjanjian_office_one_open",
            ),
            models.UniqueConstraint(
                fields=["office", "year", "unit"],
                condition=Q(unit__isnull=False) & ~Q(state=P.SIGNED),
                name="perjanjian_unit_one_open",
            ),
        ]

    def __str__(self) -> str:
        title = _("PK Perubahan") if self.is_amendment else _("PK")
        who = (
            self.unit.name
            if self.unit_id
            else _("Kecamatan %(office)s") % {"office": self.office.name}
        )
        suffix = f" (v{self.version})" if self.version > 1 else ""
        return f"{title} {self.year.year} {who}{suffix}"

    @property
    def is_amendment(self) -> bool:
        return self.version > 1

    @property
    def is_signed(self) -> bool:
        return self.state == P.SIGNED

    @property
    def is_live(self) -> bool:
        """Its content is still the live plan (not yet submitted, or returned)."""
        return self.state in LIVE_STATES

    # ---- Content --------------------------------------------------------------------------

    def office_agreement(self) -> PerjanjianKinerja | None:
        """The office's signed PK in force for the year (the latest signed version)."""
        return (
            PerjanjianKinerja.objects.filter(
                office_id=self.office_id, year_id=self.year_id, unit__isnull=True, state=P.SIGNED
            )
            .order_by("-version")
            .first()
        )

    def content(self) -> dict:
        """The plan this PK agrees to: the snapshot once submitted; before that the live plan
        (a unit's part of the office's signed PK, for a unit's PK)."""
        if not self.is_live and self.snapshot is not None:
            return self.snapshot
        return self.live_content()

    def live_content(self) -> dict:
        if self.unit_id is None:
            return plan_snapshot(self.year)
        office = self.office_agreement()
        base = office.snapshot if office is not None else plan_snapshot(self.year)
        return for_unit(base, self.unit_id)

    def blockers(self) -> list:
        """The plan checks that fail for this PK's content (the unit's indicators only for a
        unit's PK)."""
        supplying = set(
            Unit.objects.filter(office_id=self.office_id, supplies_data=True).values_list(
                "pk", flat=True
            )
        )
        return plan_blockers(self.content(), supplying_units=supplying, unit_id=self.unit_id)

    # ---- Transitions ----------------------------------------------------------------------

    @transition(
        field=state,
        source=[P.DRAFT, P.RETURNED],
        target=P.SUBMITTED,
        conditions=[office_agreement_signed, plan_checks_pass],
        permission=perjanjian_permission(PREPARERS),
        custom=perjanjian_meta(
            _("Ajukan kepada Sekretaris Camat"),
            "SubmitPerjanjianForm",
            roles=PREPARERS,
            notify=SEKCAM,
            confirm=True,
        ),
    )
    def submit(self) -> None:
        pass

    @transition(
        field=state,
        source=P.SUBMITTED,
        target=P.REVIEWED,
        permission=perjanjian_permission(SEKCAM),
        custom=perjanjian_meta(
            _("Teruskan kepada Camat untuk ditandatangani"),
            "ReviewPerjanjianForm",
            roles=SEKCAM,
            notify=CAMAT,
        ),
    )
    def review(self) -> None:
        pass

    @transition(
        field=state,
        source=P.SUBMITTED,
        target=P.RETURNED,
        permission=perjanjian_permission(SEKCAM),
        custom=perjanjian_meta(
            RETURN_LABEL,
            "ReturnPerjanjianForm",
            roles=SEKCAM,
            notify=PREPARERS,
            reason=True,
            danger=True,
        ),
    )
    @transition(
        field=state,
        source=P.REVIEWED,
        target=P.RETURNED,
        permission=perjanjian_permission(CAMAT),
        custom=perjanjian_meta(
            RETURN_LABEL,
            "ReturnPerjanjianForm",
            roles=CAMAT,
            notify=PREPARERS | SEKCAM,
            reason=True,
            danger=True,
        ),
    )
    def return_for_revision(self) -> None:
        pass

    @transition(
        field=state,
        source=P.REVIEWED,
        target=P.SIGNED,
        permission=perjanjian_permission(CAMAT),
        custom=perjanjian_meta(
            _("Tandatangani Perjanjian Kinerja"),
            "SignPerjanjianForm",
            roles=CAMAT,
            notify=PREPARERS | SEKCAM,
            confirm=True,
        ),
    )
    def sign(self) -> None:
        pass


def latest_office_agreement(year: Year) -> PerjanjianKinerja | None:
    """The office's newest PK version of the year, whatever its state."""
    return (
        PerjanjianKinerja.objects.filter(year=year, unit__isnull=True).order_by("-version").first()
    )


def office_agreement_in_force(year: Year) -> PerjanjianKinerja | None:
    """The office's signed PK in force for the year: its latest signed version."""
    return (
        PerjanjianKinerja.objects.filter(year=year, unit__isnull=True, state=P.SIGNED)
        .order_by("-version")
        .first()
    )


def plan_lock_reason(year: Year) -> str | None:
    """Why the year's plan cannot be edited now, or None. The plan is edited while the
    office's PK is prepared (none yet, a draft or a returned one); while the Sekcam and the
    Camat hold it, it is what they review and sign; once signed, a change is a PK Perubahan."""
    from django.utils.translation import gettext as _t

    latest = latest_office_agreement(year)
    if latest is None or latest.is_live:
        return None
    if latest.is_signed:
        return _t(
            "PK kantor tahun %(year)s sudah ditandatangani; rencana diubah melalui PK Perubahan."
        ) % {"year": year.year}
    return _t(
        "PK kantor tahun %(year)s sedang diperiksa (%(state)s); rencana tidak dapat diubah "
        "sampai PK dikembalikan atau ditandatangani."
    ) % {"year": year.year, "state": latest.get_state_display()}
