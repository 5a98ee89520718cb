from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.method_enum import MethodEnum
from ..models.payment_review_decision_enum import PaymentReviewDecisionEnum
from ..models.payment_status_enum import PaymentStatusEnum

if TYPE_CHECKING:
    from ..models.payment_fraud_reasons_item import PaymentFraudReasonsItem


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """Amounts are shown with exactly their currency's number of decimals: "100.13" CAD, "5000" XOF.

    Attributes:
        id (int):
        deal (int):
        payer (int):
        amount (str):
        currency (str):
        deal_amount (str):
        deal_currency (str):
        deal_rate (str): Deal currency per unit paid
        amount_cad (str):
        cad_rate (str): CAD per unit paid
        rate_date (datetime.date | None): Date of the rates used; empty: none needed
        method (MethodEnum): * `card` - Card
            * `sandbox` - Sandbox (test money)
            * `mpesa` - M-Pesa
            * `mtn_momo` - MTN MoMo
            * `orange_money` - Orange Money
            * `airtel_money` - Airtel Money
            * `paystack` - Paystack
        provider (str):
        provider_reference (str):
        status (PaymentStatusEnum): * `pending` - Pending
            * `requires_action` - Requires action (3-D Secure)
            * `succeeded` - Succeeded
            * `failed` - Failed
            * `refunded` - Refunded
            * `partially_refunded` - Partially refunded
            * `disputed` - Disputed
            * `held` - Held for fraud review
        status_changed_at (datetime.datetime):
        failure_code (str):
        failure_reason (str): Why the payment failed; empty unless it failed
        client_secret (str): For the payer's browser to finish 3-D Secure
        instructions (str): What the payer must do next (mobile money)
        fraud_risk_score (int | None): The fraud controls' score, 0 to 100; null for everyone but staff
        fraud_reasons (list[PaymentFraudReasonsItem]): Each risk point as {code, points, reason}; empty for everyone but
            staff
        fraud_model (Any): The learned model's part of the score: {points, probability, threshold, model_version,
            factors: [{feature, label, effect}]}; null when no model served (the rule alone) and for everyone but staff
        review_decision (BlankEnum | PaymentReviewDecisionEnum): Staff's decision on a payment held for review; empty
            until then

            * `approve` - Approved
            * `reject` - Rejected
        reviewed_at (datetime.datetime | None):
        review_note (str): Staff's review note; empty for everyone but staff
        created_at (datetime.datetime):
    """

    id: int
    deal: int
    payer: int
    amount: str
    currency: str
    deal_amount: str
    deal_currency: str
    deal_rate: str
    amount_cad: str
    cad_rate: str
    rate_date: datetime.date | None
    method: MethodEnum
    provider: str
    provider_reference: str
    status: PaymentStatusEnum
    status_changed_at: datetime.datetime
    failure_code: str
    failure_reason: str
    client_secret: str
    instructions: str
    fraud_risk_score: int | None
    fraud_reasons: list[PaymentFraudReasonsItem]
    fraud_model: Any
    review_decision: BlankEnum | PaymentReviewDecisionEnum
    reviewed_at: datetime.datetime | None
    review_note: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        deal = self.deal

        payer = self.payer

        amount = self.amount

        currency = self.currency

        deal_amount = self.deal_amount

        deal_currency = self.deal_currency

        deal_rate = self.deal_rate

        amount_cad = self.amount_cad

        cad_rate = self.cad_rate

        rate_date: None | str
        if isinstance(self.rate_date, datetime.date):
            rate_date = self.rate_date.isoformat()
        else:
            rate_date = self.rate_date

        method = self.method.value

        provider = self.provider

        provider_reference = self.provider_reference

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        failure_code = self.failure_code

        failure_reason = self.failure_reason

        client_secret = self.client_secret

        instructions = self.instructions

        fraud_risk_score: int | None
        fraud_risk_score = self.fraud_risk_score

        fraud_reasons = []
        for fraud_reasons_item_data in self.fraud_reasons:
            fraud_reasons_item = fraud_reasons_item_data.to_dict()
            fraud_reasons.append(fraud_reasons_item)

        fraud_model = self.fraud_model

        review_decision: str
        if isinstance(self.review_decision, PaymentReviewDecisionEnum):
            review_decision = self.review_decision.value
        else:
            review_decision = self.review_decision.value

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        review_note = self.review_note

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "deal": deal,
                "payer": payer,
                "amount": amount,
                "currency": currency,
                "deal_amount": deal_amount,
                "deal_currency": deal_currency,
                "deal_rate": deal_rate,
                "amount_cad": amount_cad,
                "cad_rate": cad_rate,
                "rate_date": rate_date,
                "method": method,
                "provider": provider,
                "provider_reference": provider_reference,
                "status": status,
                "status_changed_at": status_changed_at,
                "failure_code": failure_code,
                "failure_reason": failure_reason,
                "client_secret": client_secret,
                "instructions": instructions,
                "fraud_risk_score": fraud_risk_score,
                "fraud_reasons": fraud_reasons,
                "fraud_model": fraud_model,
                "review_decision": review_decision,
                "reviewed_at": reviewed_at,
                "review_note": review_note,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.payment_fraud_reasons_item import PaymentFraudReasonsItem

        d = dict(src_dict)
        id = d.pop("id")

        deal = d.pop("deal")

        payer = d.pop("payer")

        amount = d.pop("amount")

        currency = d.pop("currency")

        deal_amount = d.pop("deal_amount")

        deal_currency = d.pop("deal_currency")

        deal_rate = d.pop("deal_rate")

        amount_cad = d.pop("amount_cad")

        cad_rate = d.pop("cad_rate")

        def _parse_rate_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rate_date_type_0 = datetime.date.fromisoformat(data)

                return rate_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rate_date = _parse_rate_date(d.pop("rate_date"))

        method = MethodEnum(d.pop("method"))

        provider = d.pop("provider")

        provider_reference = d.pop("provider_reference")

        status = PaymentStatusEnum(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        failure_code = d.pop("failure_code")

        failure_reason = d.pop("failure_reason")

        client_secret = d.pop("client_secret")

        instructions = d.pop("instructions")

        def _parse_fraud_risk_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fraud_risk_score = _parse_fraud_risk_score(d.pop("fraud_risk_score"))

        fraud_reasons = []
        _fraud_reasons = d.pop("fraud_reasons")
        for fraud_reasons_item_data in _fraud_reasons:
            fraud_reasons_item = PaymentFraudReasonsItem.from_dict(
                fraud_reasons_item_data
            )

            fraud_reasons.append(fraud_reasons_item)

        fraud_model = d.pop("fraud_model")

        def _parse_review_decision(
            data: object,
        ) -> BlankEnum | PaymentReviewDecisionEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_decision_type_0 = PaymentReviewDecisionEnum(data)

                return review_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            review_decision_type_1 = BlankEnum(data)

            return review_decision_type_1

        review_decision = _parse_review_decision(d.pop("review_decision"))

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

        review_note = d.pop("review_note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        payment = cls(
            id=id,
            deal=deal,
            payer=payer,
            amount=amount,
            currency=currency,
            deal_amount=deal_amount,
            deal_currency=deal_currency,
            deal_rate=deal_rate,
            amount_cad=amount_cad,
            cad_rate=cad_rate,
            rate_date=rate_date,
            method=method,
            provider=provider,
            provider_reference=provider_reference,
            status=status,
            status_changed_at=status_changed_at,
            failure_code=failure_code,
            failure_reason=failure_reason,
            client_secret=client_secret,
            instructions=instructions,
            fraud_risk_score=fraud_risk_score,
            fraud_reasons=fraud_reasons,
            fraud_model=fraud_model,
            review_decision=review_decision,
            reviewed_at=reviewed_at,
            review_note=review_note,
            created_at=created_at,
        )

        payment.additional_properties = d
        return payment

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
