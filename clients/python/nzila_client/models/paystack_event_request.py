from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.paystack_event_request_data import PaystackEventRequestData


T = TypeVar("T", bound="PaystackEventRequest")


@_attrs_define
class PaystackEventRequest:
    """Paystack's event as it posts it: {event, data} (README, Payments, Paystack).

    Attributes:
        event (str): charge.success, refund.processed, refund.failed ...
        data (PaystackEventRequestData): The transaction or refund
    """

    event: str
    data: PaystackEventRequestData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paystack_event_request_data import PaystackEventRequestData

        d = dict(src_dict)
        event = d.pop("event")

        data = PaystackEventRequestData.from_dict(d.pop("data"))

        paystack_event_request = cls(
            event=event,
            data=data,
        )

        paystack_event_request.additional_properties = d
        return paystack_event_request

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
