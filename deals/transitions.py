"""Who may make each move of a deal, and what each move needs. The moves themselves are
deals.models.DEAL_MOVES:

    draft → pending_documents → pending_payment → paid → in_transit → delivered → completed
    cancelled from any state before in_transit (with a reason)

Each required document is due by a stage, as in real exports (documents.requirements): the bill of
sale, ownership, lien search and commercial invoice before payment; the export declaration and the
destination's pre-shipment documents before departure; the bill of lading once loaded.
"""

from django.utils.translation import gettext

from deals.hooks import AMOUNT_PAID
from deals.models import Deal, DealStatus

# Who may ask for each move. Staff may make any; `None` (the platform itself: a payment that covers
# the price, a shipment that arrives) may too. The buyer confirms completion and may cancel until paid.
DEALER, BUYER = "dealer", "buyer"
MOVERS = {
    DealStatus.PENDING_DOCUMENTS: {DEALER},
    DealStatus.PENDING_PAYMENT: {DEALER},
    DealStatus.PAID: set(),
    DealStatus.IN_TRANSIT: {DEALER},
    DealStatus.DELIVERED: set(),
    DealStatus.COMPLETED: {BUYER},
    DealStatus.CANCELLED: {DEALER, BUYER},
}


def actor_may_move(*, deal: Deal, to: str, actor) -> bool:
    if actor is None or actor.is_platform_staff:
        return True
    roles = set()
    if actor.pk == deal.dealer_id:
        roles.add(DEALER)
    if actor.pk == deal.buyer_id and not (to == DealStatus.CANCELLED and deal.status == DealStatus.PAID):
        roles.add(BUYER)
    return bool(roles & MOVERS[to])


def move_blockers(*, deal: Deal, to: str, reason: str) -> list[str]:
    """What stands between the deal and `to`, in words a person can act on; empty when nothing."""
    if to == DealStatus.CANCELLED:
        return [] if reason.strip() else [gettext("A reason is required to cancel a deal.")]
    if to == DealStatus.PENDING_PAYMENT:
        return _documents_blocker(deal=deal, stage="before_payment", before="payment")
    if to == DealStatus.PAID:
        return _payment_blocker(deal=deal)
    if to == DealStatus.IN_TRANSIT:
        return _shipment_blocker(deal=deal, needs="departed") + _documents_blocker(
            deal=deal, stage="before_departure", before="departure"
        )
    if to == DealStatus.DELIVERED:
        return _shipment_blocker(deal=deal, needs="delivered")
    return []


# Documents, payments and shipments are built on deals (their rows point at a deal), so each
# condition imports its app's selector when a move is checked, not when deals is loaded.


def _documents_blocker(*, deal: Deal, stage: str, before: str) -> list[str]:
    from documents.models import DocumentType
    from documents.requirements import deal_documents_missing

    missing = deal_documents_missing(deal=deal, stage=stage)
    if not missing:
        return []
    message = (
        gettext("Documents due before payment are not verified yet: %(documents)s.")
        if before == "payment"
        else gettext("Documents due before departure are not verified yet: %(documents)s.")
    )
    # Named as the reader reads them (the checklist gives the codes).
    return [message % {"documents": ", ".join(str(DocumentType(code).label) for code in missing)}]


def _payment_blocker(*, deal: Deal) -> list[str]:
    paid = AMOUNT_PAID.ask(deal=deal)
    if paid < deal.agreed_price:
        return [
            gettext("Payments cover %(paid)s of the agreed %(price)s %(currency)s.")
            % {"paid": paid, "price": deal.agreed_price, "currency": deal.currency}
        ]
    return []


def _shipment_blocker(*, deal: Deal, needs: str) -> list[str]:
    from shipments.selectors import deal_shipment_delivered, deal_shipment_departed

    if needs == "departed" and not deal_shipment_departed(deal=deal):
        return [gettext("No shipment of this deal has departed yet.")]
    if needs == "delivered" and not deal_shipment_delivered(deal=deal):
        return [gettext("The shipment has not been delivered yet.")]
    return []
