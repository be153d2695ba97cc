from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "pluginnovation.home"
    label = "home"
    verbose_name = "Startsida och informationssidor"

    def ready(self):
        from pluginnovation.home import navigation

        navigation.connect_signals()
