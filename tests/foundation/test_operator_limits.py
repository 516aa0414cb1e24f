"""The office operator keeps the master data but never promotes themselves: not their own
role, office, unit or flags; an office has one Camat and one Sekcam; only procedure roles
perform steps; and every change of who holds the Camat's or Sekcam's post is in the audit
trail, which the Camat reads on a page of her own. The system's superuser keeps doing what
only they do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from sakip.models import Person, Role, Tenure
from tests.foundation.test_admin import _change_form_data
from workflow.models import AuditEntry, Report, Step
from workflow.permissions import can_act_on_report
from workflow.services.posts import ACTION


def _person_url(person: Person, suffix: str = "change") -> str:
    return f"/admin/sakip/person/{person.pk}/{suffix}/"


def _history_url(office) -> str:
    return f"/kantor/{office.pk}/riwayat-jabatan/"


@pytest.fixture
def root(demo):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


# ---- the operator's own record -------------------------------------------------------------


def test_the_operator_cannot_change_her_own_role_unit_or_office(client_for, admin_user, mungka):
    me = admin_user.person
    before = (me.role, me.heads_unit, me.unit_id, me.office)
    client = client_for(admin_user)
    form = client.get(_person_url(me)).context["adminform"].form
    for locked in ("role", "office", "unit", "heads_unit"):
        assert locked not in form.fields
    data = _change_form_data(client, _person_url(me))
    unit = mungka.units.exclude(pk=me.unit_id).first()
    data.update(
        {"role": Role.CAMAT, "heads_unit": "on", "unit": unit.pk, "jabatan": "Operator SAKIP"}
    )
    assert client.post(_person_url(me), data).status_code == 302
    me.refresh_from_db()
    admin_user.refresh_from_db()
    assert me.jabatan == "Operator SAKIP"  # her own name and title she may keep up to date
    assert (me.role, me.heads_unit, me.unit_id, me.office) == before
    assert me.role == Role.ADMIN and me.office == mungka
    assert admin_user.is_staff and not admin_user.is_superuser and admin_user.is_active


def test_the_operator_cannot_reach_the_accounts_or_delete_herself(client_for, admin_user):
    client = client_for(admin_user)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get(f"/admin/auth/user/{admin_user.pk}/change/").status_code == 403
    assert client.get(_person_url(admin_user.person, "delete")).status_code == 403
    assert Person.objects.filter(pk=admin_user.person.pk).exists()


def test_the_operator_cannot_record_a_tenure_for_herself(client_for, admin_user, mungka):
    response = client_for(admin_user).post(
        "/admin/sakip/tenure/add/",
        {"role": Role.CAMAT, "person": admin_user.person.pk, "start": "2026-01-02"},
    )
    assert response.status_code == 200
    assert "masa jabatan diri sendiri" in response.content.decode()
    assert not Tenure.objects.filter(person=admin_user.person).exists()


# ---- one Camat, one Sekcam ----------------------------------------------------------------


def _new_person(client, role: str, username: str = "pegawai-baru"):
    return client.post(
        "/admin/sakip/person/add/",
        {
            "username": username,
            "password": "Rahasia-Kantor-2026",
            "role": role,
            "full_name": "Pegawai Baru",
        },
    )


@pytest.mark.parametrize("role", [Role.CAMAT, Role.SEKCAM])
def test_a_second_camat_or_sekcam_is_refused(client_for, admin_user, mungka, role):
    response = _new_person(client_for(admin_user), role)
    assert response.status_code == 200
    assert "Kantor ini sudah memiliki" in response.content.decode()
    assert Person.objects.filter(office=mungka, role=role).count() == 1
    assert not get_user_model().objects.filter(username="pegawai-baru").exists()


def test_the_sekcam_cannot_be_made_a_second_camat(client_for, admin_user, sekcam, mungka):
    client = client_for(admin_user)
    data = _change_form_data(client, _person_url(sekcam.person))
    data["role"] = Role.CAMAT
    response = client.post(_person_url(sekcam.person), data)
    assert response.status_code == 200
    assert "Kantor ini sudah memiliki Camat" in response.content.decode()
    sekcam.person.refresh_from_db()
    assert sekcam.person.role == Role.SEKCAM


def test_handing_the_post_over_is_allowed_and_recorded(client_for, admin_user, camat, mungka):
    client = client_for(admin_user)
    data = _change_form_data(client, _person_url(camat.person))
    data["role"] = Role.JF
    assert client.post(_person_url(camat.person), data).status_code == 302
    assert _new_person(client, Role.CAMAT, "camat-baru").status_code == 302
    assert Person.objects.get(office=mungka, role=Role.CAMAT).user.username == "camat-baru"
    entries = list(AuditEntry.objects.filter(office=mungka, action=ACTION).order_by("id"))
    assert len(entries) == 2
    assert entries[0].actor == admin_user.person and entries[0].report is None
    assert entries[0].payload["before"]["peran"] == Role.CAMAT
    assert entries[0].payload["after"]["peran"] == Role.JF
    assert entries[1].payload["before"] is None
    assert entries[1].payload["after"]["nama"] == "Pegawai Baru"


def test_a_deactivated_former_camat_does_not_block_the_new_one(client_for, admin_user, camat):
    camat.is_active = False
    camat.save()
    assert _new_person(client_for(admin_user), Role.CAMAT, "camat-baru").status_code == 302


def test_an_ordinary_edit_of_the_camat_is_not_a_change_of_post(client_for, admin_user, camat):
    client = client_for(admin_user)
    data = _change_form_data(client, _person_url(camat.person))
    data["jabatan"] = "Camat Mungka"
    assert client.post(_person_url(camat.person), data).status_code == 302
    assert not AuditEntry.objects.filter(action=ACTION).exists()


def test_a_tenure_of_the_camats_post_is_recorded(client_for, admin_user, camat, jf, mungka):
    client = client_for(admin_user)
    response = client.post(
        "/admin/sakip/tenure/add/",
        {"role": Role.CAMAT, "person": jf.person.pk, "start": "2026-02-02", "acting": "on"},
    )
    assert response.status_code == 302
    tenure = Tenure.objects.get(person=jf.person, role=Role.CAMAT)
    entry = AuditEntry.objects.get(office=mungka, action=ACTION)
    assert entry.payload["before"] is None
    assert entry.payload["after"] == {
        "jenis": "masa_jabatan",
        "id": tenure.pk,
        "nama": jf.person.full_name,
        "peran": Role.CAMAT,
        "kantor": mungka.pk,
        "mulai": "2026-02-02",
        "selesai": None,
        "plt": True,
    }
    client.post(f"/admin/sakip/tenure/{tenure.pk}/delete/", {"post": "yes"})
    assert not Tenure.objects.filter(pk=tenure.pk).exists()
    assert AuditEntry.objects.filter(office=mungka, action=ACTION).count() == 2


# ---- the steps' actors -------------------------------------------------------------------


def test_a_step_names_only_procedure_roles(client_for, admin_user, mungka):
    step = Step.objects.get(office=mungka, number=10)
    client = client_for(admin_user)
    url = f"/admin/workflow/step/{step.pk}/change/"
    data = _change_form_data(client, url)
    data["actor_roles"] = [Role.CAMAT, Role.ADMIN]
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["actor_roles"]
    step.refresh_from_db()
    assert step.actor_roles == [Role.CAMAT]


@pytest.mark.parametrize("roles", [["admin"], ["kabupaten"], [], "camat", ["camat", "camat"]])
def test_the_model_refuses_other_actor_roles(mungka, roles):
    step = Step.objects.get(office=mungka, number=10)
    step.actor_roles = roles
    with pytest.raises(ValidationError):
        step.full_clean()


def test_an_operator_listed_in_old_step_data_still_cannot_act(admin_user, mungka):
    Step.objects.filter(office=mungka, number=10).update(actor_roles=["camat", "admin"])
    report = Report.objects.filter(office=mungka).first()
    assert not can_act_on_report(admin_user.person, report, 10)


# ---- the Camat's page ----------------------------------------------------------------------


def test_the_camat_reads_who_changed_the_posts(client_for, admin_user, camat, sekcam, mungka):
    client = client_for(admin_user)
    data = _change_form_data(client, _person_url(sekcam.person))
    data["role"] = Role.JF
    client.post(_person_url(sekcam.person), data)
    home = client_for(camat).get("/").content.decode()
    assert f'href="{_history_url(mungka)}"' in home
    page = client_for(camat).get(_history_url(mungka))
    assert page.status_code == 200
    body = page.content.decode()
    assert admin_user.person.full_name in body
    assert f"{sekcam.person.full_name} — Sekretaris Camat" in body
    assert f"{sekcam.person.full_name} — Jabatan Fungsional/Staf" in body


def test_only_the_camat_of_the_office_opens_the_page(client_for, mungka, sekcam, outsider, harau):
    assert client_for(sekcam).get(_history_url(mungka)).status_code == 403
    assert f'href="{_history_url(mungka)}"' not in client_for(sekcam).get("/").content.decode()
    assert client_for(outsider).get(_history_url(mungka)).status_code == 404
    assert client_for(outsider).get(_history_url(harau)).status_code == 200


# ---- the superuser -------------------------------------------------------------------------


def test_the_superuser_still_hands_posts_over_and_is_named(client, root, camat, jf, mungka):
    client.force_login(root)
    data = _change_form_data(client, _person_url(camat.person))
    data["role"] = Role.JF
    assert client.post(_person_url(camat.person), data).status_code == 302
    data = _change_form_data(client, _person_url(jf.person))
    data["role"] = Role.CAMAT
    assert client.post(_person_url(jf.person), data).status_code == 302
    jf.person.refresh_from_db()
    assert jf.person.role == Role.CAMAT
    entries = AuditEntry.objects.filter(office=mungka, action=ACTION)
    assert entries.count() == 2
    assert {e.payload["by"] for e in entries} == {"root"} and not any(e.actor for e in entries)
    page = client.get("/admin/sakip/tenure/add/")
    assert page.status_code == 200
    response = client.post(
        "/admin/sakip/tenure/add/",
        {
            "office": mungka.pk,
            "role": Role.CAMAT,
            "person": jf.person.pk,
            "start": dt.date(2026, 3, 1).isoformat(),
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(office=mungka, action=ACTION).count() == 3
