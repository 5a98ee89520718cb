from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommissionMonth")


@_attrs_define
class CommissionMonth:
    """
    Attributes:
        earned (str): Every commission not reversed: pending + approved + held + paid
        pending (str):
        approved (str): Approved and not yet paid
        held (str):
        paid (str):
        month (str): YYYY-MM
    """

    earned: str
    pending: str
    approved: str
    held: str
    paid: str
    month: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        earned = self.earned

        pending = self.pending

        approved = self.approved

        held = self.held

        paid = self.paid

        month = self.month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "earned": earned,
                "pending": pending,
                "approved": approved,
                "held": held,
                "paid": paid,
                "month": month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        earned = d.pop("earned")

        pending = d.pop("pending")

        approved = d.pop("approved")

        held = d.pop("held")

        paid = d.pop("paid")

        month = d.pop("month")

        commission_month = cls(
            earned=earned,
            pending=pending,
            approved=approved,
            held=held,
            paid=paid,
            month=month,
        )

        commission_month.additional_properties = d
        return commission_month

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
