"""A success factor's page keeps its old address when an editor changes the factor's slug.

The address is in links, bookmarks and search engines. Wagtail's redirects lead from it to the
new one, in every language (delivery/redirects.py serves them for addresses that are not
found). Changing the slug back makes the old address the page again, not a loop.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.redirects.models import Redirect

from pluginnovation.taxonomy.models import SuccessFactor


def factor_paths(slug):
    """The factor page's address in each language, in settings.LANGUAGES order."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("factor_detail", args=[slug]))
    return paths


def remember_the_old_slug(sender, instance, **kwargs):
    instance._slug_before = (
        sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if instance.pk
        else None
    )


def redirect_the_old_address(sender, instance, **kwargs):
    old = getattr(instance, "_slug_before", None)
    if not old or old == instance.slug:
        return
    for old_path, new_path in zip(factor_paths(old), factor_paths(instance.slug), strict=True):
        # The new address is the page itself from now on, whatever led away from it before.
        Redirect.objects.filter(old_path=Redirect.normalise_path(new_path)).delete()
        # Redirects to the old address go straight to the new one.
        Redirect.objects.filter(redirect_link=old_path).update(redirect_link=new_path)
        # One redirect per address: a second (an old factor's, whose slug a new factor took and
        # gave up) would make Wagtail's lookup fail. Wagtail's unique_together does not hold
        # for redirects of every site (site NULL).
        Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).delete()
        Redirect.add_redirect(old_path, redirect_to=new_path, is_permanent=True)


def connect_signals():
    pre_save.connect(remember_the_old_slug, sender=SuccessFactor, dispatch_uid="factor-slug-old")
    post_save.connect(redirect_the_old_address, sender=SuccessFactor, dispatch_uid="factor-slug")
