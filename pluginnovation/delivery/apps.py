from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "pluginnovation.delivery"
    verbose_name = "Leverans och cachning"

    def ready(self):
        from pluginnovation.delivery import purge, sessions, sites

        purge.connect_signals()
        sessions.connect_signals()
        sites.connect_signals()
