"""Turning a tip into a draft case study in its municipality's region section.

The draft carries the school's own words over (escaped: a tip is plain text, whatever it
contains) and is never published here. The editor completes it (period, lessons learned,
measured results) and it goes through the review workflow like any other page; the tip's
status becomes "publicerad som fallstudie" only when the page goes live (signals.py).
"""

from django.db import transaction
from django.utils.html import escape

from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.forms import ascii_slug
from pluginnovation.submissions.models import Status, Submission

SUMMARY_LENGTH = 300  # the page's "I korthet" holds 600; the editor rewrites it anyway
RESULTS_HEADING = "Resultat enligt skolan"


class ConversionError(Exception):
    """Why no case study was made, in words for the editor."""


def paragraphs(text):
    """Plain text as rich-text paragraphs: blank lines part paragraphs, single newlines become
    line breaks, and everything is escaped."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
        if block
    )


def summary_from(text, length=SUMMARY_LENGTH):
    """The start of the text, cut at a word and marked with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1].rsplit(" ", 1)[0] or flat[: length - 1]
    return cut.rstrip(" ,.;:–-") + "…"


def free_slug(title, parent):
    base = ascii_slug(title)[:200].strip("-") or "fallstudie"
    slug, number = base, 2
    while not Page._slug_is_available(slug, parent):
        slug, number = f"{base}-{number}", number + 1
    return slug


def section_for(submission):
    if submission.municipality is None and submission.municipality_other:
        raise ConversionError(
            f"Avsändaren skrev kommunen ”{submission.municipality_other}”, som inte finns i "
            "listan. Välj kommunen på tipset först (Redigera tipset, fältet Kommun), och gör "
            "sedan tipset till fallstudie. Ingen fallstudie skapades."
        )
    if submission.municipality is None:
        raise ConversionError(
            "Tipset har ingen kommun (den kan ha tagits bort), så det går inte att veta vilken "
            "region fallstudien hör till. Skapa fallstudien för hand i rätt regionsida."
        )
    section = RegionSectionPage.objects.filter(region_id=submission.municipality.region_id).first()
    if section is None:
        raise ConversionError(
            f"Det finns ingen regionsida för fallstudier i {submission.municipality.region}. "
            "Skapa regionsidan under Fallstudier först, och försök sedan igen. Ingen "
            "fallstudie skapades."
        )
    return section


def existing_case_study(submission):
    if submission.case_study_id is None:
        return None
    return CaseStudyPage.objects.filter(pk=submission.case_study_id).first()


def make_case_study(submission_pk, user):
    """(page, created): the draft made from the tip, or the one made from it before."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("municipality__region")
            .get(pk=submission_pk)
        )
        page = existing_case_study(submission)
        if page is not None:
            return page, False
        section = section_for(submission)
        page = CaseStudyPage(
            title=submission.title,
            slug=free_slug(submission.title, section),
            summary=summary_from(submission.what_was_done),
            municipality=submission.municipality,
            organisation=submission.school,
            what_was_done=paragraphs(submission.what_was_done),
            live=False,
            owner=user,
        )
        if submission.results.strip():
            page.body = [
                ("heading", {"text": RESULTS_HEADING, "level": "h2"}),
                ("paragraph", RichText(paragraphs(submission.results))),
            ]
        if submission.show_contact:
            page.contact_name = submission.contact_name
            page.contact_email = submission.contact_email
        page.factors = list(submission.factors.all())
        section.add_child(instance=page)
        # Like a draft saved in the editor: period and lessons learned are filled in before review.
        page.save_revision(user=user, clean=False)
        log(instance=page, action="wagtail.create", user=user)

        submission.case_study = page
        if submission.status in (Status.NEW, Status.DECLINED):
            submission.status = Status.IN_REVIEW
        submission.save(update_fields=["case_study", "status", "updated"])
        return page, True
