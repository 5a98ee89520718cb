"""The filters the invoice PDFs format with, in the language active while the document renders."""

from django import template
from django.utils.translation import get_language

from invoices import formatting

register = template.Library()


@register.filter
def money(amount, currency: str) -> str:
    return formatting.money_format(amount=amount, currency=currency, language=get_language())


@register.filter
def decimal(value) -> str:
    return formatting.decimal_format(value=value, language=get_language())


@register.filter
def percent(value) -> str:
    return formatting.percent_format(percent=value, language=get_language())


@register.filter
def long_date(day) -> str:
    return formatting.date_format(day=day, language=get_language())


@register.filter
def country(code: str) -> str:
    return formatting.country_name(code=code, language=get_language())
