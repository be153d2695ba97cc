"""Settings shared by every environment; safe defaults, values from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "pluginnovation.taxonomy",
    "pluginnovation.content",
    "pluginnovation.home",
    "pluginnovation.search",
    "pluginnovation.editorial",
    "pluginnovation.seo",
    "pluginnovation.printing",
    "pluginnovation.assessment",
    "pluginnovation.saved",
    "pluginnovation.audiences",
    "pluginnovation.news",
    "pluginnovation.places",
    "pluginnovation.projects",
    "pluginnovation.alerts",
    "pluginnovation.submissions",
    "pluginnovation.delivery",
    "pluginnovation.api",
    "pluginnovation.opendata",
    "pluginnovation.archive",
    "pluginnovation.backup",
    "research",
    "casestudies",
    "methods",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its views and templates serve Wagtail's sitemap.xml.
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Access-Control-Allow-Origin on the open API and data (CORS_URLS_REGEX), also on cache hits.
    "corsheaders.middleware.CorsMiddleware",
    "pluginnovation.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 Not Modified for a page whose ETag the browser or proxy already has.
    "pluginnovation.delivery.conditional.ConditionalGetMiddleware",
    # Whole pages for anonymous visitors; a hit ends here, before the session and the database.
    "pluginnovation.delivery.pagecache.PageCacheMiddleware",
    "pluginnovation.delivery.compression.CompressionMiddleware",
    # The request's Wagtail site, without a query once this process has seen the host.
    "pluginnovation.delivery.sites.SiteMiddleware",
    # The page a path reaches, without reading the pages on it once this process has seen it.
    "pluginnovation.delivery.routes.RouteMiddleware",
    "pluginnovation.security.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A HEAD renders a page nobody sees: its one-time messages stay for the GET.
    "pluginnovation.delivery.head.HeadKeepsMessagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's, never to a draft or a restricted page.
    "pluginnovation.delivery.redirects.RedirectMiddleware",
    # Last, as django-axes asks: turns a lock-out during login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pluginnovation.urls"
WSGI_APPLICATION = "pluginnovation.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A connection the database dropped (a restart) is replaced at the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # runserver's threads write at once (an editor's preview, the session, the content version);
    # under load SQLite's default 5 s wait for the write lock ran out ("database is locked", a 503).
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login lock-out (django-axes): five failed logins lock that user name from that address, and
# the address for every name, for an hour; during the lock-out even the right password is
# refused there. The name alone is not locked: anyone could then keep an editor out by failing
# five times with her name, from anywhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "pluginnovation.security.client_ip"
# A form refused for its missing CSRF cookie or token says why, in Swedish, on a page of the site.
CSRF_FAILURE_VIEW = "pluginnovation.security.csrf_failure"
# How many proxies that append to X-Forwarded-For stand in front of Django (nginx alone: 1).
# 0 means the client talks to Django directly and REMOTE_ADDR is its address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp 4). The public site runs no inline script or style.
# CSP_MEDIA_ORIGINS names extra hosts for images and media, e.g. an S3 bucket or CDN.
VIDEO_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin still writes inline script and style (wagtail/wagtail#1288), and shows page
# previews in a same-origin frame, so its paths get this policy instead.
ADMIN_PATH_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": [SELF, *VIDEO_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# Browser features nobody on this site needs; an empty list switches a feature off.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}
# Editors' avatars from Gravatar would send their e-mail hashes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Swedish is the site's language, at addresses without a prefix; a set of English pages for
# readers abroad lives under /en/ (i18n_patterns in urls.py). Pages are translated with
# Wagtail's own i18n (WAGTAIL_I18N_ENABLED below), the interface with Django's (.po files).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# The project's own catalogues (locale/sv/LC_MESSAGES/*.po) fill the gaps in Wagtail's Swedish
# and hold the review vocabulary; Django reads LOCALE_PATHS after the apps' catalogues, so ours
# win. The .mo files are built by `manage.py compile_translations` (make run/test do it).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "pluginnovation.media_storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "PlugInnovation"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin stays Swedish: the editors' working language, and the review vocabulary.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
WAGTAILADMIN_USER_LOGIN_FORM = "pluginnovation.editorial.sign_in_form.SwedishLoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors have one guide, the project's Redaktörsguide, in Swedish; not a dashboard banner
# pointing to Wagtail's English one (its help menu items go too: editorial/wagtail_hooks.py).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Slugs made from titles lose å, ä and ö (/franvaro/, not /fr%C3%A5nvaro/): addresses people
# can type and read aloud.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Pages and documents an editor protects: the password form in the site's own layout, and for
# "logged-in users only" the admin's sign-in (the only accounts are editors'), which returns to
# the page; a signed-in editor outside a page's groups is told so (pluginnovation/sign_in.py).
# Wagtail's defaults are bare, unstyled pages.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAIL_FRONTEND_LOGIN_URL = "/logga-in/"
# Where Wagtail's password form returns when the address it was given leads to another site.
LOGIN_REDIRECT_URL = "/"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Upload rules (allowed types, size, content matching the extension; image descriptions).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pluginnovation.editorial.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "pluginnovation.editorial.uploads.ImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000  # 48 MP phone photos fit; decoding 60 MP takes ~240 MB
# The database backend picks PostgreSQL full-text search when the database is PostgreSQL;
# the Swedish configuration lets inflected forms ("avhoppen") match their stems.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "swedish_unaccent",  # sitesearch migration 0003
    }
}

TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PlugInnovation <noreply@localhost>")
# Moderation notices (submitted, approved, rejected) from the "Granskning" workflow.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Every cache (whole pages, discovery data, menus, rate limits) and the content version that
# invalidates them live in one cache all processes share: Redis when REDIS_URL is set (several app
# servers, e.g. redis://cache.internal:6379/0), otherwise files under CACHE_DIR (the processes of
# one machine). Give Redis a memory limit and `maxmemory-policy allkeys-lru` (docs/deployment.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "pluginnovation")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pluginnovation.cache_backends.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # A Redis that hangs is a Redis that is away (cache_backends): no request waits long.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "pluginnovation.cache_backends.FileCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Whole responses for anonymous visitors are kept this many seconds (0 turns the page cache
# off), and a CDN or proxy in front may keep them FRONTEND_CACHE_SECONDS (s-maxage).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Searches counted for the editors' report are written this often (discovery/search_counts.py).
SEARCH_COUNT_SECONDS = int(os.environ.get("SEARCH_COUNT_SECONDS", "10"))
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "60"))

# A CDN or caching proxy in front, purged by Wagtail's frontend_cache when an editor publishes
# (pluginnovation/delivery/purge.py; docs/deployment.md): FRONTEND_CACHE=http (Varnish, nginx
# with a purge module: FRONTEND_CACHE_LOCATION), cloudflare (CLOUDFLARE_BEARER_TOKEN,
# CLOUDFLARE_ZONE_ID) or cloudfront (CLOUDFRONT_DISTRIBUTION_ID; needs boto3).
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
FRONTEND_CACHE_BACKENDS = {
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],
    },
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    },
}
if FRONTEND_CACHE:
    WAGTAILFRONTENDCACHE = {"default": FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE]()}

# Open data (docs/api.md): anyone may read the API and the downloads from another site's
# script, with GET only and no credentials (django-cors-headers).
CORS_URLS_REGEX = r"^/(api/v2|oppna-data)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# The API at /api/v2/ (pluginnovation/api): at most 100 items per request, and per client
# address (pluginnovation.security.client_ip) at most this many requests a minute, counted in
# the shared cache. Decimals (a method's staff hours, a result's values) as JSON numbers.
WAGTAILAPI_LIMIT_MAX = 100
# The API's detail_url and download_url use the site's public address, as the open-data files do.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {"api": "300/minute"},
    "COERCE_DECIMAL_TO_STRING": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Django names the path of every 4xx and 5xx it logs; a token in it is written as ***.
    "filters": {"masked_tokens": {"()": "pluginnovation.access_log.MaskedTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["masked_tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
