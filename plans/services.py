"""Every write to plans and subscriptions: a dealer's checkout and cancellation, Stripe's subscription
events applied (through the one webhook inbox, plans.webhooks), the dunning of a failed renewal and its
lapse, and the listing-limit check vehicles asks for through its hook.

A subscription's status is set in one place, `subscription_status_set`, checked against
SUBSCRIPTION_MOVES and audited. Each change of what a dealer may do deletes its cached limits once it
commits, so that its next request is held to the new plan.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from accounts.models import User
from audit.services import audit_record
from invoices.services.platform import platform_invoice_issue
from notifications.services import notify
from nzila_export.exceptions import Conflict, DomainError
from nzila_export.transitions import transition_check
from payments.gateways.base import GatewayError, GatewayRefused
from plans import billing
from plans.models import (
    LIVE_STATUSES,
    SUBSCRIPTION_MOVES,
    BillingProvider,
    Plan,
    PlanCode,
    PlanFeature,
    Subscription,
    SubscriptionInvoice,
    SubscriptionStatus,
)
from plans.seed import PLANS
from plans.selectors import (
    dealer_has_feature,
    dealer_listing_count,
    dealer_plan,
    plan_limits_cache_key,
)


class PaymentRequired(DomainError):
    """The dealer's plan does not allow this: 402, with the plan it is on and what would allow it."""

    status_code = 402
    code = "plan_limit_reached"


class NotInPlan(PaymentRequired):
    code = "plan_feature_required"


class BillingUnavailable(DomainError):
    status_code = 503
    code = "billing_unavailable"


def _stripe(call, *args, **kwargs):
    """A call to Stripe (plans.billing), its failure as a clear refusal: nothing was changed at Stripe."""
    try:
        return call(*args, **kwargs)
    except GatewayRefused as refusal:
        raise Conflict(str(refusal), code="billing_refused") from refusal
    except GatewayError as error:
        raise BillingUnavailable(gettext("Stripe could not be reached; try again.")) from error


@dataclass(frozen=True)
class CheckoutStart:
    subscription: Subscription
    checkout_url: str


def plan_name(plan: Plan, language: str | None = None) -> str:
    return plan.name_fr if (language or translation.get_language() or "en").startswith("fr") else plan.name_en


def plan_limits_forget(*, dealer_id: int) -> None:
    """The dealer's next request reads its plan again, once this transaction commits."""
    transaction.on_commit(lambda: cache.delete(plan_limits_cache_key(dealer_id)))


def subscription_status_set(
    *, subscription: Subscription, to: str, action: str, user: User | None = None, changes: dict | None = None
) -> Subscription:
    """The one place a subscription's status moves (InvalidTransition when SUBSCRIPTION_MOVES does not
    allow it): stamped, saved with whatever else the caller changed on the locked row, audited."""
    before = subscription.status
    if to != before:
        transition_check(moves=SUBSCRIPTION_MOVES, choices=SubscriptionStatus, current=before, to=to)
        subscription.status, subscription.status_changed_at = to, timezone.now()
    subscription.save()
    audit_record(
        action=action, instance=subscription, user=user,
        changes={"status": [before, to], "plan": subscription.plan.code, **(changes or {})},
    )  # fmt: skip
    plan_limits_forget(dealer_id=subscription.dealer_id)
    return subscription


def plans_missing_create() -> int:
    """Create the shipped plans (plans.seed) that are missing, leaving staff's edits of the others alone."""
    created = 0
    for spec in PLANS:
        _plan, made = Plan.objects.get_or_create(code=spec["code"], defaults=spec)
        created += made
    return created


# --- Limits -----------------------------------------------------------------------------------------


def dealer_listing_publish_check(*, dealer: User) -> None:
    """vehicles' hook (LISTING_PUBLISHING), inside its transaction, for a listing about to go on the
    market: refuse it (402) beyond the plan's limit. The dealer's row is locked so that two listings
    published at once are counted one after the other."""
    plan = dealer_plan(dealer=dealer)
    if plan.listing_limit is None:
        return
    User.objects.select_for_update().filter(pk=dealer.pk).values_list("pk", flat=True).get()
    listed = dealer_listing_count(dealer=dealer)
    if listed >= plan.listing_limit:
        raise PaymentRequired(
            gettext(
                "Your %(plan)s plan allows %(limit)s listings on the market at once, and you have %(count)s. "
                "Archive one or move to a larger plan."
            )
            % {"plan": plan_name(plan), "limit": plan.listing_limit, "count": listed},
            plan=plan.code,
            limit=plan.listing_limit,
        )


