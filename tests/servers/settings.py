"""Settings of the app servers that tests/servers starts: the production settings
(`SAKIP_DEBUG=0`: database sessions and cache, the storage backend from the environment),
served over plain HTTP on loopback, so only what nginx's HTTPS would satisfy is relaxed."""

from sakip.settings import *  # noqa: F403
from sakip.settings import STORAGES

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# No collectstatic for a test run: static files play no part in what these servers prove.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# The demo's passwords are hashed once, quickly, as in the rest of the suite.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The product's URLs plus the proof's letter-number door (tests/servers/urls.py).
ROOT_URLCONF = "tests.servers.urls"
