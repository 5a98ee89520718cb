from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_enum import ResultEnum

if TYPE_CHECKING:
    from ..models.import_row_report_errors import ImportRowReportErrors


T = TypeVar("T", bound="ImportRowReport")


@_attrs_define
class ImportRowReport:
    """
    Attributes:
        row (int): Line number in the file (the header is line 1).
        vin (str):
        result (ResultEnum): * `created` - created
            * `updated` - updated
            * `unchanged` - unchanged
            * `rejected` - rejected
        vehicle (int | None):
        errors (ImportRowReportErrors):
    """

    row: int
    vin: str
    result: ResultEnum
    vehicle: int | None
    errors: ImportRowReportErrors
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        vin = self.vin

        result = self.result.value

        vehicle: int | None
        vehicle = self.vehicle

        errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "vin": vin,
                "result": result,
                "vehicle": vehicle,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_row_report_errors import ImportRowReportErrors

        d = dict(src_dict)
        row = d.pop("row")

        vin = d.pop("vin")

        result = ResultEnum(d.pop("result"))

        def _parse_vehicle(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vehicle = _parse_vehicle(d.pop("vehicle"))

        errors = ImportRowReportErrors.from_dict(d.pop("errors"))

        import_row_report = cls(
            row=row,
            vin=vin,
            result=result,
            vehicle=vehicle,
            errors=errors,
        )

        import_row_report.additional_properties = d
        return import_row_report

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
