from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checklist_status_enum import ChecklistStatusEnum
from ..models.document_type_enum import DocumentTypeEnum
from ..models.stage_enum import StageEnum

T = TypeVar("T", bound="ChecklistItem")


@_attrs_define
class ChecklistItem:
    """
    Attributes:
        document_type (DocumentTypeEnum): * `bill_of_sale` - Bill of sale
            * `vehicle_title` - Vehicle title (ownership)
            * `lien_search` - Lien search
            * `commercial_invoice` - Commercial invoice
            * `export_declaration` - Export declaration (CBSA CERS)
            * `bill_of_lading` - Bill of lading
            * `buyer_id` - Buyer identification
            * `proof_of_payment` - Proof of payment
            * `import_permit` - Import permit
            * `inspection_certificate` - Inspection certificate
            * `other` - Other
            * `bsc_cargo_tracking_note` - BSC cargo tracking note
            * `besc_cargo_tracking_note` - BESC cargo tracking note
            * `ectn_cargo_tracking_note` - ECTN cargo tracking note
            * `bietc_cargo_tracking_note` - BIETC cargo tracking note
            * `feri_cargo_tracking_note` - FERI cargo tracking note
            * `fdi_import_declaration` - FDI import declaration (Côte d'Ivoire)
            * `ci_insurance_certificate` - Insurance certificate (Côte d'Ivoire)
            * `proof_of_ownership` - Proof of ownership
            * `form_m` - Form M (Nigeria)
            * `paar` - PAAR (Nigeria)
            * `eguims_preshipment_inspection` - EGUIMS pre-shipment inspection (Guinea)
            * `roadworthiness_certificate_origin` - Roadworthiness certificate at origin
        label (str):
        stage (StageEnum): * `before_payment` - Before payment
            * `before_departure` - Before departure
            * `after_loading` - After loading
        reason (str): Why this deal needs the document.
        status (ChecklistStatusEnum): * `missing` - Missing
            * `pending_review` - Pending review
            * `verified` - Verified
            * `rejected` - Rejected
        document_id (int | None):
    """

    document_type: DocumentTypeEnum
    label: str
    stage: StageEnum
    reason: str
    status: ChecklistStatusEnum
    document_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_type = self.document_type.value

        label = self.label

        stage = self.stage.value

        reason = self.reason

        status = self.status.value

        document_id: int | None
        document_id = self.document_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_type": document_type,
                "label": label,
                "stage": stage,
                "reason": reason,
                "status": status,
                "document_id": document_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        document_type = DocumentTypeEnum(d.pop("document_type"))

        label = d.pop("label")

        stage = StageEnum(d.pop("stage"))

        reason = d.pop("reason")

        status = ChecklistStatusEnum(d.pop("status"))

        def _parse_document_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        document_id = _parse_document_id(d.pop("document_id"))

        checklist_item = cls(
            document_type=document_type,
            label=label,
            stage=stage,
            reason=reason,
            status=status,
            document_id=document_id,
        )

        checklist_item.additional_properties = d
        return checklist_item

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
