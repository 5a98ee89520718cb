import csv
import io

from rest_framework.renderers import BaseRenderer


class ReportCSVRenderer(BaseRenderer):
    """One table of a report as CSV, its headers in the reader's language. The view names the table and its
    columns (`csv_columns`, `csv_table`); an error is answered as JSON by the view, never rendered here."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = renderer_context["view"]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(label) for _key, label in view.csv_columns])
        writer.writerows(
            ["" if row.get(key) is None else row[key] for key, _label in view.csv_columns]
            for row in data[view.csv_table]
        )
        return buffer.getvalue().encode(self.charset)
