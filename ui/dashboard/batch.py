"""Batch export of proposals to Word, with their review comments as native Word comments.

Each file is opened read-only (never changed), exported and written atomically; a file that fails is reported
and the batch goes on. The caller passes a progress callback that may cancel between two files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.base import Lang
from matrices.catalogs import Catalogs
from matrices.rules import Rulebook
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentError

logger = logging.getLogger(__name__)

Progress = Callable[[int, Path], bool]
"""Called before each file with (files done, next file); returns False to cancel the rest."""


@dataclass
class BatchResult:
    """What a batch export did: files written, files that failed with their reason, and whether it was cancelled."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False


def target_names(sources: Sequence[Path], out_dir: Path) -> list[Path]:
    """Return one .docx path per source in out_dir; sources with the same name (subfolders) get -2, -3..."""
    taken: set[str] = set()
    targets = []
    for source in sources:
        name, n = f"{source.stem}.docx", 1
        while name.casefold() in taken:
            n += 1
            name = f"{source.stem}-{n}.docx"
        taken.add(name.casefold())
        targets.append(out_dir / name)
    return targets


class BatchExporter:
    """Exports proposals to .docx files in one folder, comments included."""

    def __init__(self, catalogs: Catalogs, rulebook: Rulebook, lang: Lang | None = None) -> None:
        self._catalogs = catalogs
        self._rulebook = rulebook
        self._options = ExportOptions(lang=lang, include_comments=True)

    def export_one(self, source: Path, target: Path) -> None:
        """Export one proposal with its comments to target (written atomically); raise on failure."""
        with Document.open(source, read_only=True) as document:
            proposal = document.load()
            comments = document.load_comments()
        data = export_docx(
            proposal,
            catalogs=self._catalogs,
            field_model=self._rulebook.field_model,
            findings=self._rulebook.check(proposal),
            comments=comments,
            options=self._options,
        )
        write_atomic(target, data)

    def run(self, sources: Sequence[Path], out_dir: Path, progress: Progress | None = None) -> BatchResult:
        """Export every source into out_dir; a failure is recorded and the batch goes on."""
        result = BatchResult()
        for done, (source, target) in enumerate(zip(sources, target_names(sources, out_dir), strict=True)):
            if progress is not None and not progress(done, source):
                result.cancelled = True
                break
            try:
                self.export_one(source, target)
            except DocumentError as exc:
                result.failed.append((source, str(exc)))
            except OSError as exc:
                result.failed.append((source, f"{target}: {exc.strerror or exc}"))
            except Exception as exc:  # one proposal the writer chokes on must not stop the other 299
                logger.exception("exporting %s failed", source)
                result.failed.append((source, f"could not be exported ({type(exc).__name__})"))
            else:
                result.written.append(target)
        if progress is not None and not result.cancelled:
            progress(len(sources), sources[-1] if sources else out_dir)
        return result
