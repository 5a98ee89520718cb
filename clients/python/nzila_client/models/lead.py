from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.country_enum import CountryEnum
from ..models.lead_priority_enum import LeadPriorityEnum
from ..models.lead_status_enum import LeadStatusEnum
from ..models.source_enum import SourceEnum

if TYPE_CHECKING:
    from ..models.lead_conversion import LeadConversion
    from ..models.lead_vehicle import LeadVehicle
    from ..models.next_action import NextAction


T = TypeVar("T", bound="Lead")


@_attrs_define
class Lead:
    """A lead. Pass the request in the context: callers who do not work the lead get null for the
    working fields.

        Attributes:
            id (int):
            vehicle (LeadVehicle):
            dealer (int):
            buyer (int | None):
            broker (int | None):
            full_name (str):
            email (str):
            phone (str):
            message (str):
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
            source (SourceEnum): * `website` - Website
                * `referral` - Referral
                * `broker` - Broker
                * `direct` - Direct
                * `whatsapp` - WhatsApp
            status (LeadStatusEnum): * `new` - New
                * `contacted` - Contacted
                * `qualified` - Qualified
                * `negotiating` - Negotiating
                * `converted` - Converted
                * `lost` - Lost
            lost_reason (None | str): Null unless the caller works the lead (its dealer, its broker, staff).
            score (int | None): 0-100. Null unless the caller works the lead (its dealer, its broker, staff).
            priority (LeadPriorityEnum | None): Null unless the caller works the lead (its dealer, its broker, staff).

                * `high` - High
                * `medium` - Medium
                * `low` - Low
            conversion_probability (float | None): 0.00-1.00. Null unless the caller works the lead (its dealer, its broker,
                staff).
            next_action (NextAction | None): Null unless the caller works the lead (its dealer, its broker, staff).
            conversion (LeadConversion | None): The learned model's estimate when one is active (open leads), else the
                rule's. Null unless the caller works the lead (its dealer, its broker, staff).
            last_contacted_at (datetime.datetime | None):
            is_stalled (bool): Open, and no contact for 3 days (or never contacted and older than 3 days).
            destination_allowed (bool | None): The destination check when the lead came in (empty: not checked).
            destination_reasons (list[str]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: int
    vehicle: LeadVehicle
    dealer: int
    buyer: int | None
    broker: int | None
    full_name: str
    email: str
    phone: str
    message: str
    destination_country: CountryEnum
    source: SourceEnum
    status: LeadStatusEnum
    lost_reason: None | str
    score: int | None
    priority: LeadPriorityEnum | None
    conversion_probability: float | None
    next_action: NextAction | None
    conversion: LeadConversion | None
    last_contacted_at: datetime.datetime | None
    is_stalled: bool
    destination_allowed: bool | None
    destination_reasons: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_conversion import LeadConversion
        from ..models.next_action import NextAction

        id = self.id

        vehicle = self.vehicle.to_dict()

        dealer = self.dealer

        buyer: int | None
        buyer = self.buyer

        broker: int | None
        broker = self.broker

        full_name = self.full_name

        email = self.email

        phone = self.phone

        message = self.message

        destination_country = self.destination_country.value

        source = self.source.value

        status = self.status.value

        lost_reason: None | str
        lost_reason = self.lost_reason

        score: int | None
        score = self.score

        priority: None | str
        if isinstance(self.priority, LeadPriorityEnum):
            priority = self.priority.value
        else:
            priority = self.priority

        conversion_probability: float | None
        conversion_probability = self.conversion_probability

        next_action: dict[str, Any] | None
        if isinstance(self.next_action, NextAction):
            next_action = self.next_action.to_dict()
        else:
            next_action = self.next_action

        conversion: dict[str, Any] | None
        if isinstance(self.conversion, LeadConversion):
            conversion = self.conversion.to_dict()
        else:
            conversion = self.conversion

        last_contacted_at: None | str
        if isinstance(self.last_contacted_at, datetime.datetime):
            last_contacted_at = self.last_contacted_at.isoformat()
        else:
            last_contacted_at = self.last_contacted_at

        is_stalled = self.is_stalled

        destination_allowed: bool | None
        destination_allowed = self.destination_allowed

        destination_reasons = self.destination_reasons

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "vehicle": vehicle,
                "dealer": dealer,
                "buyer": buyer,
                "broker": broker,
                "full_name": full_name,
                "email": email,
                "phone": phone,
                "message": message,
                "destination_country": destination_country,
                "source": source,
                "status": status,
                "lost_reason": lost_reason,
                "score": score,
                "priority": priority,
                "conversion_probability": conversion_probability,
                "next_action": next_action,
                "conversion": conversion,
                "last_contacted_at": last_contacted_at,
                "is_stalled": is_stalled,
                "destination_allowed": destination_allowed,
                "destination_reasons": destination_reasons,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lead_conversion import LeadConversion
        from ..models.lead_vehicle import LeadVehicle
        from ..models.next_action import NextAction

        d = dict(src_dict)
        id = d.pop("id")

        vehicle = LeadVehicle.from_dict(d.pop("vehicle"))

        dealer = d.pop("dealer")

        def _parse_buyer(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        buyer = _parse_buyer(d.pop("buyer"))

        def _parse_broker(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        broker = _parse_broker(d.pop("broker"))

        full_name = d.pop("full_name")

        email = d.pop("email")

        phone = d.pop("phone")

        message = d.pop("message")

        destination_country = CountryEnum(d.pop("destination_country"))

        source = SourceEnum(d.pop("source"))

        status = LeadStatusEnum(d.pop("status"))

        def _parse_lost_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lost_reason = _parse_lost_reason(d.pop("lost_reason"))

        def _parse_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_priority(data: object) -> LeadPriorityEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = LeadPriorityEnum(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadPriorityEnum | None, data)

        priority = _parse_priority(d.pop("priority"))

        def _parse_conversion_probability(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion_probability = _parse_conversion_probability(
            d.pop("conversion_probability")
        )

        def _parse_next_action(data: object) -> NextAction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_action_type_1 = NextAction.from_dict(data)

                return next_action_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextAction | None, data)

        next_action = _parse_next_action(d.pop("next_action"))

        def _parse_conversion(data: object) -> LeadConversion | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversion_type_1 = LeadConversion.from_dict(data)

                return conversion_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadConversion | None, data)

        conversion = _parse_conversion(d.pop("conversion"))

        def _parse_last_contacted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_contacted_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_contacted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_contacted_at = _parse_last_contacted_at(d.pop("last_contacted_at"))

        is_stalled = d.pop("is_stalled")

        def _parse_destination_allowed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        destination_allowed = _parse_destination_allowed(d.pop("destination_allowed"))

        destination_reasons = cast(list[str], d.pop("destination_reasons"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        lead = cls(
            id=id,
            vehicle=vehicle,
            dealer=dealer,
            buyer=buyer,
            broker=broker,
            full_name=full_name,
            email=email,
            phone=phone,
            message=message,
            destination_country=destination_country,
            source=source,
            status=status,
            lost_reason=lost_reason,
            score=score,
            priority=priority,
            conversion_probability=conversion_probability,
            next_action=next_action,
            conversion=conversion,
            last_contacted_at=last_contacted_at,
            is_stalled=is_stalled,
            destination_allowed=destination_allowed,
            destination_reasons=destination_reasons,
            created_at=created_at,
            updated_at=updated_at,
        )

        lead.additional_properties = d
        return lead

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
