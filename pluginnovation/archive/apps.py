from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "pluginnovation.archive"
    label = "archive"
    verbose_name = "Statiskt arkiv"
