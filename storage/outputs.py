"""The one rule about where a run may write: no output is an input, a template, or another output of the same run.

Every command that writes (demo, convert, export, review --csv) and the editor's Export, Save As and dashboard
exports call check_outputs() before they write anything (README, "Command line"). Paths are compared as the file
system sees them, not as they are spelled: `./a.pmx`, a symbolic or hard link, `A.PMX` on a disk that ignores
case (Windows, macOS, a USB stick) and a name in another Unicode normalization (macOS) all name the same file.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storage.errors import OutputConflictError
from storage.filenames import shown
from storage.lock import LOCK_SUFFIX
from storage.sidefiles import JOURNAL_SUFFIX, SHM_SUFFIX, WAL_SUFFIX

# SQLite's side files (rollback journal, write-ahead log and its index) and our lock: replacing one would break a
# document that is open, or hand the next opener a journal we did not write.
_SIDE_FILE_ENDINGS = tuple(".pmx" + suffix for suffix in (LOCK_SUFFIX, JOURNAL_SUFFIX, WAL_SUFFIX, SHM_SUFFIX))

Identity = tuple[int, object]
OutputKey = tuple[object, str]


def identity(path: Path) -> Identity | None:
    """Return what identifies the file path leads to (links followed), or None when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if info.st_ino:
        return info.st_dev, info.st_ino
    # A file system with no file numbers (Windows reports 0 on some FAT sticks and network shares): the resolved
    # name, case-folded as those file systems compare names, is what tells two files apart.
    return info.st_dev, _name_key(os.path.realpath(path))


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def output_key(path: Path) -> OutputKey:
    """Return a key equal for two paths that may be one file: same folder, names equal but for case or form."""
    folder = path.parent
    folder_identity = identity(folder)
    return (folder_identity or _name_key(os.path.abspath(folder))), _name_key(path.name)


def _non_file_kind(path: Path) -> str | None:
    """Return what path is when it exists and is not a regular file (a link is judged by what it leads to)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _conflict(output: Path, reason: str) -> OutputConflictError:
    return OutputConflictError(reason, output)


def _same_as(output: Path, other: Path, what: str) -> OutputConflictError:
    if os.path.abspath(other) == os.path.abspath(output):
        return _conflict(output, f"is {what}; choose another output")
    return _conflict(output, f"is {what} {shown(other)} (the same file under another name); choose another output")


def check_outputs(outputs: Sequence[Path], inputs: Iterable[Path] = (), templates: Iterable[Path] = ()) -> None:
    """Refuse, naming the output, one that is an input, a template, not a file, a side file, or written twice.

    Raises OutputConflictError: an output would replace a file read by the same run (an input or a template, under
    any spelling), a folder, pipe or device, a document's lock or journal, or another output of the same run.
    """
    read: dict[Identity, tuple[Path, str]] = {}
    for what, paths in (("the template file", templates), ("the input file", inputs)):
        for path in paths:
            found = identity(path)
            if found is not None:
                read[found] = (path, what)
    written: dict[OutputKey, Path] = {}
    for output in outputs:
        if _name_key(output.name).endswith(_SIDE_FILE_ENDINGS):
            raise _conflict(output, "is the lock or journal file of a document; choose another name")
        kind = _non_file_kind(output)
        if kind is not None:
            raise _conflict(output, f"is {kind}, not a file; choose a file name")
        found = identity(output)
        if found is not None and found in read:
            other, what = read[found]
            raise _same_as(output, other, what)
        key = output_key(output)
        if key in written:
            raise _conflict(output, f"would also be written as {shown(written[key])} in this run; choose another")
        written[key] = output


def check_table_output(output: Path, inputs: Iterable[Path]) -> None:
    """The rule for a table (CSV) written beside proposals: also never a document's name."""
    if _name_key(output.suffix) == ".pmx":
        raise _conflict(output, "is a Policy Matrix document name; the table is written to a .csv file")
    check_outputs([output], inputs)


@dataclass(frozen=True)
class PlannedOutput:
    """Where one input of a batch is written, and why the name differs from the input's own, if it does."""

    source: Path
    target: Path
    taken_by: Path | None = None
    """The earlier input whose output has the natural name (so this one got -2, -3...)."""
    same_as: Path | None = None
    """The earlier input that is this very file (named twice): it is written once."""


def natural_output(source: Path, out_dir: Path | None, suffix: str) -> Path:
    """Return the output a batch would name after source: its stem and suffix, in out_dir or beside it."""
    return (out_dir or source.parent) / f"{source.stem}{suffix}"


def plan_batch(sources: Sequence[Path], out_dir: Path | None, suffix: str) -> list[PlannedOutput]:
    """Give each source an output named after it, in out_dir or else beside it; no two outputs are one file.

    Names that would be one file get -2, -3... in the order given, never the natural name of another source, so
    that a rerun writes the same names. A source named twice is written once.
    """
    naturals = [natural_output(source, out_dir, suffix) for source in sources]
    natural_keys = {output_key(target) for target in naturals}
    used: dict[OutputKey, Path] = {}
    first: dict[Identity, PlannedOutput] = {}
    plans: list[PlannedOutput] = []
    for source, natural in zip(sources, naturals, strict=True):
        found = identity(source)
        if found is not None and found in first:
            plans.append(PlannedOutput(source, first[found].target, same_as=first[found].source))
            continue
        target, key, taken_by = natural, output_key(natural), None
        if key in used:
            taken_by, number = used[key], 2
            while True:
                target = natural.with_name(f"{natural.stem}-{number}{natural.suffix}")
                key = output_key(target)
                if key not in used and key not in natural_keys:
                    break
                number += 1
        used[key] = source
        plan = PlannedOutput(source, target, taken_by)
        if found is not None:
            first[found] = plan
        plans.append(plan)
    return plans


def check_batch(plans: Sequence[PlannedOutput], templates: Iterable[Path] = ()) -> None:
    """Apply check_outputs to a planned batch: each output once, against every source and the templates."""
    check_outputs([plan.target for plan in plans if plan.same_as is None], [plan.source for plan in plans], templates)
