"""Wagtail's `update_index`, after which every kept search ranking is made anew.

Rebuilding the index renews every page's title length norm, part of its score, without a
signal; rankings kept per bucket of pages (pluginnovation.discovery.rankings) would otherwise
merge old scores with new ones until they expire.
"""

from wagtail.search.management.commands.update_index import Command as WagtailCommand

from pluginnovation.discovery import buckets


class Command(WagtailCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        buckets.bump_all()
