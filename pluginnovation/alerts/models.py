"""E-mail alerts (Bevaka): one row per address that asked for alerts.

A row is made when someone subscribes and holds the choice awaiting confirmation (`pending`);
only after the confirmation link is used (`confirmed_at`) does the address get digests, of the
topics the row holds then. A row that is never confirmed is deleted once its link has expired;
unsubscribing deletes the row, so the address is gone.
"""

import datetime
import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

# Confirmation mails one address can be sent in a day, however often it is entered.
CONFIRMATIONS_PER_DAY = 3
# How long a confirmation link works; an unconfirmed row is deleted after it.
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
# How long an unsubscribe link works (every mail brings a fresh one).
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)
# The bound on the address (RFC 5321's path limit, Django's EmailField default).
MAX_EMAIL_LENGTH = 254
RETENTION_TEXT = (
    "Vi sparar din e-postadress och dina val så länge bevakningen är aktiv. Bekräftar du inte "
    "inom 7 dagar tas adressen bort. Avslutar du bevakningen tas adressen bort direkt."
)


# The subscription's lists of terms (its many-to-many fields), in the form's order.
TOPIC_LISTS = ("factors", "projects", "regions")


def new_key():
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    # Unique whatever the case of its letters (the constraint below).
    email = models.EmailField("e-postadress", max_length=MAX_EMAIL_LENGTH)
    # Signed into the confirmation and unsubscribe links, so they name no address.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    factors = models.ManyToManyField(
        "taxonomy.SuccessFactor",
        verbose_name="framgångsfaktorer",
        related_name="+",
        blank=True,
    )
    projects = models.ManyToManyField(
        "taxonomy.Project", verbose_name="projekt", related_name="+", blank=True
    )
    regions = models.ManyToManyField(
        "taxonomy.Region", verbose_name="regioner", related_name="+", blank=True
    )
    news = models.BooleanField("nyheter", default=False)
    # The choice sent for confirmation:
    # {"factors": [ids], "projects": [ids], "regions": [ids], "news": bool}.
    pending = models.JSONField("väntar på bekräftelse", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("skapad", default=timezone.now)
    requested_at = models.DateTimeField("senast begärd", default=timezone.now)
    confirmed_at = models.DateTimeField("bekräftad", null=True, blank=True)
    last_sent_at = models.DateTimeField("senaste utskick", null=True, blank=True)
    confirmations_on = models.DateField(null=True, blank=True, editable=False)
    confirmations_sent = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = "bevakning"
        verbose_name_plural = "bevakningar"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscription_email_ci"),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def since(self):
        """Content first published after this moment is new to the subscriber."""
        return self.last_sent_at or self.confirmed_at

    def may_send_confirmation(self, today):
        return self.confirmations_on != today or self.confirmations_sent < CONFIRMATIONS_PER_DAY

    def count_confirmation(self, today):
        if self.confirmations_on != today:
            self.confirmations_on = today
            self.confirmations_sent = 0
        self.confirmations_sent += 1
