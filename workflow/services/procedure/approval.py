"""Steps 8–10: the finalisation meeting, the Sekcam hands the LAKIP to the Camat, who signs
it (the final is frozen, hashed and signed) or sends it back to drafting."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from sakip.models import Person
from workflow import hooks
from workflow.models import LetterKind, Meeting, MeetingKind, Report
from workflow.services import records
from workflow.services.core import WorkflowError, run_transition
from workflow.services.letters import letter_number_allocate
from workflow.services.procedure.drafting import draft_return

logger = logging.getLogger(__name__)

# An earlier finalisation meeting's optional fields do not leak into the new record.
_MEETING_BLANK = {
    "start_time": None,
    "place": "",
    "other_attendees": "",
    "agenda": "",
    "decisions": "",
    "chaired_by": None,
}


def report_finalise(*, report: Report, person: Person, meeting: dict, attendees) -> Report:
    """Step 8: the finalisation meeting (date, place, attendees, decisions). After the Camat
    sent the LAKIP back (step 10), the meeting is held again and its record replaces the
    earlier one: the berita acara shows the meeting that led to the signed final."""

    def before(report, _t):
        m, _created = Meeting.objects.update_or_create(
            report=report,
            kind=MeetingKind.FINALISATION,
            defaults={**_MEETING_BLANK, **meeting},
        )
        m.attendees.set(attendees)
        m.refresh_from_db(fields=["date"])
        letter_number_allocate(
            office=report.office,
            person=person,
            report=report,
            date=m.date,
            kind=LetterKind.BERITA_ACARA,
            purpose=_("Berita acara rapat finalisasi LAKIP Tahun %(year)s")
            % {"year": report.year.year},
        )

    return run_transition(
        report,
        "finalise",
        person=person,
        before=before,
        after=lambda r, _t: records.start_step(r, 9),
    )


def report_send_for_approval(*, report: Report, person: Person) -> Report:
    """Step 9: the Sekcam hands the LAKIP to the Camat for approval."""
    return run_transition(
        report, "send_for_approval", person=person, after=lambda r, _t: records.start_step(r, 10)
    )


def report_sign(*, report: Report, person: Person) -> Report:
    """Step 10: the Camat approves and signs. The final PDF is frozen, hashed and signed
    (through the `freeze_final` hook, which the documents app provides)."""

    def after(report, _t):
        try:
            hooks.freeze_final(report=report, person=person)
        except WorkflowError:
            raise
        except Exception as exc:
            # Rendering or signing failed: the transaction rolls back and the Camat is told,
            # instead of a server error page.
            logger.exception("Signing the final LAKIP of report %s failed", report.pk)
            raise WorkflowError(
                _("Dokumen final gagal dibuat atau ditandatangani; LAKIP belum ditandatangani.")
            ) from exc
        records.start_step(report, 11)

    return run_transition(report, "sign", person=person, after=after)


def report_send_back(
    *, report: Report, person: Person, reason: str, chapter_notes: dict[int, str] | None = None
) -> Report:
    """Step 10: the Camat sends the LAKIP back to drafting with a reason."""
    return draft_return(
        report=report,
        person=person,
        reason=reason,
        chapter_notes=chapter_notes,
        transition="send_back",
    )
