"""Feedback for a Moodle cohort in one upload: what `main.py feedback` and the dashboard's button both run.

    result = build_feedback(FeedbackRequest(source, out, worksheet), progress)

For each participant with a proposal, a folder named as Moodle names theirs ("Full Name_ID_assignsubmission_
file"), holding the Word export and the reviewed .pmx (the facilitator's comments included), goes into one zip
for "Upload multiple feedback files in a zip". With a worksheet, a copy of it (OUT.csv beside the zip) has the
"Feedback comments" cell of those participants filled in, in the course's language, for "Upload grading
worksheet"; nothing else of it changes. A participant whose proposal fails is named in the result and the others
go on. The exports run in a pool of processes when that is faster (bench/bench_moodle.py measures it).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from matrices.localized import COURSE_LANGUAGE, Lang
from storage.atomic import temp_path_beside, write_atomic
from storage.errors import OutputConflictError, WorksheetError, WriteFailedError
from storage.filenames import shown as shown_path
from storage.moodle import Download, DownloadReader, Participant, scan_download
from storage.moodle_worksheet import Worksheet, feedback_text, parse_worksheet
from storage.moodle_zip import MAX_MEMBER_BYTES
from storage.outputs import check_outputs as check_run_outputs
from ui.cohort.feedback_job import Job, JobResult, init_worker, run_in_worker, run_job

POOL_MIN_JOBS = 40
"""Fewer proposals than this are exported in this process: two workers take 3-4 s to start (bench_moodle.py:
300 proposals took 92 s in one process and 62 s in two; 16 took 5.2 s in one and 8.6 s in two)."""

Progress = Callable[[int, int, str], bool]
"""Called with (participants done, participants to do, the next one's name); returns False to cancel the rest."""


class FeedbackError(Exception):
    """The feedback cannot be made at all (an output that is an input, a worksheet that is not one)."""


@dataclass(frozen=True)
class FeedbackRequest:
    """What the facilitator asked for."""

    source: Path
    out: Path
    worksheet: Path | None = None
    lang: Lang | None = None
    """Language of the Word files and of the worksheet's text (None: each proposal's, and the worksheet's)."""
    word_comments: bool = False
    workers: int | None = None
    """Processes exporting at once (None: both cores when there are enough proposals; 1: this process only)."""


@dataclass
class FeedbackResult:
    """What a feedback run did."""

    written: list[str] = field(default_factory=list)
    """The participants (shown names) whose folder is in the zip."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Participants without one proposal, and what they sent (their worksheet rows are left as they were)."""
    worksheet_out: Path | None = None
    filled: int = 0
    missing_rows: list[str] = field(default_factory=list)
    """Participants with feedback but no row in the worksheet (it was downloaded before they submitted)."""
    cancelled: bool = False


def worksheet_output(out: Path) -> Path:
    """Return where the filled worksheet is written: beside the zip, named after it."""
    return out.with_suffix(".csv")


def shown(participant: Participant, lang: Lang) -> str:
    """Return how a participant is named in progress and reports: "Ana Pérez (12)"."""
    return f"{participant.shown_name(lang)} ({participant.participant_id})"


def check_outputs(request: FeedbackRequest) -> None:
    """Refuse outputs that are inputs (the download, the worksheet) or that would land inside the download."""
    out = request.out
    if out.suffix.lower() != ".zip":
        raise FeedbackError(
            f"{shown_path(out)}: the feedback is a .zip file (Moodle takes one zip); name it ending in .zip"
        )
    if out.is_dir() or not out.parent.is_dir():
        raise FeedbackError(f"{shown_path(out)}: choose a file name in an existing folder")
    inputs = [request.source] + ([request.worksheet] if request.worksheet else [])
    targets = [out, worksheet_output(out)] if request.worksheet else [out]
    try:
        check_run_outputs(targets, inputs)  # the rule every command and the editor follow
    except OutputConflictError as exc:
        raise FeedbackError(f"{shown_path(exc.path or out)}: {exc.reason}") from exc
    for target in targets:
        if request.source.is_dir() and target.resolve().is_relative_to(request.source.resolve()):
            raise FeedbackError(f"{shown_path(target)}: is inside the download it reads; write it elsewhere")


def _read_worksheet(path: Path) -> Worksheet:
    """Read the worksheet Moodle wrote: a regular file of sensible size."""
    try:
        if not path.exists():
            raise FeedbackError(f"{path}: no such file")
        if not path.is_file():
            raise FeedbackError(f"{path}: is not a regular file")
        if path.stat().st_size > MAX_MEMBER_BYTES:
            raise FeedbackError(f"{path}: is too large for a grading worksheet")
        data = path.read_bytes()
    except OSError as exc:
        raise FeedbackError(f"{path}: cannot be read ({exc.strerror or 'input/output error'})") from exc
    try:
        return parse_worksheet(data)
    except WorksheetError as exc:
        exc.path = path
        raise


def _jobs_of(download: Download, request: FeedbackRequest, result: FeedbackResult, lang: Lang) -> list[Job]:
    jobs = []
    for participant in download.participants:
        if participant.status == "proposal":
            jobs.append(Job(download.source, download.is_zip, participant, request.lang, request.word_comments))
        else:
            result.skipped.append((shown(participant, lang), participant.status))
    return jobs


def _pool_size(request: FeedbackRequest, jobs: int) -> int:
    if request.workers is not None:
        return max(1, request.workers)
    return min(2, os.cpu_count() or 1) if jobs >= POOL_MIN_JOBS else 1


def _results(jobs: list[Job], workers: int) -> Iterator[JobResult]:
    """Yield each job's result in the jobs' order, from this process or from a pool of `workers`."""
    if not jobs:
        return
    if workers <= 1:
        with DownloadReader(Download(jobs[0].source, jobs[0].is_zip, [], [])) as reader:
            from export.diagrams import ensure_gui_application

            ensure_gui_application()
            for job in jobs:
                yield run_job(job, reader)
        return
    # Spawned, not forked: a fork of a process running Qt is unsafe, and Windows can only spawn.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker) as pool:
        futures = [pool.submit(run_in_worker, job) for job in jobs]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def build_feedback(request: FeedbackRequest, progress: Progress | None = None) -> FeedbackResult:
    """Write the feedback zip (and the filled worksheet); return what was written, skipped and failed."""
    check_outputs(request)
    sheet = _read_worksheet(request.worksheet) if request.worksheet else None
    download = scan_download(request.source)
    lang: Lang = request.lang or (sheet.lang if sheet else COURSE_LANGUAGE)
    result = FeedbackResult()
    jobs = _jobs_of(download, request, result, lang)
    texts: dict[int, str] = {}
    temp = temp_path_beside(request.out)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            results = _results(jobs, _pool_size(request, len(jobs)))
            for done, job in enumerate(jobs):
                name = shown(job.participant, lang)
                if progress is not None and not progress(done, len(jobs), name):
                    result.cancelled = True
                    break
                outcome = next(results)
                if outcome.error is not None or outcome.summary is None:
                    result.failed.append((name, outcome.error or "could not be exported"))
                    continue
                for path, data in outcome.files:
                    # A .docx is a zip already: deflating it again costs time and gains nothing.
                    kind = zipfile.ZIP_STORED if path.endswith(".docx") else zipfile.ZIP_DEFLATED
                    archive.writestr(path, data, compress_type=kind)
                texts[job.participant.participant_id] = feedback_text(outcome.summary, lang)
                result.written.append(name)
            results.close()  # a cancelled run stops the pool's pending work
        if result.cancelled:
            return result
        os.replace(temp, request.out)
    except OSError as exc:
        # A full disk fails a write into the zip, which names no file: the user must read the output's name.
        raise WriteFailedError(f"could not be written ({exc.strerror or exc})", request.out) from exc
    finally:
        temp.unlink(missing_ok=True)
    if progress is not None:
        progress(len(jobs), len(jobs), "")
    if sheet is not None:
        _write_worksheet(sheet, texts, download, request, result, lang)
    return result


def _write_worksheet(
    sheet: Worksheet,
    texts: dict[int, str],
    download: Download,
    request: FeedbackRequest,
    result: FeedbackResult,
    lang: Lang,
) -> None:
    rows = sheet.rows()
    by_id = {p.participant_id: p for p in download.participants}
    result.missing_rows = [shown(by_id[pid], lang) for pid in texts if pid not in rows]
    result.filled = sum(1 for pid in texts if pid in rows)
    target = worksheet_output(request.out)
    write_atomic(target, sheet.filled(texts))
    result.worksheet_out = target
