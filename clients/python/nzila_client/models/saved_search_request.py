from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.saved_search_request_query_params import SavedSearchRequestQueryParams


T = TypeVar("T", bound="SavedSearchRequest")


@_attrs_define
class SavedSearchRequest:
    """
    Attributes:
        name (str):
        query_params (SavedSearchRequestQueryParams): The vehicle list's query parameters, e.g. {"make": "Toyota,Honda",
            "price__lte": "20000"}.
        is_active (bool | Unset):
    """

    name: str
    query_params: SavedSearchRequestQueryParams
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        query_params = self.query_params.to_dict()

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "query_params": query_params,
            }
        )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_search_request_query_params import (
            SavedSearchRequestQueryParams,
        )

        d = dict(src_dict)
        name = d.pop("name")

        query_params = SavedSearchRequestQueryParams.from_dict(d.pop("query_params"))

        is_active = d.pop("is_active", UNSET)

        saved_search_request = cls(
            name=name,
            query_params=query_params,
            is_active=is_active,
        )

        saved_search_request.additional_properties = d
        return saved_search_request

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
