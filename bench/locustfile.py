"""The load test's simulated office (run by bench/run.py; see there). FastHttpUser keeps
the load generator's own CPU small: it shares the 2-core machine with the server.

Kasi edit rows of their unit through the row-edit form (the page's no-JavaScript path, which
answers a saved row with a redirect and a stale one with 400 and the stored value), the
Sekcam reads the review pages, the Camat the dashboard, staff download the LAKIP PDF. Every
acknowledged save is appended to BENCH_ACKS as one JSON line: {row, version, value}.

With BENCH_PHASE=floor the same number of users only ask the bare signed-in page
(bench/floor.py): the floor a page's CPU is compared with, measured on the same server in the
same run."""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import FastHttpUser, between, task
from requests.cookies import create_cookie

SETUP = json.loads(open(os.environ["BENCH_LOAD_SETUP"]).read())
ACKS = os.environ["BENCH_ACKS"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
_counters = {name: itertools.count() for name in ("kasi", "review", "dashboard", "pdf")}


class OfficeUser(FastHttpUser):
    abstract = True
    wait_time = between(0.1, 0.4)
    role = ""

    def on_start(self) -> None:
        people = SETUP[self.role]["users"]
        self.username = people[next(_counters[self.role]) % len(people)]
        # Signed in beforehand (see bench/run.py: prepare_load).
        self.client.cookiejar.set_cookie(
            create_cookie("sessionid", SETUP["sessions"][self.username], domain="127.0.0.1")
        )


FLOOR = os.environ.get("BENCH_PHASE") == "floor"


class KasiUser(OfficeUser):
    """Fills rows of the unit: open the edit form, save a new realisation."""

    weight = 4
    role = "kasi"
    abstract = FLOOR

    @task(1)
    def page(self) -> None:
        self.client.get(SETUP["kasi"]["pages"][self.username], name="entry:submission")

    @task(3)
    def edit(self) -> None:
        row_pk, url = random.choice(SETUP["kasi"]["rows"][self.username])
        form = self.client.get(url, name="entry:row_edit (GET)")
        version = VERSION.search(form.text)
        token = CSRF.search(form.text)
        if not version or not token:
            return
        # Percent indicators accept 0–100 (a realisation above 100 % is refused as a typo).
        value = random.randint(1, 100)
        with self.client.post(
            url,
            {
                "realisasi": str(value),
                "sumber_data": "Register layanan",
                "keterangan": "",
                "version": version.group(1),
                "csrfmiddlewaretoken": token.group(1),
            },
            name="entry:row_edit (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                ack = {"row": row_pk, "version": int(version.group(1)) + 1, "value": value}
                with open(ACKS, "a") as fh:
                    fh.write(json.dumps(ack) + "\n")
                response.success()
            elif response.status_code == 400 and "sudah diubah" in response.text:
                # Refused as stale: the other editor's value is shown, nothing is lost.
                response.success()
            else:
                response.failure(f"save: {response.status_code}")


class ReviewUser(OfficeUser):
    weight = 2
    role = "review"
    abstract = FLOOR

    @task
    def review(self) -> None:
        name, url = random.choice(SETUP["review"]["pages"])
        self.client.get(url, name=name)


class DashboardUser(OfficeUser):
    weight = 2
    role = "dashboard"
    abstract = FLOOR

    @task
    def dashboard(self) -> None:
        self.client.get(SETUP["dashboard"]["page"], name="dashboards:office")


# Without a LAKIP download in the URLconf the PDF users stay home (the table says so).
if SETUP["pdf"]["page"] and not FLOOR:

    class PdfUser(OfficeUser):
        weight = 1
        role = "pdf"

        @task
        def pdf(self) -> None:
            with self.client.get(
                SETUP["pdf"]["page"], name="documents: LAKIP PDF", catch_response=True
            ) as response:
                if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                    response.failure(f"pdf: {response.status_code}")


if FLOOR:

    class FloorUser(OfficeUser):
        """The base layout for a signed-in Kasi, and nothing else."""

        role = "kasi"

        @task
        def bare(self) -> None:
            self.client.get("/bench/bare/", name="floor (bare signed-in page)")
