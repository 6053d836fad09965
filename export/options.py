"""What the caller chooses for a Word export: language, paper, template, comments, pictures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from matrices.localized import Lang
from matrices.proposal import Proposal

Paper = Literal["letter", "a4"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")


@dataclass(frozen=True)
class ExportOptions:
    """Options of one export; `lang=None` means the proposal's own language."""

    lang: Lang | None = None
    paper: Paper = "letter"
    template: Path | None = None
    include_comments: bool = False
    include_pictures: bool = True
    """False leaves the diagrams out (for a quick preview or to time the document alone)."""
    word_anchors: bool = True
    """Bookmark every item text and name the bookmarks in the document, so that comments a facilitator adds
    in Word can be imported back onto their items (export/word_comments.py)."""

    def export_lang(self, proposal: Proposal) -> Lang:
        """Return the language of headings and labels for this proposal."""
        return self.lang or proposal.language
