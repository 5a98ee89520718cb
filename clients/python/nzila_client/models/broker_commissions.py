from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BrokerCommissions")


@_attrs_define
class BrokerCommissions:
    """
    Attributes:
        broker (int):
        broker_name (str):
        commissions (int):
        earned_cad (str): Every commission not reversed
        paid_cad (str): CAD, Decimal string
    """

    broker: int
    broker_name: str
    commissions: int
    earned_cad: str
    paid_cad: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        broker = self.broker

        broker_name = self.broker_name

        commissions = self.commissions

        earned_cad = self.earned_cad

        paid_cad = self.paid_cad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "broker": broker,
                "broker_name": broker_name,
                "commissions": commissions,
                "earned_cad": earned_cad,
                "paid_cad": paid_cad,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        broker = d.pop("broker")

        broker_name = d.pop("broker_name")

        commissions = d.pop("commissions")

        earned_cad = d.pop("earned_cad")

        paid_cad = d.pop("paid_cad")

        broker_commissions = cls(
            broker=broker,
            broker_name=broker_name,
            commissions=commissions,
            earned_cad=earned_cad,
            paid_cad=paid_cad,
        )

        broker_commissions.additional_properties = d
        return broker_commissions

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
