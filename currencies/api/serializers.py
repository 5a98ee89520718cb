from rest_framework import serializers


class CurrencySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 4217 code")
    name = serializers.CharField()
    exponent = serializers.IntegerField(help_text="Digits after the decimal point (ISO 4217): XOF 0, CAD 2")
    cad_per_unit = serializers.DecimalField(
        max_digits=24, decimal_places=12, allow_null=True, help_text="Current value in CAD of one unit; null: no rate"
    )
    rate_date = serializers.DateField(allow_null=True)
    rate_source = serializers.CharField(help_text="bank_of_canada, fallback, parity, manual, local or reference")
