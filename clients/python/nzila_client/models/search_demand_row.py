from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.search_demand_row_filters import SearchDemandRowFilters


T = TypeVar("T", bound="SearchDemandRow")


@_attrs_define
class SearchDemandRow:
    """
    Attributes:
        query (str): The words, lowercased; empty when the search was by filters alone.
        filters (SearchDemandRowFilters): The catalogue filters given with it, as the list takes them (make, model,
            body_type, ...).
        searches (int): How many times buyers made this search in the period.
        found_nothing (int): How many of those found no listing.
        days (int): On how many different days.
        last_searched_on (datetime.date):
    """

    query: str
    filters: SearchDemandRowFilters
    searches: int
    found_nothing: int
    days: int
    last_searched_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        filters = self.filters.to_dict()

        searches = self.searches

        found_nothing = self.found_nothing

        days = self.days

        last_searched_on = self.last_searched_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
                "filters": filters,
                "searches": searches,
                "found_nothing": found_nothing,
                "days": days,
                "last_searched_on": last_searched_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.search_demand_row_filters import SearchDemandRowFilters

        d = dict(src_dict)
        query = d.pop("query")

        filters = SearchDemandRowFilters.from_dict(d.pop("filters"))

        searches = d.pop("searches")

        found_nothing = d.pop("found_nothing")

        days = d.pop("days")

        last_searched_on = datetime.date.fromisoformat(d.pop("last_searched_on"))

        search_demand_row = cls(
            query=query,
            filters=filters,
            searches=searches,
            found_nothing=found_nothing,
            days=days,
            last_searched_on=last_searched_on,
        )

        search_demand_row.additional_properties = d
        return search_demand_row

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
