"""Reading and validating events."""
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Event:
    id: str
    ts: datetime
    category: str
    amount: Decimal
    currency: str


def parse(raw: dict) -> Event:
    try:
        amount = Decimal(raw["amount"])
    except (InvalidOperation, TypeError) as e:
        raise ValueError(f"event {raw.get('id')!r}: bad amount {raw.get('amount')!r}") from e
    ts = datetime.strptime(raw["ts"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return Event(raw["id"], ts, raw["category"], amount, raw.get("currency", "EUR"))


def load(path: str) -> list[Event]:
    with open(path, encoding="utf-8") as f:
        return [parse(raw) for raw in json.load(f)]
