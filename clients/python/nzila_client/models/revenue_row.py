from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RevenueRow")


@_attrs_define
class RevenueRow:
    """
    Attributes:
        currency (str):
        charged (str): Decimal string, to the currency's exponent
        refunded (str): Negative: refunds made
        net (str): Every entry: charges less refunds, fees and disputes
        net_cad (str): The net at each payment's own CAD rate
        entries (int):
        period (str): YYYY-MM-DD or YYYY-MM
    """

    currency: str
    charged: str
    refunded: str
    net: str
    net_cad: str
    entries: int
    period: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        charged = self.charged

        refunded = self.refunded

        net = self.net

        net_cad = self.net_cad

        entries = self.entries

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "charged": charged,
                "refunded": refunded,
                "net": net,
                "net_cad": net_cad,
                "entries": entries,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        charged = d.pop("charged")

        refunded = d.pop("refunded")

        net = d.pop("net")

        net_cad = d.pop("net_cad")

        entries = d.pop("entries")

        period = d.pop("period")

        revenue_row = cls(
            currency=currency,
            charged=charged,
            refunded=refunded,
            net=net,
            net_cad=net_cad,
            entries=entries,
            period=period,
        )

        revenue_row.additional_properties = d
        return revenue_row

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
