from enum import StrEnum


class LevelEnum(StrEnum):
    ALL = "all"
    MAKE = "make"
    MAKE_MODEL_YEAR = "make_model_year"

    def __str__(self) -> str:
        return str(self.value)
