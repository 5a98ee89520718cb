from django.urls import path

from privacy.api import views

urlpatterns = [
    path("privacy/export/", views.ExportView.as_view(), name="privacy-export"),
    path("privacy/export/download/<str:token>/", views.ExportDownloadView.as_view(), name="privacy-export-download"),
    path("privacy/delete/", views.DeletionView.as_view(), name="privacy-delete"),
    path("privacy/delete/cancel/<str:token>/", views.DeletionCancelView.as_view(), name="privacy-deletion-cancel"),
    path("privacy/settings/", views.ConsentSettingsView.as_view(), name="privacy-settings"),
]
