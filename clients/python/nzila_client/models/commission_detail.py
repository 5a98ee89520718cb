from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commission_role_enum import CommissionRoleEnum
from ..models.commission_status_enum import CommissionStatusEnum

if TYPE_CHECKING:
    from ..models.commission_entry import CommissionEntry
    from ..models.payout import Payout


T = TypeVar("T", bound="CommissionDetail")


@_attrs_define
class CommissionDetail:
    """The deal's price in its own currency and its rate to CAD, the tier, every entry, the hold, the dates
    it was approved and paid, and its payouts (a failed one, then the one that paid it).

        Attributes:
            id (int):
            deal (int):
            broker (int):
            role (CommissionRoleEnum): * `closing` - Closing broker
                * `referring` - Referring broker Default: CommissionRoleEnum.CLOSING.
            status (CommissionStatusEnum): * `pending` - Pending
                * `approved` - Approved
                * `paid` - Paid
                * `held` - Held
                * `reversed` - Reversed
            status_changed_at (datetime.datetime):
            plan (int):
            plan_name (str):
            percent (str): The tier's rate, as last computed
            share_percent (str): This broker's share of the deal's commission
            base_cad (str): The deal in CAD
            amount_cad (str): What it is worth: the sum of its entries (accrual, adjustments, reversal)
            period_start (datetime.date): The first day of the plan period the deal completed in
            completed_on (datetime.date):
            tier (int):
            deal_amount (str): The agreed price
            deal_currency (str):
            cad_rate (str): CAD per unit of the deal's currency
            entries (list[CommissionEntry]):
            hold_reason (str): Why the commission is held; empty when it is not
            approved_at (datetime.datetime | None):
            paid_at (datetime.datetime | None):
            payouts (list[Payout]):
    """

    id: int
    deal: int
    broker: int
    status: CommissionStatusEnum
    status_changed_at: datetime.datetime
    plan: int
    plan_name: str
    percent: str
    share_percent: str
    base_cad: str
    amount_cad: str
    period_start: datetime.date
    completed_on: datetime.date
    tier: int
    deal_amount: str
    deal_currency: str
    cad_rate: str
    entries: list[CommissionEntry]
    hold_reason: str
    approved_at: datetime.datetime | None
    paid_at: datetime.datetime | None
    payouts: list[Payout]
    role: CommissionRoleEnum = CommissionRoleEnum.CLOSING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        deal = self.deal

        broker = self.broker

        role = self.role.value

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        plan = self.plan

        plan_name = self.plan_name

        percent = self.percent

        share_percent = self.share_percent

        base_cad = self.base_cad

        amount_cad = self.amount_cad

        period_start = self.period_start.isoformat()

        completed_on = self.completed_on.isoformat()

        tier = self.tier

        deal_amount = self.deal_amount

        deal_currency = self.deal_currency

        cad_rate = self.cad_rate

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        hold_reason = self.hold_reason

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payouts = []
        for payouts_item_data in self.payouts:
            payouts_item = payouts_item_data.to_dict()
            payouts.append(payouts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deal": deal,
                "broker": broker,
                "role": role,
                "status": status,
                "status_changed_at": status_changed_at,
                "plan": plan,
                "plan_name": plan_name,
                "percent": percent,
                "share_percent": share_percent,
                "base_cad": base_cad,
                "amount_cad": amount_cad,
                "period_start": period_start,
                "completed_on": completed_on,
                "tier": tier,
                "deal_amount": deal_amount,
                "deal_currency": deal_currency,
                "cad_rate": cad_rate,
                "entries": entries,
                "hold_reason": hold_reason,
                "approved_at": approved_at,
                "paid_at": paid_at,
                "payouts": payouts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.commission_entry import CommissionEntry
        from ..models.payout import Payout

        d = dict(src_dict)
        id = d.pop("id")

        deal = d.pop("deal")

        broker = d.pop("broker")

        role = CommissionRoleEnum(d.pop("role"))

        status = CommissionStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        plan = d.pop("plan")

        plan_name = d.pop("plan_name")

        percent = d.pop("percent")

        share_percent = d.pop("share_percent")

        base_cad = d.pop("base_cad")

        amount_cad = d.pop("amount_cad")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        tier = d.pop("tier")

        deal_amount = d.pop("deal_amount")

        deal_currency = d.pop("deal_currency")

        cad_rate = d.pop("cad_rate")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = CommissionEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        hold_reason = d.pop("hold_reason")

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        payouts = []
        _payouts = d.pop("payouts")
        for payouts_item_data in _payouts:
            payouts_item = Payout.from_dict(payouts_item_data)

            payouts.append(payouts_item)

        commission_detail = cls(
            id=id,
            deal=deal,
            broker=broker,
            role=role,
            status=status,
            status_changed_at=status_changed_at,
            plan=plan,
            plan_name=plan_name,
            percent=percent,
            share_percent=share_percent,
            base_cad=base_cad,
            amount_cad=amount_cad,
            period_start=period_start,
            completed_on=completed_on,
            tier=tier,
            deal_amount=deal_amount,
            deal_currency=deal_currency,
            cad_rate=cad_rate,
            entries=entries,
            hold_reason=hold_reason,
            approved_at=approved_at,
            paid_at=paid_at,
            payouts=payouts,
        )

        commission_detail.additional_properties = d
        return commission_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
