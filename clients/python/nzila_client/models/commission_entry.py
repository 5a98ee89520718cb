from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commission_entry_kind_enum import CommissionEntryKindEnum

T = TypeVar("T", bound="CommissionEntry")


@_attrs_define
class CommissionEntry:
    """
    Attributes:
        kind (CommissionEntryKindEnum): * `accrual` - Accrual
            * `adjustment` - Tier adjustment
            * `reversal` - Reversal
        amount_cad (str):
        percent (str): The rate this entry brings it to
        note (str):
        created_at (datetime.datetime):
    """

    kind: CommissionEntryKindEnum
    amount_cad: str
    percent: str
    note: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        amount_cad = self.amount_cad

        percent = self.percent

        note = self.note

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "amount_cad": amount_cad,
                "percent": percent,
                "note": note,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = CommissionEntryKindEnum(d.pop("kind"))

        amount_cad = d.pop("amount_cad")

        percent = d.pop("percent")

        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        commission_entry = cls(
            kind=kind,
            amount_cad=amount_cad,
            percent=percent,
            note=note,
            created_at=created_at,
        )

        commission_entry.additional_properties = d
        return commission_entry

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
