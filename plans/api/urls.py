from django.urls import path

from plans.api import views

urlpatterns = [
    path("plans/", views.PlanListView.as_view(), name="plan-list"),
    path("subscription/", views.SubscriptionView.as_view(), name="subscription"),
    path("subscription/cancel/", views.SubscriptionCancelView.as_view(), name="subscription-cancel"),
    path("usage/", views.UsageView.as_view(), name="usage"),
]
