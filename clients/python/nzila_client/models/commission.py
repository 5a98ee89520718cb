from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commission_role_enum import CommissionRoleEnum
from ..models.commission_status_enum import CommissionStatusEnum

T = TypeVar("T", bound="Commission")


@_attrs_define
class Commission:
    """A commission as the list shows it.

    Attributes:
        id (int):
        deal (int):
        broker (int):
        role (CommissionRoleEnum): * `closing` - Closing broker
            * `referring` - Referring broker Default: CommissionRoleEnum.CLOSING.
        status (CommissionStatusEnum): * `pending` - Pending
            * `approved` - Approved
            * `paid` - Paid
            * `held` - Held
            * `reversed` - Reversed
        status_changed_at (datetime.datetime):
        plan (int):
        plan_name (str):
        percent (str): The tier's rate, as last computed
        share_percent (str): This broker's share of the deal's commission
        base_cad (str): The deal in CAD
        amount_cad (str): What it is worth: the sum of its entries (accrual, adjustments, reversal)
        period_start (datetime.date): The first day of the plan period the deal completed in
        completed_on (datetime.date):
    """

    id: int
    deal: int
    broker: int
    status: CommissionStatusEnum
    status_changed_at: datetime.datetime
    plan: int
    plan_name: str
    percent: str
    share_percent: str
    base_cad: str
    amount_cad: str
    period_start: datetime.date
    completed_on: datetime.date
    role: CommissionRoleEnum = CommissionRoleEnum.CLOSING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        deal = self.deal

        broker = self.broker

        role = self.role.value

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        plan = self.plan

        plan_name = self.plan_name

        percent = self.percent

        share_percent = self.share_percent

        base_cad = self.base_cad

        amount_cad = self.amount_cad

        period_start = self.period_start.isoformat()

        completed_on = self.completed_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deal": deal,
                "broker": broker,
                "role": role,
                "status": status,
                "status_changed_at": status_changed_at,
                "plan": plan,
                "plan_name": plan_name,
                "percent": percent,
                "share_percent": share_percent,
                "base_cad": base_cad,
                "amount_cad": amount_cad,
                "period_start": period_start,
                "completed_on": completed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        deal = d.pop("deal")

        broker = d.pop("broker")

        role = CommissionRoleEnum(d.pop("role"))

        status = CommissionStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        plan = d.pop("plan")

        plan_name = d.pop("plan_name")

        percent = d.pop("percent")

        share_percent = d.pop("share_percent")

        base_cad = d.pop("base_cad")

        amount_cad = d.pop("amount_cad")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        commission = cls(
            id=id,
            deal=deal,
            broker=broker,
            role=role,
            status=status,
            status_changed_at=status_changed_at,
            plan=plan,
            plan_name=plan_name,
            percent=percent,
            share_percent=share_percent,
            base_cad=base_cad,
            amount_cad=amount_cad,
            period_start=period_start,
            completed_on=completed_on,
        )

        commission.additional_properties = d
        return commission

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
