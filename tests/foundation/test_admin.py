"""The admin shows each office's operator their own office's master data, and nothing else."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from pages.admin.scoping import OFFICE_LOOKUPS, OfficeScopedAdmin
from sakip.models import Indikator, Nomenklatur, Person, SasaranStrategis, Unit, Year
from workflow.models import Report, Submission

SCOPED = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, OfficeScopedAdmin)
]


def _url(model, suffix="changelist", *args):
    from django.urls import reverse

    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{suffix}", args=args)


@pytest.fixture
def harau_admin(demo):
    return get_user_model().objects.get(username="harau-admin")


def test_every_master_data_model_is_in_the_admin():
    from sakip.models import Anggaran, Holiday, Office, Target, Tenure
    from workflow.models import Step

    registered = set(admin.site._registry)
    expected = {Office, Unit, Person, Tenure, Holiday, Year, SasaranStrategis, Indikator}
    expected |= {Target, Nomenklatur, Anggaran, Step, Report, Submission}
    assert expected <= registered


@pytest.mark.parametrize(("model", "model_admin"), SCOPED, ids=lambda v: getattr(v, "__name__", ""))
def test_the_other_office_sees_only_its_own_rows(
    client_for, harau_admin, harau, model, model_admin
):
    response = client_for(harau_admin).get(_url(model))
    assert response.status_code == 200
    shown = [obj.pk for obj in response.context["cl"].queryset]
    lookup = OFFICE_LOOKUPS[model]
    if model.__name__ == "Holiday":
        foreign = model.objects.filter(pk__in=shown, office__isnull=False).exclude(office=harau)
    else:
        foreign = model.objects.filter(pk__in=shown).exclude(**{lookup: harau.pk})
    assert not foreign.exists()


@pytest.mark.parametrize("model", [Indikator, Unit, Person, Report])
def test_the_changelist_lists_exactly_the_offices_rows(client_for, harau_admin, harau, model):
    response = client_for(harau_admin).get(_url(model))
    shown = {obj.pk for obj in response.context["cl"].result_list}
    own = set(model.objects.filter(office=harau).values_list("pk", flat=True))
    assert shown == own
    assert shown


def test_the_person_changelist_names_nobody_of_mungka(client_for, harau_admin):
    body = client_for(harau_admin).get("/admin/sakip/person/").content.decode()
    assert "SYAFRUDDIN" in body
    assert "ILDA SUBUL HURIATI" not in body
    assert "FEBRI YANTO" not in body


@pytest.mark.parametrize("model", [Indikator, Unit, Person, Report, SasaranStrategis, Year])
def test_a_mungka_object_is_out_of_reach(client_for, harau_admin, mungka, model):
    obj = model.objects.filter(office=mungka).first()
    response = client_for(harau_admin).get(_url(model, "change", obj.pk))
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url == "/admin/"


def test_a_mungka_target_is_out_of_reach(client_for, harau_admin, mungka):
    from sakip.models import Target

    target = Target.objects.filter(indikator__office=mungka).first()
    response = client_for(harau_admin).get(f"/admin/sakip/target/{target.pk}/change/")
    assert response.status_code in (302, 404)


def test_the_operator_adds_a_unit_to_her_own_office(client_for, admin_user, mungka, harau):
    response = client_for(admin_user).post(
        "/admin/sakip/unit/add/",
        {"office": harau.pk, "name": "Seksi Baru", "kind": "seksi", "order": 20},
    )
    assert response.status_code == 302
    assert Unit.objects.get(name="Seksi Baru").office == mungka


def test_a_duplicate_unit_name_is_a_form_error_not_a_crash(client_for, admin_user, mungka):
    name = Unit.objects.filter(office=mungka).first().name
    response = client_for(admin_user).post(
        "/admin/sakip/unit/add/", {"name": name, "kind": "seksi", "order": 1}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors


def test_the_operator_cannot_choose_another_offices_sasaran(client_for, admin_user, mungka, harau):
    sasaran = SasaranStrategis.objects.filter(office=harau).first()
    unit = Unit.objects.filter(office=mungka).first()
    response = client_for(admin_user).post(
        "/admin/sakip/indikator/add/",
        {
            "sasaran": sasaran.pk,
            "order": 1,
            "name": "Indikator asing",
            "unit": unit.pk,
            "satuan": "dokumen",
            "polarity": "higher",
            "target_kind": "number",
            "targets-TOTAL_FORMS": 0,
            "targets-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "sasaran" in response.context["adminform"].form.errors
    assert not Indikator.objects.filter(name="Indikator asing").exists()


def test_the_operator_adds_a_person_with_an_account(client_for, admin_user, mungka):
    unit = Unit.objects.get(office=mungka, short_name="Seksi Kesos")
    response = client_for(admin_user).post(
        "/admin/sakip/person/add/",
        {
            "username": "staf-kesos",
            "email": "staf@mungka.go.id",
            "password": "Kinerja-2025-baru",
            "role": "jf",
            "unit": unit.pk,
            "full_name": "RINA MARLINA, A.Md",
            "nip": "199201012019032001",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__username="staf-kesos")
    assert person.office == mungka
    assert person.user.check_password("Kinerja-2025-baru")
    assert not person.user.is_staff


def test_the_operator_cannot_make_a_kabupaten_reader(client_for, admin_user):
    response = client_for(admin_user).get("/admin/sakip/person/add/")
    form = response.context["adminform"].form
    assert "kabupaten" not in form.fields
    assert "kabupaten" not in dict(form.fields["role"].choices)


def test_reports_are_read_only_in_the_admin(client_for, admin_user, mungka):
    report = Report.objects.filter(office=mungka).first()
    client = client_for(admin_user)
    url = f"/admin/workflow/report/{report.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    state = report.state
    assert client.post(url, {"state": "diperintahkan"}).status_code == 403
    assert client.post(f"/admin/workflow/report/{report.pk}/delete/").status_code == 403
    report.refresh_from_db()
    assert report.state == state


def test_submissions_are_read_only_in_the_admin(client_for, admin_user, mungka):
    submission = Submission.objects.filter(report__office=mungka).first()
    client = client_for(admin_user)
    assert client.get("/admin/workflow/submission/add/").status_code == 403
    url = f"/admin/workflow/submission/{submission.pk}/change/"
    assert client.post(url, {"state": "belum_dikirim"}).status_code == 403


def test_people_without_the_operator_role_stay_out_of_the_admin(client_for, camat):
    response = client_for(camat).get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_a_superuser_sees_every_office(client, demo):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)
    response = client.get("/admin/sakip/unit/")
    offices = {u.office_id for u in response.context["cl"].queryset}
    assert offices == {demo["mungka"].pk, demo["harau"].pk}


def _change_form_data(client, url: str) -> dict:
    """The change form's current values, as the browser would post them back."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if value is None:
            continue
        data[name] = "on" if value is True else ("" if value is False else value)
    return {k: v for k, v in data.items() if v != ""}


