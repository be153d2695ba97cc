"""A project page follows its term: when an editor renames a project (or changes its slug)
under Taxonomi → Projekt, the page takes the new name and address at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from pluginnovation.taxonomy.models import Project


@receiver(post_save, sender=Project, dispatch_uid="projects_page_follows_term")
def page_follows_project(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from pluginnovation.projects.models import ProjectPage

    page = ProjectPage.objects.filter(project=instance).first()
    if page is not None:
        page.project = instance
        page.follow_project()
