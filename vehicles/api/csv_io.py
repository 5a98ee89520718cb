"""CSV import and export of a dealer's inventory. An import is read and validated row by row here
(the entry point); only a file whose every row is valid reaches the service, which writes it all."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext

from vehicles.api.serializers import WRITABLE_FIELDS, VehicleSerializer
from vehicles.models import CLOSED_STATUSES, Vehicle, VehicleStatus
from vehicles.services import (
    DEAL_DRIVEN_STATUSES,
    ImportRow,
    status_follows_deal_message,
    vehicle_identity_changes,
)

CSV_COLUMNS = ["vin", *[name for name in WRITABLE_FIELDS if name != "vin"]]
REQUIRED_COLUMNS = {"vin", "make", "model", "year", "mileage_km", "condition", "price", "city", "province"}
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5000


class CsvFileError(Exception):
    """The file as a whole cannot be read: no row is looked at."""


@dataclass
class ImportPlan:
    rows: list[ImportRow] = field(default_factory=list)
    report_rows: list[dict] = field(default_factory=list)
    # The report row of each of `rows`, in the same order, to be given the vehicle id once written.
    written_reports: list[dict] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(1 for row in self.report_rows if row["result"] == "rejected")

    def report(self) -> dict:
        counts = {result: 0 for result in ("created", "updated", "unchanged", "rejected")}
        for row in self.report_rows:
            counts[row["result"]] += 1
        return {**counts, "rows": self.report_rows}


def _read_rows(upload) -> list[dict]:
    if upload.size > MAX_IMPORT_BYTES:
        raise CsvFileError(
            gettext("An import file is at most %(megabytes)s MB.") % {"megabytes": MAX_IMPORT_BYTES // 1024 // 1024}
        )
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            gettext("The file is not UTF-8 text; export it from the spreadsheet as CSV UTF-8.")
        ) from error
    if "\x00" in text:
        raise CsvFileError(gettext("The file is not CSV text."))
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
        missing = sorted(REQUIRED_COLUMNS - set(header))
        if missing:
            raise CsvFileError(
                gettext("Missing columns: %(missing)s. Expected: %(expected)s.")
                % {"missing": ", ".join(missing), "expected": ", ".join(CSV_COLUMNS)}
            )
        reader.fieldnames = header
        rows = []
        for row in reader:
            if len(rows) >= MAX_IMPORT_ROWS:
                raise CsvFileError(gettext("An import holds at most %(rows)s rows.") % {"rows": MAX_IMPORT_ROWS})
            rows.append(row)
    except csv.Error as error:
        raise CsvFileError(gettext("The file is not valid CSV: %(error)s") % {"error": error}) from error
    if not rows:
        raise CsvFileError(gettext("The file has a header but no rows."))
    return rows


def import_plan_build(*, upload, dealer) -> ImportPlan:
    """Validate every row: created (new VIN), updated (the dealer's live listing with that VIN) or
    rejected with its reasons. Raises CsvFileError when the file itself cannot be read."""
    plan = ImportPlan()
    seen_vins: dict[str, int] = {}
    for line_number, raw in enumerate(_read_rows(upload), start=2):
        data = {
            name: (raw.get(name) or "").strip()
            for name in CSV_COLUMNS
            if name in raw and (raw.get(name) or "").strip() != ""
        }
        vin = data.get("vin", "").upper()
        report = {"row": line_number, "vin": vin, "result": "rejected", "vehicle": None, "errors": {}}
        plan.report_rows.append(report)
        if None in raw:
            report["errors"]["non_field_errors"] = [gettext("This row has more cells than the header.")]
            continue
        serializer = VehicleSerializer(data=data)
        if not serializer.is_valid():
            report["errors"] = {
                key: [str(message) for message in messages] for key, messages in serializer.errors.items()
            }
            continue
        values = dict(serializer.validated_data)
        vin = values["vin"]
        report["vin"] = vin
        if vin in seen_vins:
            report["errors"]["vin"] = [
                gettext("This VIN is already on line %(line)s of the file.") % {"line": seen_vins[vin]}
            ]
            continue
        seen_vins[vin] = line_number
        live = Vehicle.objects.filter(vin=vin).exclude(status__in=CLOSED_STATUSES).first()
        if live is not None and live.dealer_id != dealer.pk:
            report["errors"]["vin"] = [gettext("Another dealer has a live listing with this VIN.")]
            continue
        if live is None:
            values.setdefault("status", VehicleStatus.AVAILABLE)  # an import lists; a blank status keeps it
            if values["status"] in DEAL_DRIVEN_STATUSES:
                # The export's row of a car a deal sold stays that car as it is; any other is refused.
                sold = Vehicle.objects.filter(dealer=dealer, vin=vin, status=values["status"]).order_by("-pk").first()
                if sold is None:
                    report["errors"]["status"] = [status_follows_deal_message()]
                else:
                    report["vehicle"], report["result"] = sold.pk, "unchanged"
                continue
            plan.rows.append(ImportRow(data=values))
            plan.written_reports.append(report)
            report["result"] = "created"
            continue
        locked = vehicle_identity_changes(vehicle=live, data=values)
        if locked:
            message = gettext("A %(status)s vehicle cannot become a different car.") % {
                "status": live.get_status_display().lower()
            }
            report["errors"] = {name: [message] for name in locked}
            continue
        report["vehicle"] = live.pk
        if all(getattr(live, name) == value for name, value in values.items()):
            report["result"] = "unchanged"
            continue
        plan.rows.append(ImportRow(data=values, vehicle=live))
        plan.written_reports.append(report)
        report["result"] = "updated"
    return plan


class Echo:
    def write(self, value):
        return value


def export_lines(*, vehicles):
    """The CSV lines of `vehicles`, header first, in the columns an import reads."""
    writer = csv.writer(Echo())
    yield writer.writerow(["id", *CSV_COLUMNS])
    for vehicle in vehicles.iterator(chunk_size=500):
        yield writer.writerow([vehicle.pk, *[_cell(getattr(vehicle, name)) for name in CSV_COLUMNS]])


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting like a formula is quoted so that a spreadsheet shows it instead of running it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
