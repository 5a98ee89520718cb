from django.urls import path

from payments.api.views import CurrencyListView

urlpatterns = [
    path("currencies/", CurrencyListView.as_view(), name="currency-list"),
]
