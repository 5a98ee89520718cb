from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_line_input_request import InvoiceLineInputRequest


T = TypeVar("T", bound="PatchedInvoiceUpdateRequest")


@_attrs_define
class PatchedInvoiceUpdateRequest:
    """
    Attributes:
        lines (list[InvoiceLineInputRequest] | Unset): All the lines, in order, in place of the draft's: they must add
            up to the deal's agreed price
        due_on (datetime.date | Unset): Today or later
    """

    lines: list[InvoiceLineInputRequest] | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lines is not UNSET:
            field_dict["lines"] = lines
        if due_on is not UNSET:
            field_dict["due_on"] = due_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.invoice_line_input_request import InvoiceLineInputRequest

        d = dict(src_dict)
        _lines = d.pop("lines", UNSET)
        lines: list[InvoiceLineInputRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = InvoiceLineInputRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        patched_invoice_update_request = cls(
            lines=lines,
            due_on=due_on,
        )

        patched_invoice_update_request.additional_properties = d
        return patched_invoice_update_request

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
