from django.urls import path

from pluginnovation.submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.submit, name="submit"),
    path("tack/", views.thanks, name="thanks"),
]