def dealer_feature_check(*, user: User, feature: str) -> None:
    """vehicles' hook (FEATURE_USING): refuse (402) a dealer whose plan lacks `feature`."""
    if user.is_dealer and not dealer_has_feature(user, feature):
        raise feature_refusal(dealer=user, feature=feature)


def feature_refusal(*, dealer: User, feature: str) -> NotInPlan:
    plan = dealer_plan(dealer=dealer)
    return NotInPlan(
        gettext("%(feature)s is not in your %(plan)s plan. Move to a plan that includes it.")
        % {"feature": PlanFeature(feature).label, "plan": plan_name(plan)},
        plan=plan.code,
        feature=feature,
    )


# --- A dealer's checkout and cancellation -----------------------------------------------------------


def subscription_checkout_start(*, dealer: User, plan: Plan) -> CheckoutStart:
    """A dealer asks for a paid plan. With Stripe: a Checkout Session is made (outside any transaction:
    Stripe is called once the row is committed) and its URL returned; the subscription becomes active
    when Stripe's events say it is paid. In local mode (no Stripe key): active at once, the period's
    invoice issued, nothing charged."""
    if plan.code == PlanCode.STARTER:
        raise DomainError(gettext("Starter is free: cancel your subscription to go back to it."), field="plan")
    if not dealer.is_dealer:
        raise DomainError(gettext("Only dealers subscribe to a plan."))
    stripe = billing.billing_is_stripe()
    if stripe and not plan.stripe_price_id:
        raise Conflict(
            gettext("The %(plan)s plan cannot be bought online yet.") % {"plan": plan_name(plan)},
            field="plan",
            code="plan_not_for_sale",
        )
    with transaction.atomic():
        subscription = _subscription_prepare(dealer=dealer, plan=plan, stripe=stripe)
        if not stripe:
            _sandbox_period_paid(subscription=subscription)
            return CheckoutStart(subscription=subscription, checkout_url="")
    session = _stripe(billing.checkout_session_create, subscription=subscription, plan=plan)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().select_related("plan").get(pk=subscription.pk)
        subscription.checkout_session_id = session.id
        subscription.save(update_fields=["checkout_session_id", "updated_at"])
        audit_record(action="subscription.checkout", instance=subscription, user=dealer,
                     changes={"plan": plan.code, "session": session.id})  # fmt: skip
    return CheckoutStart(subscription=subscription, checkout_url=session.url)


def _subscription_prepare(*, dealer: User, plan: Plan, stripe: bool) -> Subscription:
    User.objects.select_for_update().filter(pk=dealer.pk).values_list("pk", flat=True).get()
    subscription = Subscription.objects.select_for_update().select_related("plan").filter(dealer=dealer).first()
    provider = BillingProvider.STRIPE if stripe else BillingProvider.SANDBOX
    if subscription is None:
        subscription = Subscription.objects.create(
            dealer=dealer, plan=plan, status_changed_at=timezone.now(), provider=provider
        )
        audit_record(action="subscription.create", instance=subscription, user=dealer, changes={"plan": plan.code})
        return subscription
    if subscription.status in LIVE_STATUSES:
        if subscription.plan_id == plan.pk:
            raise Conflict(
                gettext("You are already on the %(plan)s plan.") % {"plan": plan_name(plan)},
                field="plan",
                code="already_subscribed",
            )
        if stripe:
            raise Conflict(
                gettext("Cancel your %(plan)s plan before choosing another.") % {"plan": plan_name(subscription.plan)},
                field="plan",
                code="plan_change_needs_cancel",
            )
    subscription.plan, subscription.provider = plan, provider
    subscription.checkout_session_id = ""
    # Not live: waiting for its first payment again. Live (a change of plan in local mode): as it is.
    to = subscription.status if subscription.status in LIVE_STATUSES else SubscriptionStatus.INCOMPLETE
    return subscription_status_set(subscription=subscription, to=to, action="subscription.plan_chosen", user=dealer)


