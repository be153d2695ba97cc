from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "pluginnovation.projects"
    label = "projects"
    verbose_name = "Projektsidor"
