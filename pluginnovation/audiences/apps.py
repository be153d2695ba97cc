from django.apps import AppConfig


class AudiencesConfig(AppConfig):
    name = "pluginnovation.audiences"
    label = "audiences"
    verbose_name = "Ingångar per roll"
