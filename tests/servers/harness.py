"""Real processes for the several-servers proof: a PostgreSQL database of their own, gunicorn
app servers, moto's S3 server, and a small browser (requests + the page's own forms).

Nothing here runs inside the test process's Django: the servers and the preparing script are
separate processes that share only what production servers share (the database and the
file store), and the tests talk to them over HTTP or read the database with plain SQL."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mungka2025"
# The suite's own PostgreSQL when it runs there; otherwise CI's (and this machine's) local one.
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_admin_url() -> str:
    """A URL of the `postgres` database on the server the proof creates its databases in."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return urlunsplit(urlsplit(url)._replace(path="/postgres"))
    return DEFAULT_POSTGRES


def postgres_reachable() -> bool:
    try:
        with psycopg.connect(postgres_admin_url(), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


class Database:
    """A PostgreSQL database created for the proof and dropped afterwards (even with open
    connections: `WITH (FORCE)`)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.url = urlunsplit(urlsplit(postgres_admin_url())._replace(path=f"/{name}"))

    def _admin(self, sql: str) -> None:
        with psycopg.connect(postgres_admin_url(), autocommit=True) as conn:
            conn.execute(sql)

    def create(self, *, template: Database | None = None) -> Database:
        self.drop()
        suffix = f' TEMPLATE "{template.name}"' if template else ""
        self._admin(f'CREATE DATABASE "{self.name}"{suffix}')
        return self

    def drop(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def rows(self, sql: str, *params) -> list[tuple]:
        with psycopg.connect(self.url) as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, *params):
        rows = self.rows(sql, *params)
        assert len(rows) == 1, rows
        return rows[0]


def server_environment(**extra: str) -> dict[str, str]:
    """The environment of every process the proof starts: this one's, less anything that
    would configure SAKIP differently, plus production settings for plain HTTP on loopback
    (tests/servers/settings.py)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SAKIP_", "AWS_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.servers.settings",
            "PYTHONPATH": str(ROOT),
            "SAKIP_DEBUG": "0",
            "SAKIP_ALLOWED_HOSTS": "127.0.0.1",
            "SAKIP_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "SAKIP_DB_CONN_MAX_AGE": "60",
            "SAKIP_LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    """Run a Python command (`manage.py ...`, `-m module`) in ROOT; its stdout, or an
    assertion error with both streams."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{args} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


class Process:
    """A server process in its own process group, bound to a free loopback port that it
    reports in its log; stopped with its children."""

    pattern: re.Pattern

    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path) -> None:
        self.name, self.log = name, log
        self._log_file = open(log, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = ""

    def wait_listening(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} berhenti:\n{self.tail()}")
            found = self.pattern.search(self.log.read_text(errors="replace"))
            if found:
                self.url = f"http://127.0.0.1:{found.group(1)}"
                return self.url
            time.sleep(0.1)
        raise AssertionError(f"{self.name} tidak mendengarkan dalam {timeout} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                # INT: gunicorn's and werkzeug's quick shutdown.
                os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self._log_file.close()


class AppServer(Process):
    """One app server as production runs it: gunicorn with deploy/gunicorn.conf.py, here
    with one worker on its own port."""

    pattern = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        command = [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"]
        env = {**env, "SAKIP_BIND": "127.0.0.1:0", "SAKIP_WORKERS": "1"}
        super().__init__(name, command, env, log)

    def wait_ready(self, timeout: float = 60) -> str:
        url = self.wait_listening(timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"{url}/accounts/login/", timeout=10).status_code == 200:
                    return url
            time.sleep(0.2)
        raise AssertionError(f"{self.name} tidak siap:\n{self.tail()}")


class MotoServer(Process):
    """moto's standalone S3-compatible server (`moto[server]`), on loopback."""

    pattern = re.compile(r"Running on http://127\.0\.0\.1:(\d+)")

    def __init__(self, log: Path) -> None:
        command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"]
        super().__init__("moto", command, server_environment(), log)


# ---- A small browser: one cookie jar (one person at one browser), the page's own forms ----


@dataclass
class Form:
    action: str
    method: str
    id: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def values(self, **changes: str) -> list[tuple[str, str]]:
        kept = [(k, v) for k, v in self.fields if k not in changes]
        return kept + list(changes.items())


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._text: tuple[str, list[str]] | None = None  # textarea being read
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower(), a.get("id", ""))
            self.forms.append(self._form)
        elif self._form is None or not a.get("name") and tag != "option":
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "file":
                self._form.files.append(a["name"])
            elif kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self._form.fields.append((a["name"], a.get("value", "on")))
            elif kind not in {"submit", "button", "image", "reset"}:
                self._form.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._text = (a["name"], [])
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self._text is not None:
            self._text[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._text is not None and self._form is not None:
            self._form.fields.append((self._text[0], "".join(self._text[1])))
            self._text = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = [v for v, selected in self._options if selected] or [
                v for v, _ in self._options[:1]
            ]
            self._form.fields.extend((self._select, v) for v in chosen)
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


class Browser:
    """One person's browser: one cookie jar, pointed at whichever server the load balancer
    would pick. Cookies are per host, not per port, exactly as behind one nginx."""

    def __init__(self) -> None:
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = "id"

    def get(self, server: str, path: str, **kwargs) -> requests.Response:
        # A redirect's Location may be absolute: it is then followed where it points.
        url = urljoin(server, path)
        return self.http.get(url, allow_redirects=False, timeout=120, **kwargs)

    def form(self, server: str, path: str, *, match) -> tuple[Form, str]:
        """The first form on the page at `path` for which `match(form)` is true, and the
        page's URL (to resolve the form's action against)."""
        page = self.get(server, path)
        assert page.status_code == 200, (path, page.status_code, page.text[:2000])
        for form in forms_of(page.text):
            if match(form):
                return form, server + path
        raise AssertionError(f"Tidak ada formulir yang dicari di {path}")

    def submit(
        self, form: Form, page_url: str, *, server: str | None = None, files=None, **changes
    ) -> requests.Response:
        """Post the form as a browser would (its hidden fields, the CSRF token included),
        optionally to another server than the one that rendered it."""
        target = urljoin(page_url, form.action or urlsplit(page_url).path)
        if server is not None:
            target = server + urlsplit(target).path
        return self.http.post(
            target,
            data=form.values(**changes),
            files=files,
            headers={"Referer": page_url},
            allow_redirects=False,
            timeout=120,
        )

    def sign_in(self, server: str, username: str) -> requests.Response:
        form, url = self.form(server, "/accounts/login/", match=lambda f: f.method == "post")
        return self.submit(form, url, username=username, password=PASSWORD)


def prepare(env: dict[str, str]) -> dict:
    """Run tests/servers/prepare.py against the servers' database and store; its answer."""
    return json.loads(run(env, "-m", "tests.servers.prepare").strip().splitlines()[-1])
