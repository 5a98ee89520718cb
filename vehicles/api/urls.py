from rest_framework.routers import SimpleRouter

from vehicles.api import views

router = SimpleRouter()
router.register(r"vehicles/(?P<vehicle_id>\d+)/photos", views.VehiclePhotoViewSet, basename="vehicle-photo")
router.register("vehicles", views.VehicleViewSet, basename="vehicle")
router.register("saved-searches", views.SavedSearchViewSet, basename="saved-search")
router.register("price-alerts", views.PriceAlertViewSet, basename="price-alert")

urlpatterns = router.urls
