from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payout_rail_enum import PayoutRailEnum
from ..models.payout_status_enum import PayoutStatusEnum

T = TypeVar("T", bound="Payout")


@_attrs_define
class Payout:
    """A payout of the commission: the CAD amount, and what the broker is paid in the rail's currency.

    Attributes:
        id (int):
        commission (int):
        rail (PayoutRailEnum): * `bank_transfer` - Bank transfer
            * `stripe_connect` - Stripe Connect
            * `mtn_momo` - MTN MoMo
            * `mpesa_b2c` - M-Pesa
        status (PayoutStatusEnum): * `pending` - Pending
            * `processing` - Processing
            * `succeeded` - Succeeded
            * `failed` - Failed Default: PayoutStatusEnum.PENDING.
        status_changed_at (datetime.datetime):
        amount_cad (str):
        amount (str): What the broker is paid
        currency (str):
        rate (str): Units of the currency paid per CAD
        rate_date (datetime.date | None): The day of the rate; empty when paid in CAD
        reference (UUID):
        provider_reference (str):
        failure_reason (str): Why the payout failed; empty unless it failed
        requested_at (datetime.datetime):
        settled_at (datetime.datetime | None):
    """

    id: int
    commission: int
    rail: PayoutRailEnum
    status_changed_at: datetime.datetime
    amount_cad: str
    amount: str
    currency: str
    rate: str
    rate_date: datetime.date | None
    reference: UUID
    provider_reference: str
    failure_reason: str
    requested_at: datetime.datetime
    settled_at: datetime.datetime | None
    status: PayoutStatusEnum = PayoutStatusEnum.PENDING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        commission = self.commission

        rail = self.rail.value

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        amount_cad = self.amount_cad

        amount = self.amount

        currency = self.currency

        rate = self.rate

        rate_date: None | str
        if isinstance(self.rate_date, datetime.date):
            rate_date = self.rate_date.isoformat()
        else:
            rate_date = self.rate_date

        reference = str(self.reference)

        provider_reference = self.provider_reference

        failure_reason = self.failure_reason

        requested_at = self.requested_at.isoformat()

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "commission": commission,
                "rail": rail,
                "status": status,
                "status_changed_at": status_changed_at,
                "amount_cad": amount_cad,
                "amount": amount,
                "currency": currency,
                "rate": rate,
                "rate_date": rate_date,
                "reference": reference,
                "provider_reference": provider_reference,
                "failure_reason": failure_reason,
                "requested_at": requested_at,
                "settled_at": settled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        commission = d.pop("commission")

        rail = PayoutRailEnum(d.pop("rail"))

        status = PayoutStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        amount_cad = d.pop("amount_cad")

        amount = d.pop("amount")

        currency = d.pop("currency")

        rate = d.pop("rate")

        def _parse_rate_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_date_type_0 = datetime.date.fromisoformat(data)

                return rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rate_date = _parse_rate_date(d.pop("rate_date"))

        reference = UUID(d.pop("reference"))

        provider_reference = d.pop("provider_reference")

        failure_reason = d.pop("failure_reason")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settled_at"))

        payout = cls(
            id=id,
            commission=commission,
            rail=rail,
            status=status,
            status_changed_at=status_changed_at,
            amount_cad=amount_cad,
            amount=amount,
            currency=currency,
            rate=rate,
            rate_date=rate_date,
            reference=reference,
            provider_reference=provider_reference,
            failure_reason=failure_reason,
            requested_at=requested_at,
            settled_at=settled_at,
        )

        payout.additional_properties = d
        return payout

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
