"""Staff read the chosen weights and their metrics; the rows are written by `evaluate_recommendations` only."""

from django.contrib import admin

from payments.admin import ReadOnlyAdmin
from recommendations.models import RecommenderWeights


@admin.register(RecommenderWeights)
class RecommenderWeightsAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "content", "collaborative", "popularity", "users_evaluated", "held_out"]
    readonly_fields = [
        "created_at", "content", "collaborative", "popularity", "metrics", "users_evaluated", "held_out",
    ]  # fmt: skip
