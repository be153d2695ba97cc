from django.urls import path

from pluginnovation.places import views

urlpatterns = [path("karta/", views.county_map, name="county_map")]
