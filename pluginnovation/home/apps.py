from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "pluginnovation.home"
    label = "home"
    verbose_name = "Startsida och informationssidor"

    def ready(self):
        from pluginnovation.home import alternates, navigation

        navigation.connect_signals()
        alternates.connect_signals()
