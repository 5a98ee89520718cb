from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.commission_month import CommissionMonth


T = TypeVar("T", bound="CommissionSummary")


@_attrs_define
class CommissionSummary:
    """
    Attributes:
        earned (str): Every commission not reversed: pending + approved + held + paid
        pending (str):
        approved (str): Approved and not yet paid
        held (str):
        paid (str):
        broker (int):
        year (int):
        currency (str): Always CAD
        by_month (list[CommissionMonth]): January to December
    """

    earned: str
    pending: str
    approved: str
    held: str
    paid: str
    broker: int
    year: int
    currency: str
    by_month: list[CommissionMonth]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        earned = self.earned

        pending = self.pending

        approved = self.approved

        held = self.held

        paid = self.paid

        broker = self.broker

        year = self.year

        currency = self.currency

        by_month = []
        for by_month_item_data in self.by_month:
            by_month_item = by_month_item_data.to_dict()
            by_month.append(by_month_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "earned": earned,
                "pending": pending,
                "approved": approved,
                "held": held,
                "paid": paid,
                "broker": broker,
                "year": year,
                "currency": currency,
                "by_month": by_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.commission_month import CommissionMonth

        d = dict(src_dict)
        earned = d.pop("earned")

        pending = d.pop("pending")

        approved = d.pop("approved")

        held = d.pop("held")

        paid = d.pop("paid")

        broker = d.pop("broker")

        year = d.pop("year")

        currency = d.pop("currency")

        by_month = []
        _by_month = d.pop("by_month")
        for by_month_item_data in _by_month:
            by_month_item = CommissionMonth.from_dict(by_month_item_data)

            by_month.append(by_month_item)

        commission_summary = cls(
            earned=earned,
            pending=pending,
            approved=approved,
            held=held,
            paid=paid,
            broker=broker,
            year=year,
            currency=currency,
            by_month=by_month,
        )

        commission_summary.additional_properties = d
        return commission_summary

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
