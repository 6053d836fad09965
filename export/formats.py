"""Numbers, money and dates written the way each export language writes them (its conventions: languages.json)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from export.labels import Labels
from matrices.localized import Lang, conventions


def format_number(value: float | Decimal, lang: Lang) -> str:
    """Return a figure with every digit entered and the language's separators: 16.742 and 0,004 in Spanish."""
    return conventions(lang).number(value)


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
    return conventions(labels.lang).short_date(value)


def long_date(value: date, labels: Labels) -> str:
    """Return a date in words: 30 de junio de 2022, 30 June 2022."""
    return conventions(labels.lang).long_date(value)
