from django.urls import path

from ml.api import views

urlpatterns = [
    path("vehicles/<int:vehicle_id>/price-guidance/", views.PriceGuidanceView.as_view(), name="vehicle-price-guidance"),
]
