from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "pluginnovation.printing"
    label = "printing"
    verbose_name = "Utskrift och PDF"
