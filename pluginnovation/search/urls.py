from django.urls import path

from pluginnovation.search import results, suggest, views

urlpatterns = [
    path("framgangsfaktorer/", views.factor_list, name="factor_list"),
    path("framgangsfaktorer/<slug:slug>/", views.factor_detail, name="factor_detail"),
    path("utforska/", views.explore, name="explore"),
    path("sok/", views.search, name="search"),
    path("sok/forslag/", suggest.suggestions, name="search_suggestions"),
    path("resultat/", results.results, name="results"),
]
