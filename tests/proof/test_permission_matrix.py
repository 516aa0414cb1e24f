"""Every URL of the project × every role → the expected status of a GET, as ONE table.

A URL name missing from MATRIX fails the test, so a new page cannot slip past it. The
objects behind the URLs are real: Mungka's 2025 report taken through the services to step 6
(drafting), Seksi Pemerintahan's rows filled with evidence. POST-only URLs answer GET with
405; forged POSTs are in test_bad_input.py.

Roles, in the order of each tuple: anonymous, Camat, Sekcam, Kasi of the unit, Kasi of
another unit, JF (staff), operator (admin), kabupaten reader, Camat of another office."""

from __future__ import annotations

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.procedure import person, start_collecting, to_evaluation
from workflow.services import procedure as svc

ROLES = ("anon", "camat", "sekcam", "kasi", "other_kasi", "jf", "admin", "kabupaten", "outsider")
USERS = {
    "camat": "camat",
    "sekcam": "sekcam",
    "kasi": "kasi-pemerintahan",
    "other_kasi": "kasi-pelayanan",
    "jf": "jf",
    "admin": "admin",
    "kabupaten": "kabupaten",
    "outsider": "harau-camat",
}

L = 302  # redirect to the login page (anonymous) or elsewhere
#                           anon camat sekcam kasi okasi jf  admin kab  outsider
MATRIX: dict[str, tuple[int, ...]] = {
    "home": (L, 200, 200, 200, 200, 200, 200, 200, 200),
    "login": (200, 200, 200, 200, 200, 200, 200, 200, 200),
    "logout": (405, 405, 405, 405, 405, 405, 405, 405, 405),  # POST only
    "password_change": (L, 200, 200, 200, 200, 200, 200, 200, 200),
    "password_change_done": (L, 200, 200, 200, 200, 200, 200, 200, 200),
    "password_reset": (200, 200, 200, 200, 200, 200, 200, 200, 200),
    "password_reset_done": (200, 200, 200, 200, 200, 200, 200, 200, 200),
    "password_reset_confirm": (200, 200, 200, 200, 200, 200, 200, 200, 200),
    "password_reset_complete": (200, 200, 200, 200, 200, 200, 200, 200, 200),
    "set_language": (L, L, L, L, L, L, L, L, L),  # back to where one came from
    "admin:index": (L, L, L, L, L, L, 200, L, L),  # only the operator is staff
    # The procedure: every office member reads the report; the outsider gets 404.
    "workflow:tasks": (L, 200, 200, 200, 200, 200, 200, 200, 200),
    "workflow:report_list": (L, 200, 200, 200, 200, 200, 200, 200, 200),
    # Mungka already has its 2025 report (Camat redirected to it); Harau's Camat may order.
    "workflow:report_create": (L, L, 403, 403, 403, 403, 403, 403, 200),
    "workflow:report_detail": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    # Step 6 (submit the draft) is the JF's: the step page for them, 403 for the others.
    "workflow:report_transition": (L, 403, 403, 403, 403, 200, 403, 403, 404),
    # Returning an accepted submission is not possible at step 6: back to the report.
    "workflow:submission_transition": (L, L, L, L, L, L, L, 403, 404),
    # Step 3: the unit's rows and evidence for its head and the office-wide roles (Camat,
    # Sekcam, JF), 403 for another unit's Kasi and for the operator (who keeps the master
    # data, not the figures), 404 outside the office (the kabupaten reader included; the
    # reader's "my unit" link is refused with the reason: he only reads).
    "entry:my_submission": (L, L, L, L, L, L, L, 403, 404),
    "entry:submission": (L, 200, 200, 200, 403, 200, 403, 404, 404),
    "entry:row_edit": (L, L, L, L, 403, L, 403, 404, 404),  # closed at step 6: back to page
    "entry:row_show": (L, L, L, L, 403, L, 403, 404, 404),
    "entry:evidence_upload": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:evidence_download": (L, 200, 200, 200, 403, 200, 403, 404, 404),
    "entry:evidence_delete": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:xlsx_download": (L, 200, 200, 200, 403, 200, 403, 404, 404),
    "entry:xlsx_upload": (L, 403, 403, 403, 403, 403, 403, 404, 404),  # nobody edits now
    "entry:xlsx_confirm": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    # Steps 4–5: office-wide roles only (not the operator).
    "entry:review": (L, 200, 200, 403, 403, 200, 403, 404, 404),
    "entry:review_detail": (L, 200, 200, 403, 403, 200, 403, 404, 404),
    "entry:collection": (L, 200, 200, 403, 403, 200, 403, 404, 404),
    "entry:collection_xlsx": (L, 200, 200, 403, 403, 200, 403, 404, 404),
    # Documents: the office and the kabupaten reader read them, but the operator reads
    # neither the combined table nor the draft (see DOCUMENTS_IN_COLLECTION below for the
    # Kasi before the rows are compiled); writes are POST only.
    "documents:page": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:table_xlsx": (L, 200, 200, 200, 200, 200, 403, 200, 404),
    "documents:download": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:download_docx": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:prepare": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:draft": (L, 200, 200, 200, 200, 200, 403, 200, 404),
    "documents:chapter_save": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    # "Buat ulang" asks first on its own page: only the drafting staff at step 6.
    "documents:chapter_regenerate": (L, 403, 403, 403, 403, 200, 403, 403, 404),
    "documents:analysis_save": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    # Public: anyone holding the QR code's link; an unknown token is simply not found.
    "documents:verify": (404, 404, 404, 404, 404, 404, 404, 404, 404),
    # Dashboards: the office's for Camat and Sekcam (Harau's Camat sees Harau's), the
    # kabupaten's for the kabupaten reader.
    "dashboards:office": (L, 200, 200, 403, 403, 403, 403, 403, 200),
    "dashboards:office_export": (L, 200, 200, 403, 403, 403, 403, 403, 200),
    "dashboards:kabupaten": (L, 403, 403, 403, 403, 403, 403, 200, 403),
    "dashboards:kabupaten_export": (L, 403, 403, 403, 403, 403, 403, 200, 403),
    # Who held the Camat's and Sekcam's posts: the office's Camat only.
    "post_history": (L, 200, 403, 403, 403, 403, 403, 404, 404),
    # The plan (Mungka's 2026 plan, being prepared, and its office PK draft): the Kasubag
    # PEP (jf) and the operator prepare it; Camat and Sekcam read it; each Kasi reads his
    # unit's indicators (the object is a Seksi Pemerintahan target: another unit's Kasi gets
    # 403); the kabupaten reader has no office and Harau has no 2026 (404).
    "planning:index": (L, 200, 200, 200, 200, 200, 200, 404, 200),
    "planning:year_open": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "planning:plan": (L, 200, 200, 200, 200, 200, 200, 404, 404),
    "planning:copy": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:row_edit": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:row_show": (L, L, L, L, 403, L, L, 404, 404),  # without htmx: the plan page
    "planning:row_remove": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "planning:indikator_add": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:sasaran_add": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:sasaran_edit": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:anggaran_add": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:anggaran_edit": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:anggaran_show": (L, 403, 403, 403, 403, L, L, 404, 404),
    "planning:anggaran_remove": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "planning:xlsx_download": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    "planning:xlsx_upload": (L, 403, 403, 403, 403, 200, 200, 404, 404),
    "planning:xlsx_confirm": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "planning:document": (L, 200, 200, 200, 200, 200, 200, 404, 404),  # a Kasi: his unit's
    "planning:perjanjian_prepare": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    # The office's PK: a Kasi reads his own unit's PK, not the office's.
    "planning:perjanjian": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    "planning:perjanjian_pdf": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    # A draft is not amended (back to the PK with the reason); others may not amend.
    "planning:perjanjian_amend": (L, 403, 403, 403, 403, L, L, 404, 404),
    # Submitting is the preparers': refused while the plan's checks fail (back to the PK
    # with the reasons); 403 with the reason for everyone else.
    "planning:perjanjian_transition": (L, 403, 403, 403, 403, L, L, 404, 404),
    # The quarterly measurement (Mungka's 2025 TW I, open): the office's people follow it
    # (the operator and a Kasi without every unit's figures); the Sekcam opens quarters and
    # records the meeting and follow-ups; Harau's Camat reads Harau's own years and has no
    # TW I; the kabupaten reader has no office pages. Writes are POST only.
    "measurement:index": (L, 200, 200, 200, 200, 200, 200, 404, 200),
    "measurement:year": (L, 200, 200, 200, 200, 200, 200, 404, 200),
    "measurement:quarter": (L, 200, 200, 200, 200, 200, 200, 404, 404),
    "measurement:open": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "measurement:meeting": (L, 403, 200, 403, 403, 403, 403, 404, 404),
    "measurement:follow_up": (L, 403, 200, 403, 403, 403, 403, 404, 404),
    "measurement:follow_up_done": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    # The invitation (every unit's figures are the measurement report's: see
    # tests/measurement/test_documents.py for who reads it when).
    "measurement:document": (L, 200, 200, 200, 200, 200, 200, 404, 404),
}


