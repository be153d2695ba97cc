from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "pluginnovation.backup"
    label = "backup"
    verbose_name = "Säkerhetskopior"
