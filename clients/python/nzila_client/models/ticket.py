from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_category_enum import TicketCategoryEnum
from ..models.ticket_priority_enum import TicketPriorityEnum
from ..models.ticket_status_enum import TicketStatusEnum

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """
    Attributes:
        id (int):
        subject (str):
        category (TicketCategoryEnum): * `delay` - Delay
            * `damage` - Damage or missing items
            * `payment` - Payment or refund
            * `documents` - Documents
            * `other` - Other
        status (TicketStatusEnum): * `open` - Open
            * `in_progress` - In progress
            * `waiting_on_customer` - Waiting on customer
            * `resolved` - Resolved
            * `closed` - Closed
        priority (TicketPriorityEnum): * `low` - Low
            * `normal` - Normal
            * `high` - High
            * `urgent` - Urgent
        deal (int | None):
        payment (int | None):
        shipment (int | None):
        opened_by (int):
        assigned_to (int | None):
        created_at (datetime.datetime):
        status_changed_at (datetime.datetime):
        first_response_due_at (datetime.datetime):
        first_response_at (datetime.datetime | None):
        resolution_due_at (datetime.datetime):
        resolved_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        is_overdue (bool): Unresolved and past a target.
    """

    id: int
    subject: str
    category: TicketCategoryEnum
    status: TicketStatusEnum
    priority: TicketPriorityEnum
    deal: int | None
    payment: int | None
    shipment: int | None
    opened_by: int
    assigned_to: int | None
    created_at: datetime.datetime
    status_changed_at: datetime.datetime
    first_response_due_at: datetime.datetime
    first_response_at: datetime.datetime | None
    resolution_due_at: datetime.datetime
    resolved_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    is_overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subject = self.subject

        category = self.category.value

        status = self.status.value

        priority = self.priority.value

        deal: int | None
        deal = self.deal

        payment: int | None
        payment = self.payment

        shipment: int | None
        shipment = self.shipment

        opened_by = self.opened_by

        assigned_to: int | None
        assigned_to = self.assigned_to

        created_at = self.created_at.isoformat()

        status_changed_at = self.status_changed_at.isoformat()

        first_response_due_at = self.first_response_due_at.isoformat()

        first_response_at: None | str
        if isinstance(self.first_response_at, datetime.datetime):
            first_response_at = self.first_response_at.isoformat()
        else:
            first_response_at = self.first_response_at

        resolution_due_at = self.resolution_due_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        is_overdue = self.is_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subject": subject,
                "category": category,
                "status": status,
                "priority": priority,
                "deal": deal,
                "payment": payment,
                "shipment": shipment,
                "opened_by": opened_by,
                "assigned_to": assigned_to,
                "created_at": created_at,
                "status_changed_at": status_changed_at,
                "first_response_due_at": first_response_due_at,
                "first_response_at": first_response_at,
                "resolution_due_at": resolution_due_at,
                "resolved_at": resolved_at,
                "closed_at": closed_at,
                "is_overdue": is_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        subject = d.pop("subject")

        category = TicketCategoryEnum(d.pop("category"))

        status = TicketStatusEnum(d.pop("status"))

        priority = TicketPriorityEnum(d.pop("priority"))

        def _parse_deal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        deal = _parse_deal(d.pop("deal"))

        def _parse_payment(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        payment = _parse_payment(d.pop("payment"))

        def _parse_shipment(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        shipment = _parse_shipment(d.pop("shipment"))

        opened_by = d.pop("opened_by")

        def _parse_assigned_to(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        first_response_due_at = datetime.datetime.fromisoformat(
            d.pop("first_response_due_at")
        )

        def _parse_first_response_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_response_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_response_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_response_at = _parse_first_response_at(d.pop("first_response_at"))

        resolution_due_at = datetime.datetime.fromisoformat(d.pop("resolution_due_at"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        is_overdue = d.pop("is_overdue")

        ticket = cls(
            id=id,
            subject=subject,
            category=category,
            status=status,
            priority=priority,
            deal=deal,
            payment=payment,
            shipment=shipment,
            opened_by=opened_by,
            assigned_to=assigned_to,
            created_at=created_at,
            status_changed_at=status_changed_at,
            first_response_due_at=first_response_due_at,
            first_response_at=first_response_at,
            resolution_due_at=resolution_due_at,
            resolved_at=resolved_at,
            closed_at=closed_at,
            is_overdue=is_overdue,
        )

        ticket.additional_properties = d
        return ticket

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
