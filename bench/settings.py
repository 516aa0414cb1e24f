"""Settings for the load test's gunicorn: production settings (DEBUG off, compressed
manifest static files, database sessions and cache) served over plain HTTP on loopback, so
the secure-cookie and HTTPS-redirect settings that nginx would satisfy are relaxed."""

from sakip.settings import *  # noqa: F403
from sakip.settings import BASE_DIR, TEMPLATES  # noqa: F401

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = "/tmp/sakip-bench-static"
# The floors the pages are measured against (bench/floor.py) are part of the served site.
ROOT_URLCONF = "bench.floor"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
