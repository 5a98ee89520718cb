from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_rejected_fields import ImportRejectedFields
    from ..models.import_report import ImportReport


T = TypeVar("T", bound="ImportRejected")


@_attrs_define
class ImportRejected:
    """The error format, with the per-row report: nothing was imported.

    Attributes:
        status (int):
        code (str):
        detail (str):
        fields (ImportRejectedFields | Unset):
        report (ImportReport | Unset):
    """

    status: int
    code: str
    detail: str
    fields: ImportRejectedFields | Unset = UNSET
    report: ImportReport | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        code = self.code

        detail = self.detail

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        report: dict[str, Any] | Unset = UNSET
        if not isinstance(self.report, Unset):
            report = self.report.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "code": code,
                "detail": detail,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_rejected_fields import ImportRejectedFields
        from ..models.import_report import ImportReport

        d = dict(src_dict)
        status = d.pop("status")

        code = d.pop("code")

        detail = d.pop("detail")

        _fields = d.pop("fields", UNSET)
        fields: ImportRejectedFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ImportRejectedFields.from_dict(_fields)

        _report = d.pop("report", UNSET)
        report: ImportReport | Unset
        if isinstance(_report, Unset):
            report = UNSET
        else:
            report = ImportReport.from_dict(_report)

        import_rejected = cls(
            status=status,
            code=code,
            detail=detail,
            fields=fields,
            report=report,
        )

        import_rejected.additional_properties = d
        return import_rejected

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
