"""Writing a command's outputs: .pmx, .json and .docx, each atomically."""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from export.options import ExportOptions
from matrices.proposal import Proposal
from matrices.reference import load_reference_data
from matrices.review import Comment
from matrices.rules import default_rulebook
from storage.atomic import write_atomic
from storage.errors import DocumentError, WriteFailedError
from storage.filenames import shown
from storage.interchange import write_json
from storage.newfile import write_document
from ui.cli.common import fail


@contextlib.contextmanager
def written_to(path: Path) -> Iterator[None]:
    """Name path, the output, in any failure to write it: a full disk, a write-protected or vanished folder."""
    try:
        yield
    except DocumentError as exc:
        exc.path = path  # not the hidden temporary file beside it, a name that means nothing to the user
        raise
    except OSError as exc:
        raise WriteFailedError(f"could not be written ({exc.strerror or exc})", path) from exc


def write_pmx(path: Path, proposal: Proposal, comments: Sequence[Comment]) -> None:
    """Write a new .pmx atomically: build it beside the target, then rename over it."""
    # Under the target's lock: if a window has it open, this raises DocumentLockedError naming who.
    write_document(path, proposal, comments)


def write_output(path: Path, proposal: Proposal, comments: Sequence[Comment]) -> None:
    """Write a proposal to a .pmx, .json or .docx file, named in any failure."""
    suffix = path.suffix.lower()
    if suffix not in (".pmx", ".json", ".docx"):
        raise fail(path, f"unsupported output type {shown(path.suffix) or '(none)'!r}: expected .pmx, .json or .docx")
    # Built before the writing starts, so that a failure of the export itself is not blamed on the output.
    data = docx_bytes(proposal, comments, ExportOptions()) if suffix == ".docx" else None
    with written_to(path):
        if suffix == ".pmx":
            path.parent.mkdir(parents=True, exist_ok=True)
            write_pmx(path, proposal, comments)
        elif data is None:
            write_json(path, proposal, comments)
        else:
            write_atomic(path, data)


def docx_bytes(proposal: Proposal, comments: Sequence[Comment], options: ExportOptions) -> bytes:
    """Export a proposal to DOCX bytes; the diagrams need a Qt GUI application, created here if missing."""
    # Imported here: python-docx and QtGui cost a third of the start-up of the commands that never export
    # (`review` of 500 files has a 2 s budget, start-up included).
    from export.diagrams import ensure_gui_application
    from export.docx_export import export_docx
    from export.docx_safety import DocxRefusedError

    ensure_gui_application()
    reference = load_reference_data()
    catalogs, field_model = reference.catalogs, reference.field_model
    findings = default_rulebook(catalogs, field_model).check(proposal)
    try:
        return export_docx(
            proposal,
            catalogs=catalogs,
            field_model=field_model,
            findings=findings,
            comments=comments,
            options=options,
        )
    except DocxRefusedError as exc:
        # Only a template is read through the bounded Word reader during an export.
        raise fail(options.template or Path(), exc.reason) from exc
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        if options.template is None:
            raise
        # python-docx reports a damaged or foreign template through these.
        raise fail(options.template, f"cannot be used as a Word template ({type(exc).__name__})") from exc
