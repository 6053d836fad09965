"""Moodle's offline grading worksheet: find each participant's row and fill in its "Feedback comments" cell only.

    sheet = parse_worksheet(data)                  # WorksheetError when it is not a worksheet Moodle wrote
    data = sheet.filled({12: "…", 15: "…"})        # the same bytes but those cells; rows of others untouched

Moodle finds the worksheet's columns by their heading, in the language of whoever downloaded it, reads the
participant id after the word for "Participant" in the identifier column, and keeps a row's feedback only when
its "Last modified (grade)" is still true. So nothing but the filled cells may change: the text is split into
fields by their offsets (quoting, line endings and the byte order mark are never rewritten) and only the bytes
of a filled cell are replaced. docs/moodle.md cites the Moodle source this follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from matrices.localized import Lang, LocalizedText
from matrices.review import MATRIX_KEYS
from matrices.summary import ProposalSummary
from storage.errors import WorksheetError
from storage.review_csv import matrix_heading
from storage.texts import moodle_words, texts

BOM = b"\xef\xbb\xbf"
_FIELD_END = re.compile(r"[,\r\n]")


@cache
def _identifier(participant: LocalizedText) -> re.Pattern[str]:
    """Return the pattern of an identifier cell, "Participant 12", in any language of Moodle's word."""
    words = "|".join(re.escape(word.strip()) for _, word in participant.items())
    return re.compile(rf"(?:{words})\s*(\d{{1,18}})")


@dataclass(frozen=True)
class Field:
    """One cell: where its text starts and ends in the worksheet, and its value once unquoted."""

    start: int
    end: int
    value: str


def split_fields(text: str) -> list[list[Field]]:
    """Split CSV text into records of fields with their offsets (RFC 4180 quoting; any line ending)."""
    records: list[list[Field]] = []
    fields: list[Field] = []
    at, size = 0, len(text)
    while at < size:
        start = at
        if text[at] == '"':
            parts, at = [], at + 1
            while True:
                close = text.find('"', at)
                if close < 0:
                    raise WorksheetError("is not a valid CSV file: a quoted cell is never closed")
                parts.append(text[at:close])
                if text.startswith('"', close + 1):
                    parts.append('"')
                    at = close + 2
                    continue
                at = close + 1
                break
            value = "".join(parts)
            stop = _field_end(text, at)
            value += text[at:stop]  # what a lenient reader keeps after a closing quote
            at = stop
        else:
            at = _field_end(text, at)
            value = text[start:at]
        fields.append(Field(start, at, value))
        if at < size and text[at] == ",":
            at += 1
            if at == size:
                fields.append(Field(at, at, ""))
            continue
        records.append(fields)
        fields = []
        at += 2 if text.startswith("\r\n", at) else 1
    if fields:
        records.append(fields)
    return records


def _field_end(text: str, at: int) -> int:
    """Return where an unquoted field ends: at the next separator or line break."""
    found = _FIELD_END.search(text, at)
    return found.start() if found else len(text)


def quote(value: str) -> str:
    """Return a cell's text as CSV, always quoted (Moodle's reader takes either)."""
    return '"' + value.replace('"', '""') + '"'


@dataclass
class Worksheet:
    """A worksheet's text split into fields, and where its identifier and feedback columns are."""

    text: str
    bom: bool
    records: list[list[Field]]
    lang: Lang
    """The language of its headings: the course's language."""
    identifier: int
    feedback: int

    def rows(self) -> dict[int, int]:
        """Return the record index of each participant id listed (the first, should one be listed twice)."""
        found: dict[int, int] = {}
        identifier = _identifier(moodle_words().text("participant"))
        for index, record in enumerate(self.records[1:], start=1):
            if len(record) > self.identifier:
                match = identifier.fullmatch(record[self.identifier].value.strip())
                if match:
                    found.setdefault(int(match.group(1)), index)
        return found

    def feedback_of(self, participant_id: int) -> str | None:
        """Return the feedback cell of a participant's row as it is now, or None when they have no row."""
        index = self.rows().get(participant_id)
        if index is None or len(self.records[index]) <= self.feedback:
            return None
        return self.records[index][self.feedback].value

    def filled(self, texts: dict[int, str]) -> bytes:
        """Return the worksheet with the feedback cell of each given participant set; every other byte as read."""
        rows = self.rows()
        replacements: list[tuple[Field, str]] = []
        for participant_id, text in texts.items():
            index = rows.get(participant_id)
            if index is None or len(self.records[index]) <= self.feedback:
                continue
            cell = self.records[index][self.feedback]
            replacements.append((cell, quote(merge_feedback(cell.value, text))))
        out, at = [], 0
        for cell, value in sorted(replacements, key=lambda pair: pair[0].start):
            out += [self.text[at : cell.start], value]
            at = cell.end
        out.append(self.text[at:])
        return (BOM if self.bom else b"") + "".join(out).encode("utf-8")


def parse_worksheet(data: bytes) -> Worksheet:
    """Read a grading worksheet Moodle wrote (UTF-8, byte order mark or not), in a language Moodle's words have."""
    bom = data.startswith(BOM)
    try:
        text = data[len(BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WorksheetError(
            "is not UTF-8 text as Moodle writes it (was it saved again by a spreadsheet?); download it again"
        ) from exc
    records = split_fields(text)
    headings = [field.value.strip() for field in records[0]] if records else []
    words = moodle_words()
    identifier_headings = words.text("identifier")
    for lang, identifier_heading in identifier_headings.items():
        feedback_heading = words.text("feedback_comments").get(lang)
        if identifier_heading in headings:
            if feedback_heading not in headings:
                raise WorksheetError(
                    f'has no "{feedback_heading}" column: enable feedback comments in the assignment\'s '
                    "settings, then download the worksheet again"
                )
            identifier = headings.index(identifier_heading)
            return Worksheet(text, bom, records, lang, identifier, headings.index(feedback_heading))
    wanted = " or ".join(f'"{heading}"' for _, heading in identifier_headings.items())
    raise WorksheetError(f"is not a Moodle grading worksheet (no {wanted} column)")


def merge_feedback(existing: str, ours: str) -> str:
    """Return the new cell: ours alone, or after what the facilitator wrote (an earlier text of ours replaced)."""
    leads = [lead for _, lead in texts().text("feedback.lead").items()]
    cut = min((at for at in (existing.find(lead) for lead in leads) if at >= 0), default=-1)
    kept = (existing[:cut] if cut >= 0 else existing).rstrip()
    return f"{kept}\n{ours}" if kept else ours


def feedback_text(summary: ProposalSummary, lang: Lang) -> str:
    """Return the feedback line of one proposal: completeness per matrix, errors and warnings, open comments."""
    own = texts()
    scores = ", ".join(f"{matrix_heading(key).get(lang)} {summary.score(key)} %" for key in MATRIX_KEYS)
    counts = {"errors": summary.errors, "warnings": summary.warnings, "comments": summary.comments_open}
    parts = {key: own.count(f"feedback.{key}", n) for key, n in counts.items()}
    return own.text("feedback.text").format(lead=own.text("feedback.lead"), scores=scores, **parts).get(lang)
