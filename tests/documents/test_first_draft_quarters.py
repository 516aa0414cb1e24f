"""Bab III's analysis of each indicator tells its course through the measured quarters: each
quarter's realisation with its capaian against the quarter's target, the figure to date
where the indicator's rule adds up, and the year's capaian the quarters give; nothing when
no quarter was measured. The quarters are read once for the whole report."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.drafting.writer import draft_texts
from sakip.models import PlanRow
from workflow.models import Report, ReportState

S = ReportState

PATEN = "Persentase layanan PATEN yang selesai tepat waktu"  # last value, target 95%
PRODUK = "Jumlah produk hukum nagari yang difasilitasi"  # cumulative, target 15
KASUS = "Jumlah kasus gangguan ketentraman dan ketertiban umum"  # cumulative, lower, 18
IKM = "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan"  # TW IV only
PMKS = "Ketersediaan data PMKS yang mutakhir"  # text
COURSE = "realisasi triwulanan indikator ini"


def _analysis(report: Report, name: str) -> str:
    row = PlanRow.objects.get(submission__report=report, indikator__name=name)
    assert row.analysis_generated
    return " ".join(row.analysis.split())


def test_each_quarter_and_the_year_figure_by_the_last_value_rule(quarters, report_at):
    # tests/procedure.py's `fill` gives every quarter 90 % of the year's target: 85,5%.
    for quarter in (1, 2, 3, 4):
        quarters.measured(quarter)
    report = report_at(S.DRAFTING)
    text = _analysis(report, PATEN)
    assert (
        "Sepanjang tahun, realisasi triwulanan indikator ini adalah TW I 85,5% (capaian "
        "95,74%), TW II 85,5% (capaian 93,75%), TW III 85,5% (capaian 91,84%) dan TW IV 85,5% "
        "(capaian 90,00%), sehingga capaian akhir tahun berdasarkan pengukuran triwulanan "
        "adalah 90,00% (realisasi tahunan 85,5%, yaitu realisasi TW IV sebagai triwulan "
        "terakhir yang terukur)."
    ) in text
    # The year's row says the same as the quarters: nothing to explain.
    assert "berbeda dari angka hasil pengukuran triwulanan" not in text
    # The course follows the year's own figures and comes before the earlier years.
    assert text.index("Pada tahun 2025 indikator ini") < text.index(COURSE)
    assert text.index(COURSE) < text.index("dibanding tahun 2024")


def test_a_cumulative_indicator_adds_up_and_a_differing_year_figure_is_flagged(quarters, report_at):
    for quarter in (1, 2, 3, 4):
        quarters.measured(quarter)
    text = _analysis(report_at(S.DRAFTING), PRODUK)
    assert (
        "TW I 13,5 dokumen (capaian 337,50%), TW II 13,5 dokumen (kumulatif 27 dokumen, "
        "capaian 337,50%), TW III 13,5 dokumen (kumulatif 40,5 dokumen, capaian 368,18%) dan "
        "TW IV 13,5 dokumen (kumulatif 54 dokumen, capaian 360,00%), sehingga capaian akhir "
        "tahun berdasarkan pengukuran triwulanan adalah 360,00% (realisasi tahunan 54 "
        "dokumen, yaitu jumlah realisasi triwulan yang terukur)."
    ) in text
    # The test's year row keeps 13,5 dokumen, not the quarters' 54: the drafter explains.
    assert (
        "Realisasi tahunan yang dilaporkan (13,5 dokumen) berbeda dari angka hasil pengukuran "
        "triwulanan. [Penyusun: jelaskan sebab perbedaannya.]"
    ) in text


def test_quarters_not_measured_are_named(quarters, report_at):
    quarters.measured(1)
    quarters.measured(2)
    text = _analysis(report_at(S.DRAFTING), PATEN)
    assert "adalah TW I 85,5% (capaian 95,74%) dan TW II 85,5% (capaian 93,75%)," in text
    assert "Pada TW III dan TW IV tidak ada realisasi yang terukur." in text


def test_the_demos_own_quarters_read_in_indonesian(report_at):
    """The demo measured 2025 quarter by quarter (demo/measurement.py)."""
    report = report_at(S.DRAFTING)
    kasus = _analysis(report, KASUS)
    assert (
        "Sepanjang tahun, realisasi triwulanan indikator ini adalah TW I 6 kasus (capaian "
        "80,00%), TW II 4 kasus (kumulatif 10 kasus, capaian 88,89%), TW III 5 kasus "
        "(kumulatif 15 kasus, capaian 92,86%) dan TW IV 4 kasus (kumulatif 19 kasus, capaian "
        "94,44%), sehingga capaian akhir tahun berdasarkan pengukuran triwulanan adalah "
        "94,44% (realisasi tahunan 19 kasus, yaitu jumlah realisasi triwulan yang terukur)."
    ) in kasus
    ikm = _analysis(report, IKM)
    assert "adalah TW IV 84,6 nilai (capaian 100,71%)," in ikm
    assert "Pada TW I, TW II dan TW III tidak ada realisasi yang terukur." in ikm
    # A text indicator is judged in words, quarter or not.
    assert COURSE not in _analysis(report, PMKS)


def test_without_quarters_nothing_is_said_about_them(quarters, report_at):
    report = report_at(S.DRAFTING)
    for row in PlanRow.objects.filter(submission__report=report):
        assert row.analysis_generated and row.analysis
        assert COURSE not in row.analysis
        assert "pengukuran triwulanan" not in row.analysis and "TW I" not in row.analysis


def test_the_quarters_are_read_once_for_the_report(quarters, report_at):
    report = report_at(S.DRAFTING)
    draft_texts(report=report)  # what is read once per process (reference data) is read
    with CaptureQueriesContext(connection) as without:
        draft_texts(report=report)
    for quarter in (1, 2, 3, 4):
        quarters.measured(quarter)
    with CaptureQueriesContext(connection) as measured:
        texts = draft_texts(report=report)
    assert any(COURSE in text for text in texts.analyses.values())
    assert len(measured) == len(without)
