from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Dealer plans")

    def ready(self):
        """Stripe's subscription events reach the one inbox; this handler applies them. Vehicles asks,
        before a listing goes on the market or a dealer uses a feature sold by plan, whether its plan allows it."""
        from plans.services import dealer_feature_check, dealer_listing_publish_check
        from plans.webhooks import PLAN_EVENT_TYPES, stripe_plan_event_apply
        from vehicles.hooks import FEATURE_USING, LISTING_PUBLISHING
        from webhooks.handlers import handler_register

        handler_register(provider="stripe", handler=stripe_plan_event_apply, event_types=PLAN_EVENT_TYPES)
        LISTING_PUBLISHING.register(dealer_listing_publish_check)
        FEATURE_USING.register(dealer_feature_check)
