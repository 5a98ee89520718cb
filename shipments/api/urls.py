from rest_framework.routers import SimpleRouter

from shipments.api import views

router = SimpleRouter()
router.register("shipments", views.ShipmentViewSet, basename="shipment")

urlpatterns = router.urls
