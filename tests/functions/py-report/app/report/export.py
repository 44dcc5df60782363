"""Gzip CSV export with local times from the IANA time zone database."""
import csv
import gzip
import hashlib
import io
from zoneinfo import ZoneInfo


def id_hash(event_id: str) -> str:
    """A stable pseudonym for an event id (salted SHA-256, 16 hex digits)."""
    return hashlib.sha256(b"py-report:" + event_id.encode()).hexdigest()[:16]


def local_time(ts, zone: str) -> str:
    return ts.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M %Z")


def csv_text(events, zone: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id_hash", "local_time", "category", "amount"])
    for e in events:
        w.writerow([id_hash(e.id), local_time(e.ts, zone), e.category, str(e.amount)])
    return buf.getvalue()


def write_gzip(path: str, text: str) -> str:
    """Writes text gzip-compressed (mtime 0, so the bytes are reproducible); returns sha256."""
    data = text.encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="") as gz:
        gz.write(data)
    return hashlib.sha256(data).hexdigest()
