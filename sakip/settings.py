"""SAKIP Kecamatan settings: one module, everything that differs between machines comes
from the environment (see README, "Konfigurasi")."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("SAKIP_DEBUG", True)
SECRET_KEY = env_str("SAKIP_SECRET_KEY") or (
    "dev-only-insecure-key-set-SAKIP_SECRET_KEY-in-production" if DEBUG else ""
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SAKIP_SECRET_KEY wajib diisi bila SAKIP_DEBUG=0.")

ALLOWED_HOSTS = env_list("SAKIP_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("SAKIP_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "django_ratelimit",
    # The layers, from the bottom up: the planning domain (and the project settings), the
    # procedure, the documents, then the pages and the demo. Imports only point down
    # (import-linter contracts in pyproject.toml).
    "sakip",
    "workflow",
    "documents",
    "pages",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sakip.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The step services' refusals become a 403 page or a message (pages/errors.py).
    "pages.errors.WorkflowErrorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pages.urls"
WSGI_APPLICATION = "sakip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.office",
            ],
        },
    },
]

# SQLite under var/ is the embedded default; production sets DATABASE_URL to PostgreSQL.
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'sakip.sqlite3'}"),
        conn_max_age=env_int("SAKIP_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A small office on the embedded default: several people write at once. A write
    # transaction takes the lock when it begins (IMMEDIATE), so it waits for another writer
    # (busy timeout) instead of failing halfway when a read lock cannot be upgraded; WAL lets
    # readers go on while one person writes. What still fails to get the lock becomes the
    # "coba lagi" message (workflow.services.core.contention_as_stale).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SAKIP_SQLITE_TIMEOUT", 20),
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        }
    )
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters bound on the server, and a statement run more than SAKIP_DB_PREPARE_THRESHOLD
    # times on a connection prepared there: PostgreSQL parses and plans it once per
    # connection instead of on every request (the same few queries serve every page).
    # Set it to "off" behind a pooler in transaction mode that cannot keep prepared
    # statements (PgBouncer before 1.21, or without max_prepared_statements).
    _prepare = env_str("SAKIP_DB_PREPARE_THRESHOLD", "5")
    if _prepare != "off":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"server_side_binding": True, "prepare_threshold": int(_prepare)}
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the person, office and unit with the user (one query).
    "sakip.auth.PersonBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# Login throttling (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("SAKIP_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("SAKIP_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = env_bool("SAKIP_LOGIN_THROTTLING", True)

# The product's reference data (SOP steps, official nomenclature, default capaian bands), loaded
# with `loaddata` by the post_migrate handler in `sakip.reference`.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The public verification page (anonymous PDF uploads) is throttled per client address
# (django-ratelimit). Behind the proxy the address comes from the header it sets.
SAKIP_VERIFY_RATE = env_str("SAKIP_VERIFY_RATE", "10/m")
SAKIP_CLIENT_IP_HEADER = env_str("SAKIP_CLIENT_IP_HEADER", "REMOTE_ADDR")
# django-ratelimit counts in the default cache; ours is in the database so that every app
# server shares it. Its increment is not atomic, so two requests at the same instant may
# count once: harmless for a brake against floods, hence the check is silenced.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("Inggris"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["sakip.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it; collectstatic fills it in production
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {
        "BACKEND": env_str("SAKIP_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Several app servers: evidence and documents on S3-compatible storage (MinIO, a cloud
# bucket) instead of a shared folder. Needs the optional extra: pip install -e '.[s3]'.
if STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage":
    STORAGES["default"]["OPTIONS"] = {
        "bucket_name": env_str("SAKIP_S3_BUCKET"),
        "endpoint_url": env_str("SAKIP_S3_ENDPOINT_URL") or None,
        "region_name": env_str("SAKIP_S3_REGION") or None,
        "access_key": env_str("SAKIP_S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("SAKIP_S3_SECRET_ACCESS_KEY") or None,
        "location": env_str("SAKIP_S3_PREFIX", "sakip"),
        # Private objects; files are handed out only through the access-checked views.
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
# Evidence and rendered documents live here, outside any public URL: they are served only
# through access-checked views. Several app servers share it (NFS, or S3 via django-storages).
MEDIA_ROOT = Path(env_str("SAKIP_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Never served directly; only the access-checked views hand files out.
MEDIA_URL = "/media-is-not-served/"
SAKIP_EVIDENCE_MAX_BYTES = env_int("SAKIP_EVIDENCE_MAX_MB", 10) * 1024 * 1024
SAKIP_UPLOAD_MAX_BYTES = env_int("SAKIP_UPLOAD_MAX_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Signing (PAdES) of the final LAKIP: the office's PKCS#12 certificate.
SAKIP_SIGNING_PKCS12 = env_str("SAKIP_SIGNING_PKCS12", str(BASE_DIR / "var" / "demo-signing.p12"))
SAKIP_SIGNING_PASSPHRASE = env_str("SAKIP_SIGNING_PASSPHRASE", "mungka2025")
SAKIP_PUBLIC_BASE_URL = env_str("SAKIP_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# Mail to the next actor of the procedure.
EMAIL_BACKEND = env_str(
    "SAKIP_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("SAKIP_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SAKIP_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("SAKIP_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("SAKIP_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("SAKIP_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("SAKIP_DEFAULT_FROM_EMAIL", "SAKIP Kecamatan <sakip@localhost>")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions in the database: several app servers behind one PostgreSQL share them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 8 * 60 * 60
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sakip_cache"}
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SAKIP_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SAKIP_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SAKIP_LOG_LEVEL", "WARNING")},
}
