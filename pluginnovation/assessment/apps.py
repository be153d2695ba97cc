from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "pluginnovation.assessment"
    label = "assessment"
    verbose_name = "Självskattning och handlingsplan"
