from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "pluginnovation.projects"
    label = "projects"
    verbose_name = "Projektsidor"

    def ready(self):
        from pluginnovation.projects import signals  # noqa: F401
