"""The one door of every transition: `laporan/<pk>/langkah/<name>/` for the report's,
`laporan/<pk>/isian/<sub>/langkah/<name>/` for a unit's, and
`rencana/<tahun>/pk/<id>/langkah/<name>/` for a Perjanjian Kinerja's. GET shows the
transition's page (its explanation and its form, named in the transition's metadata); POST
validates the form and performs the transition through its service. Every page that offers
the action posts here. Refusals are raised, and `pages.errors` turns them into a 403 or a
message."""

from __future__ import annotations

from crispy_forms.layout import Hidden
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pages import access
from pages.errors import safe_next
from workflow.models import Report
from workflow.services.core import check_transition, form_class, transition_meta


@login_required
@require_http_methods(["GET", "POST"])
def report_transition(request, pk: int, name: str):
    report = access.report_to_act_on(request, pk)
    home = reverse("workflow:report_detail", args=[report.pk])
    return _door(request, report, name, home=home, context={"report": report})


@login_required
@require_http_methods(["GET", "POST"])
def submission_transition(request, pk: int, sub_pk: int, name: str):
    report = access.report_to_act_on(request, pk)
    submission = report.submissions.select_related("unit").filter(pk=sub_pk).first()
    if submission is None:
        raise Http404
    submission.report = report
    home = reverse("workflow:report_detail", args=[report.pk])
    context = {"report": report, "submission": submission}
    return _door(request, submission, name, home=home, context=context)


@login_required
@require_http_methods(["GET", "POST"])
def perjanjian_transition(request, tahun: int, perjanjian_pk: int, name: str):
    _person, perjanjian = access.perjanjian_for(request, tahun, perjanjian_pk)
    home = reverse("planning:perjanjian", args=[tahun, perjanjian.pk])
    return _door(
        request,
        perjanjian,
        name,
        home=home,
        context={"perjanjian": perjanjian, "year": perjanjian.year},
        template="planning/transition.html",
    )


def _door(
    request,
    obj,
    name: str,
    *,
    home: str,
    context: dict,
    template: str = "workflow/transition.html",
):
    """The page of transition `name` of `obj` (GET), or its form performed (POST). `home` is
    where the person returns; `context` names the objects for the page's breadcrumbs."""
    meta = transition_meta(obj, name)
    if meta is None:
        raise Http404
    check_transition(obj, name, request.user)
    person = access.person_for(request)
    label = str(meta["label"])
    data = request.POST if request.method == "POST" else None
    form = form_class(meta)(data, obj=obj, person=person, label=label, danger=meta["danger"])
    if form.is_bound and form.is_valid():
        done = form.perform()
        messages.success(request, _success(done, meta, label))
        return redirect(safe_next(request) or home)
    back = safe_next(request)
    if back:
        form.helper.add_input(Hidden("next", back))
    context = {
        "submission": None,
        **context,
        "form": form,
        "label": label,
        "step": meta["step"],
        "explanation": form.explanation,
        "confirm": meta["confirm"],
        "danger": meta["danger"],
        "back": back or home,
    }
    return render(request, template, context, status=400 if form.is_bound else 200)


def _success(obj, meta: dict, label: str) -> str:
    if meta["step"] is None:
        return _("Selesai: %(label)s. %(obj)s kini %(state)s.") % {
            "label": label,
            "obj": obj,
            "state": obj.get_state_display().lower(),
        }
    message = _("Langkah %(step)s selesai: %(label)s.") % {"step": meta["step"], "label": label}
    if isinstance(obj, Report) and meta["step"] == 11:
        letter = obj.letter_numbers.order_by("-issued_at", "-id").first()
        if letter:
            message += " " + _("Nomor surat pengantar: %(number)s") % {"number": letter.number}
    return message
