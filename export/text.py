"""Text as Word can hold it: characters that XML 1.0 forbids are removed, line breaks normalised."""

from __future__ import annotations

import re

# XML 1.0 allows \t, \n and \r among the control characters, nothing in the surrogate block and neither
# U+FFFE nor U+FFFF; one of these in document.xml makes Word refuse to open the whole file.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str | None) -> str:
    """Return value without XML-forbidden characters; Word's vertical tab (VT, 0x0B) becomes a line break."""
    if not value:
        return ""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in value:
        # Word writes a manual line break (Shift+Enter) as \x0b when text is copied out of it.
        value = value.replace("\x0b", "\n")
    return _FORBIDDEN.sub("", value)


def shorten(value: str, limit: int) -> str:
    """Return value cut at a word boundary to at most limit characters, with an ellipsis when cut."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—-") + "…"
