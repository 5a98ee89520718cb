from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditLog")


@_attrs_define
class AuditLog:
    """
    Attributes:
        id (int):
        sequence (int | None):
        timestamp (datetime.datetime):
        user (int | None):
        username (None | str):
        action (str):
        model_name (str):
        object_id (str):
        object_repr (str):
        changes (Any):
        ip_address (None | str):
        user_agent (str):
        previous_hash (str):
        row_hash (str):
    """

    id: int
    sequence: int | None
    timestamp: datetime.datetime
    user: int | None
    username: None | str
    action: str
    model_name: str
    object_id: str
    object_repr: str
    changes: Any
    ip_address: None | str
    user_agent: str
    previous_hash: str
    row_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        sequence: int | None
        sequence = self.sequence

        timestamp = self.timestamp.isoformat()

        user: int | None
        user = self.user

        username: None | str
        username = self.username

        action = self.action

        model_name = self.model_name

        object_id = self.object_id

        object_repr = self.object_repr

        changes = self.changes

        ip_address: None | str
        ip_address = self.ip_address

        user_agent = self.user_agent

        previous_hash = self.previous_hash

        row_hash = self.row_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "sequence": sequence,
                "timestamp": timestamp,
                "user": user,
                "username": username,
                "action": action,
                "model_name": model_name,
                "object_id": object_id,
                "object_repr": object_repr,
                "changes": changes,
                "ip_address": ip_address,
                "user_agent": user_agent,
                "previous_hash": previous_hash,
                "row_hash": row_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_sequence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sequence = _parse_sequence(d.pop("sequence"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_user(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user = _parse_user(d.pop("user"))

        def _parse_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        username = _parse_username(d.pop("username"))

        action = d.pop("action")

        model_name = d.pop("model_name")

        object_id = d.pop("object_id")

        object_repr = d.pop("object_repr")

        changes = d.pop("changes")

        def _parse_ip_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip_address = _parse_ip_address(d.pop("ip_address"))

        user_agent = d.pop("user_agent")

        previous_hash = d.pop("previous_hash")

        row_hash = d.pop("row_hash")

        audit_log = cls(
            id=id,
            sequence=sequence,
            timestamp=timestamp,
            user=user,
            username=username,
            action=action,
            model_name=model_name,
            object_id=object_id,
            object_repr=object_repr,
            changes=changes,
            ip_address=ip_address,
            user_agent=user_agent,
            previous_hash=previous_hash,
            row_hash=row_hash,
        )

        audit_log.additional_properties = d
        return audit_log

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
