from enum import StrEnum


class PaymentsListPaymentMethod(StrEnum):
    AIRTEL_MONEY = "airtel_money"
    CARD = "card"
    MPESA = "mpesa"
    MTN_MOMO = "mtn_momo"
    ORANGE_MONEY = "orange_money"
    PAYSTACK = "paystack"
    SANDBOX = "sandbox"

    def __str__(self) -> str:
        return str(self.value)
