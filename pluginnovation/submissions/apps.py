from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "pluginnovation.submissions"
    label = "submissions"
    verbose_name = "Tips från skolor"
