"""SQLite store of events and totals."""
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, ts TEXT NOT NULL, category TEXT NOT NULL,
    amount TEXT NOT NULL, id_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS totals (category TEXT PRIMARY KEY, amount TEXT NOT NULL);
"""


def save(path: str, events, totals, id_hash) -> int:
    con = sqlite3.connect(path)
    try:
        with con:
            con.executescript(SCHEMA)
            con.execute("DELETE FROM events")
            con.execute("DELETE FROM totals")
            con.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                [(e.id, e.ts.isoformat(), e.category, str(e.amount), id_hash(e.id))
                 for e in events])
            con.executemany("INSERT INTO totals VALUES (?, ?)",
                            [(k, str(v)) for k, v in totals.items()])
        return con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        con.close()
