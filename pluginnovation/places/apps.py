from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "pluginnovation.places"
    label = "places"
    verbose_name = "Karta"
