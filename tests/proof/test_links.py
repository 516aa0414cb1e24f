"""No page links a person to a page they will be refused.

Each persona starts from the home page and the report list and follows every link of the site (GET, breadth
first) as far as the report's pages reach; every page reached must answer (2xx or a
redirect), never 403 or 404. Done with the report at step 3 (one unit's rows filled) and at
step 6 (drafting), the states where the most pages and links exist."""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.procedure import fill, person, start_collecting
from tests.proof.test_permission_matrix import USERS, _objects

HREF = re.compile(r'href="(/[^"#]*)')
# Not pages: signing out, switching language, files (their access is the matrices'), and the
# operator's Django admin (Django's own pages).
SKIP = re.compile(r"^/(accounts/logout|i18n/|admin/|static/|media)|\.(pdf|xlsx|docx)(\?|$)")
LIMIT = 120


def crawl(client: Client) -> dict[str, int]:
    """Every page reachable from home by links, with its status code."""
    seen: dict[str, int] = {}
    queue = deque(["/", "/laporan/"])
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if href not in seen and not SKIP.search(href):
                queue.append(href)
    return seen


def _refused(state_builder) -> dict[str, dict[str, int]]:
    state_builder()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=USERS.values())}
    out = {}
    for role, username in USERS.items():
        client = Client()
        client.force_login(users[username])
        pages = crawl(client)
        assert len(pages) > 2, (role, pages)
        bad = {url: status for url, status in pages.items() if status in (403, 404, 500)}
        if bad:
            out[role] = bad
    return out


@pytest.mark.django_db
def test_no_link_leads_to_a_refusal_while_the_units_fill_their_rows(demo):
    def collecting():
        report = start_collecting()
        fill(report.submissions.get(unit=person("kasi-pemerintahan").unit))

    assert _refused(collecting) == {}


@pytest.mark.django_db
def test_no_link_leads_to_a_refusal_while_the_draft_is_written(demo):
    assert _refused(_objects) == {}
