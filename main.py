"""Policy Matrix: the composition root. Parses the command line and runs a headless command or the editor.

The command line is a fixed contract (README, "Command line"): other checks call it, so names, options, exit
statuses and the one-line `error:` messages must stay exactly as they are. The commands live in `ui/cli/`.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pydantic import ValidationError

from matrices.installation import InstallationError

# The domain (and so pydantic) must be fully imported before anything imports PySide6: shiboken's import hook
# inspects every later import and breaks pydantic's lazy submodule loading with a circular ImportError.
from matrices.proposal import Proposal  # noqa: F401  # isort: split
from storage.errors import DocumentError
from storage.reading import MAX_DOCUMENT_BYTES, regular_size
from ui.cli.check import cmd_check, cmd_schema
from ui.cli.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UsageError, describe
from ui.cli.convert import cmd_convert, cmd_demo, cmd_export
from ui.cli.feedback import cmd_feedback
from ui.cli.import_comments import cmd_import_comments
from ui.cli.parser import COMMANDS, build_parser
from ui.cli.review import cmd_review
from ui.version import version_text

if TYPE_CHECKING:
    from ui.crash import CrashReporter
    from ui.desktop import Application

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "main", "run", "run_gui"]


def _gui_file(argv: Sequence[str]) -> Path | None:
    """Return the document to open in the GUI, if one was given and is a .pmx."""
    if len(argv) > 1 or (argv and not argv[0].lower().endswith(".pmx")):
        raise UsageError(f"unknown command {argv[0]!r}; commands: {', '.join(COMMANDS)}, or a .pmx file to open")
    if not argv:
        return None
    path = Path(argv[0])
    regular_size(path, MAX_DOCUMENT_BYTES)  # a missing file, a folder or a pipe is said here, before any window
    return path


def run_gui(path: Path | None) -> int:
    """Start the desktop editor (on path when given) and return its exit status."""
    from ui.about import versions_line
    from ui.app_log import start_logging
    from ui.crash import CrashReporter
    from ui.desktop import Application
    from ui.version import DESKTOP_NAME

    # Before anything can fail: with no console (a GUI-only build), the log file is where a failure is written.
    log_file = start_logging(sys.stderr)
    app = Application([sys.argv[0] if sys.argv else DESKTOP_NAME])
    logging.getLogger(__name__).info("%s started: %s", DESKTOP_NAME, versions_line())
    reporter = CrashReporter(log_file, app)
    reporter.install()
    try:
        return _run_editor(app, reporter, path)
    except Exception:
        logging.getLogger(__name__).exception("the editor could not start")
        raise
    finally:
        reporter.uninstall()


def _run_editor(app: Application, reporter: CrashReporter, path: Path | None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from ui.about import AboutDialog
    from ui.context import UiContext
    from ui.controller import AppController
    from ui.desktop import QUIT_AFTER_PAINT, FirstPaintReport
    from ui.main_window import MainWindow
    from ui.messages import installation_message
    from ui.settings import Settings
    from ui.style import apply_style
    from ui.translation import LanguageSwitcher
    from ui.version import APP_NAME
    from ui.workers import Workers
    from ui.writer import DocumentWriter

    apply_style(app)
    settings = Settings(QSettings())
    languages = LanguageSwitcher(app)
    languages.apply(settings.language)
    try:
        context = UiContext.load(settings.language)
    except InstallationError as exc:
        logging.getLogger(__name__).error("%s", exc)
        QMessageBox.critical(None, APP_NAME, installation_message(exc))
        return EXIT_BAD_INPUT
    window = MainWindow(context)

    from ui.pages.editor_pages import default_pages

    pages = default_pages

    # One writer for every document, one policy for every worker thread: built here, handed down, never globals.
    workers = Workers(app)
    writer = DocumentWriter(workers, app)
    controller = AppController(window, context, settings, languages, pages, writer=writer)
    reporter.protect(window, controller.save_pending)
    app.file_open_requested.connect(controller.open_path)
    window.about_requested.connect(lambda: AboutDialog(reporter.log_file, window).exec())
    geometry, state = settings.window_state()
    if os.environ.get(QUIT_AFTER_PAINT):
        FirstPaintReport(window, Path(os.environ[QUIT_AFTER_PAINT]))
    window.show_first(geometry, state)
    if path is not None:
        controller.open_path(path)
    status = app.exec()
    writer.flush()  # closing the window flushed the document; nothing queued may be left behind
    workers.wait_all()
    settings.save_window_state(window.saveGeometry(), window.saveState())
    settings.sync()
    return int(status)


HANDLERS = {
    "demo": cmd_demo,
    "convert": cmd_convert,
    "export": cmd_export,
    "check": cmd_check,
    "review": cmd_review,
    "import-comments": cmd_import_comments,
    "feedback": cmd_feedback,
    "schema": cmd_schema,
}


class _TerminalSafe(io.TextIOBase):
    """Writes to a stream with control characters spelled out as u-escapes: file content is a stranger's text."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        """Write text with C0/C1 control characters (but newlines and tabs) and undecodable bytes escaped."""
        safe = text.translate(_CONTROL_ESCAPES)
        try:
            self._stream.write(safe)
        except UnicodeEncodeError:
            # A console or a redirection in a code page (cp1252 on Windows) cannot show every name or title:
            # what it cannot show is spelled as an escape rather than ending the command in the middle of a batch.
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            self._stream.write(safe.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self._stream.flush()


# A participant's text may carry terminal escape sequences; printed raw, they would drive the facilitator's
# terminal. The \\uXXXX spelling is also a valid escape inside the JSON that `check --json` prints.
_CONTROL_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"}
# A file name that is not UTF-8 keeps its bytes as lone surrogates; written out they would raise, or reach the
# terminal raw. Spelled \xNN, as storage.filenames.shown() spells them in a path.
_CONTROL_ESCAPES.update({code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)})
# Bidirectional embeddings, overrides and isolates make a terminal show text in an order other than its own: a
# title or a name can make `exe.pmx` read `xmp.exe` or push a column of the review table out of place.
_CONTROL_ESCAPES.update(
    {code: f"\\u{code:04x}" for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)


def run(argv: Sequence[str]) -> int:
    """Run one command line and return its exit status; errors become one `error:` line."""
    original_out, original_err = stdout, stderr = sys.stdout, sys.stderr
    if stdout is None or stderr is None:
        # A GUI-only build (Windows, no console) has no streams: what would be printed goes to the log file.
        from ui.app_log import LogWriter, start_logging

        start_logging(original_err)
        output = logging.getLogger("policy_matrix.output")
        stdout = stdout if stdout is not None else LogWriter(output, logging.INFO)  # type: ignore[assignment]
        stderr = stderr if stderr is not None else LogWriter(output, logging.WARNING)  # type: ignore[assignment]
    safe_out = _TerminalSafe(stdout)
    sys.stdout, sys.stderr = safe_out, _TerminalSafe(stderr)  # type: ignore[assignment]
    try:
        return _run(argv)
    finally:
        if sys.stdout is safe_out:  # a broken pipe swapped in /dev/null: keep it, the reader is gone
            sys.stdout = original_out
        sys.stderr = original_err


def _run(argv: Sequence[str]) -> int:
    try:
        if not argv or argv[0] not in COMMANDS:
            if argv and argv[0] in ("-h", "--help"):
                build_parser().print_help()
                return EXIT_OK
            if list(argv) == ["--version"]:
                print(version_text())
                return EXIT_OK
            return run_gui(_gui_file(argv))
        args = build_parser().parse_args(list(argv))
        return HANDLERS[args.command](args)
    except BrokenPipeError:
        # The reader went away (`main.py schema | head`): nothing left to say, and nothing failed.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from complaining at exit
        return EXIT_OK
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except InstallationError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except (DocumentError, ValidationError, OSError) as exc:
        print(f"error: {describe(exc, None)}", file=sys.stderr)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
    except Exception as exc:  # the contract: no traceback ever reaches the user
        print(f"error: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
    return EXIT_BAD_INPUT


def main() -> None:
    """Entry point of `python main.py` and of the `policy-matrix` script."""
    # `feedback` may export in spawned worker processes (ui/cohort/feedback.py): in a frozen bundle each worker
    # starts this executable again, and this call makes it run the worker's job instead of the app.
    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
