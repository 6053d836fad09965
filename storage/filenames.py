"""File names as the user sees them: a name comes from a stranger (a zip made on Windows, a shared folder).

Python keeps the bytes of a name that is not UTF-8 as lone surrogates (the byte 0xF1 of a Latin-1 "año" becomes
U+DCF1); printed, they either raise UnicodeEncodeError or reach the terminal as raw bytes, and Qt silently drops
them. A name may also hold a line break, a terminal escape or a right-to-left override that makes `exe.pmx` look
like `xmp.exe`.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

# The categories that are not seen as themselves: controls, format characters (bidirectional overrides, zero
# widths), line and paragraph separators, and surrogates (the undecodable bytes of a name).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_SURROGATE_ESCAPE = range(0xDC80, 0xDD00)
"""Where Python's surrogateescape puts the bytes 0x80-0xFF of a name that is not UTF-8."""


def _shown_character(ch: str) -> str:
    code = ord(ch)
    if code in _SURROGATE_ESCAPE:
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) not in _HIDDEN_CATEGORIES:
        return ch
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(path: Path | str | bytes) -> str:
    """Return path as printable text on one line: undecodable bytes and hidden characters as escapes."""
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if text.isprintable():  # the common case, and the cheap one
        return text
    return "".join(_shown_character(ch) for ch in text)


def shown_name(path: Path | str) -> str:
    """Return the last part of path (the file's own name), as shown()."""
    return shown(Path(path).name)


def is_text(path: Path | str) -> bool:
    """Return True when path is valid Unicode text, so that Qt and the settings file can carry it unchanged."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def from_dialog(name: str) -> Path:
    """Return the file a Qt file dialog meant: Qt spells the undecodable bytes of a name as U+FFFD.

    Each part that does not exist as spelled is matched against its folder's entries decoded the same way; a
    name that matches no entry, or more than one, is returned as it is (opening it then says it is missing).
    """
    path = Path(name)
    if "\ufffd" not in name or os.path.lexists(path):
        return path
    current = Path(path.parts[0])
    for part in path.parts[1:]:
        candidate = current / part
        if "\ufffd" in part and not os.path.lexists(candidate):
            try:
                entries = os.listdir(os.fsencode(current))
            except OSError:
                return path
            matches = [entry for entry in entries if entry.decode("utf-8", "replace") == part]
            if len(matches) != 1:
                return path
            candidate = current / os.fsdecode(matches[0])
        current = candidate
    return current
