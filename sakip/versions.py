"""The office's data version: one number that moves whenever anything an office's pages show
may have changed — its master data, its plan, any of its reports. Pages that keep what they
computed in the shared cache (the dashboards, the report page's timeline and history) key it
on this number, so the next request after any change computes afresh, on every app server.

Writes through the services move it explicitly (`workflow.services.content`,
`run_transition`); saves and deletes of the master data (Data induk, the plan's models) move
it through the signals connected in `sakip.apps` and `workflow.apps`."""

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


def master_data_changed(sender, instance, **kwargs) -> None:
    """post_save / post_delete receiver for the models an office's pages read directly."""
    if kwargs.get("raw"):
        return  # loading fixtures
    filters = _office_of(instance)
    if filters is not None:
        offices_changed(**filters)
