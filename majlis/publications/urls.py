from django.urls import path

from majlis.publications import views

app_name = "publications"
urlpatterns = [
    path("", views.index, name="index"),
    path("articles/<slug:slug>/", views.article, name="article"),
]
