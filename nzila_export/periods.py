"""Days, as people ask for them: a period from one day to another, both included, in the current time zone
(the platform's, settings.TIME_ZONE, unless a request activated another), turned into ranges on timestamp
indexes. The API asks for one with nzila_export.api.serializers.PeriodQuerySerializer."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone


def day_start(day: date, *, days_later: int = 0) -> datetime:
    """The start of `day` (plus `days_later`) in the current time zone: a range on the timestamp index,
    where a filter on the timestamp's date would read every row."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=days_later), time.min))


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    @property
    def starts_at(self) -> datetime:
        return day_start(self.start)

    @property
    def ends_before(self) -> datetime:
        return day_start(self.end, days_later=1)

    @property
    def days_count(self) -> int:
        return (self.end - self.start).days + 1

    def moments(self, field: str) -> Q:
        """`field` (a datetime) in the period, as a range on its index."""
        return Q(**{f"{field}__gte": self.starts_at, f"{field}__lt": self.ends_before})

    def days(self, field: str) -> Q:
        """`field` (a date) in the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lte": self.end})
