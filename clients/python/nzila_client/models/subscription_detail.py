from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider_enum import ProviderEnum
from ..models.subscription_detail_status_enum import SubscriptionDetailStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionDetail")


@_attrs_define
class SubscriptionDetail:
    """
    Attributes:
        plan (str):
        status_changed_at (datetime.datetime):
        status (SubscriptionDetailStatusEnum | Unset): * `incomplete` - Incomplete (waiting for the first payment)
            * `active` - Active
            * `past_due` - Past due (in its grace period)
            * `lapsed` - Lapsed to Starter
            * `canceled` - Canceled
        provider (ProviderEnum | Unset): * `stripe` - Stripe
            * `sandbox` - Sandbox (local mode, no payment)
        current_period_start (datetime.datetime | None | Unset):
        current_period_end (datetime.datetime | None | Unset):
        grace_until (datetime.datetime | None | Unset): After this, an unpaid renewal lapses
        dunning_step (int | Unset): Dunning e-mails sent for the failed renewal
    """

    plan: str
    status_changed_at: datetime.datetime
    status: SubscriptionDetailStatusEnum | Unset = UNSET
    provider: ProviderEnum | Unset = UNSET
    current_period_start: datetime.datetime | None | Unset = UNSET
    current_period_end: datetime.datetime | None | Unset = UNSET
    grace_until: datetime.datetime | None | Unset = UNSET
    dunning_step: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan

        status_changed_at = self.status_changed_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider.value

        current_period_start: None | str | Unset
        if isinstance(self.current_period_start, Unset):
            current_period_start = UNSET
        elif isinstance(self.current_period_start, datetime.datetime):
            current_period_start = self.current_period_start.isoformat()
        else:
            current_period_start = self.current_period_start

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        elif isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        grace_until: None | str | Unset
        if isinstance(self.grace_until, Unset):
            grace_until = UNSET
        elif isinstance(self.grace_until, datetime.datetime):
            grace_until = self.grace_until.isoformat()
        else:
            grace_until = self.grace_until

        dunning_step = self.dunning_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "status_changed_at": status_changed_at,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if provider is not UNSET:
            field_dict["provider"] = provider
        if current_period_start is not UNSET:
            field_dict["current_period_start"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["current_period_end"] = current_period_end
        if grace_until is not UNSET:
            field_dict["grace_until"] = grace_until
        if dunning_step is not UNSET:
            field_dict["dunning_step"] = dunning_step

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        plan = d.pop("plan")

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        _status = d.pop("status", UNSET)
        status: SubscriptionDetailStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = SubscriptionDetailStatusEnum(_status)

        _provider = d.pop("provider", UNSET)
        provider: ProviderEnum | Unset
        if isinstance(_provider, Unset):
            provider = UNSET
        else:
            provider = ProviderEnum(_provider)

        def _parse_current_period_start(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_start_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_start = _parse_current_period_start(
            d.pop("current_period_start", UNSET)
        )

        def _parse_current_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_end_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_end = _parse_current_period_end(
            d.pop("current_period_end", UNSET)
        )

        def _parse_grace_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grace_until_type_0 = datetime.datetime.fromisoformat(data)

                return grace_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        grace_until = _parse_grace_until(d.pop("grace_until", UNSET))

        dunning_step = d.pop("dunning_step", UNSET)

        subscription_detail = cls(
            plan=plan,
            status_changed_at=status_changed_at,
            status=status,
            provider=provider,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
            grace_until=grace_until,
            dunning_step=dunning_step,
        )

        subscription_detail.additional_properties = d
        return subscription_detail

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
