"""Two app servers, one database, one file store: the fixtures of the several-servers proof.

The servers need PostgreSQL (SQLite cannot be shared by two machines), so the proof creates
a PostgreSQL database of its own, on the suite's PostgreSQL server or on 127.0.0.1:5432,
whichever database the rest of the suite runs on. It therefore runs in both CI passes
(tests/conftest.py deselects it, with a note, only outside CI on a machine without
PostgreSQL). The demo is migrated and seeded once per run into a template database; each
storage (`berkas`: a shared media folder, `s3`: moto's S3 server) gets a copy of it, its own
reports (tests/servers/prepare.py), and two gunicorn processes for the tests of the module.
Everything is stopped and dropped afterwards, also when a test fails."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.servers.harness import (
    AppServer,
    Database,
    MotoServer,
    prepare,
    run,
    server_environment,
)

BUCKET = "sakip-uji"
PREFIX = "sakip"


class FolderStore:
    """The media folder every app server mounts (NFS in production)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, name: str) -> bytes | None:
        path = self.root / name
        return path.read_bytes() if path.is_file() else None

    def names(self) -> set[str]:
        return {str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file()}

    def put(self, name: str, content: bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    def written_elsewhere(self) -> list[str]:
        return []  # this store is the local folder itself

    def public_marks(self) -> list[str]:
        return [str(self.root)]


class BucketStore:
    """The S3 bucket every app server writes to; the local media folder must stay empty."""

    def __init__(self, endpoint: str, media_root: Path) -> None:
        import boto3

        self.endpoint, self.media_root = endpoint, media_root
        self.s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="uji",
            aws_secret_access_key="uji-rahasia",
        )
        self.s3.create_bucket(Bucket=BUCKET)

    def read(self, name: str) -> bytes | None:
        try:
            return self.s3.get_object(Bucket=BUCKET, Key=f"{PREFIX}/{name}")["Body"].read()
        except self.s3.exceptions.NoSuchKey:
            return None

    def put(self, name: str, content: bytes) -> None:
        self.s3.put_object(Bucket=BUCKET, Key=f"{PREFIX}/{name}", Body=content)

    def names(self) -> set[str]:
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=PREFIX)
        return {o["Key"][len(PREFIX) + 1 :] for p in pages for o in p.get("Contents", [])}

    def is_private(self, name: str) -> bool:
        grants = self.s3.get_object_acl(Bucket=BUCKET, Key=f"{PREFIX}/{name}")["Grants"]
        return not any(g["Grantee"].get("Type") == "Group" for g in grants)

    def written_elsewhere(self) -> list[str]:
        return [str(p) for p in self.media_root.rglob("*") if p.is_file()]

    def public_marks(self) -> list[str]:
        # A presigned or plain object URL would carry one of these.
        return [self.endpoint, "X-Amz-", BUCKET]

    def env(self) -> dict[str, str]:
        return {
            "SAKIP_STORAGE_BACKEND": "storages.backends.s3.S3Storage",
            "SAKIP_S3_BUCKET": BUCKET,
            "SAKIP_S3_ENDPOINT_URL": self.endpoint,
            "SAKIP_S3_REGION": "us-east-1",
            "SAKIP_S3_ACCESS_KEY_ID": "uji",
            "SAKIP_S3_SECRET_ACCESS_KEY": "uji-rahasia",
            "SAKIP_S3_PREFIX": PREFIX,
        }


@dataclass
class Stack:
    """Two app servers (`a`, `b`: their base URLs) on one database and one file store."""

    storage: str
    a: str
    b: str
    database: Database
    store: FolderStore | BucketStore
    ids: dict
    servers: list[AppServer]

    def logs(self) -> str:
        return "\n".join(f"--- {s.name} ---\n{s.tail()}" for s in self.servers)

    def expect(self, response: requests.Response, *statuses: int) -> requests.Response:
        """The response, if its status is one of `statuses`; otherwise fail with what the
        response and the servers said."""
        assert response.status_code in statuses, (
            f"{response.request.method} {response.url} → {response.status_code}\n"
            f"{response.text[:3000]}\n{self.logs()}"
        )
        return response


@pytest.fixture(scope="session")
def server_secret_key() -> str:
    return secrets.token_urlsafe(64)


@dataclass
class Template:
    """The seeded demo: its database and the files the demo stored (signed PKs)."""

    database: Database
    media: Path

    def files(self) -> dict[str, bytes]:
        return {
            str(p.relative_to(self.media)): p.read_bytes()
            for p in self.media.rglob("*")
            if p.is_file()
        }


@pytest.fixture(scope="session")
def demo_template(server_secret_key, _signing_certificate) -> Iterator[Template]:
    """A PostgreSQL database with the migrations, the cache table and the demo, once per
    run; each storage's servers get a copy (CREATE DATABASE ... TEMPLATE) and a copy of the
    files the demo stored, in their own store."""
    database = Database(f"sakip_servers_{os.getpid()}_demo")
    media = Path(tempfile.mkdtemp(prefix="sakip-servers-demo-"))
    try:
        database.create()
        env = server_environment(
            DATABASE_URL=database.url,
            SAKIP_SECRET_KEY=server_secret_key,
            SAKIP_MEDIA_ROOT=str(media),
            SAKIP_SIGNING_PKCS12=str(_signing_certificate),
        )
        run(env, "manage.py", "migrate", "--noinput", "-v0")
        run(env, "manage.py", "createcachetable")
        run(env, "manage.py", "seed_demo", "-v0")
        yield Template(database, media)
    finally:
        database.drop()
        shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(scope="module", params=["berkas", "s3"])
def stack(request, demo_template, server_secret_key, _signing_certificate) -> Iterator[Stack]:
    storage = request.param
    workdir = Path(tempfile.mkdtemp(prefix=f"sakip-servers-{storage}-"))
    database = Database(f"sakip_servers_{os.getpid()}_{storage}")
    processes: list = []
    try:
        database.create(template=demo_template.database)
        media = workdir / "media"
        media.mkdir()
        extra = {}
        if storage == "s3":
            moto = MotoServer(workdir / "moto.log")
            processes.append(moto)
            store = BucketStore(moto.wait_listening(), media)
            extra = store.env()
        else:
            store = FolderStore(media)
        for name, content in demo_template.files().items():
            store.put(name, content)
        env = server_environment(
            DATABASE_URL=database.url,
            SAKIP_SECRET_KEY=server_secret_key,
            SAKIP_MEDIA_ROOT=str(media),
            SAKIP_SIGNING_PKCS12=str(_signing_certificate),
            **extra,
        )
        ids = prepare(env)
        servers = [AppServer(name, env, workdir / f"{name}.log") for name in ("a", "b")]
        processes.extend(servers)
        a, b = (server.wait_ready() for server in servers)
        yield Stack(storage, a, b, database, store, ids, servers)
    finally:
        for process in reversed(processes):
            with contextlib.suppress(Exception):
                process.stop()
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
