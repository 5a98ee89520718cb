from django.urls import path

from recommendations.api import views

urlpatterns = [
    path("vehicles/<int:vehicle_id>/similar/", views.SimilarListingsView.as_view(), name="vehicle-similar"),
    path("recommendations/", views.RecommendationsView.as_view(), name="recommendation-list"),
]
