"""Tables the dashboard shows and exports as CSV: one definition for both.

A cell is a plain value, `Money` (minor units and a currency) or `Share` (a ratio). The HTML shows
them formatted for people (Babel for money); the CSV keeps them exact (decimal amounts with
the currency in its own column, ratios as fractions), so spreadsheets can add them up.
"""

import csv
from dataclasses import dataclass, field

from django.http import HttpResponse

from masthead.billing.money import decimal_string

from .money import money


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str

    def __str__(self):
        return money(self.amount, self.currency)

    @property
    def csv(self):
        return f"{decimal_string(self.amount, self.currency)} {self.currency}"


@dataclass(frozen=True)
class Share:
    ratio: float | None

    def __str__(self):
        return "—" if self.ratio is None else f"{self.ratio:.1%}"

    @property
    def csv(self):
        return "" if self.ratio is None else f"{self.ratio:.4f}"


def csv_value(value):
    if hasattr(value, "csv"):
        return value.csv
    if value is None:
        return ""
    return value


def display(value):
    if value is None:
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


@dataclass
class Table:
    name: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""

    heat: bool = False

    def display_rows(self):
        """Rows of (text, inline style): a heat table (cohorts) shades each share by its size."""
        return [[(display(value), self._shade(value)) for value in row] for row in self.rows]

    def _shade(self, value):
        if not self.heat or not isinstance(value, Share) or value.ratio is None:
            return ""
        return f"background: rgba(46, 111, 183, {0.08 + 0.6 * value.ratio:.2f})"

    def csv_response(self, filename):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([str(c) for c in self.columns])
        for row in self.rows:
            writer.writerow([csv_value(v) for v in row])
        return response
