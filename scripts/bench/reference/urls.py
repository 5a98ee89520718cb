from django.urls import path

from scripts.bench.reference.views import ListingList

urlpatterns = [path("vehicles/", ListingList.as_view())]
