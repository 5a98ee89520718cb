"""The vehicle search: filters, ordering and `?search=`, shared by the list, the facets, saved
searches (which store these very query parameters) and the hourly job that announces their matches.

Prices: `price__gte` and `price__lte` are amounts in the `currency` parameter (CAD when absent),
converted to CAD and compared with each listing's `price_cad`, so a CAD filter finds a USD-listed car
by its CAD value. Ordering by `price` also orders by `price_cad`.
"""

from decimal import Decimal

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vehicles.models import BodyType, Condition, FuelType, Province, Transmission, Vehicle, VehicleStatus
from vehicles.pricing import price_in_cad, supported_currencies
from vehicles.search import vehicle_search

ORDERING_FIELDS = (("price_cad", "price"), ("year", "year"), ("mileage_km", "mileage_km"), ("created_at", "created_at"))


def _values(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class MultipleTextFilter(django_filters.CharFilter):
    """`make=Toyota,Honda`: any of several values, case-insensitive."""

    def filter(self, qs, value):
        values = _values(value or "")
        if not values:
            return qs
        match = Q()
        for item in values:
            match |= Q(**{f"{self.field_name}__iexact": item})
        return qs.filter(match)


class MultipleChoiceCommaFilter(django_filters.CharFilter):
    """`condition=new,used_good`: any of several choices; an unknown one is a 400 naming it."""

    def __init__(self, *args, choices, **kwargs):
        allowed = [value for value, _label in choices]

        def validate_choices(value):
            unknown = [item for item in _values(value or "") if item not in allowed]
            if unknown:
                # Values go in params, never into the message itself: a % in them must stay text.
                raise ValidationError(
                    _("Unknown value %(unknown)s; choose among %(allowed)s."),
                    params={"unknown": ", ".join(unknown), "allowed": ", ".join(allowed)},
                )

        kwargs.setdefault("max_length", 300)
        super().__init__(*args, validators=[validate_choices], **kwargs)

    def filter(self, qs, value):
        values = _values(value or "")
        if not values:
            return qs
        return qs.filter(**{f"{self.field_name}__in": values})


def _validate_numbers(value):
    for item in _values(value or ""):
        if not item.isdecimal() or len(item) > 12:
            raise ValidationError(
                _("%(item)r is not a whole number; give numbers separated by commas."), params={"item": item}
            )


class MultipleNumberFilter(django_filters.CharFilter):
    """`year=2019,2020` or `dealer=4,7`: any of several whole numbers."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, validators=[_validate_numbers], **kwargs)

    def filter(self, qs, value):
        values = _values(value or "")
        if not values:
            return qs
        return qs.filter(**{f"{self.field_name}__in": [int(item) for item in values]})


class PriceFilter(django_filters.NumberFilter):
    """A price bound in the request's `currency`, compared in CAD."""

    def filter(self, qs, value):
        if value is None:
            return qs
        currency = (self.parent.form.cleaned_data.get("currency") or "CAD").upper()
        amount = price_in_cad(amount=Decimal(value), currency=currency)
        return qs.filter(**{f"price_cad__{self.lookup_expr}": amount})


class StableOrderingFilter(django_filters.OrderingFilter):
    """Orders as asked, then by id, so that pages never repeat or skip a listing."""

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        tiebreak = "-id" if ordering[-1].startswith("-") else "id"
        return qs.order_by(*ordering, tiebreak)


class VehicleFilterSet(django_filters.FilterSet):
    status = MultipleChoiceCommaFilter(field_name="status", choices=VehicleStatus.choices)
    make = MultipleTextFilter(field_name="make", max_length=300)
    model = MultipleTextFilter(field_name="model", max_length=300)
    year = MultipleNumberFilter(field_name="year")
    condition = MultipleChoiceCommaFilter(field_name="condition", choices=Condition.choices)
    body_type = MultipleChoiceCommaFilter(field_name="body_type", choices=BodyType.choices)
    fuel_type = MultipleChoiceCommaFilter(field_name="fuel_type", choices=FuelType.choices)
    transmission = MultipleChoiceCommaFilter(field_name="transmission", choices=Transmission.choices)
    dealer = MultipleNumberFilter(field_name="dealer_id")
    province = MultipleChoiceCommaFilter(field_name="province", choices=Province.choices)
    currency = django_filters.ChoiceFilter(
        method="filter_nothing",
        choices=[(code, code) for code in supported_currencies()],
        help_text="The currency of price__gte and price__lte (CAD when absent).",
    )
    price__gte = PriceFilter(field_name="price", lookup_expr="gte", min_value=0, max_digits=14, decimal_places=2)
    price__lte = PriceFilter(field_name="price", lookup_expr="lte", min_value=0, max_digits=14, decimal_places=2)
    year__gte = django_filters.NumberFilter(field_name="year", lookup_expr="gte", min_value=1900, max_value=2100)
    year__lte = django_filters.NumberFilter(field_name="year", lookup_expr="lte", min_value=1900, max_value=2100)
    mileage_km__lte = django_filters.NumberFilter(
        field_name="mileage_km", lookup_expr="lte", min_value=0, max_value=10_000_000
    )
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Words, misspelt or not: full-text over make, model, trim, colour and description "
        "(English and French), plus fuzzy matching of make and model. Ranked by relevance.",
    )
    ordering = StableOrderingFilter(
        fields=ORDERING_FIELDS, help_text="price, year, mileage_km, created_at; - for descending."
    )

    class Meta:
        model = Vehicle
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Only the filters the query names: any other would filter nothing, and django-filter deep-copies
        # every filter and builds a form field for each on every request (a sixth of a catalogue read).
        if data is not None:
            self.base_filters = {name: f for name, f in type(self).base_filters.items() if name in data}
        super().__init__(data, *args, **kwargs)

    def filter_nothing(self, queryset, name, value):
        """`currency` selects nothing itself: the price filters read it."""
        return queryset

    def filter_search(self, queryset, name, value):
        return vehicle_search(queryset=queryset, text=value)


# Query parameters that shape a page rather than the set of vehicles.
PAGE_PARAMETERS = frozenset({"page", "page_size"})
