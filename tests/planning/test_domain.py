"""The planning domain without the database: the checks, how quarters add up, the cleaning of
typed numbers, the display of a snapshot and the difference between two snapshots."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.models import Aggregation, Polarity, TargetKind
from sakip.planning.checks import indikator_problems, plan_blockers
from sakip.planning.cleaning import clean_plan_values, clean_rupiah
from sakip.planning.diff import ADDED, CHANGED, REMOVED, snapshot_diff
from sakip.planning.quarters import to_date, year_value
from sakip.planning.snapshot import budget_behind, for_unit, quarter_texts, target_text


def indikator(**changes) -> dict:
    ind = {
        "id": 1,
        "target_id": 11,
        "name": "Persentase layanan selesai tepat waktu",
        "iku": True,
        "satuan": "%",
        "polarity": Polarity.HIGHER,
        "target_kind": TargetKind.PERCENT,
        "aggregation": Aggregation.LAST,
        "definition": "Layanan tepat waktu ÷ seluruh layanan × 100%",
        "alasan": "",
        "sumber_data": "Register layanan",
        "unit_id": 5,
        "unit": "Seksi Pelayanan Publik",
        "nomenklatur_id": 9,
        "nomenklatur_code": "7.01.02.2.04.0002",
        "nomenklatur_name": "Pelaksanaan Urusan Pemerintahan",
        "target": {
            "value": "95",
            "value_max": None,
            "text": "",
            "tw": ["89.3", "91.2", "93.1", "95"],
        },
        "renstra_target": "98",
        "renstra_target_text": "",
    }
    for key, value in changes.items():
        if key in ("value", "value_max", "text", "tw"):
            ind["target"][key] = value
        else:
            ind[key] = value
    return ind


def snapshot(*inds, anggaran=()) -> dict:
    return {
        "format": 1,
        "year": 2026,
        "renstra": None,
        "sasaran": [
            {"id": 1, "code": "SS1", "name": "Meningkatnya pelayanan", "indikator": list(inds)}
        ],
        "anggaran": list(anggaran),
    }


# ---- Checks ------------------------------------------------------------------------------


def test_a_complete_indicator_passes_every_check():
    assert indikator_problems(indikator(), supplying_units={5}) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"satuan": ""}, "satuan belum diisi"),
        ({"definition": " "}, "definisi/formula belum diisi"),
        ({"sumber_data": ""}, "sumber data belum diisi"),
        ({"value": None}, "target tahun ini belum diisi"),
        ({"renstra_target": None}, "target akhir Renstra belum diisi"),
        ({"tw": ["89", "91", "93", None]}, "target TW IV belum diisi"),
        (
            {"tw": ["89", "91", "93", "94"]},
            "target TW IV (94) tidak sama dengan target tahun ini (95)",
        ),
    ],
)
def test_each_missing_piece_is_named(changes, problem):
    assert problem in indikator_problems(indikator(**changes), supplying_units={5})


def test_the_responsible_unit_must_supply_data():
    problems = indikator_problems(indikator(), supplying_units={6})
    assert problems == [
        "Seksi Pelayanan Publik bukan unit penyuplai data; pilih seksi/subbagian yang membidangi"
    ]


def test_a_cumulative_indicator_needs_tw4_equal_to_the_year():
    ind = indikator(
        aggregation=Aggregation.CUMULATIVE, satuan="dokumen", target_kind=TargetKind.NUMBER
    )
    ind["target"].update(value="15", tw=["4", "8", "11", "14"])
    assert indikator_problems(ind) == ["target TW IV (14) tidak sama dengan target tahun ini (15)"]


def test_an_average_indicator_does_not_need_tw4_equal_to_the_year():
    ind = indikator(aggregation=Aggregation.AVERAGE, tw=["99", "97", "93", "91"])
    assert indikator_problems(ind) == []


def test_a_range_target_needs_tw4_inside_the_range():
    ind = indikator(
        target_kind=TargetKind.RANGE,
        satuan="nilai",
        value="65",
        value_max="75",
        tw=[None, None, None, "64.5"],
    )
    assert indikator_problems(ind) == ["target TW IV (64,5) di luar rentang target tahun ini"]
    ind["target"]["tw"][3] = "70"
    assert indikator_problems(ind) == []


def test_a_lower_is_better_indicator_may_not_plan_rising_quarters():
    ind = indikator(
        polarity=Polarity.LOWER,
        aggregation=Aggregation.AVERAGE,
        satuan="hari",
        target_kind=TargetKind.NUMBER,
        value="2",
        tw=["1.6", "1.7", "1.8", "1.9"],
    )
    assert indikator_problems(ind) == [
        "indikator semakin rendah semakin baik, tetapi target triwulannya naik dari TW I ke TW II"
    ]
    ind["target"]["tw"] = ["2.2", None, "2", "1.8"]
    assert indikator_problems(ind) == []


def test_a_cumulative_count_of_cases_grows_through_the_year_and_that_is_fine():
    ind = indikator(
        polarity=Polarity.LOWER,
        aggregation=Aggregation.CUMULATIVE,
        satuan="kasus",
        target_kind=TargetKind.NUMBER,
        value="18",
        tw=["5", "9", "14", "18"],
    )
    assert indikator_problems(ind) == []


def test_a_qualitative_indicator_needs_its_texts_not_numbers():
    ind = indikator(
        target_kind=TargetKind.TEXT, satuan="", value=None, tw=[None] * 4, renstra_target=None
    )
    assert indikator_problems(ind) == [
        "target tahun ini belum diisi",
        "target akhir Renstra belum diisi",
    ]
    ind["target"]["text"] = "Tersedia per triwulan"
    ind["renstra_target_text"] = "Tersedia per triwulan"
    assert indikator_problems(ind) == []


def test_an_empty_plan_is_blocked_and_blockers_name_their_indicator():
    assert [b.message for b in plan_blockers(snapshot())] == [
        "rencana tahun ini belum memuat indikator"
    ]
    blockers = plan_blockers(snapshot(indikator(sumber_data="")))
    assert [(b.target_id, str(b)) for b in blockers] == [
        (11, "Persentase layanan selesai tepat waktu: sumber data belum diisi")
    ]


def test_a_units_checks_look_at_its_own_indicators_only():
    other = indikator(id=2, target_id=12, unit_id=6, sumber_data="")
    assert plan_blockers(snapshot(indikator(), other), unit_id=5) == []
    assert len(plan_blockers(snapshot(indikator(), other), unit_id=6)) == 1


# ---- Quarters ----------------------------------------------------------------------------


def test_the_year_from_its_quarters_by_rule():
    values = [Decimal(4), Decimal(5), None, Decimal(6)]
    assert year_value(values, Aggregation.CUMULATIVE) == 15
    assert year_value(values, Aggregation.LAST) == 6
    assert year_value(values, Aggregation.AVERAGE) == 5
    assert year_value([None] * 4, Aggregation.LAST) is None
    assert to_date(values, Aggregation.CUMULATIVE) == [4, 9, None, 15]


quarter = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2))


@given(st.lists(quarter, min_size=4, max_size=4))
def test_cumulative_progress_never_falls_for_non_negative_realisations(values):
    progress = [v for v in to_date(values, Aggregation.CUMULATIVE) if v is not None]
    assert progress == sorted(progress)


@given(st.lists(quarter, min_size=4, max_size=4))
def test_the_last_value_is_the_latest_measured_quarter(values):
    measured = [v for v in values if v is not None]
    assert year_value(values, Aggregation.LAST) == (measured[-1] if measured else None)


# ---- Cleaning ----------------------------------------------------------------------------


def test_numbers_are_typed_the_indonesian_way():
    values, errors = clean_plan_values(
        {"value": "2,5", "tw4": "1.234", "tw1": "", "renstra_target": 3}, kind=TargetKind.NUMBER
    )
    assert errors == {}
    assert values == {
        "value": Decimal("2.5"),
        "tw4": Decimal(1234),
        "tw1": None,
        "renstra_target": 3,
    }


def test_wrong_numbers_are_refused_in_indonesian():
    _values, errors = clean_plan_values(
        {"value": "sembilan", "tw1": "-3", "tw2": "120", "value_max": "5"}, kind=TargetKind.PERCENT
    )
    assert errors["value"].startswith("“sembilan” bukan angka")
    assert errors["tw1"] == "Angka tidak boleh negatif."
    assert errors["tw2"] == "Persen paling besar 100."
    assert errors["value_max"] == "Batas atas hanya untuk target rentang; kosongkan."


def test_a_range_needs_both_ends_in_order():
    assert clean_plan_values({"value": "70", "value_max": "60"}, kind=TargetKind.RANGE)[1] == {
        "value_max": "Batas atas tidak boleh kurang dari batas bawah."
    }
    assert (
        "value_max" in clean_plan_values({"value": "70", "value_max": ""}, kind=TargetKind.RANGE)[1]
    )


def test_a_qualitative_target_keeps_no_numbers_and_a_name_is_required():
    values, errors = clean_plan_values(
        {"name": " ", "value": "9", "text": "Tersedia"}, kind=TargetKind.TEXT
    )
    assert values["value"] is None and values["text"] == "Tersedia"
    assert errors == {"name": "Nama indikator harus diisi."}


def test_rupiah_as_written_in_a_dpa():
    assert clean_rupiah("Rp 2.310.400.000") == Decimal(2310400000)
    assert clean_rupiah("1250000,50") == Decimal("1250000.50")
    with pytest.raises(ValueError, match="dua angka"):
        clean_rupiah("1,255")
    assert clean_rupiah("", required=False) is None


# ---- Display, units' part, budget behind an indicator -------------------------------------


def test_a_snapshot_prints_indonesian_numbers_never_trailing_zeros():
    ind = indikator(
        satuan="hari", target_kind=TargetKind.NUMBER, value="2.5", tw=["2.75", "2.5", None, "2"]
    )
    assert target_text(ind) == "2,5 hari"
    assert quarter_texts(ind) == ["2,75 hari", "2,5 hari", "", "2 hari"]
    assert target_text(indikator()) == "95%"
    assert (
        target_text(
            indikator(target_kind=TargetKind.RANGE, satuan="nilai", value="65", value_max="75")
        )
        == "65–75 nilai"
    )


def test_a_units_part_takes_the_most_specific_budget_line_behind_its_indicators():
    lines = [
        {
            "id": 1,
            "nomenklatur_id": 1,
            "code": "7.01.02",
            "name": "Program",
            "kind": "program",
            "pagu": "348600000",
        },
        {
            "id": 2,
            "nomenklatur_id": 2,
            "code": "7.01.02.2.04.0002",
            "name": "Sub",
            "kind": "sub_kegiatan",
            "pagu": "54200000",
        },
    ]
    assert budget_behind(lines, "7.01.02.2.04.0002")["id"] == 2
    assert budget_behind(lines, "7.01.02.2.01.0001")["id"] == 1
    part = for_unit(snapshot(indikator(), indikator(id=2, target_id=12, unit_id=6)), 5)
    assert [i["id"] for s in part["sasaran"] for i in s["indikator"]] == [1]


# ---- Difference between versions -----------------------------------------------------------


def test_the_difference_names_every_change_added_and_removed():
    line = {
        "id": 1,
        "nomenklatur_id": 1,
        "code": "7.01.02",
        "name": "Program",
        "kind": "program",
        "pagu": "348600000",
    }
    old = snapshot(indikator(), indikator(id=2, target_id=12, name="Dihapus"), anggaran=[line])
    new = copy.deepcopy(old)
    new["sasaran"][0]["indikator"].pop()
    first = new["sasaran"][0]["indikator"][0]
    first["target"]["value"] = "97"
    first["target"]["tw"][3] = "97"
    new["sasaran"][0]["indikator"].append(indikator(id=3, target_id=13, name="Baru", value="40"))
    new["anggaran"][0] = {**line, "pagu": "360000000"}
    changes = snapshot_diff(old, new)
    summary = [(c.area, c.subject, c.what, c.field, c.old, c.new) for c in changes]
    assert ("indikator", first["name"], CHANGED, "Target", "95%", "97%") in summary
    assert ("indikator", first["name"], CHANGED, "TW IV", "95%", "97%") in summary
    assert ("indikator", "Baru", ADDED, "Target", "", "40%") in summary
    assert ("indikator", "Dihapus", REMOVED, "Target", "95%", "") in summary
    assert ("anggaran", "7.01.02 Program", CHANGED, "Pagu", "348.600.000", "360.000.000") in summary
    assert snapshot_diff(old, old) == []
