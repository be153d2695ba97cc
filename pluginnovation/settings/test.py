"""Test settings: fast hashing, plain static files, no collectstatic needed."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Browser tests run a server with DEBUG off: let whitenoise find static files without collectstatic.
WHITENOISE_USE_FINDERS = True
# django-axes needs the request in authenticate(), which the test client's login() does not
# pass; tests/test_security.py switches it back on to test the lock-out.
AXES_ENABLED = False
