from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subscription_detail import SubscriptionDetail


T = TypeVar("T", bound="Checkout")


@_attrs_define
class Checkout:
    """
    Attributes:
        checkout_url (str): Stripe Checkout's page to send the dealer to; empty in local mode, where the plan is active
            at once.
        subscription (SubscriptionDetail):
    """

    checkout_url: str
    subscription: SubscriptionDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkout_url = self.checkout_url

        subscription = self.subscription.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkout_url": checkout_url,
                "subscription": subscription,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.subscription_detail import SubscriptionDetail

        d = dict(src_dict)
        checkout_url = d.pop("checkout_url")

        subscription = SubscriptionDetail.from_dict(d.pop("subscription"))

        checkout = cls(
            checkout_url=checkout_url,
            subscription=subscription,
        )

        checkout.additional_properties = d
        return checkout

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
