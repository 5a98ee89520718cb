from django.urls import path

from search_analytics.api import views

urlpatterns = [
    path("search-analytics/", views.SearchDemandView.as_view(), name="search-analytics"),
]
