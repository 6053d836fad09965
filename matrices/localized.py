"""Texts in several languages, and how each language writes numbers, dates and counts.

Every label, guidance text, catalogue entry, rule message and export heading is a LocalizedText: a text per
language code, read with `get(lang)`. Spanish comes first (docs/design.md §1): every text of the data exists in
Spanish, so a text that a language lacks is shown in Spanish. The languages themselves are data
(`matrices/data/languages.json`): adding one adds its texts and conventions to the data files, not code.
No code branches on a language code: it looks the text or the convention up here (tests/test_languages.py checks
the sources for such branches).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeAlias, TypeVar

from matrices import datafiles
from matrices.installation import InstallationError, read_bundled

Lang: TypeAlias = str
"""A language code of the data: "es", "en", or any code languages.json adds."""

COURSE_LANGUAGE: Lang = "es"
"""The course's first language: every text of the data exists in it, and a missing text falls back to it."""
MESSAGE_LANGUAGE: Lang = "en"
"""The language of the program's own messages (command-line errors and notes, the log): English, as the source
strings of the interface are."""

T = TypeVar("T")


def in_language(values: Mapping[Lang, T], lang: Lang) -> T:
    """Return the value for lang, or the course language's when lang has none (KeyError if neither has one)."""
    return values[lang] if lang in values else values[COURSE_LANGUAGE]


