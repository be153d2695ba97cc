"""Bevakningar in the admin: a list of the subscriptions to read (and delete, for a request to
erase an address), never to add or edit: an address is only stored through double opt-in.

Shown only to users with the model's view permission (`alerts.view_subscription`), i.e. the
superusers unless a group is given it; the central editors do not get it by default, since
they need no subscriber's address for their work (data minimisation)."""

from django.contrib.auth import get_permission_codename
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from pluginnovation.alerts.models import Subscription

# Actions no one may take here: an address comes in only through its owner's confirmation.
REFUSED = {"add", "change", "copy"}


class ReadAndDeletePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in REFUSED and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action not in REFUSED]
        return bool(actions) and super().user_has_any_permission(user, actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in REFUSED]
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)


EMPTY = "–"


def yes_no(value):
    return "Ja" if value else "Nej"


def local_time(value):
    """A stored (UTC) time as the site's local time (TIME_ZONE), or a dash if there is none."""
    if value is None:
        return EMPTY
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class SubscriptionInspectView(InspectView):
    """Swedish values: Ja/Nej, a dash for nothing, times in local time."""

    def get_news_display_value(self):
        return yes_no(self.object.news)

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_confirmed_at_display_value(self):
        return local_time(self.object.confirmed_at)

    def get_last_sent_at_display_value(self):
        return local_time(self.object.last_sent_at)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return EMPTY if value in (None, "", "-") else value


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = "Bevakningar"
    menu_order = 320
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = SubscriptionInspectView
    copy_view_enabled = False
    list_display = ["email", "created_at", "confirmed_at", "last_sent_at"]
    list_filter = ["news"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "email",
        "factors",
        "projects",
        "regions",
        "news",
        "created_at",
        "confirmed_at",
        "last_sent_at",
    ]
    form_fields = ["email"]  # never shown: add and edit are refused

    @property
    def permission_policy(self):
        return ReadAndDeletePolicy(self.model)

    def get_permissions_to_register(self):
        """Only view and delete appear among a group's permissions."""
        codenames = [
            get_permission_codename(action, self.model_opts) for action in ("view", "delete")
        ]
        return super().get_permissions_to_register().filter(codename__in=codenames)


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet("bevakningar")
