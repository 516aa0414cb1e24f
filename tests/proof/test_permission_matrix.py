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

from tests.proof.conftest import person, start_collecting, to_evaluation
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
    # Step 3: the unit's rows and evidence for its head and the office-wide roles, 403 for
    # another unit's Kasi, 404 outside the office (the kabupaten reader included).
    "entry:my_submission": (L, L, L, L, L, L, L, 404, 404),
    "entry:submission": (L, 200, 200, 200, 403, 200, 200, 404, 404),
    "entry:row_edit": (L, L, L, L, 403, L, L, 404, 404),  # closed at step 6: back to page
    "entry:row_show": (L, L, L, L, 403, L, L, 404, 404),
    "entry:submit": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:evidence_upload": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:evidence_download": (L, 200, 200, 200, 403, 200, 200, 404, 404),
    "entry:evidence_delete": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:xlsx_download": (L, 200, 200, 200, 403, 200, 200, 404, 404),
    "entry:xlsx_upload": (L, 403, 403, 403, 403, 403, 403, 404, 404),  # nobody edits now
    "entry:xlsx_confirm": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    # Steps 4–5: office-wide roles only.
    "entry:review": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    "entry:review_detail": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    "entry:review_accept": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:review_return": (405, 405, 405, 405, 405, 405, 405, 405, 405),
    "entry:collection": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    "entry:collection_xlsx": (L, 200, 200, 403, 403, 200, 200, 404, 404),
    # Documents: the office and the kabupaten reader read them; writes are POST only.
    "documents:page": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:table_xlsx": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:download": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:prepare": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:draft": (L, 200, 200, 200, 200, 200, 200, 200, 404),
    "documents:chapter_save": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "documents:analysis_save": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "documents:draft_submit": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "documents:draft_accept": (L, 405, 405, 405, 405, 405, 405, 405, 405),
    "documents:draft_return": (L, 405, 405, 405, 405, 405, 405, 405, 405),
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
    return {
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
    }


# Per-URL choices where the generic ones above do not fit.
KWARGS = {
    "workflow:submission_transition": {"name": "return_for_revision"},
    "dashboards:kabupaten_export": {"table": "kantor"},
}


def url_for(name: str, objects: dict) -> str:
    pattern = _pattern(name)
    converters = pattern.pattern.converters if pattern else {}
    kwargs = {k: objects[k] for k in converters}
    kwargs.update({k: v for k, v in KWARGS.get(name, {}).items() if k in converters})
    return reverse(name, kwargs=kwargs)


def _pattern(name: str):
    def find(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                found = find(p.url_patterns, ns)
                if found:
                    return found
            elif f"{namespace}{p.name}" == name:
                return p
        return None

    return find(get_resolver().url_patterns)


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
