"""Whose figures a report counts, and over which days.

A scope is the caller's role and id: staff count the whole platform, a dealer what concerns its listings
(their leads, deals, payments, shipments and the commissions on its deals), a broker the deals it closed
(`Deal.broker`), the leads assigned to it and its own commissions. Buyers and visitors have no reports.
"""

from dataclasses import dataclass

from django.db.models import Q

from accounts.models import Role


class NoReports(Exception):
    """The user has no reports (a buyer): the API's permission refuses before a scope is asked for."""


@dataclass(frozen=True)
class ReportScope:
    role: str
    user_id: int | None = None

    @property
    def key(self) -> str:
        return self.role if self.user_id is None else f"{self.role}-{self.user_id}"

    def deals(self, path: str = "") -> Q:
        """Rows whose deal (reached through `path`, e.g. "deal__") is in the scope; a Lead has the same fields."""
        if self.role == Role.DEALER:
            return Q(**{f"{path}dealer_id": self.user_id})
        if self.role == Role.BROKER:
            return Q(**{f"{path}broker_id": self.user_id})
        return Q()

    def commissions(self) -> Q:
        """A broker's own commissions (closing or referring); a dealer's, those on its deals."""
        if self.role == Role.DEALER:
            return Q(deal__dealer_id=self.user_id)
        if self.role == Role.BROKER:
            return Q(broker_id=self.user_id)
        return Q()


def report_scope_for(*, user) -> ReportScope:
    if user.is_platform_staff:
        return ReportScope(role=Role.STAFF)
    if user.role in (Role.DEALER, Role.BROKER):
        return ReportScope(role=user.role, user_id=user.pk)
    raise NoReports(user.pk)


def report_scope_has_reports(*, user) -> bool:
    return bool(user and user.is_authenticated and (user.is_platform_staff or user.role in (Role.DEALER, Role.BROKER)))
