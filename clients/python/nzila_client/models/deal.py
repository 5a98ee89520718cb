from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.country_enum import CountryEnum
from ..models.deal_status_enum import DealStatusEnum
from ..models.incoterm_enum import IncotermEnum

if TYPE_CHECKING:
    from ..models.deal_risk import DealRisk
    from ..models.party import Party


T = TypeVar("T", bound="Deal")


@_attrs_define
class Deal:
    """A deal as its parties and staff read it; it changes through its own actions, never by a write here.

    Attributes:
        id (int):
        vehicle (int):
        lead (int | None):
        dealer (Party):
        buyer (Party):
        broker (None | Party): null: a deal without a broker
        referring_broker (None | Party): null: no other broker brought the buyer
        agreed_price (str):
        currency (str):
        destination_country (CountryEnum): * `AF` - Afghanistan
            * `AX` - Åland Islands
            * `AL` - Albania
            * `DZ` - Algeria
            * `AS` - American Samoa
            * `AD` - Andorra
            * `AO` - Angola
            * `AI` - Anguilla
            * `AQ` - Antarctica
            * `AG` - Antigua and Barbuda
            * `AR` - Argentina
            * `AM` - Armenia
            * `AW` - Aruba
            * `AU` - Australia
            * `AT` - Austria
            * `AZ` - Azerbaijan
            * `BS` - Bahamas (The)
            * `BH` - Bahrain
            * `BD` - Bangladesh
            * `BB` - Barbados
            * `BY` - Belarus
            * `BE` - Belgium
            * `BZ` - Belize
            * `BJ` - Benin
            * `BM` - Bermuda
            * `BT` - Bhutan
            * `BO` - Bolivia
            * `BQ` - Bonaire, Sint Eustatius and Saba
            * `BA` - Bosnia and Herzegovina
            * `BW` - Botswana
            * `BV` - Bouvet Island
            * `BR` - Brazil
            * `IO` - British Indian Ocean Territory
            * `BN` - Brunei
            * `BG` - Bulgaria
            * `BF` - Burkina Faso
            * `BI` - Burundi
            * `CV` - Cabo Verde
            * `KH` - Cambodia
            * `CM` - Cameroon
            * `CA` - Canada
            * `KY` - Cayman Islands
            * `CF` - Central African Republic
            * `TD` - Chad
            * `CL` - Chile
            * `CN` - China
            * `CX` - Christmas Island
            * `CC` - Cocos (Keeling) Islands
            * `CO` - Colombia
            * `KM` - Comoros
            * `CG` - Congo
            * `CK` - Cook Islands
            * `CR` - Costa Rica
            * `CI` - Côte d'Ivoire
            * `HR` - Croatia
            * `CU` - Cuba
            * `CW` - Curaçao
            * `CY` - Cyprus
            * `CZ` - Czechia
            * `CD` - Democratic Republic of the Congo
            * `DK` - Denmark
            * `DJ` - Djibouti
            * `DM` - Dominica
            * `DO` - Dominican Republic
            * `EC` - Ecuador
            * `EG` - Egypt
            * `SV` - El Salvador
            * `GQ` - Equatorial Guinea
            * `ER` - Eritrea
            * `EE` - Estonia
            * `SZ` - Eswatini
            * `ET` - Ethiopia
            * `FK` - Falkland Islands (Malvinas)
            * `FO` - Faroe Islands
            * `FJ` - Fiji
            * `FI` - Finland
            * `FR` - France
            * `GF` - French Guiana
            * `PF` - French Polynesia
            * `TF` - French Southern Territories
            * `GA` - Gabon
            * `GM` - Gambia
            * `GE` - Georgia
            * `DE` - Germany
            * `GH` - Ghana
            * `GI` - Gibraltar
            * `GR` - Greece
            * `GL` - Greenland
            * `GD` - Grenada
            * `GP` - Guadeloupe
            * `GU` - Guam
            * `GT` - Guatemala
            * `GG` - Guernsey
            * `GN` - Guinea
            * `GW` - Guinea-Bissau
            * `GY` - Guyana
            * `HT` - Haiti
            * `HM` - Heard Island and McDonald Islands
            * `HN` - Honduras
            * `HK` - Hong Kong
            * `HU` - Hungary
            * `IS` - Iceland
            * `IN` - India
            * `ID` - Indonesia
            * `IR` - Iran
            * `IQ` - Iraq
            * `IE` - Ireland
            * `IM` - Isle of Man
            * `IL` - Israel
            * `IT` - Italy
            * `JM` - Jamaica
            * `JP` - Japan
            * `JE` - Jersey
            * `JO` - Jordan
            * `KZ` - Kazakhstan
            * `KE` - Kenya
            * `KI` - Kiribati
            * `KW` - Kuwait
            * `KG` - Kyrgyzstan
            * `LA` - Laos
            * `LV` - Latvia
            * `LB` - Lebanon
            * `LS` - Lesotho
            * `LR` - Liberia
            * `LY` - Libya
            * `LI` - Liechtenstein
            * `LT` - Lithuania
            * `LU` - Luxembourg
            * `MO` - Macao
            * `MG` - Madagascar
            * `MW` - Malawi
            * `MY` - Malaysia
            * `MV` - Maldives
            * `ML` - Mali
            * `MT` - Malta
            * `MH` - Marshall Islands
            * `MQ` - Martinique
            * `MR` - Mauritania
            * `MU` - Mauritius
            * `YT` - Mayotte
            * `MX` - Mexico
            * `FM` - Micronesia
            * `MD` - Moldova
            * `MC` - Monaco
            * `MN` - Mongolia
            * `ME` - Montenegro
            * `MS` - Montserrat
            * `MA` - Morocco
            * `MZ` - Mozambique
            * `MM` - Myanmar
            * `NA` - Namibia
            * `NR` - Naoero
            * `NP` - Nepal
            * `NL` - Netherlands
            * `NC` - New Caledonia
            * `NZ` - New Zealand
            * `NI` - Nicaragua
            * `NE` - Niger
            * `NG` - Nigeria
            * `NU` - Niue
            * `NF` - Norfolk Island
            * `KP` - North Korea
            * `MK` - North Macedonia
            * `MP` - Northern Mariana Islands
            * `NO` - Norway
            * `OM` - Oman
            * `PK` - Pakistan
            * `PW` - Palau
            * `PS` - Palestine
            * `PA` - Panama
            * `PG` - Papua New Guinea
            * `PY` - Paraguay
            * `PE` - Peru
            * `PH` - Philippines
            * `PN` - Pitcairn
            * `PL` - Poland
            * `PT` - Portugal
            * `PR` - Puerto Rico
            * `QA` - Qatar
            * `RE` - Réunion
            * `RO` - Romania
            * `RU` - Russia
            * `RW` - Rwanda
            * `BL` - Saint Barthélemy
            * `SH` - Saint Helena
            * `KN` - Saint Kitts and Nevis
            * `LC` - Saint Lucia
            * `MF` - Saint Martin (French part)
            * `PM` - Saint Pierre and Miquelon
            * `VC` - Saint Vincent and the Grenadines
            * `WS` - Samoa
            * `SM` - San Marino
            * `ST` - Sao Tome and Principe
            * `SA` - Saudi Arabia
            * `SN` - Senegal
            * `RS` - Serbia
            * `SC` - Seychelles
            * `SL` - Sierra Leone
            * `SG` - Singapore
            * `SX` - Sint Maarten (Dutch part)
            * `SK` - Slovakia
            * `SI` - Slovenia
            * `SB` - Solomon Islands
            * `SO` - Somalia
            * `ZA` - South Africa
            * `GS` - South Georgia
            * `KR` - South Korea
            * `SS` - South Sudan
            * `ES` - Spain
            * `LK` - Sri Lanka
            * `SD` - Sudan
            * `SR` - Suriname
            * `SJ` - Svalbard and Jan Mayen
            * `SE` - Sweden
            * `CH` - Switzerland
            * `SY` - Syria
            * `TW` - Taiwan
            * `TJ` - Tajikistan
            * `TZ` - Tanzania
            * `TH` - Thailand
            * `TL` - Timor-Leste
            * `TG` - Togo
            * `TK` - Tokelau
            * `TO` - Tonga
            * `TT` - Trinidad and Tobago
            * `TN` - Tunisia
            * `TR` - Türkiye
            * `TM` - Turkmenistan
            * `TC` - Turks and Caicos Islands
            * `TV` - Tuvalu
            * `UG` - Uganda
            * `UA` - Ukraine
            * `AE` - United Arab Emirates
            * `GB` - United Kingdom
            * `UM` - United States Minor Outlying Islands
            * `US` - United States of America
            * `UY` - Uruguay
            * `UZ` - Uzbekistan
            * `VU` - Vanuatu
            * `VA` - Vatican City
            * `VE` - Venezuela
            * `VN` - Vietnam
            * `VG` - Virgin Islands (British)
            * `VI` - Virgin Islands (U.S.)
            * `WF` - Wallis and Futuna
            * `EH` - Western Sahara
            * `YE` - Yemen
            * `ZM` - Zambia
            * `ZW` - Zimbabwe
        destination_port (str): UN/LOCODE, for example CIABJ
        incoterm (IncotermEnum): * `FOB` - FOB: free on board at the Canadian port
            * `CIF` - CIF: cost, insurance and freight to the destination port
        notes (str):
        status (DealStatusEnum): * `draft` - Draft
            * `pending_documents` - Pending documents
            * `pending_payment` - Pending payment
            * `paid` - Paid
            * `in_transit` - In transit
            * `delivered` - Delivered
            * `completed` - Completed
            * `cancelled` - Cancelled Default: DealStatusEnum.DRAFT.
        status_changed_at (datetime.datetime):
        cancellation_reason (str):
        destination_override_reason (str): Why staff let this deal through although the destination's rules refuse the
            car
        is_on_hold (bool): Held for staff review: no move but cancel
        hold_reason (str): Why staff hold the deal; empty when it is not held
        is_stalled (bool):
        risk (DealRisk):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    vehicle: int
    lead: int | None
    dealer: Party
    buyer: Party
    broker: None | Party
    referring_broker: None | Party
    agreed_price: str
    currency: str
    destination_country: CountryEnum
    destination_port: str
    incoterm: IncotermEnum
    notes: str
    status_changed_at: datetime.datetime
    cancellation_reason: str
    destination_override_reason: str
    is_on_hold: bool
    hold_reason: str
    is_stalled: bool
    risk: DealRisk
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: DealStatusEnum = DealStatusEnum.DRAFT
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.party import Party

        id = self.id

        vehicle = self.vehicle

        lead: int | None
        lead = self.lead

        dealer = self.dealer.to_dict()

        buyer = self.buyer.to_dict()

        broker: dict[str, Any] | None
        if isinstance(self.broker, Party):
            broker = self.broker.to_dict()
        else:
            broker = self.broker

        referring_broker: dict[str, Any] | None
        if isinstance(self.referring_broker, Party):
            referring_broker = self.referring_broker.to_dict()
        else:
            referring_broker = self.referring_broker

        agreed_price = self.agreed_price

        currency = self.currency

        destination_country = self.destination_country.value

        destination_port = self.destination_port

        incoterm = self.incoterm.value

        notes = self.notes

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        cancellation_reason = self.cancellation_reason

        destination_override_reason = self.destination_override_reason

        is_on_hold = self.is_on_hold

        hold_reason = self.hold_reason

        is_stalled = self.is_stalled

        risk = self.risk.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "vehicle": vehicle,
                "lead": lead,
                "dealer": dealer,
                "buyer": buyer,
                "broker": broker,
                "referring_broker": referring_broker,
                "agreed_price": agreed_price,
                "currency": currency,
                "destination_country": destination_country,
                "destination_port": destination_port,
                "incoterm": incoterm,
                "notes": notes,
                "status": status,
                "status_changed_at": status_changed_at,
                "cancellation_reason": cancellation_reason,
                "destination_override_reason": destination_override_reason,
                "is_on_hold": is_on_hold,
                "hold_reason": hold_reason,
                "is_stalled": is_stalled,
                "risk": risk,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deal_risk import DealRisk
        from ..models.party import Party

        d = dict(src_dict)
        id = d.pop("id")

        vehicle = d.pop("vehicle")

        def _parse_lead(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lead = _parse_lead(d.pop("lead"))

        dealer = Party.from_dict(d.pop("dealer"))

        buyer = Party.from_dict(d.pop("buyer"))

        def _parse_broker(data: object) -> None | Party:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                broker_type_1 = Party.from_dict(data)

                return broker_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Party, data)

        broker = _parse_broker(d.pop("broker"))

        def _parse_referring_broker(data: object) -> None | Party:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referring_broker_type_1 = Party.from_dict(data)

                return referring_broker_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Party, data)

        referring_broker = _parse_referring_broker(d.pop("referring_broker"))

        agreed_price = d.pop("agreed_price")

        currency = d.pop("currency")

        destination_country = CountryEnum(d.pop("destination_country"))

        destination_port = d.pop("destination_port")

        incoterm = IncotermEnum(d.pop("incoterm"))

        notes = d.pop("notes")

        status = DealStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        cancellation_reason = d.pop("cancellation_reason")

        destination_override_reason = d.pop("destination_override_reason")

        is_on_hold = d.pop("is_on_hold")

        hold_reason = d.pop("hold_reason")

        is_stalled = d.pop("is_stalled")

        risk = DealRisk.from_dict(d.pop("risk"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        deal = cls(
            id=id,
            vehicle=vehicle,
            lead=lead,
            dealer=dealer,
            buyer=buyer,
            broker=broker,
            referring_broker=referring_broker,
            agreed_price=agreed_price,
            currency=currency,
            destination_country=destination_country,
            destination_port=destination_port,
            incoterm=incoterm,
            notes=notes,
            status=status,
            status_changed_at=status_changed_at,
            cancellation_reason=cancellation_reason,
            destination_override_reason=destination_override_reason,
            is_on_hold=is_on_hold,
            hold_reason=hold_reason,
            is_stalled=is_stalled,
            risk=risk,
            created_at=created_at,
            updated_at=updated_at,
        )

        deal.additional_properties = d
        return deal

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
