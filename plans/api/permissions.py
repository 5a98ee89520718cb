from rest_framework.permissions import BasePermission

from plans.selectors import dealer_has_feature
from plans.services import feature_refusal


class HasPlanFeature(BasePermission):
    """`permission_classes = [IsAuthenticated, HasPlanFeature("reports")]`: a dealer whose plan lacks the
    feature (plans.models.PlanFeature) is refused with a 402 naming its plan and the feature; staff and
    other roles pass (the view's other permissions decide for them)."""

    def __init__(self, feature: str):
        self.feature = feature

    def __call__(self):
        return self  # DRF instantiates each entry of permission_classes

    def has_permission(self, request, view) -> bool:
        user = request.user
        if user and user.is_authenticated and user.is_dealer and not dealer_has_feature(user, self.feature):
            raise feature_refusal(dealer=user, feature=self.feature)
        return True
