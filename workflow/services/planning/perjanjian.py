"""The Perjanjian Kinerja's services: prepare the year's drafts, the four transitions (each
through `run_transition`, the one path that changes state) and the PK Perubahan."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.models import Person, Target, Unit, Year
from sakip.planning.parties import parties
from sakip.planning.snapshot import plan_targets
from workflow import hooks
from workflow.models import PerjanjianKinerja, PerjanjianState
from workflow.permissions import may_prepare_plan
from workflow.services import records
from workflow.services.core import (
    TransitionDenied,
    TransitionRefused,
    WorkflowError,
    run_transition,
)
from workflow.services.planning.plan import lock_year

logger = logging.getLogger(__name__)
P = PerjanjianState


def units_with_indicators(year: Year) -> list[Unit]:
    """The units that answer for at least one indicator of the year's plan."""
    ids = set(Target.objects.filter(year=year).values_list("indikator__unit_id", flat=True))
    return list(Unit.objects.filter(pk__in=ids).order_by("order", "name"))


def perjanjian_prepare(*, year: Year, person: Person) -> list[PerjanjianKinerja]:
    """Open the drafts of the year's PKs that do not exist yet: the office's, and one per
    unit that answers for indicators of the plan. Returns the drafts made."""
    if not may_prepare_plan(person, year.office_id):
        raise TransitionDenied(_("Perjanjian Kinerja disiapkan oleh Kasubag PEP atau operator."))
    with transaction.atomic():
        year = lock_year(year)
        if not plan_targets(year).exists():
            raise TransitionRefused(
                _("Rencana tahun %(year)s belum memuat indikator.") % {"year": year.year}
            )
        existing = set(
            PerjanjianKinerja.objects.filter(year=year).values_list("unit_id", flat=True)
        )
        made = []
        for unit in [None, *units_with_indicators(year)]:
            unit_id = unit.pk if unit else None
            if unit_id in existing:
                continue
            made.append(
                PerjanjianKinerja.objects.create(
                    office_id=year.office_id, year=year, unit=unit, created_by=person
                )
            )
        for perjanjian in made:
            records.audit_office(
                year.office_id,
                "sakip.perjanjian.created",
                person,
                perjanjian=perjanjian.pk,
                year=year.year,
                unit=perjanjian.unit.name if perjanjian.unit_id else None,
                version=1,
            )
    return made


def frozen_content(perjanjian: PerjanjianKinerja, on: dt.date) -> dict:
    """What a PK agrees to, frozen when it is submitted: the plan (the unit's part of the
    office's signed PK, for a unit), both parties on `on`, and whose PK it is."""
    first, second = parties(perjanjian.office, on, unit=perjanjian.unit)
    return {
        **perjanjian.live_content(),
        "office": {"name": perjanjian.office.name, "kabupaten": perjanjian.office.kabupaten.name},
        "unit": {"id": perjanjian.unit_id, "name": perjanjian.unit.name}
        if perjanjian.unit_id
        else None,
        "version": perjanjian.version,
        "reason": perjanjian.reason,
        "pihak_pertama": first,
        "pihak_kedua": second,
    }


def perjanjian_submit(*, perjanjian: PerjanjianKinerja, person: Person) -> PerjanjianKinerja:
    """The Kasubag PEP (or the operator) submits the PK to the Sekcam: its content is frozen
    now, so what the Sekcam reviews is what the Camat signs."""

    def before(_context, target: PerjanjianKinerja) -> None:
        target.snapshot = frozen_content(target, timezone.localdate())

    return run_transition(perjanjian, "submit", person=person, before=before)


def perjanjian_review(
    *, perjanjian: PerjanjianKinerja, person: Person, note: str = ""
) -> PerjanjianKinerja:
    """The Sekcam has checked the PK and hands it to the Camat for signing."""
    return run_transition(perjanjian, "review", person=person, note=note)


def perjanjian_return(
    *, perjanjian: PerjanjianKinerja, person: Person, reason: str
) -> PerjanjianKinerja:
    """The Sekcam (or the Camat, once reviewed) returns the PK with a reason; the plan is
    open for changes again."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Tuliskan alasan pengembalian."))
    return run_transition(
        perjanjian, "return_for_revision", person=person, note=reason, payload={"reason": reason}
    )


def perjanjian_sign(
    *, perjanjian: PerjanjianKinerja, person: Person, dated: dt.date | None = None
) -> PerjanjianKinerja:
    """The Camat signs: this version's PDF is rendered from its snapshot, stored, hashed and
    signed with the office's certificate (the `freeze_perjanjian` hook, provided by the
    documents app). `dated` is the date the PK carries (today if not given)."""

    def before(_context, target: PerjanjianKinerja) -> None:
        target.dated = dated or timezone.localdate()
        target.signed_at = timezone.now()
        target.signed_by = person

    def after(_context, target: PerjanjianKinerja) -> None:
        try:
            hooks.freeze_perjanjian(perjanjian=target, person=person)
        except WorkflowError:
            raise
        except Exception as exc:
            logger.exception("Signing Perjanjian Kinerja %s failed", target.pk)
            raise WorkflowError(
                _("Dokumen PK gagal dibuat atau ditandatangani; PK belum ditandatangani.")
            ) from exc

    return run_transition(
        perjanjian,
        "sign",
        person=person,
        before=before,
        after=after,
        payload={"dated": (dated or timezone.localdate()).isoformat()},
    )


def perjanjian_amend(
    *, perjanjian: PerjanjianKinerja, person: Person, reason: str
) -> PerjanjianKinerja:
    """A PK Perubahan: a new version of a signed PK, with a reason, prepared and signed again.
    The earlier version stays signed and readable; for the office's PK the plan opens for
    changes again."""
    reason = (reason or "").strip()
    if not may_prepare_plan(person, perjanjian.office_id):
        raise TransitionDenied(_("PK Perubahan disiapkan oleh Kasubag PEP atau operator."))
    if not reason:
        raise TransitionRefused(_("Tuliskan alasan perubahan."))
    with transaction.atomic():
        lock_year(perjanjian.year)
        latest = (
            PerjanjianKinerja.objects.select_for_update()
            .filter(year_id=perjanjian.year_id, unit_id=perjanjian.unit_id)
            .order_by("-version")
            .first()
        )
        if latest.pk != perjanjian.pk or not latest.is_signed:
            raise TransitionRefused(
                _("Perubahan dibuat dari versi terakhir yang sudah ditandatangani.")
            )
        try:
            with transaction.atomic():
                amendment = PerjanjianKinerja.objects.create(
                    office_id=perjanjian.office_id,
                    year_id=perjanjian.year_id,
                    unit_id=perjanjian.unit_id,
                    version=perjanjian.version + 1,
                    amends=perjanjian,
                    reason=reason,
                    created_by=person,
                )
        except IntegrityError:
            raise TransitionRefused(_("PK Perubahan sudah dibuat.")) from None
        records.audit_office(
            perjanjian.office_id,
            "sakip.perjanjian.amended",
            person,
            perjanjian=amendment.pk,
            amends=perjanjian.pk,
            year=perjanjian.year.year,
            version=amendment.version,
            reason=reason,
        )
    return amendment
