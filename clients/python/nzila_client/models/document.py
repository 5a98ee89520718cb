from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_type_enum import ContentTypeEnum
from ..models.document_status_enum import DocumentStatusEnum
from ..models.document_type_enum import DocumentTypeEnum

if TYPE_CHECKING:
    from ..models.quality import Quality


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """
    Attributes:
        id (int):
        deal (int):
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
        original_name (str): The file's name on the uploader's device.
        content_type (ContentTypeEnum): * `application/pdf` - PDF
            * `image/jpeg` - JPEG
            * `image/png` - PNG
        size_bytes (int):
        sha256 (str):
        status (DocumentStatusEnum): * `pending_review` - Pending review
            * `verified` - Verified
            * `rejected` - Rejected
        review_note (str):
        reviewed_by (int | None):
        reviewed_at (datetime.datetime | None):
        uploaded_by (int | None):
        replaces (int | None): The rejected document this one replaces.
        replaced_by (int | None):
        quality (None | Quality): The quality check; staff only (null for others).
        created_at (datetime.datetime):
    """

    id: int
    deal: int
    document_type: DocumentTypeEnum
    original_name: str
    content_type: ContentTypeEnum
    size_bytes: int
    sha256: str
    status: DocumentStatusEnum
    review_note: str
    reviewed_by: int | None
    reviewed_at: datetime.datetime | None
    uploaded_by: int | None
    replaces: int | None
    replaced_by: int | None
    quality: None | Quality
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.quality import Quality

        id = self.id

        deal = self.deal

        document_type = self.document_type.value

        original_name = self.original_name

        content_type = self.content_type.value

        size_bytes = self.size_bytes

        sha256 = self.sha256

        status = self.status.value

        review_note = self.review_note

        reviewed_by: int | None
        reviewed_by = self.reviewed_by

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        uploaded_by: int | None
        uploaded_by = self.uploaded_by

        replaces: int | None
        replaces = self.replaces

        replaced_by: int | None
        replaced_by = self.replaced_by

        quality: dict[str, Any] | None
        if isinstance(self.quality, Quality):
            quality = self.quality.to_dict()
        else:
            quality = self.quality

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deal": deal,
                "document_type": document_type,
                "original_name": original_name,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "status": status,
                "review_note": review_note,
                "reviewed_by": reviewed_by,
                "reviewed_at": reviewed_at,
                "uploaded_by": uploaded_by,
                "replaces": replaces,
                "replaced_by": replaced_by,
                "quality": quality,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quality import Quality

        d = dict(src_dict)
        id = d.pop("id")

        deal = d.pop("deal")

        document_type = DocumentTypeEnum(d.pop("document_type"))

        original_name = d.pop("original_name")

        content_type = ContentTypeEnum(d.pop("content_type"))

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        status = DocumentStatusEnum(d.pop("status"))

        review_note = d.pop("review_note")

        def _parse_reviewed_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by"))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))

        def _parse_uploaded_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))

        def _parse_replaces(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replaces = _parse_replaces(d.pop("replaces"))

        def _parse_replaced_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replaced_by = _parse_replaced_by(d.pop("replaced_by"))

        def _parse_quality(data: object) -> None | Quality:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_type_1 = Quality.from_dict(data)

                return quality_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Quality, data)

        quality = _parse_quality(d.pop("quality"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document = cls(
            id=id,
            deal=deal,
            document_type=document_type,
            original_name=original_name,
            content_type=content_type,
            size_bytes=size_bytes,
            sha256=sha256,
            status=status,
            review_note=review_note,
            reviewed_by=reviewed_by,
            reviewed_at=reviewed_at,
            uploaded_by=uploaded_by,
            replaces=replaces,
            replaced_by=replaced_by,
            quality=quality,
            created_at=created_at,
        )

        document.additional_properties = d
        return document

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
