"""Who may open which page of steps 3–5: (persona, page, expected status)."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = {
    "submission": "/laporan/{r}/isian/{s}/",
    "xlsx": "/laporan/{r}/isian/{s}/xlsx/",
    "upload": "/laporan/{r}/isian/{s}/unggah/",
    "review": "/laporan/{r}/evaluasi/",
    "review_detail": "/laporan/{r}/evaluasi/{s}/",
    "collection": "/laporan/{r}/himpunan/",
    "collection_xlsx": "/laporan/{r}/himpunan/xlsx/",
}

TABLE = [
    ("kasi", {"submission": 200, "xlsx": 200, "upload": 200, "review": 403, "collection": 403}),
    ("other_kasi", {"submission": 403, "xlsx": 403, "upload": 403, "review_detail": 403}),
    ("sekcam", {"submission": 200, "upload": 403, "review": 200, "review_detail": 200}),
    ("camat", {"submission": 200, "review": 200, "collection": 200, "collection_xlsx": 200}),
    ("jf", {"collection": 200, "collection_xlsx": 200, "upload": 403}),
    # The operator keeps the master data and does not read the units' figures.
    ("admin_user", {"submission": 403, "review": 403, "xlsx": 403, "collection": 403}),
    ("outsider", {name: 404 for name in PAGES}),
    ("kabupaten_reader", {"submission": 404, "review": 404}),
]


@pytest.mark.parametrize(("persona", "expected"), TABLE, ids=[t[0] for t in TABLE])
def test_each_role_gets_what_it_may_see(request, client_for, submission, persona, expected):
    client = client_for(request.getfixturevalue(persona))
    for page, status in expected.items():
        url = PAGES[page].format(r=submission.report_id, s=submission.pk)
        assert client.get(url).status_code == status, (persona, page)


def test_anonymous_visitors_are_sent_to_login(client, submission):
    response = client.get(f"/laporan/{submission.report_id}/isian/{submission.pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
