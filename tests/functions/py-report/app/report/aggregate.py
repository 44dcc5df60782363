"""Totals per category in exact decimal arithmetic (banker's rounding to cents)."""
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

CENT = Decimal("0.01")


def totals(events) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    with localcontext() as ctx:
        ctx.prec = 28
        for e in events:
            sums[e.category] = sums.get(e.category, Decimal(0)) + e.amount
    return {k: v.quantize(CENT, rounding=ROUND_HALF_EVEN) for k, v in sorted(sums.items())}


def vat_share(total: Decimal, rate: Decimal = Decimal("0.20")) -> Decimal:
    """The VAT part of a gross amount: total * rate / (1 + rate), rounded to cents."""
    return (total * rate / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_EVEN)
