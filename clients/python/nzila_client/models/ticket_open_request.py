from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_category_enum import TicketCategoryEnum
from ..models.ticket_priority_enum import TicketPriorityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketOpenRequest")


@_attrs_define
class TicketOpenRequest:
    """
    Attributes:
        subject (str):
        category (TicketCategoryEnum): * `delay` - Delay
            * `damage` - Damage or missing items
            * `payment` - Payment or refund
            * `documents` - Documents
            * `other` - Other
        body (str): The first message: what happened.
        priority (TicketPriorityEnum | Unset): * `low` - Low
            * `normal` - Normal
            * `high` - High
            * `urgent` - Urgent Default: TicketPriorityEnum.NORMAL.
        deal (int | None | Unset):
        payment (int | None | Unset):
        shipment (int | None | Unset):
    """

    subject: str
    category: TicketCategoryEnum
    body: str
    priority: TicketPriorityEnum | Unset = TicketPriorityEnum.NORMAL
    deal: int | None | Unset = UNSET
    payment: int | None | Unset = UNSET
    shipment: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        category = self.category.value

        body = self.body

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        deal: int | None | Unset
        if isinstance(self.deal, Unset):
            deal = UNSET
        else:
            deal = self.deal

        payment: int | None | Unset
        if isinstance(self.payment, Unset):
            payment = UNSET
        else:
            payment = self.payment

        shipment: int | None | Unset
        if isinstance(self.shipment, Unset):
            shipment = UNSET
        else:
            shipment = self.shipment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "category": category,
                "body": body,
            }
        )
        if priority is not UNSET:
            field_dict["priority"] = priority
        if deal is not UNSET:
            field_dict["deal"] = deal
        if payment is not UNSET:
            field_dict["payment"] = payment
        if shipment is not UNSET:
            field_dict["shipment"] = shipment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        category = TicketCategoryEnum(d.pop("category"))

        body = d.pop("body")

        _priority = d.pop("priority", UNSET)
        priority: TicketPriorityEnum | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = TicketPriorityEnum(_priority)

        def _parse_deal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deal = _parse_deal(d.pop("deal", UNSET))

        def _parse_payment(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment = _parse_payment(d.pop("payment", UNSET))

        def _parse_shipment(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shipment = _parse_shipment(d.pop("shipment", UNSET))

        ticket_open_request = cls(
            subject=subject,
            category=category,
            body=body,
            priority=priority,
            deal=deal,
            payment=payment,
            shipment=shipment,
        )

        ticket_open_request.additional_properties = d
        return ticket_open_request

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
