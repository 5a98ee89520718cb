"""Saved cards: each user's Stripe customer, created once and kept, and the cards attached to it."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from accounts.models import User
from audit.services import audit_record
from nzila_export.exceptions import Conflict, DomainError
from payments.gateways.base import GatewayError, GatewayRefused
from payments.gateways.stripe import StripeCards
from payments.models import StripeCustomer
from payments.services.payments import PaymentUnavailable


class SavedCardsUnavailable(Conflict):
    code = "saved_cards_unavailable"


class CardNotFound(DomainError):
    status_code = 404
    code = "not_found"


def _cards():
    if settings.PAYMENTS_CARD_GATEWAY != "stripe":
        raise SavedCardsUnavailable(
            gettext("Saved cards are kept at Stripe, and card payments do not go through Stripe here.")
        )
    return StripeCards()


def _provider_call(call):
    try:
        return call()
    except GatewayRefused as refusal:
        raise DomainError(str(refusal), field="payment_method") from refusal
    except GatewayError as error:
        raise PaymentUnavailable(gettext("Stripe could not be reached; try again.")) from error


def stripe_customer_for(*, user: User) -> StripeCustomer:
    """The user's Stripe customer, created on first need. The user's row is locked while it is made, and
    Stripe deduplicates the creation by the key customer-<user id>, so two requests at once make one."""
    existing = StripeCustomer.objects.filter(user=user).first()
    if existing is not None:
        return existing
    cards = _cards()
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        existing = StripeCustomer.objects.filter(user=user).first()
        if existing is not None:
            return existing
        customer_id = _provider_call(
            lambda: cards.customer_create(user_id=user.pk, email=user.email, name=user.get_full_name() or user.username)
        )
        try:
            with transaction.atomic():
                customer = StripeCustomer.objects.create(user=user, customer_id=customer_id)
        except IntegrityError:
            return StripeCustomer.objects.get(user=user)
        audit_record(action="payment.customer_create", instance=customer, user=user)
        return customer


def card_list(*, user: User):
    cards = _cards()
    customer = StripeCustomer.objects.filter(user=user).first()
    return [] if customer is None else _provider_call(lambda: cards.cards(customer_id=customer.customer_id))


def card_attach(*, user: User, payment_method: str):
    cards = _cards()
    customer = stripe_customer_for(user=user)
    card = _provider_call(lambda: cards.attach(customer_id=customer.customer_id, payment_method=payment_method))
    audit_record(action="payment.card_attach", instance=customer, user=user, changes={"card": card.id})
    return card


def _owned(*, user: User, payment_method: str):
    for card in card_list(user=user):
        if card.id == payment_method:
            return card
    raise CardNotFound(gettext("No such saved card."))


def card_detach(*, user: User, payment_method: str) -> None:
    _owned(user=user, payment_method=payment_method)
    _provider_call(lambda: _cards().detach(payment_method=payment_method))
    audit_record(
        action="payment.card_detach", instance=user.stripe_customer, user=user, changes={"card": payment_method}
    )


def card_set_default(*, user: User, payment_method: str):
    _owned(user=user, payment_method=payment_method)
    customer = user.stripe_customer
    _provider_call(lambda: _cards().set_default(customer_id=customer.customer_id, payment_method=payment_method))
    audit_record(action="payment.card_default", instance=customer, user=user, changes={"card": payment_method})
    return _owned(user=user, payment_method=payment_method)
