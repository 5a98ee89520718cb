from enum import StrEnum


class ReportsPipelineTable(StrEnum):
    DEALS = "deals"
    LEADS = "leads"
    STAGES = "stages"

    def __str__(self) -> str:
        return str(self.value)
