"""The fixture's own suite; it must pass on the original image."""
import gzip
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from conftest import APP
from report import aggregate, events, export, pipeline

EVENTS = os.path.join(APP, "data", "events.json")


def test_totals_are_exact_decimals():
    totals = aggregate.totals(events.load(EVENTS))
    assert totals == {"books": Decimal("590.28"), "games": Decimal("398.23"),
                      "garden": Decimal("481.19"), "music": Decimal("716.67")}
    assert sum(totals.values()) == Decimal("2186.37")


def test_vat_share_rounds_half_even():
    assert aggregate.vat_share(Decimal("120.00")) == Decimal("20.00")
    assert aggregate.vat_share(Decimal("0.03")) == Decimal("0.00")


def test_bad_amount_is_rejected():
    with pytest.raises(ValueError, match="bad amount"):
        events.parse({"id": "x", "ts": "2024-01-01T00:00:00Z", "category": "c",
                      "amount": "twelve"})


def test_local_time_follows_paris_daylight_saving():
    before = datetime(2024, 3, 31, 0, 30, tzinfo=timezone.utc)
    after = datetime(2024, 3, 31, 1, 30, tzinfo=timezone.utc)
    assert export.local_time(before, "Europe/Paris") == "2024-03-31 01:30 CET"
    assert export.local_time(after, "Europe/Paris") == "2024-03-31 03:30 CEST"
    assert export.local_time(after, "America/New_York") == "2024-03-30 21:30 EDT"


def test_id_hash_is_stable():
    assert export.id_hash("evt-001") == "e49c621e9191c222"


def test_gzip_is_reproducible(tmp_path):
    a, b = tmp_path / "a.gz", tmp_path / "b.gz"
    assert export.write_gzip(str(a), "x,y\n") == export.write_gzip(str(b), "x,y\n")
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()) == b"x,y\n"


def test_pipeline_writes_store_and_csv(tmp_path):
    summary = pipeline.run(EVENTS, str(tmp_path), "Europe/Paris")
    assert summary.rows == 42
    assert summary.digest.startswith("b960d95b91a75d5f")
    con = sqlite3.connect(str(tmp_path / "report.db"))
    try:
        assert con.execute("SELECT amount FROM totals WHERE category='music'").fetchone() \
            == ("716.67",)
    finally:
        con.close()
    lines = gzip.open(tmp_path / "report.csv.gz", "rt").read().splitlines()
    assert len(lines) == 43
    assert lines[1] == "e49c621e9191c222,2024-03-30 23:00 CET,books,18.04"
    assert any("CEST" in line for line in lines)


def test_main_prints_summary(tmp_path):
    out = subprocess.run([sys.executable, os.path.join(APP, "main.py"), EVENTS],
                         env={**os.environ, "REPORT_OUT": str(tmp_path)},
                         capture_output=True, text=True, check=True)
    assert out.stdout == ("rows: 42 categories: 4 total: 2186.37 "
                          "sha256: b960d95b91a75d5f\n")
