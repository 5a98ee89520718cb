from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self):
        from ml.trainers import trainer_register
        from recommendations.training import RECOMMENDER_TRAINER

        trainer_register(RECOMMENDER_TRAINER)
