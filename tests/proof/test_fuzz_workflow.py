"""Stateful fuzzing of the procedure: random people (every demo persona, the outsider of
Harau and the kabupaten reader included) attempt random steps and row edits through the
service layer. Whatever they do, the invariants of the SOP must hold after every step.

Each example starts from Mungka's 2025 year without a report and is rolled back to a
savepoint afterwards, so examples do not see each other's data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from sakip.models import Evidence, Person, PlanRow, TargetKind, Year
from workflow import hooks
from workflow.models import AuditEntry, LetterNumber, Report, Submission
from workflow.services import WorkflowError
from workflow.services import procedure as svc
from workflow.services.rows import evidence_add, evidence_delete, row_update

MINIMAL_PDF = (Path(__file__).resolve().parents[1] / "data" / "proof" / "minimal.pdf").read_bytes()

PERSONAS = [
    "camat",
    "sekcam",
    "kasi-pemerintahan",
    "kasi-pmd",
    "kasi-kesos",
    "kasi-trantib",
    "kasi-pelayanan",
    "kasubag-umum",
    "kasubag-pep",
    "jf",
    "admin",
    "kabupaten",
    "harau-camat",
    "harau-sekcam",
    "harau-kasi",
]

REPORT_ACTIONS = [
    "distribute",
    "collect",
    "finish_evaluation",
    "submit_draft",
    "accept_draft",
    "return_draft",
    "finalise",
    "send_for_approval",
    "sign",
    "send_back",
    "number_letter",
    "duplicate",
    "dispatch",
]
SUBMISSION_ACTIONS = ["submit", "accept", "return_for_revision"]

# Who the SOP expects at each action: lets the fuzzer reach the late steps.
EXPECTED_ROLE = {
    "distribute": "sekcam",
    "collect": "jf",
    "finish_evaluation": "sekcam",
    "submit_draft": "jf",
    "accept_draft": "sekcam",
    "return_draft": "sekcam",
    "finalise": "sekcam",
    "send_for_approval": "sekcam",
    "sign": "camat",
    "send_back": "camat",
    "number_letter": "jf",
    "duplicate": "jf",
    "dispatch": "jf",
    "accept": "sekcam",
    "return_for_revision": "sekcam",
}

POST_EVALUATION = {
    "penyusunan_draf",
    "koreksi_draf",
    "finalisasi",
    "final",
    "menunggu_persetujuan",
    "ditandatangani",
    "bernomor",
    "digandakan",
    "dikirim",
}


def _declared(model) -> set[tuple[str, str, str]]:
    field = model._meta.get_field("state")
    pairs = set()
    for t in field.get_all_transitions(model):
        sources = t.source if isinstance(t.source, list | tuple) else [t.source]
        for source in sources:
            pairs.add((t.name, str(source), str(t.target)))
    return pairs


REPORT_TRANSITIONS = _declared(Report)
SUBMISSION_TRANSITIONS = _declared(Submission)


def _run_report_action(name: str, report: Report, person: Person) -> None:
    today = dt.date(2026, 1, 12)
    meeting = {"date": today, "place": "Aula Kantor Camat", "decisions": "Disepakati."}
    calls = {
        "distribute": lambda: svc.report_distribute(
            report=report, person=person, meeting=meeting, attendees=[person]
        ),
        "collect": lambda: svc.report_collect(report=report, person=person),
        "finish_evaluation": lambda: svc.report_finish_evaluation(report=report, person=person),
        "submit_draft": lambda: svc.draft_submit(report=report, person=person),
        "accept_draft": lambda: svc.draft_accept(report=report, person=person),
        "return_draft": lambda: svc.draft_return(
            report=report, person=person, reason="Bab III kurang lengkap."
        ),
        "finalise": lambda: svc.report_finalise(
            report=report, person=person, meeting=meeting, attendees=[person]
        ),
        "send_for_approval": lambda: svc.report_send_for_approval(report=report, person=person),
        "sign": lambda: svc.report_sign(report=report, person=person),
        "send_back": lambda: svc.report_send_back(
            report=report, person=person, reason="Perbaiki ikhtisar."
        ),
        "number_letter": lambda: svc.report_number_letter(report=report, person=person, date=today),
        "duplicate": lambda: svc.report_duplicate(
            report=report, person=person, count=3, recipients="Bupati\nInspektorat", made_at=today
        ),
        "dispatch": lambda: svc.report_dispatch(
            report=report,
            person=person,
            dispatch={"recipient": "Bupati", "date": today, "method": "Kurir"},
        ),
    }
    calls[name]()


def _run_submission_action(name: str, submission: Submission, person: Person) -> None:
    if name == "submit":
        svc.submission_submit(submission=submission, person=person)
    elif name == "accept":
        svc.submission_accept(submission=submission, person=person)
    else:
        row = submission.rows.order_by("number").first()
        svc.submission_return(
            submission=submission,
            person=person,
            reason="Realisasi belum sesuai bukti.",
            row_notes={row.pk: "Periksa angka."},
        )


class ProcedureMachine(RuleBasedStateMachine):
    """The SOP under random use. `self.accepted` holds the rows of every accepted submission
    as they were accepted; `self.transitions` every (name, source, target) that happened."""

    @initialize()
    def start(self) -> None:
        self.savepoint = transaction.savepoint()
        Report.objects.filter(office__name="Mungka", year__year=2025).delete()
        self.people = {
            p.user.username: p
            for p in Person.objects.select_related("user").filter(user__username__in=PERSONAS)
        }
        self.year = Year.objects.get(office__name="Mungka", year=2025)
        self.accepted: dict[int, dict] = {}
        camat = self._person_with_role("camat")
        nota = svc.nota_dinas_defaults(camat, self.year)
        self.report = svc.report_create(person=camat, year=self.year, nota=nota)

    def teardown(self) -> None:
        transaction.savepoint_rollback(self.savepoint)

    # ---- helpers ---------------------------------------------------------------------

    def _audit_count(self) -> int:
        return AuditEntry.objects.filter(office__name="Mungka").count()

    def _states(self) -> tuple[str, dict[int, str]]:
        report = Report.objects.get(pk=self.report.pk)
        subs = dict(report.submissions.values_list("pk", "state"))
        return report.state, subs

    def _attempt(self, action) -> None:
        """Run one service call; check that it either did exactly one allowed transition
        with one audit entry, or nothing at all."""
        before_report, before_subs = self._states()
        before_audit = self._audit_count()
        try:
            name, obj_kind, obj_pk = action()
        except WorkflowError as error:
            assert error.message
            assert self._states() == (before_report, before_subs)
            assert self._audit_count() == before_audit
            return
        after_report, after_subs = self._states()
        assert self._audit_count() == before_audit + 1, "one audit entry per transition"
        if obj_kind == "report":
            assert (name, before_report, after_report) in REPORT_TRANSITIONS
            changed = {pk for pk in after_subs if before_subs.get(pk) != after_subs[pk]}
            # Distribution creates the submissions; nothing else touches them.
            assert not changed or name == "distribute"
        else:
            assert after_report == before_report
            pair = (name, before_subs[obj_pk], after_subs[obj_pk])
            assert pair in SUBMISSION_TRANSITIONS
            others = {k: v for k, v in after_subs.items() if k != obj_pk}
            assert others == {k: v for k, v in before_subs.items() if k != obj_pk}
            submission = Submission.objects.get(pk=obj_pk)
            if submission.state == "diterima":
                self.accepted[obj_pk] = svc.snapshot_rows(submission)
            else:
                self.accepted.pop(obj_pk, None)

    def _submission(self, index: int) -> Submission | None:
        self.report.refresh_from_db()
        subs = list(self.report.submissions.order_by("unit__order", "pk"))
        return subs[index % len(subs)] if subs else None

    def _person_with_role(self, role: str) -> Person:
        return next(p for p in self.people.values() if p.role == role and p.office.name == "Mungka")

    # ---- rules -----------------------------------------------------------------------

    @rule(username=st.sampled_from(PERSONAS))
    def create_report_again(self, username: str) -> None:
        """The year already has its report: nobody can order a second one."""
        before_audit = self._audit_count()
        nota = svc.nota_dinas_defaults(self._person_with_role("camat"), self.year)
        with pytest.raises(WorkflowError):
            svc.report_create(person=self.people[username], year=self.year, nota=nota)
        assert self._audit_count() == before_audit
        assert Report.objects.filter(office__name="Mungka", year=self.year).count() == 1

    @rule()
    def advance(self) -> None:
        """The right people do the next step of the SOP (so the fuzzer reaches step 13)."""
        self.report.refresh_from_db()
        state = self.report.state
        subs = list(self.report.submissions.order_by("unit__order"))
        if state in {"pengumpulan", "evaluasi"} and any(s.is_editable for s in subs):
            for sub in subs:
                if sub.is_editable:
                    head = self._head_of(sub)
                    self._fill(sub, head, Decimal("75.5"))
                    self._submission_action("submit", sub, head)
            return
        if state == "evaluasi" and any(s.state == "dikirim" for s in subs):
            for sub in subs:
                if sub.state == "dikirim":
                    self._submission_action("accept", sub, self._person_with_role("sekcam"))
            return
        if state == "penyusunan_draf":
            self.write_chapters("Uraian")
        next_action = {
            "diperintahkan": "distribute",
            "pengumpulan": "collect",
            "evaluasi": "finish_evaluation",
            "penyusunan_draf": "submit_draft",
            "koreksi_draf": "accept_draft",
            "finalisasi": "finalise",
            "final": "send_for_approval",
            "menunggu_persetujuan": "sign",
            "ditandatangani": "number_letter",
            "bernomor": "duplicate",
            "digandakan": "dispatch",
        }.get(state)
        if next_action:
            self._report_action(next_action, self._person_with_role(EXPECTED_ROLE[next_action]))

    def _head_of(self, submission: Submission) -> Person:
        return Person.objects.select_related("user", "office").get(
            unit=submission.unit, heads_unit=True
        )

    @rule(username=st.sampled_from(PERSONAS), name=st.sampled_from(REPORT_ACTIONS))
    def anyone_acts_on_report(self, username: str, name: str) -> None:
        self._report_action(name, self.people[username])

    @rule(name=st.sampled_from(REPORT_ACTIONS))
    def expected_actor_acts_on_report(self, name: str) -> None:
        self._report_action(name, self._person_with_role(EXPECTED_ROLE[name]))

    def _report_action(self, name: str, person: Person) -> None:
        def action():
            _run_report_action(name, self.report, person)
            return name, "report", self.report.pk

        self._attempt(action)

    @rule(
        username=st.sampled_from(PERSONAS),
        index=st.integers(0, 7),
        name=st.sampled_from(SUBMISSION_ACTIONS),
    )
    def anyone_acts_on_submission(self, username: str, index: int, name: str) -> None:
        submission = self._submission(index)
        if submission is not None:
            self._submission_action(name, submission, self.people[username])

    @rule(index=st.integers(0, 7), name=st.sampled_from(SUBMISSION_ACTIONS))
    def expected_actor_acts_on_submission(self, index: int, name: str) -> None:
        submission = self._submission(index)
        if submission is None:
            return
        if name == "submit":
            person = self._head_of(submission)
        else:
            person = self._person_with_role(EXPECTED_ROLE[name])
        self._submission_action(name, submission, person)

    def _submission_action(self, name: str, submission: Submission, person: Person) -> None:
        def action():
            _run_submission_action(name, submission, person)
            return name, "submission", submission.pk

        self._attempt(action)

    @rule(
        username=st.sampled_from(PERSONAS),
        index=st.integers(0, 7),
        value=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False),
    )
    def edit_rows(self, username: str, index: int, value: Decimal) -> None:
        """Anyone tries to fill a unit's rows through the entry service. Only the unit's
        head may, and only while the submission is editable; otherwise nothing changes."""
        submission = self._submission(index)
        if submission is None:
            return
        person = self.people[username]
        assert self._fill(submission, person, value) == self._may_edit(submission, person)

    @rule(username=st.sampled_from(PERSONAS), index=st.integers(0, 7), remove=st.booleans())
    def touch_evidence(self, username: str, index: int, remove: bool) -> None:
        """Anyone tries to attach or remove evidence: part of what a submission is."""
        submission = self._submission(index)
        if submission is None:
            return
        person = self.people[username]
        row = submission.rows.order_by("number").first()
        before = sorted(row.evidence.values_list("pk", flat=True))
        try:
            if remove and before:
                evidence_delete(evidence=row.evidence.first(), person=person)
            else:
                upload = SimpleUploadedFile("bukti.pdf", MINIMAL_PDF, "application/pdf")
                evidence_add(row=row, person=person, upload=upload)
        except WorkflowError as error:
            assert error.message
            assert not self._may_edit(submission, person)
            assert sorted(row.evidence.values_list("pk", flat=True)) == before
            return
        assert self._may_edit(submission, person)

    @staticmethod
    def _may_edit(submission: Submission, person: Person) -> bool:
        """The entry rule: only the unit's head, only while the submission is editable."""
        return (
            submission.is_editable
            and person.office_id == submission.report.office_id
            and person.unit_id == submission.unit_id
            and person.heads_unit
        )

    def _fill(self, submission: Submission, person: Person, value: Decimal) -> bool:
        for row in submission.rows.select_related("indikator"):
            if row.indikator.target_kind == TargetKind.TEXT:
                values = {"realisasi_text": f"Terlaksana {value}"}
            else:
                values = {"realisasi": value}
            values["sumber_data"] = row.sumber_data or "Laporan seksi"
            try:
                row_update(row=row, person=person, values=values, version=row.version)
            except WorkflowError as error:
                assert error.message
                assert PlanRow.objects.get(pk=row.pk).version == row.version
                return False
            if not row.evidence.exists():
                Evidence.objects.create(
                    row=row,
                    file=f"evidence/fuzz/{row.pk}",
                    original_name="bukti.pdf",
                    content_type="application/pdf",
                    size=10,
                    sha256="0" * 64,
                    uploaded_by=person,
                )
        return True

    @rule(text=st.text(min_size=1, max_size=40))
    def write_chapters(self, text: str) -> None:
        writer = self._person_with_role("jf")
        for chapter in self.report.chapters.all():
            try:
                svc.chapter_update(
                    chapter=chapter, person=writer, body=f"Isi {text}", version=chapter.version
                )
            except WorkflowError as error:
                assert error.message
                return

    # ---- invariants ----------------------------------------------------------------------

    @invariant()
    def accepted_rows_never_change(self) -> None:
        for pk, rows in self.accepted.items():
            submission = Submission.objects.get(pk=pk)
            assert submission.state == "diterima"
            assert svc.snapshot_rows(submission) == rows

    @invariant()
    def evaluation_needs_every_submission_accepted(self) -> None:
        report = Report.objects.get(pk=self.report.pk)
        if report.state in POST_EVALUATION:
            states = set(report.submissions.values_list("state", flat=True))
            assert states == {"diterima"}

    @invariant()
    def letter_numbers_are_unique_and_consecutive(self) -> None:
        numbers = LetterNumber.objects.filter(office__name="Mungka", year=2026)
        sequences = sorted(numbers.values_list("sequence", flat=True))
        assert sequences == list(range(1, len(sequences) + 1))
        texts = list(numbers.values_list("number", flat=True))
        assert len(texts) == len(set(texts))


def _cheap_signing(monkeypatch) -> None:
    """Step 10 signs a rendered PDF; the fuzzer only cares about the state machine."""

    def sign_final(*, report, person):
        return None

    monkeypatch.setattr(hooks.freeze_final, "_impl", sign_final)


@pytest.mark.django_db
def test_it_keeps_the_procedure_invariants_under_random_use(demo, monkeypatch):
    _cheap_signing(monkeypatch)
    run_state_machine_as_test(
        ProcedureMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