def _sandbox_period_paid(*, subscription: Subscription) -> None:
    """Local mode: the period starts now and is 'paid' (nothing charged), as Stripe's invoice.paid would."""
    now = timezone.now()
    number = subscription.period_invoices.count() + 1
    _period_paid(
        subscription=subscription, reference=f"sandbox-{subscription.pk}-{number}",
        amount=subscription.plan.price_per_month, currency=subscription.plan.currency,
        period_start=now, period_end=now + relativedelta(months=1),
    )  # fmt: skip


def subscription_cancel(*, dealer: User) -> Subscription:
    """The dealer ends its paid plan now: canceled at Stripe first (outside any transaction; its
    customer.subscription.deleted event then changes nothing), then here; on Starter from the next request."""
    subscription = Subscription.objects.filter(dealer=dealer).first()
    if subscription is None or subscription.status == SubscriptionStatus.CANCELED:
        raise Conflict(gettext("You have no paid plan to cancel."), code="no_subscription")
    if subscription.provider == BillingProvider.STRIPE and subscription.stripe_subscription_id:
        _stripe(billing.stripe_subscription_cancel, stripe_subscription_id=subscription.stripe_subscription_id)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().select_related("plan").get(pk=subscription.pk)
        if subscription.status == SubscriptionStatus.CANCELED:  # Stripe's event came first
            return subscription
        subscription.grace_until = None
        return subscription_status_set(
            subscription=subscription, to=SubscriptionStatus.CANCELED, action="subscription.cancel", user=dealer
        )


# --- Stripe's events (plans.webhooks) -----------------------------------------------------------------


class SubscriptionNotFound(Exception):
    """The event is about a subscription we cannot match (yet): the inbox tries it again later."""


def _locked_subscription(*, stripe_subscription_id: str = "", metadata: dict | None = None) -> Subscription:
    subscriptions = Subscription.objects.select_for_update().select_related("plan", "dealer")
    subscription = None
    if stripe_subscription_id:
        subscription = subscriptions.filter(stripe_subscription_id=stripe_subscription_id).first()
    our_id = str((metadata or {}).get("subscription_id", ""))
    if subscription is None and our_id.isdecimal():
        subscription = subscriptions.filter(pk=int(our_id)).first()
    if subscription is None:
        raise SubscriptionNotFound(f"No subscription for Stripe subscription {stripe_subscription_id!r} (yet).")
    return subscription


def subscription_checkout_completed(*, session: dict) -> None:
    """checkout.session.completed: the dealer finished Checkout. Our row (client_reference_id) learns its
    Stripe customer and subscription; paid, it is active."""
    metadata = {"subscription_id": session.get("client_reference_id") or "", **(session.get("metadata") or {})}
    subscription = _locked_subscription(metadata=metadata)
    subscription.stripe_customer_id = str(session.get("customer") or subscription.stripe_customer_id)
    subscription.stripe_subscription_id = str(session.get("subscription") or subscription.stripe_subscription_id)
    subscription.checkout_session_id = str(session.get("id") or subscription.checkout_session_id)
    to = subscription.status
    if session.get("payment_status") in ("paid", "no_payment_required") and to in (
        SubscriptionStatus.INCOMPLETE, SubscriptionStatus.CANCELED, SubscriptionStatus.LAPSED,
    ):  # fmt: skip
        to = SubscriptionStatus.ACTIVE
    subscription_status_set(
        subscription=subscription, to=to, action="subscription.checkout_completed",
        changes={
            "session": subscription.checkout_session_id, "stripe_subscription": subscription.stripe_subscription_id,
        },
    )  # fmt: skip


