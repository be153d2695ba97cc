from django.urls import path

from pluginnovation.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("ny/", views.create, name="create"),
    path("redigera/<str:token>/steg/<str:number>/", views.step, name="step"),
    path("redigera/<str:token>/resultat/", views.result, name="result"),
    path("redigera/<str:token>/plan/", views.plan, name="plan"),
    path("delad/<str:token>/", views.shared, name="shared"),
    path("delad/<str:token>/handlingsplan.pdf", views.pdf, name="pdf"),
    path("delad/<str:token>/kopiera/", views.copy, name="copy"),
]