def _walk(patterns, namespace: str = ""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                # The admin's own pages are Django's; the matrix checks the door.
                yield "admin:index"
                continue
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}"


def all_url_names() -> list[str]:
    return sorted(set(_walk(get_resolver().url_patterns)))


def _objects() -> dict:
    report = to_evaluation(start_collecting())
    sekcam = person("sekcam")
    for sub in report.submissions.all():
        svc.submission_accept(submission=sub, person=sekcam)
    report = svc.report_finish_evaluation(report=report, person=sekcam)
    submission = report.submissions.get(unit=person("kasi-pemerintahan").unit)
    row = submission.rows.order_by("number").first()
    plan = _plan_objects()
    _open_first_quarter()
    return {
        **plan,
        "pk": report.pk,
        "office_pk": report.office_id,
        "sub_pk": submission.pk,
        "row_pk": row.pk,
        "ev_pk": row.evidence.first().pk,
        "chapter_pk": report.chapters.first().pk,
        "token": "tidak-ada",
        "uidb64": "MQ",
        "kind": "nota-dinas",
        "table": "isian",
        "name": "submit_draft",
        "tw": 1,
    }


def _plan_objects() -> dict:
    """Mungka's 2026 plan, being prepared (demo): a target of Seksi Pemerintahan (the Kasi's
    unit), a budget line, a sasaran, and the office's PK draft."""
    from sakip.models import Anggaran, Target
    from workflow.models import PerjanjianKinerja

    target = Target.objects.filter(
        year__office__name="Mungka",
        year__year=2026,
        indikator__unit=person("kasi-pemerintahan").unit,
    ).first()
    return {
        "tahun": 2026,
        "target_pk": target.pk,
        "sasaran_pk": target.indikator.sasaran_id,
        "anggaran_pk": Anggaran.objects.filter(year=target.year).first().pk,
        "perjanjian_pk": PerjanjianKinerja.objects.filter(year=target.year, unit__isnull=True)
        .latest("version")
        .pk,
    }


