"""A tip's status follows its case study: "publicerad som fallstudie" once the page is live."""

from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from pluginnovation.submissions.models import Status, Submission


@receiver(page_published, dispatch_uid="submissions-case-study-published")
def mark_published(sender, instance, **kwargs):
    Submission.objects.filter(case_study_id=instance.pk).exclude(status=Status.PUBLISHED).update(
        status=Status.PUBLISHED, updated=timezone.now()
    )
