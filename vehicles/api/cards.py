"""The catalogue's list pages: their cards written by PostgreSQL.

The list is the platform's busiest read. Through model instances and the serializer, a page of 20 cards
cost more than twice what the rest of the request did: Django compiling a 30-column select with its
joins, psycopg parsing every column (five timestamps a row), a model instance per row and per cover photo,
then DRF's fields one by one. Here a page costs three plain queries: the count and the page's ids (the
filtered queryset, with no join), then one constant statement in which PostgreSQL writes each card as
JSON. Python only finishes what depends on the request or the platform's conventions: photo URLs made
absolute (or signed, by the storage), prices with their currency's decimals, moments in the platform's
time zone, and the search's relevance.

`VehicleCardSerializer` stays the card's definition: the statement is made from its fields, in its order,
and every value that needs finishing is finished by its own field (`vehicles/tests/test_cards.py` holds
the two to the same output). The detail, the writes' answers and the recommendations still go through the
serializer.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import QuerySet
from rest_framework import serializers

from accounts.models import User
from currencies.money import money_round
from vehicles.api.serializers import AbsoluteFileUrls, VehicleCardSerializer
from vehicles.models import Vehicle, VehiclePhoto

SEARCH_RANK = "search_rank"  # an annotation of the search (vehicles.search), read from the page's rows


@dataclass(frozen=True)
class CardPlan:
    statement: str  # one parameter: the page's ids
    # (field, finish): finish(value as the database wrote it, the card) is the value as the API shows it.
    finishers: tuple[tuple[str, Callable], ...]


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _column(model, name: str) -> str:
    alias = "v" if model is Vehicle else "r"
    return f"{alias}.{_quoted(model._meta.get_field(name).column)}"


def _row_of(model, expression: str, *, column: str) -> str:
    """`expression` over the row of `model` whose key is `column`'s value (null without one). A subquery
    per card: an index lookup each, where a join let the planner read the whole photo table for a page."""
    return f"(SELECT {expression} FROM {_quoted(model._meta.db_table)} r WHERE r.id = {column})"  # noqa: S608 (names from the models)


def _object(pairs: Iterable[tuple[str, str]]) -> str:
    return "json_build_object(" + ", ".join(f"'{key}', {expression}" for key, expression in pairs) + ")"


def _finisher(field: serializers.Field, currency_field: str | None) -> tuple[str, Callable] | None:
    """How a column's JSON value becomes the field's representation (and the cast that keeps it exact), when
    it is not already: an amount with its currency's decimals (MoneyRepresentationMixin), a decimal as its
    field writes it, a moment in the platform's time zone."""
    if currency_field is not None:
        return "::text", lambda text, card: str(money_round(Decimal(text), card[currency_field]))
    if isinstance(field, serializers.DecimalField):
        return "::text", lambda text, card: field.to_representation(Decimal(text))
    if isinstance(field, serializers.DateTimeField):
        return "", lambda text, card: field.to_representation(datetime.fromisoformat(text))
    return None


@functools.cache
def card_plan() -> CardPlan:
    """The statement and the finishing steps, from VehicleCardSerializer's fields (made once)."""
    serializer = VehicleCardSerializer()
    pairs, finishers = [], []
    for name, field in serializer.fields.items():
        if name == "dealer":
            company = _row_of(User, _column(User, "company_name"), column=_column(Vehicle, "dealer"))
            expression = _object([("id", _column(Vehicle, "dealer")), ("company_name", company)])
        elif name == "cover_photo":
            cover = _object((key, _column(VehiclePhoto, key)) for key in ("image", "thumbnail", "width", "height"))
            expression = _row_of(VehiclePhoto, cover, column=_column(Vehicle, "cover_photo"))
        elif name == SEARCH_RANK:
            expression = "NULL"
        else:
            expression = _column(Vehicle, field.source)
            finishing = _finisher(field, serializer.money_fields.get(name))
            if finishing is not None:
                cast, finish = finishing
                expression += cast
                finishers.append((name, finish))
        pairs.append((name, expression))
    table = _quoted(Vehicle._meta.db_table)
    statement = f"SELECT v.id, {_object(pairs)} FROM {table} v WHERE v.id = ANY(%s)"  # noqa: S608 (names from the models)
    return CardPlan(statement=statement, finishers=tuple(finishers))


def card_rows(vehicles: QuerySet[Vehicle]) -> QuerySet:
    """What a list page reads of each listing before its card: the id, the values the page is ordered by
    (a keyset page's cursor is made of them) and the search's relevance."""
    ordering = [name.lstrip("-") for name in vehicles.query.order_by]
    return vehicles.values(*dict.fromkeys(["id", *ordering, *vehicles.query.annotations]))


def vehicle_cards(rows: list[dict], *, request, fields: list[str] | None = None) -> list[dict]:
    """The cards of a page's rows (card_rows), in their order; `fields`: only these (`?fields=`). A listing
    hard-deleted between the two queries is left out."""
    if not rows:
        return []
    plan = card_plan()
    with connection.cursor() as cursor:
        cursor.execute(plan.statement, [[row["id"] for row in rows]])
        written = dict(cursor.fetchall())
    urls = AbsoluteFileUrls(request)
    image_storage, thumbnail_storage = (VehiclePhoto._meta.get_field(name).storage for name in ("image", "thumbnail"))
    cards = []
    for row in rows:
        card = written.get(row["id"])
        if card is None:
            continue
        for name, finish in plan.finishers:
            if card[name] is not None:
                card[name] = finish(card[name], card)
        if card["cover_photo"] is not None:
            cover = card["cover_photo"]
            cover["image"] = urls(image_storage, cover["image"])
            cover["thumbnail"] = urls(thumbnail_storage, cover["thumbnail"])
        card[SEARCH_RANK] = row.get(SEARCH_RANK)
        cards.append(card if fields is None else {name: value for name, value in card.items() if name in fields})
    return cards