def _open_first_quarter() -> None:
    """Mungka's 2025 TW I, opened by the Sekcam (its quarter has ended), after the demo's own
    2025 quarters are set aside."""
    import datetime as dt

    from sakip.models import Year
    from tests.procedure import Quarters
    from workflow.services.measurement import measurement_open

    Quarters()
    sekcam = person("sekcam")
    year = Year.objects.get(office=sekcam.office, year=2025)
    measurement_open(person=sekcam, year=year, quarter=1, today=dt.date(2026, 1, 10))


QUARTER = {"tahun": 2025, "tw": 1}

# Per-URL choices where the generic ones above do not fit.
KWARGS = {
    **{
        f"measurement:{name}": QUARTER
        for name in ("year", "quarter", "open", "meeting", "follow_up", "follow_up_done")
    },
    "measurement:document": {**QUARTER, "kind": "undangan-pengukuran"},
    "workflow:submission_transition": {"name": "return_for_revision"},
    "dashboards:kabupaten_export": {"table": "kantor"},
    "planning:document": {"kind": "iku"},
    "planning:perjanjian_transition": {"name": "submit"},
}


def url_for(name: str, objects: dict) -> str:
    converters = _converters(name)
    kwargs = {k: objects[k] for k in converters}
    kwargs.update({k: v for k, v in KWARGS.get(name, {}).items() if k in converters})
    return reverse(name, kwargs=kwargs)


def _converters(name: str) -> dict:
    """The path converters of URL `name`, those of the includes it sits in as well."""

    def find(patterns, namespace="", outer=None):
        outer = outer or {}
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                inner = {**outer, **getattr(p.pattern, "converters", {})}
                found = find(p.url_patterns, ns, inner)
                if found is not None:
                    return found
            elif f"{namespace}{p.name}" == name:
                return {**outer, **p.pattern.converters}
        return None

    return find(get_resolver().url_patterns) or {}


def statuses(objects: dict) -> dict[str, tuple[int, ...]]:
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERS.values())}
    clients = {"anon": Client()}
    for role, username in USERS.items():
        clients[role] = Client()
        clients[role].force_login(users[username])
    out = {}
    for name in all_url_names():
        url = url_for(name, objects)
        out[name] = tuple(clients[role].get(url).status_code for role in ROLES)
    return out


