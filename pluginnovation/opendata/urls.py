from django.urls import path

from pluginnovation.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:name>", views.download, name="download"),
]
