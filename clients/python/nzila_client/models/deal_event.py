from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deal_status_enum import DealStatusEnum

T = TypeVar("T", bound="DealEvent")


@_attrs_define
class DealEvent:
    """
    Attributes:
        from_status (DealStatusEnum | None): The status the deal left; null on the opening entry, which has none before
            it.

            * `draft` - Draft
            * `pending_documents` - Pending documents
            * `pending_payment` - Pending payment
            * `paid` - Paid
            * `in_transit` - In transit
            * `delivered` - Delivered
            * `completed` - Completed
            * `cancelled` - Cancelled
        to_status (DealStatusEnum): * `draft` - Draft
            * `pending_documents` - Pending documents
            * `pending_payment` - Pending payment
            * `paid` - Paid
            * `in_transit` - In transit
            * `delivered` - Delivered
            * `completed` - Completed
            * `cancelled` - Cancelled
        reason (str):
        actor (str):
        created_at (datetime.datetime):
    """

    from_status: DealStatusEnum | None
    to_status: DealStatusEnum
    reason: str
    actor: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_status: None | str
        if isinstance(self.from_status, DealStatusEnum):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        reason = self.reason

        actor = self.actor

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_status": from_status,
                "to_status": to_status,
                "reason": reason,
                "actor": actor,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_from_status(data: object) -> DealStatusEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = DealStatusEnum(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DealStatusEnum | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = DealStatusEnum(d.pop("to_status"))

        reason = d.pop("reason")

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deal_event = cls(
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            actor=actor,
            created_at=created_at,
        )

        deal_event.additional_properties = d
        return deal_event

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
