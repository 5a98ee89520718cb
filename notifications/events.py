"""Every event a person can be told about. Adding one takes a line here and its templates in
notifications/templates/notifications/events/<event>/<en|fr>/: subject.txt and body.txt, and
optionally short.txt (SMS, WhatsApp) and body.html (otherwise body.txt in the e-mail layout).

`urgent` events (payments, security) go at once, even in quiet hours, and are never batched.
`channels` narrows where an event may go; the person's preferences narrow it further.
`whatsapp_template` names the approved WhatsApp template used outside the 24-hour window: every event
that may go on WhatsApp has one, in English and French (notifications/whatsapp.py; its Content SID on
Twilio comes from settings.TWILIO_WHATSAPP_CONTENT_SIDS, the Cloud API takes its name).
"""

from dataclasses import dataclass

from notifications.models import Category, Channel

ALL_CHANNELS = (Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP, Channel.SMS)


@dataclass(frozen=True)
class EventSpec:
    category: Category = Category.TRANSACTIONAL
    urgent: bool = False
    channels: tuple[Channel, ...] = ALL_CHANNELS
    whatsapp_template: str = ""


EVENTS: dict[str, EventSpec] = {
    "account.welcome": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "account.password_reset": EventSpec(urgent=True, channels=(Channel.EMAIL,)),
    "account.password_changed": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    "lead.received": EventSpec(
        channels=(Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP), whatsapp_template="lead_received"
    ),
    # The buyer asked for these (a saved search, a watched price): transactional, never urgent.
    "vehicle.saved_search_match": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "vehicle.price_drop": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "lead.follow_up": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "deal.created": EventSpec(whatsapp_template="deal_update"),
    "deal.moved": EventSpec(whatsapp_template="deal_update"),
    "deal.stalled": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "deal.held_for_review": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    # Payments: money moved or failed to (urgent: at once, even in quiet hours); rates are for staff.
    "payment.received": EventSpec(urgent=True, whatsapp_template="payment_update"),
    "payment.failed": EventSpec(urgent=True, whatsapp_template="payment_update"),
    "payment.refunded": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "payment.disputed": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    # Fraud controls: the buyer learns its payment is being checked; staff that one waits or was blocked.
    "payment.held": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "payment.review_needed": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "payment.blocked": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "payment.provider_mismatch": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "payments.reconciliation": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "exchange_rates.stale": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    # Staff: a provider's event could not be applied after every attempt (the webhook inbox gave up).
    "webhook.abandoned": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    # The uploader learns the review of its document (a rejection says why, so that it can be replaced).
    "document.verified": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "document.rejected": EventSpec(
        channels=(Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP), whatsapp_template="document_rejected"
    ),
    # The buyer follows its car: each new shipment event (send_shipment_updates) and each missed ETA.
    "shipment.event": EventSpec(
        channels=(Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP), whatsapp_template="shipment_update"
    ),
    "shipment.delayed": EventSpec(
        channels=(Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP), whatsapp_template="shipment_delayed"
    ),
    # Invoices: each document goes to the buyer with its PDF (attached to the e-mail, a WhatsApp
    # document); reminders and the overdue notice carry the amount due and the link to pay.
    "invoice.issued": EventSpec(whatsapp_template="invoice_document"),
    "invoice.credit_note_issued": EventSpec(whatsapp_template="invoice_document"),
    "invoice.receipt_issued": EventSpec(whatsapp_template="invoice_document"),
    # The platform's own invoice to a dealer for its plan's period, paid when issued (e-mail with its PDF).
    "invoice.platform_issued": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    # Dealers' plans: a failed renewal's dunning (day 0, 3, 6: money, so at once) and the lapse to Starter.
    "plan.payment_failed": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "plan.lapsed": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL)),
    "invoice.payment_reminder": EventSpec(whatsapp_template="invoice_update"),
    "invoice.overdue": EventSpec(whatsapp_template="invoice_update"),
    # Brokers: the monthly statement of their commissions, its CSV and PDF attached (so e-mail, and in-app).
    "commission.statement": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    # Brokers: a commission was paid to them (money moved: at once, by SMS too).
    "commission.paid": EventSpec(urgent=True, channels=(Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    # Privacy: the link to a person's data export; the deletion of an account, to its owner (deactivated, so by
    # e-mail only, at once: it carries the link to cancel) and to staff.
    "privacy.export_ready": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "privacy.deletion_scheduled": EventSpec(urgent=True, channels=(Channel.EMAIL,)),
    "privacy.deletion_requested": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    # Support desk: staff answered the person's ticket (in the app, by e-mail and on WhatsApp; the e-mail's
    # Reply-To is the ticket's signed reply address). Staff: a ticket was opened (to every staff member), and
    # its opener wrote on it (to its assignee), in the app, by e-mail or on WhatsApp.
    "support.reply": EventSpec(
        channels=(Channel.IN_APP, Channel.EMAIL, Channel.WHATSAPP), whatsapp_template="support_reply"
    ),
    "support.ticket_opened": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
    "support.customer_replied": EventSpec(channels=(Channel.IN_APP, Channel.EMAIL)),
}
