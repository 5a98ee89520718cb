from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommissionStatusFigures")


@_attrs_define
class CommissionStatusFigures:
    """
    Attributes:
        status (str):
        status_name (str):
        commissions (int):
        amount_cad (str): CAD, Decimal string
    """

    status: str
    status_name: str
    commissions: int
    amount_cad: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        status_name = self.status_name

        commissions = self.commissions

        amount_cad = self.amount_cad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "status_name": status_name,
                "commissions": commissions,
                "amount_cad": amount_cad,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")

        status_name = d.pop("status_name")

        commissions = d.pop("commissions")

        amount_cad = d.pop("amount_cad")

        commission_status_figures = cls(
            status=status,
            status_name=status_name,
            commissions=commissions,
            amount_cad=amount_cad,
        )

        commission_status_figures.additional_properties = d
        return commission_status_figures

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