def subscription_stripe_sync(*, stripe_subscription: dict, deleted: bool = False) -> None:
    """customer.subscription.created, .updated and .deleted: the plan (by its Stripe price), the period
    and the end of the subscription. Being paid (active again after a failure) is invoice.paid's to say,
    so that a late 'active' can never undo a failed renewal; a past-due status is invoice.payment_failed's."""
    subscription = _locked_subscription(
        stripe_subscription_id=stripe_subscription["id"], metadata=stripe_subscription.get("metadata")
    )
    changes = {}
    subscription.stripe_subscription_id = stripe_subscription["id"]
    subscription.stripe_customer_id = str(stripe_subscription.get("customer") or subscription.stripe_customer_id)
    plan = Plan.objects.filter(stripe_price_id=billing.price_id_of(stripe_subscription)).exclude(stripe_price_id="")
    plan = plan.first()
    if plan is not None and plan.pk != subscription.plan_id:
        changes["plan_changed"] = [subscription.plan.code, plan.code]
        subscription.plan = plan
    start, end = billing.period_of(stripe_subscription)
    if start and end:
        subscription.current_period_start, subscription.current_period_end = start, end
    status = stripe_subscription.get("status")
    to = subscription.status
    if deleted or status in ("canceled", "incomplete_expired"):
        to = SubscriptionStatus.CANCELED
        subscription.grace_until = None
    elif status in ("active", "trialing") and to == SubscriptionStatus.INCOMPLETE:
        to = SubscriptionStatus.ACTIVE
    action = "subscription.deleted" if deleted else "subscription.sync"
    subscription_status_set(
        subscription=subscription, to=to, action=action, changes={"stripe_status": status, **changes}
    )


def subscription_invoice_paid(*, stripe_invoice: dict) -> bool:
    """invoice.paid: a period is paid. Recorded once per Stripe invoice (a redelivery changes nothing); the
    subscription is active again (a failed renewal recovered, a lapse undone) and the period's platform
    invoice is issued (invoices) and sent. False when this invoice was recorded already."""
    subscription = _locked_subscription(
        stripe_subscription_id=billing.invoice_subscription_id(stripe_invoice),
        metadata=((stripe_invoice.get("parent") or {}).get("subscription_details") or {}).get("metadata"),
    )
    if SubscriptionInvoice.objects.filter(provider_reference=stripe_invoice["id"]).exists():
        return False
    subscription.stripe_subscription_id = subscription.stripe_subscription_id or billing.invoice_subscription_id(
        stripe_invoice
    )
    subscription.stripe_customer_id = subscription.stripe_customer_id or str(stripe_invoice.get("customer") or "")
    amount, currency = billing.invoice_amount_paid(stripe_invoice)
    start, end = billing.invoice_period(stripe_invoice)
    return _period_paid(
        subscription=subscription, reference=stripe_invoice["id"], amount=amount, currency=currency,
        period_start=start, period_end=end,
    )  # fmt: skip


def _period_paid(
    *, subscription: Subscription, reference: str, amount: Decimal, currency: str,
    period_start: datetime | None, period_end: datetime | None,
) -> bool:  # fmt: skip
    try:
        with transaction.atomic():
            period = SubscriptionInvoice.objects.create(
                subscription=subscription, provider_reference=reference, plan=subscription.plan, amount=amount,
                currency=currency, period_start=period_start, period_end=period_end, paid_at=timezone.now(),
            )  # fmt: skip
    except IntegrityError:
        return False  # a concurrent delivery of the same invoice recorded it
    before = subscription.status
    to = before if before == SubscriptionStatus.CANCELED else SubscriptionStatus.ACTIVE
    if period_start and period_end:
        subscription.current_period_start, subscription.current_period_end = period_start, period_end
    subscription.grace_until, subscription.payment_failed_at = None, None
    subscription.failed_invoice_id, subscription.dunning_step = "", 0
    action = (
        "subscription.recovered"
        if before in (SubscriptionStatus.PAST_DUE, SubscriptionStatus.LAPSED)
        else "subscription.paid"
    )
    subscription_status_set(
        subscription=subscription, to=to, action=action, changes={"invoice": reference, "amount": str(amount)}
    )
    if amount > 0:
        period.invoice = platform_invoice_issue(
            customer=subscription.dealer, currency=currency, reference=reference,
            description=_period_description(subscription=subscription, start=period_start, end=period_end),
            amount=amount,
        )  # fmt: skip
        period.save(update_fields=["invoice"])
    return True


