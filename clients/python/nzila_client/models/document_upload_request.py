from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.document_type_enum import DocumentTypeEnum
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="DocumentUploadRequest")


@_attrs_define
class DocumentUploadRequest:
    """
    Attributes:
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
        file (File): PDF, JPEG or PNG, at most 15 MB; its bytes decide what it is.
        replaces (int | None | Unset): The rejected document this one replaces.
    """

    deal: int
    document_type: DocumentTypeEnum
    file: File
    replaces: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deal = self.deal

        document_type = self.document_type.value

        file = self.file.to_tuple()

        replaces: int | None | Unset
        if isinstance(self.replaces, Unset):
            replaces = UNSET
        else:
            replaces = self.replaces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deal": deal,
                "document_type": document_type,
                "file": file,
            }
        )
        if replaces is not UNSET:
            field_dict["replaces"] = replaces

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("deal", (None, str(self.deal).encode(), "text/plain")))

        files.append(
            (
                "document_type",
                (None, str(self.document_type.value).encode(), "text/plain"),
            )
        )

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.replaces, Unset):
            if isinstance(self.replaces, int):
                files.append(
                    ("replaces", (None, str(self.replaces).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("replaces", (None, str(self.replaces).encode(), "text/plain"))
                )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deal = d.pop("deal")

        document_type = DocumentTypeEnum(d.pop("document_type"))

        file = File(payload=BytesIO(d.pop("file")))

        def _parse_replaces(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        replaces = _parse_replaces(d.pop("replaces", UNSET))

        document_upload_request = cls(
            deal=deal,
            document_type=document_type,
            file=file,
            replaces=replaces,
        )

        document_upload_request.additional_properties = d
        return document_upload_request

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
