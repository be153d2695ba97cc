from django.urls import path

from pluginnovation.saved import views

app_name = "saved"

urlpatterns = [
    path("", views.collection_view, name="collection"),
    path("spara/", views.save, name="save"),
    path("spara/bekrafta/", views.confirm_save, name="confirm_save"),
    path("sparade/", views.saved_ids, name="saved_ids"),
    path("namn/", views.rename, name="rename"),
    path("flytta/", views.move, name="move"),
    path("ta-bort/", views.remove, name="remove"),
    path("tom/", views.empty, name="empty"),
    path("skriv-ut/", views.pack, name="pack"),
    path("pdf/", views.collection_pdf, name="pdf"),
    path("delad/<str:token>/", views.shared, name="shared"),
    path("delad/<str:token>/kopiera/", views.copy, name="copy"),
    path("delad/<str:token>/skriv-ut/", views.shared_pack, name="shared_pack"),
    path("delad/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
]
