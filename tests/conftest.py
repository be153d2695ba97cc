from django.core.management import call_command

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
