from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interval_enum import IntervalEnum

if TYPE_CHECKING:
    from ..models.period import Period
    from ..models.revenue_figures import RevenueFigures
    from ..models.revenue_row import RevenueRow


T = TypeVar("T", bound="RevenueReport")


@_attrs_define
class RevenueReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        interval (IntervalEnum): * `day` - day
            * `month` - month
        rows (list[RevenueRow]):
        totals (list[RevenueFigures]):
        total_cad (str): CAD, Decimal string
    """

    period: Period
    cached: bool
    interval: IntervalEnum
    rows: list[RevenueRow]
    totals: list[RevenueFigures]
    total_cad: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        interval = self.interval.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        total_cad = self.total_cad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "interval": interval,
                "rows": rows,
                "totals": totals,
                "total_cad": total_cad,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.period import Period
        from ..models.revenue_figures import RevenueFigures
        from ..models.revenue_row import RevenueRow

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        interval = IntervalEnum(d.pop("interval"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = RevenueRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = RevenueFigures.from_dict(totals_item_data)

            totals.append(totals_item)

        total_cad = d.pop("total_cad")

        revenue_report = cls(
            period=period,
            cached=cached,
            interval=interval,
            rows=rows,
            totals=totals,
            total_cad=total_cad,
        )

        revenue_report.additional_properties = d
        return revenue_report

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
