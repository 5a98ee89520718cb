from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.patched_saved_search_request_query_params import (
        PatchedSavedSearchRequestQueryParams,
    )


T = TypeVar("T", bound="PatchedSavedSearchRequest")


@_attrs_define
class PatchedSavedSearchRequest:
    """
    Attributes:
        name (str | Unset):
        query_params (PatchedSavedSearchRequestQueryParams | Unset): The vehicle list's query parameters, e.g. {"make":
            "Toyota,Honda", "price__lte": "20000"}.
        is_active (bool | Unset):
    """

    name: str | Unset = UNSET
    query_params: PatchedSavedSearchRequestQueryParams | Unset = UNSET
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        query_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.query_params, Unset):
            query_params = self.query_params.to_dict()

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if query_params is not UNSET:
            field_dict["query_params"] = query_params
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.patched_saved_search_request_query_params import (
            PatchedSavedSearchRequestQueryParams,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _query_params = d.pop("query_params", UNSET)
        query_params: PatchedSavedSearchRequestQueryParams | Unset
        if isinstance(_query_params, Unset):
            query_params = UNSET
        else:
            query_params = PatchedSavedSearchRequestQueryParams.from_dict(_query_params)

        is_active = d.pop("is_active", UNSET)

        patched_saved_search_request = cls(
            name=name,
            query_params=query_params,
            is_active=is_active,
        )

        patched_saved_search_request.additional_properties = d
        return patched_saved_search_request

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