def test_the_operator_edits_a_person_of_her_office(client_for, admin_user, sekcam, mungka):
    client = client_for(admin_user)
    url = f"/admin/sakip/person/{sekcam.person.pk}/change/"
    data = _change_form_data(client, url)
    data["jabatan"] = "Sekretaris Camat Mungka"
    response = client.post(url, data)
    assert response.status_code == 302
    sekcam.person.refresh_from_db()
    assert sekcam.person.jabatan == "Sekretaris Camat Mungka"
    assert sekcam.person.office == mungka


def test_the_operator_edits_her_offices_letterhead(client_for, admin_user, mungka):
    client = client_for(admin_user)
    url = f"/admin/sakip/office/{mungka.pk}/change/"
    data = _change_form_data(client, url)
    data["phone"] = "(0752) 7750999"
    response = client.post(url, data)
    assert response.status_code == 302
    mungka.refresh_from_db()
    assert mungka.phone == "(0752) 7750999"
    assert client.get("/admin/sakip/office/add/").status_code == 403


def test_the_operator_adjusts_an_sop_step_but_cannot_add_one(client_for, admin_user, mungka):
    from workflow.models import Step

    step = Step.objects.get(office=mungka, number=2)
    client = client_for(admin_user)
    url = f"/admin/workflow/step/{step.pk}/change/"
    data = _change_form_data(client, url)
    data["minutes"] = 90
    data["actor_roles"] = ["sekcam"]  # ticked, from the procedure roles
    assert client.post(url, data).status_code == 302
    step.refresh_from_db()
    assert step.minutes == 90
    assert client.get("/admin/workflow/step/add/").status_code == 403


def test_national_holidays_are_shown_but_not_editable(client_for, admin_user):
    import datetime as dt

    from sakip.models import Holiday

    holiday = Holiday.objects.create(date=dt.date(2026, 8, 17), name="Hari Kemerdekaan")
    client = client_for(admin_user)
    assert holiday in client.get("/admin/sakip/holiday/").context["cl"].queryset
    page = client.get(f"/admin/sakip/holiday/{holiday.pk}/change/")
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False


def test_a_superuser_without_a_profile_gets_a_plain_home_page(client, demo):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)
    body = client.get("/").content.decode()
    assert "belum memiliki profil pegawai" in body
    assert 'href="/admin/"' in body
