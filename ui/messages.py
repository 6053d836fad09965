"""What the interface says about the document file: storage errors and read-only states, in the interface language.

storage/ stays free of Qt and speaks English (the command line prints its reasons as they are); here each error
class becomes a translated sentence that names the file and says what the participant can do about it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from matrices.installation import InstallationError
from storage.errors import (
    ArchiveError,
    CorruptDocumentError,
    DocumentClosedError,
    DocumentError,
    DocumentExistsError,
    DocumentLockedError,
    FileTooLargeError,
    ForeignDocumentError,
    InterchangeError,
    LinkedDocumentError,
    MemberError,
    MigrationError,
    NameTooLongError,
    NewerVersionError,
    NotADocumentError,
    NotARegularFileError,
    OutputConflictError,
    ReadOnlyDocumentError,
    UnexpectedSchemaError,
    UnreadableFileError,
    UnsupportedVersionError,
    UntrustedSideFileError,
    WorksheetError,
    WriteFailedError,
)
from storage.filenames import shown, shown_name


def _unreadable(path: Path) -> str:
    # One class covers a vanished file, a folder and a permission problem: the file system tells them apart.
    if not path.exists():
        return QCoreApplication.translate(
            "Messages", "%1 was not found. It may have been moved, renamed or deleted, or its drive disconnected."
        )
    if path.is_dir():
        return QCoreApplication.translate("Messages", "%1 is a folder, not a proposal. Choose a .pmx file.")
    return QCoreApplication.translate(
        "Messages",
        "%1 cannot be read. Check that you may open it and that its drive is connected, "
        "or ask for a new copy of the file.",
    )


def _folder_problem(path: Path) -> str | None:
    """Return why nothing can be written in path's folder (missing, not a folder, write-protected), or None."""
    folder = path.parent
    if not folder.exists():
        return QCoreApplication.translate(
            "Messages",
            "The folder %2 does not exist (it may have been moved or its drive disconnected). Choose another folder.",
        ).replace("%2", str(folder))
    if not folder.is_dir():
        return QCoreApplication.translate("Messages", "%2 is a file, not a folder. Choose a folder.").replace(
            "%2", str(folder)
        )
    if not os.access(folder, os.W_OK):
        return QCoreApplication.translate(
            "Messages", "You may not save in the folder %2. Choose a folder of yours, such as Documents."
        ).replace("%2", str(folder))
    return None


def new_file_problem(path: Path) -> str | None:
    """Return why a new proposal cannot be created at path (before trying), or None when it can be tried."""
    if path.exists() or path.is_symlink():
        return error_message(DocumentExistsError("already exists", path), path)
    return _folder_problem(path)


