"""py-report: turns a file of JSON events into a gzip CSV report and a SQLite store.

Usage: main.py EVENTS.json   (output directory: $REPORT_OUT, default /app/out)
Prints one summary line: `rows: N categories: N total: X sha256: HEX`.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from report.pipeline import run  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: main.py EVENTS.json", file=sys.stderr)
        sys.exit(2)
    summary = run(sys.argv[1], os.environ.get("REPORT_OUT", "/app/out"),
                  os.environ.get("REPORT_TZ", "Europe/Paris"))
    print(summary.line())
