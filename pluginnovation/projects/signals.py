"""A project page follows its term: when an editor renames a project (or changes its slug)
under Taxonomi → Projekt, the page takes the new name and address at once. And the term follows
its page: a project is public only once its page is (content.visibility.public_projects), so
publishing, unpublishing or deleting the page renews what every listing's filters know of the
terms, as a term's own edit does."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from pluginnovation.discovery import buckets
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


@receiver(page_published, dispatch_uid="projects_terms_follow_published_page")
@receiver(page_unpublished, dispatch_uid="projects_terms_follow_unpublished_page")
@receiver(post_delete, dispatch_uid="projects_terms_follow_deleted_page")
def terms_follow_page(sender, instance, **kwargs):
    """Publishing, unpublishing and deleting only: a draft saved or a page locked changes no
    term. (Wagtail's page signals take no lazy sender, hence the check here.)"""
    from pluginnovation.projects.models import ProjectPage

    if issubclass(sender, ProjectPage):
        buckets.renewed(buckets.bump_all)
