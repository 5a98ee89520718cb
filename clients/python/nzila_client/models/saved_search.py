from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.saved_search_query_params import SavedSearchQueryParams


T = TypeVar("T", bound="SavedSearch")


@_attrs_define
class SavedSearch:
    """
    Attributes:
        id (int):
        name (str):
        query_params (SavedSearchQueryParams): The vehicle list's query parameters, e.g. {"make": "Toyota,Honda",
            "price__lte": "20000"}.
        last_announced_at (datetime.datetime | None):
        created_at (datetime.datetime):
        is_active (bool | Unset):
    """

    id: int
    name: str
    query_params: SavedSearchQueryParams
    last_announced_at: datetime.datetime | None
    created_at: datetime.datetime
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        query_params = self.query_params.to_dict()

        last_announced_at: None | str
        if isinstance(self.last_announced_at, datetime.datetime):
            last_announced_at = self.last_announced_at.isoformat()
        else:
            last_announced_at = self.last_announced_at

        created_at = self.created_at.isoformat()

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "query_params": query_params,
                "last_announced_at": last_announced_at,
                "created_at": created_at,
            }
        )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_search_query_params import SavedSearchQueryParams

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        query_params = SavedSearchQueryParams.from_dict(d.pop("query_params"))

        def _parse_last_announced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_announced_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_announced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_announced_at = _parse_last_announced_at(d.pop("last_announced_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        is_active = d.pop("is_active", UNSET)

        saved_search = cls(
            id=id,
            name=name,
            query_params=query_params,
            last_announced_at=last_announced_at,
            created_at=created_at,
            is_active=is_active,
        )

        saved_search.additional_properties = d
        return saved_search

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
