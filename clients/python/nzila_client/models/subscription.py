from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan import Plan
    from ..models.subscription_detail import SubscriptionDetail
    from ..models.subscription_invoice import SubscriptionInvoice
    from ..models.usage import Usage


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        plan (Plan): A dealer plan: its monthly price, limits and features.
        subscription (None | SubscriptionDetail):
        usage (Usage):
        invoices (list[SubscriptionInvoice]): The paid periods, newest first.
    """

    plan: Plan
    subscription: None | SubscriptionDetail
    usage: Usage
    invoices: list[SubscriptionInvoice]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_detail import SubscriptionDetail

        plan = self.plan.to_dict()

        subscription: dict[str, Any] | None
        if isinstance(self.subscription, SubscriptionDetail):
            subscription = self.subscription.to_dict()
        else:
            subscription = self.subscription

        usage = self.usage.to_dict()

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "subscription": subscription,
                "usage": usage,
                "invoices": invoices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan import Plan
        from ..models.subscription_detail import SubscriptionDetail
        from ..models.subscription_invoice import SubscriptionInvoice
        from ..models.usage import Usage

        d = dict(src_dict)
        plan = Plan.from_dict(d.pop("plan"))

        def _parse_subscription(data: object) -> None | SubscriptionDetail:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_1 = SubscriptionDetail.from_dict(data)

                return subscription_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionDetail, data)

        subscription = _parse_subscription(d.pop("subscription"))

        usage = Usage.from_dict(d.pop("usage"))

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = SubscriptionInvoice.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        subscription = cls(
            plan=plan,
            subscription=subscription,
            usage=usage,
            invoices=invoices,
        )

        subscription.additional_properties = d
        return subscription

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
