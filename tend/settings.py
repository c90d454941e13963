"""Tend settings, read from environment variables.

Everything an operator may change is an environment variable (see README,
"Configuration"). The embedded default is SQLite under ``TEND_DATA_DIR``;
``DATABASE_URL`` points Tend at PostgreSQL instead.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tend.lib.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
TEND_ENV = envstr("TEND_ENV", "development")
if TEND_ENV not in {"development", "production", "test"}:
    raise ImproperlyConfigured("TEND_ENV must be development, production or test")
PRODUCTION = TEND_ENV == "production"

DATA_DIR = Path(envstr("TEND_DATA_DIR", str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret(filename: str, make: object) -> str:
    """A secret kept in the data directory so a development instance survives restarts.

    Production never uses this: there the operator must give secrets explicitly.
    """
    path = DATA_DIR / filename
    if not path.exists():
        path.write_text(make() + "\n")  # type: ignore[operator]
        path.chmod(0o600)
    return path.read_text().strip()


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


SECRET_KEY = envstr("TEND_SECRET_KEY")
ALLOWED_HOSTS = envlist("TEND_ALLOWED_HOSTS")
# Several keys allow rotation: the first encrypts, all of them decrypt.
# `tend manage reencrypt` rewrites every stored text under the first key.
TEND_ENCRYPTION_KEYS = envlist("TEND_ENCRYPTION_KEYS")

if PRODUCTION:
    missing = [
        name
        for name, value in (
            ("TEND_SECRET_KEY", SECRET_KEY),
            ("TEND_ALLOWED_HOSTS", ALLOWED_HOSTS),
            ("TEND_ENCRYPTION_KEYS", TEND_ENCRYPTION_KEYS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            "TEND_ENV=production needs these environment variables: " + ", ".join(missing)
        )
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("TEND_SECRET_KEY must be at least 50 characters long")
else:
    SECRET_KEY = SECRET_KEY or _local_secret("secret.key", lambda: secrets.token_urlsafe(50))
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
    TEND_ENCRYPTION_KEYS = TEND_ENCRYPTION_KEYS or [_local_secret("encryption.key", _fernet_key)]

DEBUG = envbool("TEND_DEBUG", default=False) and not PRODUCTION
SITE_URL = envstr("TEND_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Serves the API docs page (Swagger UI) from the installed package, not a CDN.
    "ninja",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "tend.privacy",
    "tend.accounts",
    "tend.pairs",
    "tend.checkins",
    "tend.conversation",
    "tend.love_map",
    "tend.moments",
    "tend.coach",
    "tend.appreciation",
    "tend.deep_talk",
    "tend.today",
    "tend.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tend.accounts.middleware.UserTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tend.urls"
WSGI_APPLICATION = "tend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tend.pairs.context_processors.current_pair_context",
                "tend.lib.navigation.main_navigation",
            ],
        },
    },
]

# Database: SQLite in the data directory unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'tend.sqlite3'}",
        conn_max_age=envint("TEND_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE transactions take the
    # write lock at BEGIN so two writers queue on the busy timeout instead of failing
    # with "database is locked" half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": envint("TEND_SQLITE_BUSY_TIMEOUT", 20),
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "today:today"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Login throttling: five failures for one e-mail from one address lock it for an hour.
AXES_FAILURE_LIMIT = envint("TEND_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_ENABLED = envbool("TEND_LOGIN_THROTTLING", default=True)

SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("TEND_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = envint("TEND_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("TEND_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = envlist(
        "TEND_CSRF_TRUSTED_ORIGINS", [f"https://{h}" for h in ALLOWED_HOSTS]
    )
else:
    CSRF_TRUSTED_ORIGINS = envlist("TEND_CSRF_TRUSTED_ORIGINS")
if PRODUCTION and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Mail: the console by default, SMTP when TEND_SMTP_HOST is set.
DEFAULT_FROM_EMAIL = envstr("TEND_FROM_EMAIL", "Tend <tend@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if envstr("TEND_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = envstr("TEND_SMTP_HOST")
    EMAIL_PORT = envint("TEND_SMTP_PORT", 587)
    EMAIL_HOST_USER = envstr("TEND_SMTP_USER")
    EMAIL_HOST_PASSWORD = envstr("TEND_SMTP_PASSWORD")
    EMAIL_USE_TLS = envbool("TEND_SMTP_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "tend" / "locale"]
FORMAT_MODULE_PATH = ["tend.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Front-end packages come from npm (package-lock.json); only their built files are served.
STATICFILES_DIRS = [
    # Tend's own stylesheet and scripts (the project package is not an app).
    BASE_DIR / "tend" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media")},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("TEND_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