class LocalizedText:
    """An immutable text in several languages; `get(lang)` falls back to the course language."""

    __slots__ = ("_texts",)
    _texts: MappingProxyType[Lang, str]

    def __init__(self, texts: Mapping[Lang, str] | Iterable[tuple[Lang, str]] = ()) -> None:
        object.__setattr__(self, "_texts", MappingProxyType(dict(texts)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a LocalizedText cannot be changed")

    @classmethod
    def plain(cls, text: str) -> LocalizedText:
        """Return a text that reads the same in every language (a code, a number, a name)."""
        return cls({COURSE_LANGUAGE: text})

    @classmethod
    def of(cls, raw: object) -> LocalizedText:
        """Return the text of a data file's value: {"es": ..., "en": ...}, or one string for every language."""
        if isinstance(raw, Mapping):
            return cls({str(lang): str(text) for lang, text in raw.items() if isinstance(text, str)})
        return cls() if raw is None else cls.plain(str(raw))

    def get(self, lang: Lang) -> str:
        """Return the text in lang; in the course language when lang has none; "" when there is no text at all."""
        texts = self._texts
        return texts.get(lang) or texts.get(COURSE_LANGUAGE) or next((text for text in texts.values() if text), "")

    @property
    def languages(self) -> tuple[Lang, ...]:
        """Return the languages this text is written in, in the data's order."""
        return tuple(self._texts)

    def items(self) -> Iterator[tuple[Lang, str]]:
        """Yield (language, text) pairs."""
        return iter(self._texts.items())

    def map(self, change: Callable[[str], str]) -> LocalizedText:
        """Return the text with change applied in every language (e.g. a code put in front)."""
        return LocalizedText((lang, change(text)) for lang, text in self._texts.items())

    def format(self, **values: object) -> LocalizedText:
        """Return the template filled in every language: LocalizedText values are taken in the same language.

        A number formatted with a ',' (thousands) spec gets the language's separators: "{n:,}" is 19.996 in
        Spanish and 19,996 in English. The result has every language of the template and of the values.
        """
        langs = dict.fromkeys(self.languages)
        for value in values.values():
            if isinstance(value, LocalizedText):
                langs.update(dict.fromkeys(value.languages))
        return LocalizedText((lang, _Formatter(lang).vformat(self.get(lang), (), values)) for lang in langs)

    def __bool__(self) -> bool:
        return any(self._texts.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalizedText) and dict(self._texts) == dict(other._texts)

    def __hash__(self) -> int:
        return hash(tuple(self._texts.items()))

    def __repr__(self) -> str:
        return f"LocalizedText({dict(self._texts)!r})"


class _Formatter(string.Formatter):
    """str.format for one language: localized values in that language, grouped numbers with its separators."""

    def __init__(self, lang: Lang) -> None:
        self._lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, LocalizedText):
            value = value.get(self._lang)
        text: str = super().format_field(value, format_spec)
        if "," in format_spec and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            own = conventions(self._lang)
            text = text.translate({ord(","): own.thousands, ord("."): own.decimal})
        return text


def joined(parts: Iterable[LocalizedText | str], separator: str = ", ") -> LocalizedText:
    """Return the parts joined in every language of any of them ('gubernamentales, no gubernamentales')."""
    pieces = [part if isinstance(part, LocalizedText) else LocalizedText.plain(part) for part in parts]
    langs = dict.fromkeys(lang for piece in pieces for lang in piece.languages)
    return LocalizedText((lang, separator.join(piece.get(lang) for piece in pieces)) for lang in langs)


def counted(one: LocalizedText, other: LocalizedText, n: int, **values: object) -> LocalizedText:
    """Return the text for n things ({n}, and any other values): each language's singular form where it says so."""
    langs = dict.fromkeys((*one.languages, *other.languages))
    values = {"n": n, **values}
    return LocalizedText(
        (lang, _Formatter(lang).vformat((one if n in conventions(lang).singular else other).get(lang), (), values))
        for lang in langs
    )


@dataclass(frozen=True)
class TextTable:
    """A data file's texts by key, and its counted texts: (singular, plural) forms, chosen by each language."""

    texts: Mapping[str, LocalizedText]
    counts: Mapping[str, tuple[LocalizedText, LocalizedText]]

    def text(self, key: str) -> LocalizedText:
        """Return the text of key (KeyError when the file has none)."""
        return self.texts[key]

    def count(self, key: str, n: int, **values: object) -> LocalizedText:
        """Return the text of key for n things, in the singular where each language says so."""
        one, other = self.counts[key]
        return counted(one, other, n, **values)


@cache
def text_table(path: Path, section: str = "texts") -> TextTable:
    """Read a file of texts: {section: {key: {lang: text}}, "counts": {key: {"one": ..., "other": ...}}}.

    Read once per file: the export asks for a heading in every table cell.
    """
    raw = read_bundled(path)
    try:
        texts = {key: LocalizedText.of(value) for key, value in raw[section].items()}
        counts = {
            key: (LocalizedText.of(forms["one"]), LocalizedText.of(forms["other"]))
            for key, forms in raw.get("counts", {}).items()
        }
    except (AttributeError, KeyError, TypeError) as exc:  # JSON, but not a file of texts
        raise InstallationError(path, "damaged") from exc
    return TextTable(MappingProxyType(texts), MappingProxyType(counts))


@dataclass(frozen=True)
class InfinitiveTest:
    """How rule S01 tells that a sentence opens with an infinitive verb in one language (languages.json)."""

    endings: tuple[str, ...] = ()
    """Endings every infinitive has (Spanish -ar, -er, -ir); empty when the language marks none."""
    skipped: frozenset[str] = frozenset()
    """Words read past before judging ("to" in "To reduce ...")."""
    not_verbs: frozenset[str] = frozenset()
    noun_endings: tuple[str, ...] = ()
    verbs_with_noun_endings: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Conventions:
    """How one language writes numbers, dates and counts (languages.json)."""

    code: Lang
    name: str
    """The language's name in itself (Español, English), for language menus."""
    tag: str
    """The tag Word's proofing tools use for the export's text (es-PA)."""
    thousands: str
    decimal: str
    date_typed: str
    """How a date is shown and typed in the editor: a str.format template over day, month and year."""
    date_typed_hint: str
    """The placeholder of an empty date field (dd/mm/aaaa)."""
    date_short: str
    """A date in the export's tables: a template over day, month, month_name and year."""
    date_long: str
    """A date in words (the cover): a template over day, month, month_name and year."""
    months: tuple[str, ...]
    singular: frozenset[int]
    """The counts that take the singular form (1 in Spanish and English; 0 and 1 in French)."""
    infinitive: InfinitiveTest = InfinitiveTest()

    def number(self, value: float | Decimal) -> str:
        """Return a figure with every digit entered and this language's separators: 16.742 and 0,004 in Spanish."""
        exact = exact_decimal(value)
        text = format(exact, "f")  # never an exponent: 1e-06 is written 0.000001
        sign = "-" if exact < 0 else ""
        integer, _, fraction = text.removeprefix("-").partition(".")
        fraction = fraction.rstrip("0")
        grouped = f"{int(integer):,}".replace(",", self.thousands)
        return f"{sign}{grouped}{self.decimal}{fraction}" if fraction else f"{sign}{grouped}"

    def typed_number(self, value: float) -> str:
        """Return a figure as it is typed back: no thousands separators, this language's decimal mark."""
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        return text.replace(".", self.decimal)

    def _date(self, template: str, value: date) -> str:
        month_name = self.months[value.month - 1]
        return template.format(day=value.day, month=value.month, month_name=month_name, year=value.year)

    def typed_date(self, value: date) -> str:
        """Return a date as the editor shows it (31/05/2021 in Spanish, 2021-05-31 in English)."""
        return self._date(self.date_typed, value)

    def short_date(self, value: date) -> str:
        """Return a date as the export's tables show it (31/05/2021 in Spanish, 31 May 2021 in English)."""
        return self._date(self.date_short, value)

    def long_date(self, value: date) -> str:
        """Return a date in words: 30 de junio de 2022, 30 June 2022."""
        return self._date(self.date_long, value)


def exact_decimal(value: int | float | Decimal) -> Decimal:
    """Return the figure as the participant typed it: the shortest decimal that reads back as the same float."""
    if isinstance(value, Decimal):
        return value
    # repr() of a float is the shortest string that round-trips, so 0.004 stays 0.004 rather than the binary
    # 0.004000000000000000083...; an int is exact already.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _conventions_of(raw: Mapping[str, Any]) -> Conventions:
    return Conventions(
        code=str(raw["code"]),
        name=str(raw["name"]),
        tag=str(raw["tag"]),
        thousands=str(raw["thousands"]),
        decimal=str(raw["decimal"]),
        date_typed=str(raw["date_typed"]),
        date_typed_hint=str(raw["date_typed_hint"]),
        date_short=str(raw["date_short"]),
        date_long=str(raw["date_long"]),
        months=tuple(str(month) for month in raw["months"]),
        singular=frozenset(int(n) for n in raw["singular"]),
        infinitive=_infinitive_of(raw.get("infinitive") or {}),
    )


def _infinitive_of(raw: Mapping[str, Any]) -> InfinitiveTest:
    return InfinitiveTest(
        endings=tuple(raw.get("endings", ())),
        skipped=frozenset(raw.get("skipped", ())),
        not_verbs=frozenset(raw.get("not_verbs", ())),
        noun_endings=tuple(raw.get("noun_endings", ())),
        verbs_with_noun_endings=frozenset(raw.get("verbs_with_noun_endings", ())),
    )


@cache
def _read_languages(path: Path) -> Mapping[Lang, Conventions]:
    # Read once per file: numbers and dates are formatted for every cell the editor paints.
    raw = read_bundled(path)
    try:
        table = {entry["code"]: _conventions_of(entry) for entry in raw["languages"]}
    except (AttributeError, KeyError, TypeError) as exc:  # JSON, but not the languages' conventions
        raise InstallationError(path, "damaged") from exc
    if COURSE_LANGUAGE not in table:
        raise ValueError(f"{path}: the course language {COURSE_LANGUAGE!r} is missing")
    return MappingProxyType(table)


def _languages_table() -> Mapping[Lang, Conventions]:
    return _read_languages(datafiles.data_dir() / "languages.json")


def languages() -> tuple[Lang, ...]:
    """Return the languages of the data, the course language first: the choices of every language option."""
    codes = tuple(_languages_table())
    return (COURSE_LANGUAGE, *(code for code in codes if code != COURSE_LANGUAGE))


def conventions(lang: Lang) -> Conventions:
    """Return how lang writes numbers and dates (the course language's conventions for a language without any)."""
    return in_language(_languages_table(), lang)
