"""Test settings: fast hashing, plain static files, no collectstatic needed."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

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

# Uploads and the demo's documents go to a temporary folder, never into the checkout. It is set
# in the environment, so the servers and commands the browser tests start use the same one.
if "PLUGINNOVATION_TEST_MEDIA" not in os.environ:
    os.environ["PLUGINNOVATION_TEST_MEDIA"] = tempfile.mkdtemp(prefix="pluginnovation-media-")
    atexit.register(shutil.rmtree, os.environ["PLUGINNOVATION_TEST_MEDIA"], ignore_errors=True)
MEDIA_ROOT = Path(os.environ["PLUGINNOVATION_TEST_MEDIA"])

# In-process tests: each process its own memory cache. Servers the browser tests start share a
# file cache (CACHE_DIR) or Redis (REDIS_URL) with the commands run beside them, as in production.
if not REDIS_URL and "CACHE_DIR" not in os.environ:  # noqa: F405
    CACHES = {"default": {"BACKEND": "pluginnovation.cache_backends.MemoryCache"}}

# The tests read the editors' report of popular searches right after searching.
SEARCH_COUNT_SECONDS = 0