def _sentence(exc: DocumentError, path: Path) -> str:
    """Return the translated sentence for exc, with %1 where the file name goes (subclasses before their bases)."""
    if isinstance(exc, UntrustedSideFileError):
        return QCoreApplication.translate(
            "Messages",
            "%1 was left untouched: the file %2 beside it was not made by Policy Matrix, and using it could damage "
            "%1 or another file. Move %2 out of the folder, then try again.",
        ).replace("%2", shown_name(exc.side))
    if isinstance(exc, LinkedDocumentError):
        return QCoreApplication.translate(
            "Messages",
            "%1 has other names (hard links), and changes saved under one name could be lost under another. "
            "Use File > Save As to keep a copy you can edit.",
        )
    if isinstance(exc, NameTooLongError):
        return QCoreApplication.translate(
            "Messages", "%1 has a name too long for Policy Matrix to save it safely. Give it a shorter name."
        )
    if isinstance(exc, NotARegularFileError):
        return QCoreApplication.translate(
            "Messages", "%1 is not a file but a pipe, a device or a socket. Choose a Policy Matrix file."
        )
    if isinstance(exc, UnreadableFileError):
        return _unreadable(path)
    if isinstance(exc, FileTooLargeError):
        megabytes = str((exc.limit or 0) // (1024 * 1024))
        return QCoreApplication.translate(
            "Messages", "%1 is larger than the files Policy Matrix opens (%2 MB at most)."
        ).replace("%2", megabytes)
    if isinstance(exc, OutputConflictError):
        return QCoreApplication.translate(
            "Messages",
            "%1 cannot be replaced: it is the proposal being written, a file Policy Matrix keeps beside a proposal, "
            "or not a file. Choose another name.",
        )
    if isinstance(exc, ForeignDocumentError):
        return QCoreApplication.translate(
            "Messages", "%1 is a database of another program, not a Policy Matrix proposal."
        )
    if isinstance(exc, NotADocumentError):
        return QCoreApplication.translate(
            "Messages",
            "%1 is not a Policy Matrix proposal: it is empty or another kind of file. Check that you chose the "
            "right file.",
        )
    if isinstance(exc, CorruptDocumentError):
        return QCoreApplication.translate(
            "Messages",
            "%1 is damaged and cannot be opened. Open an earlier copy (for example the one you sent by e-mail), "
            "or ask its author for the file again.",
        )
    if isinstance(exc, NewerVersionError):
        return QCoreApplication.translate(
            "Messages", "%1 was made by a newer version of Policy Matrix. Install the latest version to open it."
        )
    if isinstance(exc, UnsupportedVersionError):
        return QCoreApplication.translate(
            "Messages", "%1 was made by an old version of Policy Matrix that this version cannot convert."
        )
    if isinstance(exc, UnexpectedSchemaError):
        return QCoreApplication.translate(
            "Messages", "%1 holds data that Policy Matrix never writes; it is not opened, to be safe."
        )
    if isinstance(exc, MigrationError):
        return QCoreApplication.translate(
            "Messages", "%1 could not be updated from an older version of Policy Matrix; the file was left as it was."
        )
    if isinstance(exc, DocumentExistsError):
        return QCoreApplication.translate("Messages", "%1 already exists. Choose another name.")
    if isinstance(exc, DocumentLockedError):
        if exc.holder:
            return QCoreApplication.translate(
                "Messages", "%1 is open in another Policy Matrix window (%2). Close it there first."
            ).replace("%2", exc.holder)
        return QCoreApplication.translate(
            "Messages", "%1 is open in another Policy Matrix window. Close it there first."
        )
    if isinstance(exc, ReadOnlyDocumentError):
        return QCoreApplication.translate(
            "Messages", "%1 is open read-only, so it cannot be changed. Use File > Save As to make a copy you can edit."
        )
    if isinstance(exc, DocumentClosedError):
        return QCoreApplication.translate("Messages", "%1 is already closed. Open it again.")
    if isinstance(exc, WriteFailedError):
        folder = _folder_problem(path)
        if folder is not None:
            return folder  # the true reason, rather than a guess at a full disk
        return QCoreApplication.translate(
            "Messages",
            "%1 could not be written. Check that the disk is not full, that the drive is still connected "
            "and that you may write in its folder.",
        )
    if isinstance(exc, InterchangeError):
        return QCoreApplication.translate("Messages", "%1 is not a valid Policy Matrix interchange (JSON) file.")
    if isinstance(exc, ArchiveError):
        return QCoreApplication.translate(
            "Messages",
            "%1 cannot be read as a Moodle download: it is not a zip file, it is damaged, or it is built to "
            "exhaust the computer. Download it from Moodle again.",
        )
    if isinstance(exc, MemberError):
        return QCoreApplication.translate(
            "Messages",
            "%1, inside the download, is refused: its name, its kind or its size is unsafe, or it is damaged.",
        )
    if isinstance(exc, WorksheetError):
        return QCoreApplication.translate(
            "Messages",
            "%1 is not a grading worksheet that can be filled in. Download it from Moodle again and do not "
            "save it from a spreadsheet first.",
        )
    return QCoreApplication.translate(
        "Messages", "%1 could not be read or written. Check the file and its folder, then try again."
    )


def error_message(exc: BaseException, path: Path | None = None) -> str:
    """Return a translated sentence for a failure on a document file: what happened to which file, what to do."""
    if isinstance(exc, DocumentError):
        target = exc.path or path
        sentence = _sentence(exc, target or Path())
    elif isinstance(exc, OSError):
        target = Path(os.fsdecode(exc.filename)) if isinstance(exc.filename, str | bytes) else path
        sentence = QCoreApplication.translate(
            "Messages", "%1 could not be written. Check that the disk is not full and that you may write there."
        )
    else:
        target = path
        sentence = QCoreApplication.translate(
            "Messages", "%1 could not be read or written. Check the file and its folder, then try again."
        )
    if target is not None and target.name:
        return sentence.replace("%1", shown_name(target))
    return sentence.replace("%1", QCoreApplication.translate("Messages", "The file"))


def installation_message(exc: InstallationError) -> str:
    """Return the sentence shown when a file the app ships is missing or damaged: only reinstalling helps."""
    if exc.problem == "missing":
        sentence = QCoreApplication.translate(
            "Messages", "Policy Matrix cannot start: its installation is damaged (%1 is missing). Reinstall it."
        )
    else:
        sentence = QCoreApplication.translate(
            "Messages", "Policy Matrix cannot start: its installation is damaged (%1 is damaged). Reinstall it."
        )
    return sentence.replace("%1", shown(exc.part))


def error_details(exc: BaseException) -> str:
    """Return the technical reason (English, as the command line prints it), for the log."""
    if isinstance(exc, OSError):
        name = shown(exc.filename) if isinstance(exc.filename, str | bytes) else ""
        return f"{name}: {exc.strerror or exc}".lstrip(": ")
    return str(exc)


def read_only_message(path: Path, locked_by: str | None, review: bool, problem: DocumentError | None = None) -> str:
    """Return the read-only banner: why the document cannot be changed here, and what to do about it.

    problem: what made the open read-only when it is neither a lock held nor write protection.
    """
    if isinstance(problem, UntrustedSideFileError):
        return QCoreApplication.translate(
            "Messages",
            "Opened read-only: the lock file %1 beside the proposal was not made by Policy Matrix, so this window "
            "does not write through it. Move %1 out of the folder, then open the proposal again.",
        ).replace("%1", shown_name(problem.side))
    if isinstance(problem, LinkedDocumentError):
        return QCoreApplication.translate(
            "Messages",
            "Opened read-only: this file has other names (hard links), and changes saved under one name could be "
            "lost under another. Use File > Save As to keep a copy you can edit.",
        )
    if isinstance(problem, NameTooLongError):
        return QCoreApplication.translate(
            "Messages",
            "Opened read-only: the file's name is too long for the journal that keeps each save safe beside it, "
            "so no change could be saved. Use File > Save As with a shorter name.",
        )
    if locked_by:
        text = QCoreApplication.translate(
            "Messages",
            "Opened read-only: another Policy Matrix window (%1) is editing this file. "
            "Close the proposal in that window, then open it again here.",
        ).replace("%1", locked_by)
        if review:
            text += " " + QCoreApplication.translate(
                "Messages", "Comments cannot be added until the other window closes it."
            )
        return text
    if path.exists() and not os.access(path, os.W_OK):
        return QCoreApplication.translate(
            "Messages",
            "Opened read-only: the file is write-protected. To edit it, use File > Save As to make a copy, "
            "or remove the file's read-only mark and open it again.",
        )
    if not os.access(path.parent, os.W_OK):
        return QCoreApplication.translate(
            "Messages",
            "Opened read-only: its folder is write-protected (a shared, network or CD folder, for example). "
            "To edit it, use File > Save As to keep a copy in a folder of yours.",
        )
    return QCoreApplication.translate(
        "Messages",
        "Opened read-only: Policy Matrix could not create its lock file beside the proposal (the disk may be full). "
        "Free some space and open it again, or use File > Save As to keep a copy elsewhere.",
    )


def review_message() -> str:
    """Return the banner of a document opened for review (its content is locked on purpose)."""
    return QCoreApplication.translate(
        "Messages",
        "Review mode: the proposal cannot be changed here; your comments are saved in the file. "
        "To edit the proposal, open it with File > Open.",
    )
