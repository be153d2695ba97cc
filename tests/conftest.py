from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django.utils.module_loading import import_string

import pytest

from pluginnovation.content import languages
from pluginnovation.delivery import page_bodies, routes, sites
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.home import cards, navigation

# Middleware that imports discovery.cache.caching_allowed by name binds the real one, whichever
# test makes the first request of a test process (many tests stand in for that function).
for path in settings.MIDDLEWARE:
    import_string(path)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts from an empty cache: the menu and footer an earlier test cached may
    come from data its rolled-back transaction removed (the cache is cleared on commit, which
    a test's transaction never reaches), and the rate limits count per client address, which
    every test client shares. What the process keeps (routes, cards, page bodies) goes too."""
    navigation.clear()
    languages.forget()
    routes.KEPT.clear()
    sites.KEPT.clear()
    cards.KEPT.clear()
    discovery_cache.KEPT.clear()
    page_bodies.forget()
    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language: a request activates the language of its
    address for the rest of the thread, so a test after an English page would otherwise
    format numbers and words in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
