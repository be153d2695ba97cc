"""A case study's region follows its place in the tree whatever moved it.

Wagtail moves pages (the move view, bulk moves, code) without calling the page's save(), so
after a move the case studies at or below the moved page are given their new section's region.
"""

from wagtail.models import Page
from wagtail.signals import post_page_move

from casestudies.models import CaseStudyPage


def follow_section(sender, instance, **kwargs):
    moved = Page.objects.filter(pk=instance.pk).first()
    if moved is None:
        return
    for page in CaseStudyPage.objects.filter(path__startswith=moved.path):
        # save() takes the region from the parent section; clean=False: the page itself did
        # not change, only where it stands.
        page.save(clean=False)


def connect_signals():
    post_page_move.connect(follow_section, dispatch_uid="casestudies-follow-section")