def test_every_url_answers_every_role_as_the_matrix_says(demo):
    names = all_url_names()
    missing = [n for n in names if n not in MATRIX]
    assert not missing, f"URL tanpa baris di MATRIX (tambahkan): {missing}"
    stale = [n for n in MATRIX if n not in names]
    assert not stale, f"MATRIX menyebut URL yang tidak ada lagi: {stale}"
    actual = statuses(_objects())
    assert not [name for name, row in actual.items() if 500 in row]
    wrong = {
        name: {"expected": dict(zip(ROLES, MATRIX[name], strict=True)), "actual": actual[name]}
        for name in names
        if actual[name] != MATRIX[name]
    }
    assert not wrong, wrong


# ---- Documents while the units are still filling their rows ------------------------------

# Mungka's 2025 report at step 3 (collecting), Seksi Pemerintahan's rows filled but not
# sent: the combined table would show a unit's unsent values to the head of another unit,
# so a Kasi reads it only once the rows are compiled (step 4); the operator never. Every
# document URL, every persona — "okasi" is the head of another unit.
#                                   anon camat sekcam kasi okasi jf  admin kab  outsider
DOCUMENTS_IN_COLLECTION: dict[str, tuple[int, ...]] = {
    "page": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "table_xlsx": (L, 200, 200, 403, 403, 200, 403, 200, 404),
    "download:tabel": (L, 200, 200, 403, 403, 200, 403, 200, 404),
    "prepare:tabel": (L, 200, 200, 403, 403, 200, 403, 200, 404),
    "download:nota-dinas": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "prepare:nota-dinas": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "download:sop": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    # Not there yet: no draft before step 6, no meeting, no letter.
    "download:lakip": (L, 404, 404, 404, 404, 404, 404, 404, 404),
    "download:berita-acara": (L, 404, 404, 404, 404, 404, 404, 404, 404),
    "download:surat-pengantar": (L, 404, 404, 404, 404, 404, 404, 404, 404),
    # The Word copies follow the same rule.
    "download_docx:nota-dinas": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "download_docx:lakip": (L, 404, 404, 404, 404, 404, 404, 404, 404),
}


def _document_url(key: str, pk: int) -> str:
    name, _sep, kind = key.partition(":")
    if kind:
        return reverse(f"documents:{name}", kwargs={"pk": pk, "kind": kind})
    return reverse(f"documents:{name}", kwargs={"pk": pk})


def test_the_documents_of_a_report_in_collection_answer_as_the_table_says(demo):
    from django.contrib.auth import get_user_model

    from tests.procedure import fill

    report = start_collecting()
    fill(report.submissions.get(unit=person("kasi-pemerintahan").unit))
    documents = {name for name in all_url_names() if name.startswith("documents:")}
    covered = {f"documents:{key.partition(':')[0]}" for key in DOCUMENTS_IN_COLLECTION}
    # Every document URL that reads a report's document is in the table.
    assert documents - covered <= {
        "documents:draft",
        "documents:chapter_save",
        "documents:analysis_save",
        "documents:chapter_regenerate",
        "documents:verify",
    }
    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERS.values())}
    clients = {"anon": Client()}
    for role, username in USERS.items():
        clients[role] = Client()
        clients[role].force_login(users[username])
    wrong = {}
    for key, expected in DOCUMENTS_IN_COLLECTION.items():
        url = _document_url(key, report.pk)
        actual = tuple(clients[role].get(url).status_code for role in ROLES)
        if actual != expected:
            wrong[key] = {"expected": expected, "actual": actual}
    assert not wrong, wrong


def test_a_refused_document_says_why_and_the_page_does_not_offer_it(demo, client_for):
    from django.contrib.auth import get_user_model

    report = start_collecting()
    kasi = get_user_model().objects.get(username="kasi-pelayanan")
    client = client_for(kasi)
    refused = client.get(reverse("documents:table_xlsx", kwargs={"pk": report.pk}))
    assert refused.status_code == 403
    assert "setelah format dihimpun (langkah 4)" in refused.content.decode()
    page = client.get(reverse("documents:page", kwargs={"pk": report.pk})).content.decode()
    assert reverse("documents:table_xlsx", kwargs={"pk": report.pk}) not in page
    assert (
        'hx-get="' + reverse("documents:prepare", kwargs={"pk": report.pk, "kind": "tabel"})
        not in page
    )
    assert "setelah format dihimpun" in page
