from enum import StrEnum


class PlanCodeEnum(StrEnum):
    ENTERPRISE = "enterprise"
    PROFESSIONAL = "professional"
    STARTER = "starter"

    def __str__(self) -> str:
        return str(self.value)
