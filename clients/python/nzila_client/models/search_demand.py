from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.found_enum import FoundEnum

if TYPE_CHECKING:
    from ..models.search_demand_row import SearchDemandRow


T = TypeVar("T", bound="SearchDemand")


@_attrs_define
class SearchDemand:
    """
    Attributes:
        from_ (datetime.date): The period's first day.
        to (datetime.date): The period's last day.
        country (None | str): The country asked for (`unknown`: visitors and accounts without one); null: all.
        found (FoundEnum): * `any` - any
            * `none` - none
        min_searches (int): A search is shown only when made at least this many times ...
        min_days (int): ... on at least this many different days, in the period and country.
        results (list[SearchDemandRow]):
    """

    from_: datetime.date
    to: datetime.date
    country: None | str
    found: FoundEnum
    min_searches: int
    min_days: int
    results: list[SearchDemandRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        country: None | str
        country = self.country

        found = self.found.value

        min_searches = self.min_searches

        min_days = self.min_days

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "country": country,
                "found": found,
                "min_searches": min_searches,
                "min_days": min_days,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.search_demand_row import SearchDemandRow

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        found = FoundEnum(d.pop("found"))

        min_searches = d.pop("min_searches")

        min_days = d.pop("min_days")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = SearchDemandRow.from_dict(results_item_data)

            results.append(results_item)

        search_demand = cls(
            from_=from_,
            to=to,
            country=country,
            found=found,
            min_searches=min_searches,
            min_days=min_days,
            results=results,
        )

        search_demand.additional_properties = d
        return search_demand

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
