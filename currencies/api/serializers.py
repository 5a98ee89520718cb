from rest_framework import serializers

from currencies.money import money_round


class CurrencySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 4217 code")
    name = serializers.CharField()
    exponent = serializers.IntegerField(help_text="Digits after the decimal point (ISO 4217): XOF 0, CAD 2")
    cad_per_unit = serializers.DecimalField(
        max_digits=24, decimal_places=12, allow_null=True, help_text="Current value in CAD of one unit; null: no rate"
    )
    rate_date = serializers.DateField(allow_null=True)
    rate_source = serializers.CharField(help_text="bank_of_canada, fallback, parity, manual, local or reference")


class MoneyRepresentationMixin:
    """Amounts are shown with exactly their currency's number of decimals: "100.13" CAD, "5000" XOF."""

    money_fields: dict[str, str] = {}  # field → the attribute holding its currency

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name, currency_attribute in self.money_fields.items():
            if data.get(name) is not None:  # absent when the caller left it out (`?fields=`)
                data[name] = str(money_round(getattr(instance, name), getattr(instance, currency_attribute)))
        return data
