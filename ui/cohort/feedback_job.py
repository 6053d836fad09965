"""One participant's feedback: the Word export and the reviewed .pmx, made in this process or in a worker.

A job carries only what pickles cheaply (the download's path, the participant and the options): a worker of
the process pool reads the submission itself, with every check, and sends back bytes. Each worker process
needs its own QGuiApplication for the diagrams and loads the catalogues once (init_worker).
"""

from __future__ import annotations

import functools
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from matrices.completeness import completeness
from matrices.localized import Lang
from matrices.summary import ProposalSummary, summarize
from storage.document import Document
from storage.errors import DocumentError
from storage.moodle import SUBMISSION_FOLDER, Download, DownloadReader, Participant, document_image, safe_file_name
from storage.summary_rows import bundled_rulebook
from storage.texts import texts

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """What one participant's feedback needs, in a form that crosses to a worker process."""

    source: Path
    is_zip: bool
    participant: Participant
    lang: Lang | None
    """Language of the Word export's headings (None: the proposal's), and of the returned files' names."""
    word_comments: bool


@dataclass(frozen=True)
class JobResult:
    """The files of one participant's feedback folder, with the figures of the worksheet line; or the failure."""

    files: tuple[tuple[str, bytes], ...] = ()
    summary: ProposalSummary | None = None
    error: str | None = None


def feedback_folder(participant: Participant) -> str:
    """Return the folder Moodle matches to the participant: "Full Name_ID_assignsubmission_file"."""
    name = safe_file_name(participant.prefix.rpartition("_")[0])
    return f"{name}_{participant.participant_id}_{SUBMISSION_FOLDER}"


def feedback_names(participant: Participant, lang: Lang) -> tuple[str, str]:
    """Return the zip paths of the returned .pmx and .docx, named after the participant's own file."""
    proposal = participant.proposal()
    stem = PurePosixPath(proposal.name).stem if proposal is not None else "propuesta"
    suffix = texts().text("feedback.file_suffix").get(lang)
    # A name starting with "." or "~" is one Moodle's importer skips as hidden.
    base = f"{safe_file_name(stem).lstrip('.~') or 'propuesta'}-{suffix}"
    folder = feedback_folder(participant)
    return f"{folder}/{base}.pmx", f"{folder}/{base}.docx"


def run_job(job: Job, reader: DownloadReader) -> JobResult:
    """Make one participant's feedback files; any failure becomes the result's one-line error."""
    try:
        return _run(job, reader)
    except DocumentError as exc:
        where = f"{exc.path}: " if exc.path is not None else ""
        return JobResult(error=f"{where}{exc}")
    except OSError as exc:
        return JobResult(error=f"{exc.filename or job.participant.prefix}: {exc.strerror or exc}")
    except Exception as exc:  # one proposal the writer chokes on must not stop the other 299
        logger.exception("feedback for %s failed", job.participant.prefix)
        return JobResult(error=f"could not be exported ({type(exc).__name__})")


def _run(job: Job, reader: DownloadReader) -> JobResult:
    from export.docx_export import export_docx  # python-docx and QtGui: only the processes that export load them
    from export.options import ExportOptions

    proposal, comments, copy = reader.load(job.participant)
    rulebook = bundled_rulebook()
    findings = rulebook.check(proposal)
    summary = summarize(proposal, findings, completeness(proposal, rulebook.field_model), comments)
    options = ExportOptions(lang=job.lang, include_comments=job.word_comments)
    docx = export_docx(
        proposal,
        catalogs=rulebook.catalogs,
        field_model=rulebook.field_model,
        findings=findings,
        comments=comments,
        options=options,
    )
    pmx_name, docx_name = feedback_names(job.participant, options.export_lang(proposal))
    return JobResult(((pmx_name, _reviewed_pmx(job, reader, copy)), (docx_name, docx)), summary)


def _reviewed_pmx(job: Job, reader: DownloadReader, copy: Path | None) -> bytes:
    """Return the .pmx given back: the facilitator's working copy, else the submission (a .json becomes a .pmx)."""
    if copy is not None:
        return document_image(copy)
    file = job.participant.proposal()
    if file is not None and file.name.lower().endswith(".pmx"):
        return reader.read(file)  # it was read and checked moments ago: the same bytes, as sent
    proposal, comments = reader.submitted(job.participant)
    with tempfile.TemporaryDirectory(prefix="policy-matrix-") as temp:
        target = Path(temp) / "feedback.pmx"
        Document.create(target, proposal, comments).close()
        return target.read_bytes()


def init_worker() -> None:
    """Prepare a worker process: a QGuiApplication for the diagrams, the catalogues and rules loaded once."""
    from export.diagrams import ensure_gui_application

    ensure_gui_application()
    bundled_rulebook()


@functools.cache
def _worker_reader(source: Path, is_zip: bool) -> DownloadReader:
    # One reader per worker process for the whole run (the pool ends with the run): the zip is opened once.
    return DownloadReader(Download(source, is_zip, [], []))


def run_in_worker(job: Job) -> JobResult:
    """Run one job in a worker process of the pool."""
    return run_job(job, _worker_reader(job.source, job.is_zip))
