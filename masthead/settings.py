"""Masthead settings: everything comes from environment variables with safe defaults.

The embedded default (no variables set) is a development site on a local SQLite file, with the
database task backend, the dev mailbox and the offline test payment provider. Production is
`MASTHEAD_ENV=production` plus `SECRET_KEY`, `ALLOWED_HOSTS`/`SITE_URL` and usually
`DATABASE_URL` and `REDIS_URL`; see docs/deploy.md.
"""

import importlib.util
import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
# django-ninja's own directory, found without importing it (see INSTALLED_APPS).
NINJA_DIR = Path(importlib.util.find_spec("ninja").origin).parent  # type: ignore[union-attr,arg-type]
BASE_DIR = PACKAGE_DIR.parent
# Everything the site writes at run time (database file, media, generated secret) lives here.
VAR_DIR = Path(os.environ.get("MASTHEAD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


MASTHEAD_ENV = env("MASTHEAD_ENV", "development")
if MASTHEAD_ENV not in {"development", "production", "test"}:
    raise ImproperlyConfigured(f"MASTHEAD_ENV must be development, production or test, not {MASTHEAD_ENV!r}")
PRODUCTION = MASTHEAD_ENV == "production"
TESTING = MASTHEAD_ENV == "test" or "pytest" in sys.modules

DEBUG = env_bool("DEBUG", default=not PRODUCTION and not TESTING)
# Each test process (pytest-xdist worker) gets its own media, cache and Redis database.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0") if TESTING else ""


def _secret_key():
    """Use SECRET_KEY if set; in development generate one once and keep it in var/ (never committed)."""
    key = env("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production (MASTHEAD_ENV=production).")
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()


def _site_url(value):
    """The public origin, checked: scheme and host, nothing after them. Every absolute link the
    site writes (canonical, og:url, JSON-LD, sitemaps, feeds, emails) starts with it."""

    parts = urlsplit(value.strip())
    example = "Set it to the address readers type, e.g. SITE_URL=https://news.example.com"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must start with https:// or http:// and name a host; got {value!r}. {example}"
        )
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(
            f"SITE_URL must be an origin without a path or query; got {value!r}. {example}"
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"SITE_URL has an invalid port: {value!r}. {example}") from None
    return f"{parts.scheme}://{parts.hostname}{f':{port}' if port else ''}"


SITE_URL = _site_url(env("SITE_URL", "http://127.0.0.1:8000"))
_site_host = SITE_URL.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", f"{_site_host},localhost,127.0.0.1" if not PRODUCTION else _site_host
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "masthead.core",
    "masthead.content",
    "masthead.access",
    "masthead.members",
    "masthead.billing",
    "masthead.newsletters",
    "masthead.newsroom",
    "masthead.community",
    "masthead.events",
    "masthead.api",
    "masthead.analytics",
    # django-ninja (the admin API) is not an app here: installing it would import ninja and
    # pydantic in every process. Its docs page still uses local files, not a CDN: its templates
    # and static files are found through NINJA_DIR below and api.v1.base.LocalSwagger (issue 15).
    "masthead.importers",
    # Wagtail
    "wagtail.contrib.forms",
    # Five of Wagtail's apps through configs that skip registering Wagtail's v3 (ninja) API, which
    # Masthead does not mount: ~20 MB less in every process (core/wagtail_apps.py, issue 15).
    # Editions (issue 20): Wagtail's own locales and "translate this page" — no extra dependency,
    # and translations stay linked by translation_key (wagtail-localize's PO-file workflow is more
    # than a newsroom whose translators write whole articles needs).
    "masthead.core.wagtail_apps.LocalesConfig",  # wagtail.locales
    "wagtail.contrib.simple_translation",
    "masthead.core.wagtail_apps.RedirectsConfig",  # wagtail.contrib.redirects
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "masthead.core.wagtail_apps.SnippetsConfig",  # wagtail.snippets
    "masthead.core.wagtail_apps.DocumentsConfig",  # wagtail.documents
    "masthead.core.wagtail_apps.ImagesConfig",  # wagtail.images
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Background work (django_tasks API)
    "django_tasks",
    "django_tasks_db",
    # Accounts
    "axes",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: /healthz and /readyz answer before anything that needs the database or Redis.
    "masthead.core.health.LivenessMiddleware",
    "masthead.core.requestlog.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "masthead.core.csp.MastheadCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "masthead.core.middleware.SiteCacheMiddleware",
    # Outside the session middleware, so it sees the session cookie a response is about to set.
    "masthead.core.middleware.PrivateForPeopleMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Accepts the page cache's entitlement claim and keeps members' entitlement cookies current.
    "masthead.access.entitlements.EntitlementMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "masthead.members.middleware.ThrottledUserSessionsMiddleware",
    "masthead.members.staff.StaffPasswordMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A file that could not be stored (disk full) is a clear answer, not a 500.
    "masthead.core.storage.StorageFailureMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masthead.core.context_processors.site_chrome",
                "masthead.content.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Persistent connections are worth ~3x on PostgreSQL (measured); SQLite opens cheaply anyway.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}")
