from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from workflow.models import Report


@login_required
def report_detail(request, pk: int):
    report = get_object_or_404(Report, pk=pk, office_id=request.user.person.office_id)
    return render(request, "workflow/report_detail.html", {"report": report})
