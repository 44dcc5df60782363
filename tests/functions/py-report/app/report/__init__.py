"""Aggregation of sales events: decimal totals, SQLite store, gzip CSV export."""
