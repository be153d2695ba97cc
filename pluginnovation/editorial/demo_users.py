"""One demo login per editorial role, for trying the roles out locally. Never in production."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pluginnovation.editorial.roles import EDITORS, regional_group_name
from pluginnovation.home.demo.users import DEMO_PASSWORD  # one password to remember
from pluginnovation.taxonomy.models import Region


def demo_accounts():
    """(username, full name, group name) for the central team and for every region."""
    accounts = [("redaktor", "Rita Redaktör", EDITORS)]
    for region in Region.objects.order_by("sort_order", "name"):
        group_name = regional_group_name(region.name)
        accounts.append((f"region-{region.slug}", f"Regionredaktör {region.name}", group_name))
    return accounts


def create_demo_role_users(stdout):
    """Create any missing demo user and print the logins; does nothing unless DEBUG is on.

    An existing demo user keeps her password, like the demo superuser, but is put back in her
    role's group.
    """
    if not settings.DEBUG:
        return []
    users = []
    accounts = demo_accounts()
    for username, full_name, group_name in accounts:
        first_name, _, last_name = full_name.partition(" ")
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        users.append(user)

    stdout.write(f"Demoanvändare per roll (lösenord {DEMO_PASSWORD}, om det inte ändrats):")
    for username, _, group_name in accounts:
        stdout.write(f"  {username:<28} {group_name}")
    return users
