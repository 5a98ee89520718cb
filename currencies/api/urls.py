from django.urls import path

from currencies.api import views

urlpatterns = [
    path("currencies/", views.CurrencyListView.as_view(), name="currency-list"),
]
