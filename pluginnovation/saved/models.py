"""A visitor's collection of saved pages ("Min samling"), kept without an account.

The visitor's browser finds its collection by the collection's owner key, kept in a signed,
HttpOnly cookie of its own (pluginnovation.saved.owner), not in a session: a session would make
every page the visitor opens their own, past the page cache. A read-only copy can be shared
through the collection's share token. Both keys are unguessable (secrets.token_urlsafe)
and reveal nothing else; the owner key is never shown on a page. Collections unused for
RETENTION are removed by `manage.py remove_old_collections`.
"""

import datetime
import secrets

from django.db import models
from django.utils import timezone

MAX_ITEMS = 200
MAX_NAME_LENGTH = 120
RETENTION = datetime.timedelta(days=365)
RETENTION_TEXT = "12 månader"
# How often "last used" is written: at most once a day per collection, not on every view.
TOUCH_INTERVAL = datetime.timedelta(days=1)
DEFAULT_NAME = "Min samling"


def new_share_token():
    return secrets.token_urlsafe(24)


def new_owner_key():
    return secrets.token_urlsafe(32)


class Collection(models.Model):
    name = models.CharField("namn", max_length=MAX_NAME_LENGTH, blank=True)
    share_token = models.CharField(
        "delningsnyckel", max_length=64, unique=True, default=new_share_token, editable=False
    )
    # Null only for a collection written by the code before this key, during a deploy;
    # pluginnovation.saved.owner gives it one. Null, not "": unique allows many nulls.
    owner_key = models.CharField(  # noqa: DJ001
        "ägarnyckel", max_length=64, unique=True, null=True, default=new_owner_key, editable=False
    )
    created = models.DateTimeField("skapad", auto_now_add=True)
    updated = models.DateTimeField("ändrad", auto_now=True)
    last_used = models.DateTimeField("senast använd", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "samling"
        verbose_name_plural = "samlingar"

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name or DEFAULT_NAME

    def touch(self):
        """Record a use, so the collection is kept; written at most once a day."""
        now = timezone.now()
        if self.last_used < now - TOUCH_INTERVAL:
            Collection.objects.filter(pk=self.pk).update(last_used=now)
            self.last_used = now


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "content.ContentPage", on_delete=models.CASCADE, related_name="+", verbose_name="sida"
    )
    position = models.PositiveIntegerField("plats", default=0)
    added = models.DateTimeField("sparad", auto_now_add=True)

    class Meta:
        verbose_name = "sparad sida"
        verbose_name_plural = "sparade sidor"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "page"], name="saved_item_once"),
        ]

    def __str__(self):
        return f"{self.collection_id}: {self.page_id}"
