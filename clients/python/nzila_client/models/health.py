from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_status_enum import HealthStatusEnum

if TYPE_CHECKING:
    from ..models.health_services import HealthServices


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        status (HealthStatusEnum): * `ok` - ok
            * `unavailable` - unavailable
        services (HealthServices): Each service: "ok", its error, or "unknown: ..." for beat and worker where they are
            not required.
        failing (list[str]):
    """

    status: HealthStatusEnum
    services: HealthServices
    failing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        services = self.services.to_dict()

        failing = self.failing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "services": services,
                "failing": failing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_services import HealthServices

        d = dict(src_dict)
        status = HealthStatusEnum(d.pop("status"))

        services = HealthServices.from_dict(d.pop("services"))

        failing = cast(list[str], d.pop("failing"))

        health = cls(
            status=status,
            services=services,
            failing=failing,
        )

        health.additional_properties = d
        return health

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
