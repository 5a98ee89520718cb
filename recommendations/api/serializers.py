from rest_framework import serializers

from vehicles.api.serializers import VehicleCardSerializer


class ScoredVehicleSerializer(VehicleCardSerializer):
    """A listing's card, with why it is shown and how strongly."""

    reason = serializers.CharField(read_only=True, help_text="Why this listing is shown, in the caller's language.")
    score = serializers.FloatField(
        read_only=True, help_text="How strongly it is recommended, from 0 to 1; the list is ordered by it."
    )

    class Meta(VehicleCardSerializer.Meta):
        fields = [*VehicleCardSerializer.Meta.fields, "reason", "score"]
