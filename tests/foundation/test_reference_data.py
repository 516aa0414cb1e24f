"""The product's reference data in fixtures/: valid fixtures that `loaddata` reads, present
in every migrated database, and copied into each new office (steps, nomenclature) and each
new year (capaian bands)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from sakip.models import (
    Kabupaten,
    Nomenklatur,
    NomenklaturKind,
    Office,
    ReferenceBand,
    ReferenceNomenklatur,
    Year,
)
from workflow.models import ReferenceStep, Step

FIXTURES = Path(settings.FIXTURE_DIRS[0])
SOP_SEED = (
    Path(__file__).parent.parent / "data" / "sop-perencanaan-kinerja-kecamatan-mungka-2025.txt"
)


def _fixture(name: str) -> list[dict]:
    return [item["fields"] for item in json.loads((FIXTURES / f"{name}.json").read_text())]


@pytest.fixture
def new_office(db):
    kabupaten = Kabupaten.objects.create(name="Kabupaten Uji")
    return Office.objects.create(kabupaten=kabupaten, name="Bukik Barisan", letter_code="CBB")


def test_the_fixture_directory_holds_the_three_reference_fixtures():
    assert sorted(p.name for p in FIXTURES.glob("*.json")) == [
        "capaian_bands.json",
        "nomenklatur.json",
        "sop_steps.json",
    ]


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("sop_steps", ReferenceStep),
        ("nomenklatur", ReferenceNomenklatur),
        ("capaian_bands", ReferenceBand),
    ],
)
def test_loaddata_reads_each_fixture_and_a_second_load_changes_nothing(db, name, model):
    expected = len(_fixture(name))
    before = model.objects.count()
    out = io.StringIO()
    call_command("loaddata", name, stdout=out, verbosity=1)
    assert f"Installed {expected} object(s)" in out.getvalue()
    # Natural keys: loading again updates the rows it finds instead of adding copies.
    assert model.objects.count() == before == expected


def test_every_migrated_database_has_the_reference_data(db):
    assert ReferenceStep.objects.count() == 13
    assert ReferenceBand.objects.count() == 5
    assert ReferenceNomenklatur.objects.filter(kind=NomenklaturKind.PROGRAM).count() == 6


def test_post_migrate_loads_a_reference_table_that_is_empty(db):
    ReferenceBand.objects.all().delete()
    ReferenceStep.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert [b.code for b in ReferenceBand.objects.all()] == [
        "sangat_tinggi",
        "tinggi",
        "sedang",
        "rendah",
        "sangat_rendah",
    ]
    assert ReferenceStep.objects.count() == 13


def test_the_reference_steps_are_the_sop_seed_steps():
    rows = [
        line.split("\t")
        for line in SOP_SEED.read_text(encoding="utf-8").splitlines()
        if re.match(r"^\d+\t[A-Z]", line)
    ]
    seed = [
        {
            "number": int(cells[0]),
            "name": cells[1],
            "kelengkapan": cells[6],
            "minutes": int(cells[7]),
            "output": cells[8],
        }
        for cells in rows
    ]
    fixture = [
        {k: v for k, v in step.items() if k != "actor_roles"} for step in _fixture("sop_steps")
    ]
    assert len(seed) == 13
    assert fixture == seed
    assert sum(step["minutes"] for step in fixture) == 825


def test_a_new_office_gets_the_thirteen_steps_with_the_fixtures_minutes_and_actors(new_office):
    steps = [
        {
            "number": s.number,
            "name": s.name,
            "actor_roles": s.actor_roles,
            "kelengkapan": s.kelengkapan,
            "minutes": s.minutes,
            "output": s.output,
        }
        for s in Step.objects.filter(office=new_office).order_by("number")
    ]
    assert steps == _fixture("sop_steps")
    assert Step.objects.get(office=new_office, number=8).actor_roles == [
        "camat",
        "sekcam",
        "kasi",
        "jf",
    ]


def test_the_office_copy_of_a_step_is_its_own(new_office):
    Step.objects.filter(office=new_office, number=12).update(minutes=45)
    assert ReferenceStep.objects.get(number=12).minutes == 60
    other = Office.objects.create(kabupaten=new_office.kabupaten, name="Lareh Sago Halaban")
    assert Step.objects.get(office=other, number=12).minutes == 60


def test_a_new_office_gets_the_official_nomenclature(new_office):
    items = Nomenklatur.objects.filter(office=new_office).select_related("parent")
    got = {
        n.code: (
            n.kind,
            n.name,
            n.parent.code if n.parent else None,
            n.parent and n.parent.office_id,
        )
        for n in items
    }
    expected = {
        f["code"]: (f["kind"], f["name"], f["parent"][0] if f["parent"] else None, None)
        for f in _fixture("nomenklatur")
    }
    assert {code: value[:3] for code, value in got.items()} == {
        code: value[:3] for code, value in expected.items()
    }
    # The copy hangs together within the office, and passes the model's own checks.
    assert {office for *_rest, office in got.values() if office} == {new_office.pk}
    for item in items:
        item.full_clean()


def test_the_nomenclature_is_urusan_7_01_with_well_formed_codes():
    items = _fixture("nomenklatur")
    codes = [f["code"] for f in items]
    assert len(codes) == len(set(codes))
    programs = [f["code"] for f in items if f["kind"] == NomenklaturKind.PROGRAM]
    assert programs == [f"7.01.0{n}" for n in range(1, 7)]
    pattern = {
        NomenklaturKind.PROGRAM: r"7\.01\.\d{2}",
        NomenklaturKind.KEGIATAN: r"7\.01\.\d{2}\.2\.\d{2}",
        NomenklaturKind.SUB_KEGIATAN: r"7\.01\.\d{2}\.2\.\d{2}\.\d{4}",
    }
    for f in items:
        assert re.fullmatch(pattern[f["kind"]], f["code"]), f["code"]
        if f["parent"]:
            assert f["code"].startswith(f["parent"][0] + "."), f["code"]
    named = {f["code"]: f["name"] for f in items}
    assert named["7.01.02.2.01.0001"].startswith("Koordinasi/Sinergi Perencanaan")
    assert named["7.01.06.2.01.0002"] == "Fasilitasi Administrasi Tata Pemerintahan Desa"


def test_a_new_year_starts_with_the_default_bands(new_office):
    year = Year.objects.create(office=new_office, year=2026)
    year.refresh_from_db()
    expected = sorted(_fixture("capaian_bands"), key=lambda b: -b["lower_bound"])
    assert year.bands == [
        {"min": b["lower_bound"], "code": b["code"], "label": b["label"]} for b in expected
    ]
    year.clean()


def test_the_office_keeps_its_edits_when_the_reference_is_loaded_again(new_office):
    item = Nomenklatur.objects.get(office=new_office, code="7.01.03")
    item.name = "Program Pemberdayaan Masyarakat Nagari"
    item.save()
    call_command("loaddata", "nomenklatur", verbosity=0)
    new_office.save()
    item.refresh_from_db()
    assert item.name == "Program Pemberdayaan Masyarakat Nagari"
    assert Nomenklatur.objects.filter(office=new_office).count() == len(_fixture("nomenklatur"))
