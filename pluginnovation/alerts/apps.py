from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "pluginnovation.alerts"
    label = "alerts"
    verbose_name = "Bevakningar"
