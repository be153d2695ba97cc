from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Fallstudier"

    def ready(self):
        from casestudies import signals

        signals.connect_signals()
