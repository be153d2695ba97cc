from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "pluginnovation.submissions"
    label = "submissions"
    verbose_name = "Tips från skolor"

    def ready(self):
        from pluginnovation.submissions import signals  # noqa: F401 (connects the receivers)