def _period_description(*, subscription: Subscription, start: datetime | None, end: datetime | None) -> str:
    language = subscription.dealer.preferred_language
    with translation.override(language):
        name = plan_name(subscription.plan, language)
        if not (start and end):
            return gettext("%(plan)s plan, one month") % {"plan": name}
        return gettext("%(plan)s plan, %(start)s to %(end)s") % {
            "plan": name,
            "start": formats.date_format(timezone.localdate(start), "DATE_FORMAT"),
            "end": formats.date_format(timezone.localdate(end), "DATE_FORMAT"),
        }


def subscription_payment_failed(*, stripe_invoice: dict) -> bool:
    """invoice.payment_failed on a renewal: past due, with PLANS_GRACE_DAYS of grace, and the first
    dunning e-mail now. A failure while already past due (Stripe's own retries) changes nothing; a failed
    first payment leaves the subscription incomplete (the dealer is still on Starter)."""
    subscription = _locked_subscription(stripe_subscription_id=billing.invoice_subscription_id(stripe_invoice))
    if subscription.status != SubscriptionStatus.ACTIVE:
        return False
    now = timezone.now()
    subscription.payment_failed_at, subscription.failed_invoice_id = now, stripe_invoice["id"]
    subscription.grace_until = now + timedelta(days=settings.PLANS_GRACE_DAYS)
    subscription.dunning_step = 0
    subscription_status_set(
        subscription=subscription, to=SubscriptionStatus.PAST_DUE, action="subscription.payment_failed",
        changes={"invoice": stripe_invoice["id"], "grace_until": subscription.grace_until.isoformat()},
    )  # fmt: skip
    _dunning_send_due(subscription=subscription, now=now)
    return True


# --- Dunning and lapse (the beat job) -------------------------------------------------------------------


def subscription_dunning_advance(*, subscription_id: int, now: datetime | None = None) -> str:
    """One past-due subscription: lapse it to Starter once its grace has passed, else send the dunning
    e-mails that are due (day 0, 3 and 6 after the failure by default, each once). What it did."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().select_related("plan", "dealer").filter(pk=subscription_id).first()
        )
        if subscription is None or subscription.status != SubscriptionStatus.PAST_DUE:
            return "skipped"
        if subscription.grace_until and now >= subscription.grace_until:
            subscription_status_set(
                subscription=subscription, to=SubscriptionStatus.LAPSED, action="subscription.lapse",
                changes={"grace_until": subscription.grace_until.isoformat()},
            )  # fmt: skip
            notify(
                event="plan.lapsed", recipients=[subscription.dealer],
                context=_dunning_context(subscription), related_object=subscription,
            )  # fmt: skip
            return "lapsed"
        return "reminded" if _dunning_send_due(subscription=subscription, now=now) else "nothing_due"


def _dunning_send_due(*, subscription: Subscription, now: datetime) -> bool:
    """Send the latest dunning step that is due and not sent (steps missed by a stopped beat are not sent
    in a row: the latest says it all)."""
    elapsed_days = (now - subscription.payment_failed_at).days
    due = sum(1 for day in settings.PLANS_DUNNING_DAYS if day <= elapsed_days)
    if due <= subscription.dunning_step:
        return False
    subscription.dunning_step = due
    subscription.save(update_fields=["dunning_step", "updated_at"])
    audit_record(action="subscription.dunning", instance=subscription, changes={"step": due})
    notify(
        event="plan.payment_failed", recipients=[subscription.dealer],
        context={**_dunning_context(subscription), "step": due}, related_object=subscription,
    )  # fmt: skip
    return True


def _dunning_context(subscription: Subscription) -> dict:
    return {
        "subscription": subscription,
        "plan_name": plan_name(subscription.plan, subscription.dealer.preferred_language),
        "amount": subscription.plan.price_per_month,
        "currency": subscription.plan.currency,
        "grace_until": subscription.grace_until,
        "manage_url": settings.SITE_URL + "/api/v1/subscription/",
    }
