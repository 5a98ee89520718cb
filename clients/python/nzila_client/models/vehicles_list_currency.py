from enum import StrEnum


class VehiclesListCurrency(StrEnum):
    CAD = "CAD"
    EUR = "EUR"
    GBP = "GBP"
    GHS = "GHS"
    KES = "KES"
    NGN = "NGN"
    USD = "USD"
    XAF = "XAF"
    XOF = "XOF"
    ZAR = "ZAR"

    def __str__(self) -> str:
        return str(self.value)
