"""The two machines as tables: which transitions each role has in each state, and the step
data every transition relies on."""

from __future__ import annotations

import pytest

from sakip.models import Office
from workflow.forms import StepMixin
from workflow.models import Report, ReportState, Step, Submission
from workflow.services import available_transitions
from workflow.services.core import form_class

S = ReportState

PERSONAS = ["camat", "sekcam", "kasi", "other_kasi", "jf", "admin_user", "outsider"]

# state -> {persona: report transitions available to them (conditions met)}
REPORT_TABLE = {
    S.ORDERED: {"sekcam": ["distribute"]},
    # Nobody has submitted yet, so "collect" waits for its condition.
    S.COLLECTING: {},
    # Submitted but not accepted: "finish_evaluation" waits.
    S.EVALUATING: {},
    S.DRAFTING: {"jf": ["submit_draft"]},
    S.CORRECTING: {"sekcam": ["accept_draft", "return_draft"]},
    S.FINALISATION: {
        "camat": ["finalise"],
        "sekcam": ["finalise"],
        "kasi": ["finalise"],
        "other_kasi": ["finalise"],
        "jf": ["finalise"],
    },
    S.FINALISED: {"sekcam": ["send_for_approval"]},
    S.AWAITING_APPROVAL: {"camat": ["send_back", "sign"]},
    S.SIGNED: {"jf": ["number_letter"]},
    S.NUMBERED: {"jf": ["duplicate"]},
    S.DUPLICATED: {"jf": ["dispatch"]},
    S.DISPATCHED: {},
}

# state -> {persona: transitions on Seksi Pemerintahan's submission}
SUBMISSION_TABLE = {
    S.COLLECTING: {"kasi": ["submit"]},
    S.EVALUATING: {"sekcam": ["accept", "return_for_revision"]},
    S.DRAFTING: {},
}


def _names(obj, user) -> list[str]:
    return sorted(t.name for t in available_transitions(obj, user))


@pytest.mark.parametrize("state", list(REPORT_TABLE), ids=str)
def test_it_offers_each_role_exactly_its_report_transitions(request, report_at, state):
    report = report_at(state)
    assert report.state == state
    for persona in PERSONAS:
        user = request.getfixturevalue(persona)
        expected = sorted(REPORT_TABLE[state].get(persona, []))
        assert _names(Report.objects.get(pk=report.pk), user) == expected, persona


@pytest.mark.parametrize("state", list(SUBMISSION_TABLE), ids=str)
def test_it_offers_each_role_exactly_its_submission_transitions(request, report_at, state):
    report = report_at(state)
    submission = Submission.objects.get(report=report, unit__name="Seksi Pemerintahan")
    for persona in PERSONAS:
        user = request.getfixturevalue(persona)
        expected = sorted(SUBMISSION_TABLE[state].get(persona, []))
        assert _names(submission, user) == expected, persona


def test_every_office_has_the_thirteen_steps_of_the_sop(demo):
    for office in Office.objects.all():
        steps = list(Step.objects.filter(office=office).order_by("number"))
        assert [s.number for s in steps] == list(range(1, 14))
        assert sum(s.minutes for s in steps) == 825
        assert all(s.actor_roles and s.name and s.kelengkapan and s.output for s in steps)


def test_a_new_office_gets_the_sop_steps_and_keeps_its_edits(demo):
    kabupaten = Office.objects.get(name="Mungka").kabupaten
    office = Office.objects.create(kabupaten=kabupaten, name="Bukik Barisan", letter_code="CBB")
    steps = Step.objects.filter(office=office)
    assert steps.count() == 13
    assert sum(s.minutes for s in steps) == 825
    steps.filter(number=9).update(actor_roles=["jf"])
    office.save()
    assert Step.objects.get(office=office, number=9).actor_roles == ["jf"]


def test_every_transition_names_a_step_that_exists_and_its_form(demo):
    numbers = set(Step.objects.values_list("number", flat=True))
    for model in (Report, Submission):
        for t in model._meta.get_field("state").get_all_transitions(model):
            assert t.custom["step"] in numbers, t.name
            assert t.custom.get("label"), t.name
            assert callable(t.permission), t.name
            form = form_class(t.custom)
            assert issubclass(form, StepMixin) and form.explanation, t.name
            assert form.perform is not StepMixin.perform, t.name
            if t.custom["danger"]:
                assert t.custom["reason"] and "reason" in form.base_fields, t.name


def test_the_step_roles_are_data_the_admin_can_change(report_at, jf, sekcam):
    report = report_at(S.FINALISED)
    Step.objects.filter(office=report.office, number=9).update(actor_roles=["jf"])
    report = Report.objects.get(pk=report.pk)
    assert _names(report, jf) == ["send_for_approval"]
    assert _names(report, sekcam) == []
