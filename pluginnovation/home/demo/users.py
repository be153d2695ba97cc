"""Demo login for local development. Role users (editors, regional editors) belong here too."""

from django.conf import settings
from django.contrib.auth import get_user_model

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "pluginnovation-demo"


def create_demo_superuser(stdout):
    """Create the demo superuser, but only with DEBUG on: never in production or tests."""
    if not settings.DEBUG:
        stdout.write("Ingen demoinloggning skapades (DEBUG är avstängt).")
        return None
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        stdout.write(f"Logga in på /admin/ som {DEMO_USERNAME} / {DEMO_PASSWORD}")
    else:
        stdout.write(
            f"Logga in på /admin/ som {DEMO_USERNAME} / {DEMO_PASSWORD} "
            "(användaren fanns redan; lösenordet har inte ändrats)."
        )
    return user
