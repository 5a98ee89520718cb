"""Price guidance as the API answers it: read-only, from ml.price_guidance.engine's dataclasses."""

from rest_framework import serializers

from ml.price_guidance.comparables import Level
from ml.price_guidance.model import EXPLAINED_FEATURES
from vehicles.models import Condition, Province


def _money(help_text: str, **options) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, help_text=help_text, **options)


class ComparablesSerializer(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=[Level.MAKE_MODEL_YEAR, Level.MAKE, Level.ALL],
        help_text=(
            "Which listings: the same make and model within one model year; the same make when those are fewer "
            "than 5; every listing when the make's are too."
        ),
    )
    count = serializers.IntegerField(help_text="How many published listings, the car's own left out.")
    low = serializers.FloatField(allow_null=True, help_text="Their 10th percentile of price in CAD.")
    median = serializers.FloatField(allow_null=True, help_text="Their median price in CAD.")
    high = serializers.FloatField(allow_null=True, help_text="Their 90th percentile of price in CAD.")


class PriceFactorSerializer(serializers.Serializer):
    feature = serializers.ChoiceField(choices=list(EXPLAINED_FEATURES))
    label = serializers.CharField(help_text="The feature's name, in the caller's language.")
    value = serializers.CharField(help_text="The car's, for people.")
    typical = serializers.CharField(help_text="What is typical of its comparables, for people.")
    effect = _money("CAD the car's price moves by from the typical value to the car's (negative: it lowers it).")


class MarketDemandSerializer(serializers.Serializer):
    days = serializers.IntegerField(help_text="The window, ending now.")
    listings = serializers.IntegerField(help_text="Listings of the make and model on the market in the window.")
    views = serializers.IntegerField(help_text="Their detail views in the window.")
    inquiries = serializers.IntegerField(help_text="Their inquiries (leads) in the window.")
    views_per_listing = serializers.FloatField()
    inquiries_per_listing = serializers.FloatField()


class SoldVehicleSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    make = serializers.CharField()
    model = serializers.CharField()
    mileage_km = serializers.IntegerField()
    condition = serializers.ChoiceField(choices=Condition.choices)
    province = serializers.ChoiceField(choices=Province.choices)
    price_cad = _money("Its asking price in CAD.")
    listed_on = serializers.DateField()
    sold_on = serializers.DateField(help_text="The day its deal opened: the buyer agreed to buy.")
    days_to_sell = serializers.IntegerField(help_text="From its publication to its deal.")


class PriceGuidanceSerializer(serializers.Serializer):
    vehicle_id = serializers.IntegerField()
    currency = serializers.CharField(help_text="CAD: every amount here is in Canadian dollars.")
    suggested_price = _money("What the market would pay for the car listed today, in hundreds of CAD.")
    low = _money("The range's low end.")
    high = _money("The range's high end.")
    coverage = serializers.FloatField(help_text="The share of such cars' prices the range is meant to hold (0.8).")
    # A string rather than a choice: an enum named for "source" would take the name of the leads' one.
    source = serializers.CharField(
        help_text="`model`: the active learned model; `rule`: the comparables' median, when no model is active.",
    )
    model_version = serializers.IntegerField(allow_null=True, help_text="The model's version; null for the rule.")
    source_description = serializers.CharField(help_text="Where the price comes from, in the caller's language.")
    listing_price = _money("The listing's own price in CAD, to compare.")
    comparables = ComparablesSerializer()
    factors = PriceFactorSerializer(
        many=True, help_text="What moves this car's price most against its comparables (model only), largest first."
    )
    demand = MarketDemandSerializer(help_text="Interest in listings of the same make and model lately.")
    similar_sold = SoldVehicleSerializer(
        many=True, help_text="Up to 5 cars of the same make and model within 2 model years that sold."
    )
