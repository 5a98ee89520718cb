from django.urls import path

from operations.flower import flower_proxy
from operations.metrics.views import MetricsView

urlpatterns = [
    # Prometheus scrapes /metrics, without a trailing slash, by default.
    path("metrics", MetricsView.as_view(), name="metrics"),
    # Flower, for signed-in staff only (operations.flower).
    path("ops/flower/", flower_proxy, name="flower"),
    path("ops/flower/<path:path>", flower_proxy, name="flower-page"),
]
