from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_review_decision_enum import DocumentReviewDecisionEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentReviewRequest")


@_attrs_define
class DocumentReviewRequest:
    """
    Attributes:
        decision (DocumentReviewDecisionEnum): * `verified` - verified
            * `rejected` - rejected
        note (str | Unset):  Default: ''.
    """

    decision: DocumentReviewDecisionEnum
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = DocumentReviewDecisionEnum(d.pop("decision"))

        note = d.pop("note", UNSET)

        document_review_request = cls(
            decision=decision,
            note=note,
        )

        document_review_request.additional_properties = d
        return document_review_request

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