CONN_MAX_AGE = int(env("CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
}
DB_VENDOR = "postgresql" if DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite"
if DB_VENDOR == "sqlite":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server read while the task worker writes; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-20000; PRAGMA mmap_size=134217728;"
        ),
    }
    # A file, not memory: tests start real worker processes that must see the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{TEST_WORKER or 'main'}.sqlite3")}
else:
    # Wagtail's PostgreSQL search backend needs django.contrib.postgres.
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"].setdefault("OPTIONS", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
# Redis has two roles (docs/deploy.md, "Faults and process management"): REDIS_URL is the cache
# (a memory limit and LRU eviction; losing it costs speed, never data), REDIS_QUEUE_URL the job
# queue (persistence and noeviction; defaults to REDIS_URL for small set-ups). Sessions live in the
# database with the cache in front (cached_db), so an evicted, flushed or dead cache signs no
# one out.
REDIS_URL = env("REDIS_URL")
REDIS_QUEUE_URL = env("REDIS_QUEUE_URL", REDIS_URL)


def _test_redis_url(url):
    """Tests clear the cache; give each test process its own Redis database so they cannot collide:
    the URL's database number + 1 + the xdist worker's index (two checkouts testing at once pass
    different base numbers, e.g. /0 and /4)."""

    parts = urlsplit(url)
    base_db = int(parts.path.strip("/") or 0)
    db = (base_db + 1 + int(TEST_WORKER.lstrip("gw") or 0)) % 16
    return urlunsplit(parts._replace(path=f"/{db}"))


if TESTING:
    REDIS_URL = REDIS_URL and _test_redis_url(REDIS_URL)
    REDIS_QUEUE_URL = REDIS_QUEUE_URL and _test_redis_url(REDIS_QUEUE_URL)
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache where an error is a miss, behind a circuit breaker (core.cache).
            "BACKEND": "masthead.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "masthead"),
            "OPTIONS": {
                "socket_timeout": float(env("CACHE_SOCKET_TIMEOUT", "0.5")),
                "socket_connect_timeout": float(env("CACHE_CONNECT_TIMEOUT", "0.3")),
            },
        }
    }
