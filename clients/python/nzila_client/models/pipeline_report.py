from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.period import Period
    from ..models.pipeline_lead_conversion import PipelineLeadConversion
    from ..models.stage import Stage
    from ..models.status_count import StatusCount


T = TypeVar("T", bound="PipelineReport")


@_attrs_define
class PipelineReport:
    """
    Attributes:
        period (Period):
        cached (bool): Answered from the cache
        leads (list[StatusCount]):
        deals (list[StatusCount]):
        lead_conversion (PipelineLeadConversion):
        stages (list[Stage]):
        cancelled (int):
    """

    period: Period
    cached: bool
    leads: list[StatusCount]
    deals: list[StatusCount]
    lead_conversion: PipelineLeadConversion
    stages: list[Stage]
    cancelled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        cached = self.cached

        leads = []
        for leads_item_data in self.leads:
            leads_item = leads_item_data.to_dict()
            leads.append(leads_item)

        deals = []
        for deals_item_data in self.deals:
            deals_item = deals_item_data.to_dict()
            deals.append(deals_item)

        lead_conversion = self.lead_conversion.to_dict()

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        cancelled = self.cancelled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "cached": cached,
                "leads": leads,
                "deals": deals,
                "lead_conversion": lead_conversion,
                "stages": stages,
                "cancelled": cancelled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.period import Period
        from ..models.pipeline_lead_conversion import PipelineLeadConversion
        from ..models.stage import Stage
        from ..models.status_count import StatusCount

        d = dict(src_dict)
        period = Period.from_dict(d.pop("period"))

        cached = d.pop("cached")

        leads = []
        _leads = d.pop("leads")
        for leads_item_data in _leads:
            leads_item = StatusCount.from_dict(leads_item_data)

            leads.append(leads_item)

        deals = []
        _deals = d.pop("deals")
        for deals_item_data in _deals:
            deals_item = StatusCount.from_dict(deals_item_data)

            deals.append(deals_item)

        lead_conversion = PipelineLeadConversion.from_dict(d.pop("lead_conversion"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage.from_dict(stages_item_data)

            stages.append(stages_item)

        cancelled = d.pop("cancelled")

        pipeline_report = cls(
            period=period,
            cached=cached,
            leads=leads,
            deals=deals,
            lead_conversion=lead_conversion,
            stages=stages,
            cancelled=cancelled,
        )

        pipeline_report.additional_properties = d
        return pipeline_report

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
