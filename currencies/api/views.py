from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from currencies.api import serializers
from currencies.selectors import currency_list


class CurrencyListView(APIView):
    """The currencies the platform takes, with their ISO 4217 exponent and current rate to CAD."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: serializers.CurrencySerializer(many=True)})
    def get(self, request):
        language = getattr(request, "LANGUAGE_CODE", "en") or "en"
        currencies = currency_list(locale=language.split("-")[0])
        return Response(serializers.CurrencySerializer(currencies, many=True).data)