else:
    # diskcache: a SQLite-indexed cache in var/, shared by every process on the machine (web
    # workers and the task worker) and fast on a hit. Django's FileBasedCache lists its whole
    # directory on every write, which measured ~10 ms per set with a thousand entries.
    CACHES = {
        "default": {
            "BACKEND": "masthead.core.cache.DiskCache",
            "LOCATION": str(VAR_DIR / (f"test-cache/{TEST_WORKER}" if TESTING else "cache")),
            "TIMEOUT": 300,
            "OPTIONS": {"size_limit": 2**28},
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# The page cache for anonymous readers (core.pagecache), in front of Django in masthead.wsgi.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
# How long a signed-in member's entitlement (core.entitlement) lets the page cache serve them
# pages of their access variant before it must be reissued from their grants.
ENTITLEMENT_SECONDS = int(env("ENTITLEMENT_SECONDS", "300"))
# How long nginx's optional micro-cache may keep an anonymous page (it cannot be purged).
EDGE_CACHE_SECONDS = int(env("EDGE_CACHE_SECONDS", "5"))
# Wagtail previews render `{% cache %}` fragments through this one, which keeps nothing: a preview's
# unsaved values must never reach the fragments readers are served (core.caching.is_preview).
CACHES["preview"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# Image renditions never change once made, so each process may keep its own copy in memory.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# --- Background work ------------------------------------------------------------------------
# The django_tasks API, as Wagtail uses it. Database backend when embedded, RQ when REDIS_URL is
# set (REDIS_QUEUE_URL, or REDIS_URL). Tests run tasks immediately unless a test starts a real worker.
if REDIS_QUEUE_URL:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_QUEUE_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
if TESTING and not env_bool("MASTHEAD_REAL_TASKS"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Auth -----------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses password sign-ins while an account or a client is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Readers sign in without a password: an emailed one-time code (django-allauth's login by code),
# whose email also carries a link. Staff keep passwords, at the Wagtail admin's own login page.
LOGIN_URL = "account_request_login_code"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "masthead.members.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_SIGNUP_FORM_CLASS = "masthead.members.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_CHANGE_EMAIL = True
# The sign-in form answers the same whether or not an address has an account (an email goes
# out either way: a code, or a note saying there is no account).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Per IP and per address; allauth keeps the counters in the cache (shared across processes).
ACCOUNT_RATE_LIMITS = {
    "request_login_code": "10/m/ip,3/m/key,10/h/key",
    "confirm_email": "1/10s/key",
    "signup": "10/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
}
USERSESSIONS_TRACK_ACTIVITY = True
# Password sign-ins (the Wagtail and Django admin logins; readers use codes, which allauth limits
# above) are limited by django-axes: after 5 failures for one username, or from one client, that
# username or client is locked out for 15 minutes, and a success resets the count. Failures are
# kept in the database (AccessAttempt, visible in /django-admin/); `manage.py axes_reset` unlocks.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "masthead.core.views.signin_locked_out"
AXES_VERBOSE = False
# The client address behind the documented proxy (TRUSTED_PROXY_COUNT / TRUSTED_PROXIES below).
AXES_CLIENT_IP_CALLABLE = "masthead.core.clientip.client_ip"

# --- Reverse proxies ------------------------------------------------------------------------
# Who the reader is behind nginx/load balancers: core.clientip.client_ip(), used by every per-IP
# limit, allauth and the audit log. TRUSTED_PROXY_COUNT: how many proxies append to
# X-Forwarded-For in front of the app servers (1 for the nginx in docs/deploy.md). Or
# TRUSTED_PROXIES: their addresses/networks. Neither: X-Forwarded-For is ignored.
try:
    TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
    if TRUSTED_PROXY_COUNT < 0:
        raise ValueError
except ValueError:
    raise ImproperlyConfigured(
        f"TRUSTED_PROXY_COUNT must be a whole number of proxies (0, 1, 2…), not {env('TRUSTED_PROXY_COUNT')!r}."
    ) from None
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
if TRUSTED_PROXIES and TRUSTED_PROXY_COUNT:
    raise ImproperlyConfigured("Set TRUSTED_PROXY_COUNT or TRUSTED_PROXIES, not both.")
if TRUSTED_PROXIES:
    from masthead.core.clientip import parse_networks

    parse_networks(TRUSTED_PROXIES)  # a clear error now, not on the first request
# allauth reads its own setting where it does not ask the account adapter (which asks clientip).
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Asia/Shanghai")
FORMAT_MODULE_PATH = ["masthead.formats"]  # day month year, 24-hour clock (not Django's "p.m.")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [NINJA_DIR / "static"]  # the admin API's docs page (ninja/…), see INSTALLED_APPS
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static_collected"))
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on a missing directory
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / (f"test-media/{TEST_WORKER}" if TESTING else "media")))
STORAGES = {
    # FileSystemStorage that writes to a temporary name first: a failed upload leaves nothing.
    "default": {"BACKEND": "masthead.core.storage.LocalMediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# Object storage (S3, R2, MinIO, …) for uploads when AWS_STORAGE_BUCKET_NAME is set: the standard
# django-storages settings; see core/storage.py and docs/deploy.md. Unset: the local disk.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
AWS_PRIVATE_URL_SECONDS = int(env("AWS_PRIVATE_URL_SECONDS", "300"))
if AWS_STORAGE_BUCKET_NAME:
    import botocore.config

    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")  # a CDN or public bucket host for images
    AWS_S3_URL_PROTOCOL = env("AWS_S3_URL_PROTOCOL", "https:")
    AWS_LOCATION = env("AWS_LOCATION", "")
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None  # private unless core.storage says otherwise
    # Images and renditions only; "" when the bucket has ACLs disabled and a bucket policy or
    # the CDN makes original_images/ and images/ readable instead (docs/deploy.md).
    AWS_PUBLIC_MEDIA_ACL = env("AWS_PUBLIC_MEDIA_ACL", "public-read")
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    # Bounded waits: an unreachable endpoint is an error after seconds, not a hung request.
    AWS_S3_CLIENT_CONFIG = botocore.config.Config(
        s3={"addressing_style": env("AWS_S3_ADDRESSING_STYLE", "auto")},
        signature_version="s3v4",
        connect_timeout=int(env("AWS_S3_CONNECT_TIMEOUT", "5")),
        read_timeout=int(env("AWS_S3_READ_TIMEOUT", "30")),
        retries={"max_attempts": 3, "mode": "standard"},
    )
    STORAGES["default"] = {"BACKEND": "masthead.core.storage_s3.S3MediaStorage"}
    STORAGES["newsroom"] = {
        "BACKEND": "masthead.core.storage_s3.S3PrivateStorage",
        "OPTIONS": {"location": env("AWS_PRIVATE_LOCATION", "private/newsroom")},
    }
    # Wagtail checks a document's privacy, then redirects to its (signed) URL.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
elif AWS_S3_ENDPOINT_URL or env("AWS_S3_CUSTOM_DOMAIN"):
    raise ImproperlyConfigured(
        "AWS_S3_ENDPOINT_URL or AWS_S3_CUSTOM_DOMAIN is set but AWS_STORAGE_BUCKET_NAME is not: "
        "set the bucket to store uploads there, or unset them to keep uploads on the local disk."
    )
# Production sets SERVE_MEDIA=0 when nginx or object storage serves /media/.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Email ----------------------------------------------------------------------------------
# EMAIL_URL selects the transport: smtp://user:pass@host:port (smtps:// or ?tls=1 for TLS), or
# anymail://<esp> with that provider's ANYMAIL settings. Unset: the dev mailbox, which stores
# every message in the database and shows it to staff at /dev/mailbox/.
EMAIL_URL = env("EMAIL_URL")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Masthead <newsroom@masthead.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
DEV_MAILBOX_ENABLED = False
if EMAIL_URL:
    from masthead.core.email_config import email_settings_from_url

    globals().update(email_settings_from_url(EMAIL_URL))
elif PRODUCTION:
    raise ImproperlyConfigured("EMAIL_URL must be set in production (smtp://… or anymail://<provider>).")
else:
    EMAIL_BACKEND = "masthead.core.mail.DevMailboxBackend"
    DEV_MAILBOX_ENABLED = True

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", "Masthead")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Chinese titles keep their characters in slugs (readable, and what Chinese readers share);
# pinyin would need a dictionary and loses tones.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
# Wagtail's own default list. Adding "heic" (iPhone photos) also loads the HEIC decoder, which is
# otherwise kept out of every process (core/heic.py: ~6 MB per worker).
WAGTAILIMAGES_EXTENSIONS = env_list("IMAGE_EXTENSIONS", "avif,gif,jpg,jpeg,png,webp")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: staff avatars would send a hash of each address to a third party on every admin
# page (and the Content-Security-Policy would have to allow it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview and the dev mailbox opt in to SAMEORIGIN per view
# Content-Security-Policy (django-csp; the admin's exception is in core/csp.py). Scripts: the
# site's own files, and inline ones only with the request's nonce. Styles may be inline (style
# attributes throughout the admin and the site; they cannot run code). Images and article embeds
# (oEmbed iframes) may come from other https origins; nothing else may.
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:"],
        "frame-src": [SELF, "https:"],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The scheme a proxy saw (X-Forwarded-Proto) is believed only when a proxy is configured
    # (TRUSTED_PROXY_COUNT / TRUSTED_PROXIES): without one, any client could claim https.
    if TRUSTED_PROXY_COUNT or TRUSTED_PROXIES:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Every line carries the request id (core.requestlog); LOG_FORMAT=json writes one JSON object per
# line for a log collector. ACCESS_LOG adds one line per request that reaches Django.
LOG_FORMAT = env("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}.")
ACCESS_LOG = env_bool("ACCESS_LOG", PRODUCTION)
READINESS_TOKEN = env("READINESS_TOKEN", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "masthead.core.requestlog.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(client_ip)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request"]}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO" if not TESTING else "WARNING")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks_db": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # The Stripe SDK logs every API request at INFO.
        "stripe": {"level": "WARNING"},
        "masthead.request": {"level": "INFO" if ACCESS_LOG else "WARNING"},
    },
}

# --- Masthead -------------------------------------------------------------------------------
# Periodic jobs run by every worker's scheduler; a unique row per (job, slot) makes each slot run
# once however many workers there are. Seconds between runs.
MASTHEAD_PERIODIC_JOBS = {
    "masthead.content.tasks.publish_scheduled_pages": 30,
    "masthead.billing.tasks.run_billing_cycle": 60,
    "masthead.newsletters.tasks.run_newsletters": 15,
    "masthead.newsroom.tasks.send_daily_digest": 900,
    "masthead.events.tasks.expire_holds": 60,
    "masthead.api.tasks.retry_due_webhooks": 30,
    "masthead.importers.tasks.resume_imports": 30,
    "masthead.analytics.tasks.roll_up": 300,
}
# PERIODIC_JOBS="masthead.newsletters.tasks.run_newsletters=5,…" changes some of those intervals
# (the tests' worker processes use it to resume a killed send within seconds, not a minute).
for _item in env_list("PERIODIC_JOBS"):
    _path, _, _seconds = _item.partition("=")
    if _path not in MASTHEAD_PERIODIC_JOBS or not _seconds.isdigit() or int(_seconds) < 1:
        raise ImproperlyConfigured(
            f"PERIODIC_JOBS: {_item!r} is not <one of {', '.join(MASTHEAD_PERIODIC_JOBS)}>=<seconds ≥ 1>"
        )
    MASTHEAD_PERIODIC_JOBS[_path] = int(_seconds)
# How often each worker's scheduler looks for a due slot (seconds).
MASTHEAD_SCHEDULER_TICK = float(env("SCHEDULER_TICK_SECONDS", "5"))
# Page views are counted by a first-party beacon (analytics.counting); 0 turns it off entirely.
ANALYTICS_BEACON = env_bool("ANALYTICS_BEACON", True)
# Each process writes the views it counted at least this often (tests: at once).
ANALYTICS_FLUSH_SECONDS = float(env("ANALYTICS_FLUSH_SECONDS", "0" if TESTING else "1"))
# Where "start a free trial" and "upgrade" lead (the access app names no other app's views).
MASTHEAD_MEMBERSHIP_URL_NAME = "billing:pricing"

# --- Payments -------------------------------------------------------------------------------
# Stripe when STRIPE_SECRET_KEY is set; otherwise the offline test mode (the embedded default).
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
# Tests point the SDK at localstripe; production leaves it unset.
STRIPE_API_BASE = env("STRIPE_API_BASE", "")
if STRIPE_SECRET_KEY and not STRIPE_WEBHOOK_SECRET:
    raise ImproperlyConfigured(
        "STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY (Stripe's webhook signing secret)."
    )
# The offline test mode hands a membership to anyone who types card 4242…: in production it runs
# only when chosen explicitly (a staging site, a demo), and then every page says so.
PAYMENTS_TEST_MODE = env_bool("PAYMENTS_TEST_MODE", default=not PRODUCTION) and not STRIPE_SECRET_KEY
if PRODUCTION and not (STRIPE_SECRET_KEY or PAYMENTS_TEST_MODE):
    raise ImproperlyConfigured(
        "Payments need STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET in production; to run the offline "
        "test mode instead (anyone can pay with test cards), set PAYMENTS_TEST_MODE=1."
    )
if STRIPE_SECRET_KEY and env_bool("PAYMENTS_TEST_MODE"):
    raise ImproperlyConfigured("PAYMENTS_TEST_MODE=1 and STRIPE_SECRET_KEY are both set: choose one.")
# A banner on every page while a public site takes no real payments.
PAYMENTS_TEST_MODE_BANNER = PRODUCTION and PAYMENTS_TEST_MODE

# --- Newsletters ----------------------------------------------------------------------------
# A send whose worker has been silent this long is presumed dead: its claimed deliveries are
# taken over and the periodic job re-enqueues it. Batches are sized to finish well within it.
NEWSLETTER_LEASE_SECONDS = int(env("NEWSLETTER_LEASE_SECONDS", "120"))
NEWSLETTER_BATCH_SIZE = int(env("NEWSLETTER_BATCH_SIZE", "250"))
# Copies of the send task enqueued per issue (each claims its own batches; >1 needs PostgreSQL
# and several workers to help).
NEWSLETTER_SEND_WORKERS = int(env("NEWSLETTER_SEND_WORKERS", "1"))
NEWSLETTER_RETRY_BASE_SECONDS = int(env("NEWSLETTER_RETRY_BASE_SECONDS", "60"))
# PostgreSQL: write each recipient's hand-over while the mail server reads the message before it
# (sending.Recorder), hiding the database's round trip. A crash then leaves up to two recipients
# unconfirmed (listed on the issue, never resent) instead of one; 0 trades the speed back.
NEWSLETTER_OVERLAP_WRITES = env_bool("NEWSLETTER_OVERLAP_WRITES", True)
# --- Newsroom line ----------------------------------------------------------------------------
# Attachments sent to the newsroom live here, outside MEDIA_ROOT: nothing serves this directory;
# staff download files through a permission-checked view.
NEWSROOM_PRIVATE_DIR = Path(
    env("NEWSROOM_PRIVATE_DIR", VAR_DIR / (f"test-private/{TEST_WORKER}" if TESTING else "private/newsroom"))
)
STORAGES.setdefault(
    "newsroom",
    {
        "BACKEND": "masthead.core.storage.LocalMediaStorage",
        "OPTIONS": {
            "location": str(NEWSROOM_PRIVATE_DIR),
            "base_url": None,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
)
NEWSROOM_ATTACHMENT_MAX_BYTES = int(env("NEWSROOM_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))
# Replies to newsroom emails go to newsroom+<token>@NEWSROOM_REPLY_DOMAIN, which an anymail
# provider's inbound route posts to /newsroom/inbound/<esp>/inbound/.
NEWSROOM_REPLY_DOMAIN = env("NEWSROOM_REPLY_DOMAIN", DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> "))

# --- API and webhooks (masthead.api) -----------------------------------------------------------
# Requests a minute per key (0: no limit). Content keys are public and shared by every visitor
# of a front-end, so their limit is a safety valve; page-cache hits are never counted.
API_CONTENT_RATE_LIMIT = int(env("API_CONTENT_RATE_LIMIT", "6000"))
API_ADMIN_RATE_LIMIT = int(env("API_ADMIN_RATE_LIMIT", "600"))
WEBHOOK_TIMEOUT_SECONDS = float(env("WEBHOOK_TIMEOUT_SECONDS", "10"))
WEBHOOK_MAX_ATTEMPTS = int(env("WEBHOOK_MAX_ATTEMPTS", "6"))
WEBHOOK_RETRY_BASE_SECONDS = float(env("WEBHOOK_RETRY_BASE_SECONDS", "30"))
# Loopback and private-network targets: allowed in development (local receivers), refused in
# production unless set (see masthead/api/webhooks/addresses.py). Link-local never.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", not PRODUCTION)
