from enum import StrEnum


class TaxRegimeEnum(StrEnum):
    AB = "AB"
    BC = "BC"
    EXPORT = "EXPORT"
    MB = "MB"
    NB = "NB"
    NL = "NL"
    NS = "NS"
    NT = "NT"
    NU = "NU"
    ON = "ON"
    PE = "PE"
    QC = "QC"
    SK = "SK"
    YT = "YT"

    def __str__(self) -> str:
        return str(self.value)
