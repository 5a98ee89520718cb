from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RailSuccess")


@_attrs_define
class RailSuccess:
    """
    Attributes:
        attempts (int):
        succeeded (int):
        failed (int):
        open_ (int): Pending, awaiting 3-D Secure or held for review
        success_rate (None | str): succeeded / (succeeded + failed); three decimals, null when nothing to divide
        captured_cad (str): CAD, Decimal string
        rail (str):
        rail_name (str):
    """

    attempts: int
    succeeded: int
    failed: int
    open_: int
    success_rate: None | str
    captured_cad: str
    rail: str
    rail_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        succeeded = self.succeeded

        failed = self.failed

        open_ = self.open_

        success_rate: None | str
        success_rate = self.success_rate

        captured_cad = self.captured_cad

        rail = self.rail

        rail_name = self.rail_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "succeeded": succeeded,
                "failed": failed,
                "open": open_,
                "success_rate": success_rate,
                "captured_cad": captured_cad,
                "rail": rail,
                "rail_name": rail_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        open_ = d.pop("open")

        def _parse_success_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        success_rate = _parse_success_rate(d.pop("success_rate"))

        captured_cad = d.pop("captured_cad")

        rail = d.pop("rail")

        rail_name = d.pop("rail_name")

        rail_success = cls(
            attempts=attempts,
            succeeded=succeeded,
            failed=failed,
            open_=open_,
            success_rate=success_rate,
            captured_cad=captured_cad,
            rail=rail,
            rail_name=rail_name,
        )

        rail_success.additional_properties = d
        return rail_success

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
