from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MlConfig(AppConfig):
    name = "ml"
    verbose_name = _("Learning models")

    def ready(self):
        from leads.hooks import CONVERSION_ESTIMATES
        from ml.lead_conversion.engine import lead_conversion_estimates
        from ml.lead_conversion.training import LEAD_TRAINER
        from ml.price_guidance.training import PRICE_TRAINER
        from ml.trainers import trainer_register

        trainer_register(PRICE_TRAINER)
        trainer_register(LEAD_TRAINER)
        CONVERSION_ESTIMATES.register(lead_conversion_estimates)
