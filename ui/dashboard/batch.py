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
from matrices.catalogs import Catalogs
from matrices.localized import Lang
from matrices.rules import Rulebook
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentError
from storage.filenames import shown
from storage.outputs import check_batch, plan_batch

logger = logging.getLogger(__name__)

Progress = Callable[[int, Path], bool]
"""Called before each file with (files done, next file); returns False to cancel the rest."""


@dataclass
class BatchResult:
    """What a batch export did: files written, files that failed with their reason, and whether it was cancelled."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False


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
        """Export every source into out_dir; a failure is recorded and the batch goes on.

        Names follow the command line's `export` (storage.outputs.plan_batch); OutputConflictError, before anything
        is written, when an output would replace one of the sources.
        """
        plans = plan_batch(sources, out_dir, ".docx")
        check_batch(plans)
        result = BatchResult()
        for done, plan in enumerate(plans):
            source, target = plan.source, plan.target
            if progress is not None and not progress(done, source):
                result.cancelled = True
                break
            if plan.same_as is not None:
                continue
            try:
                self.export_one(source, target)
            except DocumentError as exc:
                result.failed.append((source, str(exc)))
            except OSError as exc:
                result.failed.append((source, f"{shown(target)}: {exc.strerror or exc}"))
            except Exception as exc:  # one proposal the writer chokes on must not stop the other 299
                logger.exception("exporting %s failed", shown(source))
                result.failed.append((source, f"could not be exported ({type(exc).__name__})"))
            else:
                result.written.append(target)
        if progress is not None and not result.cancelled:
            progress(len(sources), sources[-1] if sources else out_dir)
        return result
