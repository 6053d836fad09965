"""Numbers, money and dates written the way each export language writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from export.labels import Labels
from matrices.base import Lang

_SEPARATORS: dict[Lang, tuple[str, str]] = {"es": (".", ","), "en": (",", ".")}
"""(thousands, decimal) separators of each export language."""


def exact_decimal(value: float | Decimal) -> Decimal:
    """Return the figure as the participant typed it: the shortest decimal that reads back as the same float."""
    if isinstance(value, Decimal):
        return value
    # repr() of a float is the shortest string that round-trips, so 0.004 stays 0.004 rather than the binary
    # 0.004000000000000000083...; an int is exact already.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def format_number(value: float | Decimal, lang: Lang) -> str:
    """Return a figure with every digit entered and the language's separators: 16.742 and 0,004 in Spanish."""
    exact = exact_decimal(value)
    text = format(exact, "f")  # never an exponent: 1e-06 is written 0.000001
    sign = "-" if exact < 0 else ""
    integer, _, fraction = text.removeprefix("-").partition(".")
    fraction = fraction.rstrip("0")
    thousands, decimal = _SEPARATORS[lang]
    grouped = f"{int(integer):,}".replace(",", thousands)
    return f"{sign}{grouped}{decimal}{fraction}" if fraction else f"{sign}{grouped}"


def format_money(amount: float | Decimal | None, currency: str | None, lang: Lang) -> str:
    """Return an amount with its currency code first (USD 150.000), or "" without an amount."""
    if amount is None:
        return ""
    number = format_number(amount, lang)
    return f"{currency} {number}" if currency else number


def format_signed(value: int) -> str:
    """Return a position rating with its sign (+2, 0, −2)."""
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{-value}")


def format_date(value: date | None, labels: Labels) -> str:
    """Return a short date: 31/05/2021 in Spanish (as written in Panama), 31 May 2021 in English."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if labels.lang == "es" else long_date(value, labels)


def long_date(value: date, labels: Labels) -> str:
    """Return a date in words: 30 de junio de 2022, 30 June 2022."""
    if labels.lang == "es":
        return f"{value.day} de {labels.month(value.month)} de {value.year}"
    return f"{value.day} {labels.month(value.month)} {value.year}"
