from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FaqEntry")


@_attrs_define
class FaqEntry:
    """
    Attributes:
        id (int):
        category (str):
        category_label (str):
        question (str):
        answer (str):
    """

    id: int
    category: str
    category_label: str
    question: str
    answer: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category = self.category

        category_label = self.category_label

        question = self.question

        answer = self.answer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "category": category,
                "category_label": category_label,
                "question": question,
                "answer": answer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        category = d.pop("category")

        category_label = d.pop("category_label")

        question = d.pop("question")

        answer = d.pop("answer")

        faq_entry = cls(
            id=id,
            category=category,
            category_label=category_label,
            question=question,
            answer=answer,
        )

        faq_entry.additional_properties = d
        return faq_entry

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
