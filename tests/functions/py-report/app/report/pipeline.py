"""The batch run: load, aggregate, store, export."""
import os
import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal

from . import aggregate, events, export, store


@dataclass(frozen=True)
class Summary:
    rows: int
    totals: dict
    digest: str

    def line(self) -> str:
        total = sum(self.totals.values(), Decimal(0))
        return (f"rows: {self.rows} categories: {len(self.totals)} total: {total} "
                f"sha256: {self.digest[:16]}")


def run(events_path: str, out_dir: str, zone: str) -> Summary:
    evs = sorted(events.load(events_path), key=lambda e: (e.ts, e.id))
    totals = aggregate.totals(evs)
    os.makedirs(out_dir, exist_ok=True)
    rows = store.save(os.path.join(out_dir, "report.db"), evs, totals, export.id_hash)
    # Built in /tmp and then copied, as many batch jobs do with scratch files.
    with tempfile.TemporaryDirectory(prefix="py-report-") as scratch:
        tmp_csv = os.path.join(scratch, "report.csv.gz")
        digest = export.write_gzip(tmp_csv, export.csv_text(evs, zone))
        shutil.copyfile(tmp_csv, os.path.join(out_dir, "report.csv.gz"))
    return Summary(rows, totals, digest)
