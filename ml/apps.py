from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MlConfig(AppConfig):
    name = "ml"
    verbose_name = _("Learning models")

    def ready(self):
        from leads.hooks import CONVERSION_ESTIMATES
        from ml.lead_conversion.engine import lead_conversion_estimates
        from ml.lead_conversion.training import LEAD_TRAINER
        from ml.payment_anomaly.engine import payment_risk_points
        from ml.payment_anomaly.training import PAYMENT_TRAINER
        from ml.price_guidance.training import PRICE_TRAINER
        from ml.trainers import trainer_register
        from payments.hooks import PAYMENT_RISK_POINTS

        trainer_register(PRICE_TRAINER)
        trainer_register(LEAD_TRAINER)
        CONVERSION_ESTIMATES.register(lead_conversion_estimates)
        trainer_register(PAYMENT_TRAINER)
        PAYMENT_RISK_POINTS.register(payment_risk_points)
