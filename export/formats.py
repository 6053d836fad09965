"""Numbers, money and dates written the way each export language writes them."""

from __future__ import annotations

from datetime import date

from export.labels import Labels
from matrices.base import Lang

_SWAP = str.maketrans({",": ".", ".": ","})


def format_number(value: float, lang: Lang) -> str:
    """Return value with thousands separators: 16.742 and 0,5 in Spanish, 16,742 and 0.5 in English."""
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(_SWAP) if lang == "es" else text


def format_money(amount: float | None, currency: str | None, lang: Lang) -> str:
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
