"""Step 2 fills the units' rows from the signed Perjanjian Kinerja in force for the year;
without one it is refused, and the refusal links to the plan page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip.models import PlanRow, Target
from tests.planning.conftest import fix_row
from tests.procedure import Procedure, person
from workflow.models import PerjanjianKinerja, ReportState
from workflow.models.perjanjian import office_agreement_in_force
from workflow.services import TransitionRefused
from workflow.services import planning as svc

pytestmark = pytest.mark.django_db
S = ReportState


def _ordered(year: int):
    procedure = Procedure("Mungka", year)
    procedure.create()
    return procedure


def test_the_rows_are_the_signed_pks_indicators_and_targets(year_2025):
    report = _ordered(2025).to(S.COLLECTING)
    frozen = [
        i for s in office_agreement_in_force(year_2025).snapshot["sasaran"] for i in s["indikator"]
    ]
    rows = list(PlanRow.objects.filter(submission__report=report).order_by("number"))
    assert [r.target_id for r in rows] == [i["target_id"] for i in frozen]
    assert [r.unit_id for r in rows] == [i["unit_id"] for i in frozen]
    assert [r.sumber_data for r in rows] == [i["sumber_data"] for i in frozen]
    assert report.submissions.count() == len({i["unit_id"] for i in frozen})


def test_without_a_signed_pk_step_2_is_refused_with_a_link_to_the_plan(year_2027):
    procedure = _ordered(2027)
    with pytest.raises(TransitionRefused) as refused:
        procedure.distribute()
    assert "belum ditandatangani" in refused.value.message
    assert refused.value.link_url == "/rencana/2027/"
    assert procedure.refresh().state == S.ORDERED
    assert not procedure.report.submissions.exists()


def test_the_refusal_on_the_page_carries_the_link(year_2027, client_for, sekcam):
    report = _ordered(2027).report
    response = client_for(sekcam).post(
        f"/laporan/{report.pk}/langkah/distribute/",
        {"date": "2028-01-12", "place": "Aula", "attendees": [person("kasi-pemerintahan").pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Perjanjian Kinerja Kecamatan Mungka tahun 2027 belum ditandatangani" in html
    assert '<a class="alert-link" href="/rencana/2027/">Buka rencana kinerja 2027</a>' in html


def test_a_pk_perubahan_under_way_stops_step_2_until_it_is_signed(year_2025):
    pep = person("kasubag-pep")
    v1 = office_agreement_in_force(year_2025)
    v2 = svc.perjanjian_amend(perjanjian=v1, person=pep, reason="Target PATEN disesuaikan")
    paten = Target.objects.get(year=year_2025, indikator__name__icontains="PATEN")
    fix_row(paten, pep, value=Decimal(93), tw4=Decimal(93))
    procedure = _ordered(2025)
    with pytest.raises(TransitionRefused, match="sudah berubah sejak"):
        procedure.distribute()
    v2 = sign(v2, pep)
    procedure.distribute()
    row = PlanRow.objects.get(submission__report=procedure.report, target=paten)
    assert row.target.value == 93
    assert PerjanjianKinerja.objects.get(pk=v2.pk).is_signed


def sign(pk, pep):
    pk = svc.perjanjian_submit(perjanjian=pk, person=pep)
    pk = svc.perjanjian_review(perjanjian=pk, person=person("sekcam"))
    return svc.perjanjian_sign(perjanjian=pk, person=person("camat"))


def test_the_lakip_of_the_report_prints_the_pk_in_force(year_2025):
    from documents.selectors.lakip import lakip_data

    report = _ordered(2025).to(S.COLLECTING)
    data = lakip_data(report)
    assert data["perjanjian"]["version"] == 1
    assert data["perjanjian"]["anggaran"]["header"] == "Program"
    assert data["perjanjian"]["anggaran"]["total"] == "3.291.750.000"
