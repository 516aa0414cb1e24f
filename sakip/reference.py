"""Reference data: how `fixtures/` gets into every database, and how a new office gets its
copy of the official nomenclature.

Why a post_migrate handler (and not a data migration or a manual `loaddata` step): every
database that exists was made by `migrate` — `make run`/`make migrate`, the test database
(pytest-django migrates it), production's `manage.py migrate` — and Django sends
`post_migrate` after each run, also after `flush` empties the tables in transactional tests.
Loading the fixtures there, when their table is empty, means no database lacks the
reference data and no one has to remember a command. A data migration would freeze the
fixture in history and load it with the historical models; `loaddata` reads the current
fixture with the current models, and natural keys make a second load update rows instead of
duplicating them (`manage.py loaddata nomenklatur` after the fixture changes)."""

from __future__ import annotations

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, router, transaction

from sakip.models import Nomenklatur, NomenklaturKind, Office, ReferenceNomenklatur

# (app label, model name, fixture name in fixtures/) loaded by the sakip app.
SAKIP_FIXTURES = [
    ("sakip", "ReferenceNomenklatur", "nomenklatur"),
    ("sakip", "ReferenceBand", "capaian_bands"),
]


def load_fixtures_if_empty(
    fixtures: list[tuple[str, str, str]],
    *,
    using: str = DEFAULT_DB_ALIAS,
    apps=global_apps,
    verbosity: int = 1,
) -> None:
    """`loaddata` each fixture whose table is empty. `apps` is the migration state that
    `post_migrate` passes: a database migrated back to before a table existed is skipped."""
    for app_label, model_name, fixture in fixtures:
        try:
            apps.get_model(app_label, model_name)
        except LookupError:
            continue
        model = global_apps.get_model(app_label, model_name)
        if not router.allow_migrate_model(using, model):
            continue
        if not model._default_manager.using(using).exists():
            call_command("loaddata", fixture, database=using, verbosity=max(verbosity - 1, 0))


def load_sakip_reference(sender: AppConfig, *, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver of the sakip app."""
    load_fixtures_if_empty(
        SAKIP_FIXTURES,
        using=using,
        apps=kwargs.get("apps", global_apps),
        verbosity=kwargs.get("verbosity", 1),
    )


@transaction.atomic
def office_copy_nomenklatur(office: Office) -> None:
    """Give the office the official program/kegiatan/sub kegiatan it does not have yet
    (idempotent; items the office already has, edited or not, are left alone)."""
    references = list(ReferenceNomenklatur.objects.select_related("parent"))
    # One level at a time, so that each level's parents exist (and have a pk) before it.
    for kind in (NomenklaturKind.PROGRAM, NomenklaturKind.KEGIATAN, NomenklaturKind.SUB_KEGIATAN):
        existing = {n.code: n for n in Nomenklatur.objects.filter(office=office)}
        Nomenklatur.objects.bulk_create(
            [
                Nomenklatur(
                    office=office,
                    kind=ref.kind,
                    code=ref.code,
                    name=ref.name,
                    parent=existing.get(ref.parent.code) if ref.parent else None,
                )
                for ref in references
                if ref.kind == kind and ref.code not in existing
            ]
        )


def office_created(sender, instance: Office, created: bool, raw: bool = False, **kwargs) -> None:
    """post_save receiver: a new office starts with the official nomenclature."""
    if created and not raw:
        office_copy_nomenklatur(instance)
