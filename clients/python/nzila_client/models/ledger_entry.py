from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kind_enum import KindEnum

T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """Amounts are shown with exactly their currency's number of decimals: "100.13" CAD, "5000" XOF.

    Attributes:
        id (int):
        kind (KindEnum): * `charge` - Charge
            * `refund` - Refund
            * `fee` - Fee
            * `dispute` - Dispute
            * `dispute_won` - Dispute won
            * `dispute_lost` - Dispute lost
        payment (int):
        deal (int):
        amount (str):
        currency (str):
        deal_amount (str):
        deal_currency (str):
        amount_cad (str):
        provider_reference (str):
        note (str):
        created_at (datetime.datetime):
    """

    id: int
    kind: KindEnum
    payment: int
    deal: int
    amount: str
    currency: str
    deal_amount: str
    deal_currency: str
    amount_cad: str
    provider_reference: str
    note: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        payment = self.payment

        deal = self.deal

        amount = self.amount

        currency = self.currency

        deal_amount = self.deal_amount

        deal_currency = self.deal_currency

        amount_cad = self.amount_cad

        provider_reference = self.provider_reference

        note = self.note

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "payment": payment,
                "deal": deal,
                "amount": amount,
                "currency": currency,
                "deal_amount": deal_amount,
                "deal_currency": deal_currency,
                "amount_cad": amount_cad,
                "provider_reference": provider_reference,
                "note": note,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        kind = KindEnum(d.pop("kind"))

        payment = d.pop("payment")

        deal = d.pop("deal")

        amount = d.pop("amount")

        currency = d.pop("currency")

        deal_amount = d.pop("deal_amount")

        deal_currency = d.pop("deal_currency")

        amount_cad = d.pop("amount_cad")

        provider_reference = d.pop("provider_reference")

        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ledger_entry = cls(
            id=id,
            kind=kind,
            payment=payment,
            deal=deal,
            amount=amount,
            currency=currency,
            deal_amount=deal_amount,
            deal_currency=deal_currency,
            amount_cad=amount_cad,
            provider_reference=provider_reference,
            note=note,
            created_at=created_at,
        )

        ledger_entry.additional_properties = d
        return ledger_entry

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
