from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.broker_commissions import BrokerCommissions
    from ..models.commission_status_figures import CommissionStatusFigures
    from ..models.period import Period


T = TypeVar("T", bound="CommissionsReport")


@_attrs_define
class CommissionsReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        by_status (list[CommissionStatusFigures]):
        by_broker (list[BrokerCommissions]):
        earned_cad (str): Every commission not reversed
    """

    period: Period
    cached: bool
    by_status: list[CommissionStatusFigures]
    by_broker: list[BrokerCommissions]
    earned_cad: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        by_status = []
        for by_status_item_data in self.by_status:
            by_status_item = by_status_item_data.to_dict()
            by_status.append(by_status_item)

        by_broker = []
        for by_broker_item_data in self.by_broker:
            by_broker_item = by_broker_item_data.to_dict()
            by_broker.append(by_broker_item)

        earned_cad = self.earned_cad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "by_status": by_status,
                "by_broker": by_broker,
                "earned_cad": earned_cad,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.broker_commissions import BrokerCommissions
        from ..models.commission_status_figures import CommissionStatusFigures
        from ..models.period import Period

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        by_status = []
        _by_status = d.pop("by_status")
        for by_status_item_data in _by_status:
            by_status_item = CommissionStatusFigures.from_dict(by_status_item_data)

            by_status.append(by_status_item)

        by_broker = []
        _by_broker = d.pop("by_broker")
        for by_broker_item_data in _by_broker:
            by_broker_item = BrokerCommissions.from_dict(by_broker_item_data)

            by_broker.append(by_broker_item)

        earned_cad = d.pop("earned_cad")

        commissions_report = cls(
            period=period,
            cached=cached,
            by_status=by_status,
            by_broker=by_broker,
            earned_cad=earned_cad,
        )

        commissions_report.additional_properties = d
        return commissions_report

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
