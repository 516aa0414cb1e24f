"""The office's data version: one number that moves whenever anything the office's cached
pages show may have changed — its master data, its plan, its reports' states and steps. The
office dashboard keeps its body in the shared cache under this number, so the next request
after any such change computes afresh, on every app server.

Transitions (`run_transition`) and plan edits (`workflow.services.content.plan_changed`)
move it explicitly; saves and deletes of the master data (Data induk, the plan's models,
reports, meetings, follow-ups) move it through the signals connected in `sakip.apps` and
`workflow.apps`. A unit's rows and the draft's chapters, edited while their unit or drafters
hold them, move only their report's own version: the cached pages count rows once they are
sent on (a transition)."""

from __future__ import annotations

from django.db.models import F


def offices_changed(**filters) -> None:
    """Move the data version of the offices matching `filters` (`pk=…`, `kabupaten_id=…`,
    `years=…`, or none for every office)."""
    from sakip.models import Office

    Office.objects.filter(**filters).update(data_version=F("data_version") + 1)


def _office_of(instance) -> dict | None:
    """The filter naming the office(s) a saved or deleted object belongs to."""
    from sakip.models import Holiday, Kabupaten, Office

    if isinstance(instance, Office):
        return {"pk": instance.pk}
    if isinstance(instance, Kabupaten):
        return {"kabupaten_id": instance.pk}
    if isinstance(instance, Holiday) and instance.office_id is None:
        return {}  # a national holiday moves every office's working calendar
    office_id = getattr(instance, "office_id", None)
    if office_id is not None:
        return {"pk": office_id}
    report_id = getattr(instance, "report_id", None)
    if report_id is not None:
        return {"reports": report_id}  # a report's meeting or follow-up
    year_id = getattr(instance, "year_id", None)
    if year_id is not None:
        return {"years": year_id}
    indikator_id = getattr(instance, "indikator_id", None)
    if indikator_id is not None:
        return {"indikator": indikator_id}
    return None


def membership_changed(sender, instance, action: str, **kwargs) -> None:
    """m2m_changed receiver: who was invited to or attended a meeting is on its documents."""
    if action in {"post_add", "post_remove", "post_clear"}:
        master_data_changed(sender, instance)


def master_data_changed(sender, instance, **kwargs) -> None:
    """post_save / post_delete receiver for the models an office's pages read directly."""
    if kwargs.get("raw"):
        return  # loading fixtures
    filters = _office_of(instance)
    if filters is not None:
        offices_changed(**filters)
