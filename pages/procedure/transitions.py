"""One page per transition: GET shows the confirmation or the step's form, POST performs
it through the step service. A wrong role gets 403; a step that is not possible now (or was
just done by someone else) gets a message and the report page; nothing happens twice."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pages.procedure.access import (
    Forbidden,
    guarded,
    report_for,
    require_office_member,
    submission_for,
)
from pages.procedure.actions import REPORT_ACTIONS, SUBMISSION_ACTIONS
from workflow.services import TransitionDenied, WorkflowError
from workflow.services.core import check_transition, transition_meta


def _transition(request, *, report, obj, person, name, actions, unit=None):
    action = actions.get(name)
    if action is None:
        raise Http404
    require_office_member(person, report)
    back = redirect("workflow:report_detail", pk=report.pk)
    try:
        check_transition(obj, name, request.user)
    except TransitionDenied as exc:
        raise Forbidden(exc.message) from None
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return back
    custom = transition_meta(obj, name)
    label = str(custom.get("label", name))
    data = request.POST if request.method == "POST" else None
    form = action.form(data, report=report, label=label, danger=action.danger)
    if request.method == "POST" and form.is_valid():
        try:
            done = action.perform(obj, person, form.cleaned_data, form)
        except TransitionDenied as exc:
            raise Forbidden(exc.message) from None
        except WorkflowError as exc:
            messages.error(request, exc.message)
            return back
        messages.success(request, _success(done, custom, label))
        return back
    context = {
        "report": report,
        "submission": obj if obj is not report else None,
        "unit": unit,
        "form": form,
        "label": label,
        "step": custom["step"],
        "explanation": action.explanation,
        "confirm": bool(custom.get("confirm")),
        "danger": action.danger,
    }
    return render(request, "workflow/transition.html", context)


def _success(obj, custom: dict, label: str) -> str:
    message = _("Langkah %(step)s selesai: %(label)s.") % {"step": custom["step"], "label": label}
    if custom["step"] == 11:
        letter = obj.letter_numbers.order_by("-issued_at", "-id").first()
        if letter:
            message += " " + _("Nomor surat pengantar: %(number)s") % {"number": letter.number}
    return message


@login_required
@guarded
@require_http_methods(["GET", "POST"])
def report_transition(request, pk: int, name: str):
    report, person = report_for(request, pk)
    return _transition(
        request, report=report, obj=report, person=person, name=name, actions=REPORT_ACTIONS
    )


@login_required
@guarded
@require_http_methods(["GET", "POST"])
def submission_transition(request, pk: int, sub_pk: int, name: str):
    report, submission, person = submission_for(request, pk, sub_pk)
    return _transition(
        request,
        report=report,
        obj=submission,
        person=person,
        name=name,
        actions=SUBMISSION_ACTIONS,
        unit=submission.unit,
    )
