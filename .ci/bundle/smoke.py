"""Smoke test of a built bundle: every command, and the editor, run from the bundle alone.

    .venv/bin/python .ci/bundle/smoke.py dist/policy-matrix            run the smoke test (exit 1 on a failure)
    .venv/bin/python .ci/bundle/smoke.py dist/policy-matrix --prove    also show that it fails on a broken bundle

The bundle runs in a clean environment (PATH=/usr/bin:/bin, a fresh HOME, no virtual environment, no
PYTHONPATH): only what it carries can be used. This script, run by the project's own Python, checks the results
(the DOCX is opened with python-docx; the version is compared with the sources). `--prove` then deletes, one at a
time, each datum the app needs from a copy of the bundle, and requires the smoke test to fail on every copy.
`make bundle-smoke` runs both; .ci/run calls it after `make bundle`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from matrices.examples import load_example  # noqa: E402
from matrices.review import Comment  # noqa: E402
from storage.document import Document  # noqa: E402
from storage.schema import SCHEMA_VERSION  # noqa: E402
from ui.cohort.feedback import POOL_MIN_JOBS  # noqa: E402
from ui.desktop import QUIT_AFTER_PAINT  # noqa: E402
from ui.version import APP_VERSION, DESKTOP_NAME  # noqa: E402

CONTENTS = "_internal"
"""PyInstaller's folder for everything but the executables."""

OFFSCREEN_NOISE = "qt: This plugin does not support"
"""What Qt's offscreen platform (the smoke test's screen) says about window features it lacks; a desktop never does."""

PROVE: tuple[tuple[str, ...], ...] = (
    (f"{CONTENTS}/matrices/data/examples/example_proposal.es.json",),
    (f"{CONTENTS}/matrices/data/field_model.json",),
    (f"{CONTENTS}/matrices/data/catalogs",),
    (f"{CONTENTS}/ui/i18n/policy_matrix_es.qm",),
    (f"{CONTENTS}/ui/icons/app.svg",),
    (f"{CONTENTS}/PySide6/Qt/translations/qtbase_es.qm",),
    # Either of Qt's SVG plugins draws the icons (the icon engine sharper at any size): both go, or it is unseen.
    (f"{CONTENTS}/PySide6/Qt/plugins/iconengines", f"{CONTENTS}/PySide6/Qt/plugins/imageformats"),
    (f"{CONTENTS}/docx/templates/default.docx",),
    (f"{CONTENTS}/docx/templates/default-footer.xml",),
    (f"{CONTENTS}/docx/parts",),
)
"""What --prove deletes (one group per copy): the data, translations, icon and python-docx parts the app reads."""


class SmokeError(Exception):
    """A step of the smoke test did not do what it should."""


class Bundle:
    """A built bundle folder and a scratch folder to run it in."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder.resolve()
        self.work = work
        self.home = work / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        name = f"{DESKTOP_NAME}.exe" if sys.platform == "win32" else DESKTOP_NAME
        self.executable = self.folder / name

    def env(self, **extra: str) -> dict[str, str]:
        """Return a clean environment: system PATH, a fresh HOME, UTF-8, offscreen Qt; nothing of this Python."""
        env = {"PATH": os.defpath if sys.platform != "win32" else os.environ.get("PATH", ""), "HOME": str(self.home)}
        env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
        if sys.platform == "win32":  # Windows cannot start a process without these
            env.update({key: os.environ[key] for key in ("SYSTEMROOT", "TEMP", "TMP") if key in os.environ})
            env["LOCALAPPDATA"] = env["APPDATA"] = str(self.home)
        env.update(extra)
        return env

    def run(self, *args: str | Path, expect: tuple[int, ...] = (0,), **env: str) -> subprocess.CompletedProcess[str]:
        """Run the bundle with args in the work folder; fail unless it exits with one of expect."""
        done = subprocess.run(
            [str(self.executable), *map(str, args)],
            cwd=self.work,
            env=self.env(**env),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
            check=False,
        )
        if done.returncode not in expect:
            shown = " ".join(map(str, args))
            raise SmokeError(f"`{shown}` exited {done.returncode}: {done.stderr.strip()[-1500:]}")
        return done

    def log_problems(self) -> list[str]:
        """Return the warning and error lines of the app's log file (none after a clean run)."""
        logs = list(self.home.rglob(f"{DESKTOP_NAME}.log"))
        lines = [line for log in logs for line in log.read_text(encoding="utf-8").splitlines()]
        return [
            line
            for line in lines
            if any(f" {level} " in line for level in ("WARNING", "ERROR", "CRITICAL")) and OFFSCREEN_NOISE not in line
        ]


def check_version(bundle: Bundle) -> None:
    """--version names the sources' application and file-format versions."""
    out = bundle.run("--version").stdout
    if APP_VERSION not in out or f"file format (.pmx): {SCHEMA_VERSION}" not in out:
        raise SmokeError(f"--version printed {out!r}, not version {APP_VERSION} and file format {SCHEMA_VERSION}")


def check_demo(bundle: Bundle) -> None:
    """Demo writes both examples as documents of the current file format."""
    for lang, name in (("es", "ejemplo.pmx"), ("en", "example.pmx")):
        bundle.run("demo", name, "--lang", lang)
        with sqlite3.connect(f"file:{bundle.work / name}?mode=ro", uri=True) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise SmokeError(f"demo wrote file format {version}, not {SCHEMA_VERSION}")


def check_check(bundle: Bundle) -> None:
    """Check reads the catalogues and the field model, in both languages."""
    for lang in ("es", "en"):
        out = bundle.run("check", "ejemplo.pmx", "--lang", lang, expect=(0, 1)).stdout
        if "completeness" not in out and "completitud" not in out:
            raise SmokeError(f"check --lang {lang} printed no completeness line: {out[-500:]!r}")
    findings = json.loads(bundle.run("check", "example.pmx", "--json", expect=(0, 1)).stdout)
    if not isinstance(findings, list):
        raise SmokeError("check --json did not print a list")


def _pictures(path: Path) -> int:
    return len(docx.Document(str(path)).inline_shapes)


def check_convert(bundle: Bundle) -> None:
    """Convert writes a DOCX that python-docx opens, with both diagrams, and JSON back."""
    bundle.run("convert", "ejemplo.pmx", "ejemplo.docx")
    if (count := _pictures(bundle.work / "ejemplo.docx")) != 2:
        raise SmokeError(f"the converted DOCX holds {count} pictures, not the 2 diagrams")
    bundle.run("convert", "ejemplo.pmx", "ejemplo.json")
    data = json.loads((bundle.work / "ejemplo.json").read_text(encoding="utf-8"))
    if data.get("format") != "policy-matrix":
        raise SmokeError("convert to .json wrote no interchange file")


def check_export(bundle: Bundle) -> None:
    """Export writes Word files, review comments included, in the other language."""
    commented = bundle.work / "comentada.pmx"
    Document.create(commented, load_example("es"), [Comment(author="Facilitadora", text="Precise la meta.")]).close()
    bundle.run("export", "ejemplo.pmx", commented.name, "--out-dir", "word", "--comments", "--lang", "en")
    for name in ("ejemplo.docx", "comentada.docx"):
        if _pictures(bundle.work / "word" / name) != 2:
            raise SmokeError(f"export wrote {name} without its 2 diagrams")


def check_review(bundle: Bundle) -> None:
    """Review lists the folder's proposals."""
    out = bundle.run("review", ".").stdout
    title = load_example("es").title
    if title[:30] not in out:
        raise SmokeError(f"review did not list the example {title[:30]!r}: {out[-500:]!r}")


def check_feedback(bundle: Bundle) -> None:
    """Feedback for a Moodle download big enough for its pool of workers (frozen, each worker re-runs the bundle)."""
    download = bundle.work / "moodle"
    for number in range(1, POOL_MIN_JOBS + 1):
        folder = download / f"Participante {number}_{1000 + number}_assignsubmission_file"
        folder.mkdir(parents=True)
        shutil.copyfile(bundle.work / "ejemplo.pmx", folder / "propuesta.pmx")
    bundle.run("feedback", download.name, "--out", "retroalimentacion.zip")
    with zipfile.ZipFile(bundle.work / "retroalimentacion.zip") as archive:
        words = [name for name in archive.namelist() if name.endswith(".docx")]
    if len(words) != POOL_MIN_JOBS:
        raise SmokeError(f"feedback wrote {len(words)} Word files for {POOL_MIN_JOBS} participants")


def _gui(bundle: Bundle, document: str, name: str) -> dict[str, object]:
    report = bundle.work / f"{name}.json"
    bundle.run(document, **{QUIT_AFTER_PAINT: str(report)})
    if not report.is_file():
        raise SmokeError(f"the editor on {document} quit without painting its window")
    return json.loads(report.read_text(encoding="utf-8"))


def check_gui(bundle: Bundle) -> None:
    """The editor opens a document offscreen, in Spanish and in English, with nothing to warn about, and quits."""
    shown = _gui(bundle, "ejemplo.pmx", "gui-es")
    if "ejemplo.pmx" not in str(shown["title"]) or shown["dialogs"] or "&Archivo" not in shown["menus"]:  # type: ignore[operator]
        raise SmokeError(f"the editor did not show ejemplo.pmx in Spanish: {shown}")
    if sys.platform.startswith("linux"):  # where Qt keeps the settings as an ini file under HOME
        settings = bundle.home / ".config" / "PolicyMatrix" / "Policy Matrix.conf"
        text = settings.read_text(encoding="utf-8") if settings.is_file() else ""
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(text.replace("[ui]\n", "") + "\n[ui]\nlanguage=en\n", encoding="utf-8")
        shown = _gui(bundle, "example.pmx", "gui-en")
        if "&File" not in shown["menus"]:  # type: ignore[operator]
            raise SmokeError(f"the editor did not switch to English: {shown}")
    (bundle.work / "rota.pmx").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    shown = _gui(bundle, "rota.pmx", "gui-damaged")
    if not any("rota.pmx" in str(text) for text in shown["dialogs"]):  # type: ignore[union-attr]
        raise SmokeError(f"the editor said nothing about the damaged rota.pmx: {shown}")
    problems = [line for line in bundle.log_problems() if "rota.pmx" not in line]
    if problems:
        raise SmokeError("the app logged problems: " + " | ".join(problems[:5]))


def check_manifest(bundle: Bundle) -> None:
    """Every package datum of pyproject.toml is in the bundle, with Qt's Spanish and python-docx's templates."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    wanted = [
        path.relative_to(ROOT)
        for package, patterns in package_data["package-data"].items()
        for pattern in patterns
        for path in (ROOT / package).glob(pattern)
    ]
    contents = bundle.folder / CONTENTS
    missing = [str(path) for path in wanted if not (contents / path).is_file()]
    missing += [name for name in ("docx/templates/default.docx", "docx/parts") if not (contents / name).exists()]
    if not list(contents.rglob("qtbase_es.qm")):
        missing.append("qtbase_es.qm")
    if missing:
        raise SmokeError(f"missing from the bundle: {', '.join(missing)}")


STEPS: tuple[Callable[[Bundle], None], ...] = (
    check_version,
    check_demo,
    check_check,
    check_convert,
    check_export,
    check_review,
    check_feedback,
    check_gui,
)


def smoke(folder: Path, manifest: bool = True) -> list[str]:
    """Run every step on the bundle in folder; return the failures (empty: the bundle works)."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="pm-smoke-") as temp:
        bundle = Bundle(folder, Path(temp))
        for step in ((check_manifest,) if manifest else ()) + STEPS:
            try:
                step(bundle)
            except (SmokeError, OSError, ValueError, KeyError, subprocess.TimeoutExpired) as exc:
                failures.append(f"{step.__name__}: {exc}")
                if step is check_demo:
                    break  # every later step reads what demo writes
    return failures


def prove(folder: Path) -> list[str]:
    """Delete each PROVE datum from its own copy of the bundle; return the deletions the smoke test missed."""
    missed = []
    with tempfile.TemporaryDirectory(prefix="pm-prove-") as temp:
        for group in PROVE:
            datum = " and ".join(group)
            copy = Path(temp) / "bundle"
            # Hard links: a copy of the whole bundle in no time and no space; only the deleted datum differs.
            shutil.copytree(folder, copy, copy_function=os.link, symlinks=True)
            targets = [copy / name for name in group]
            if not all(target.exists() for target in targets):
                missed.append(f"{datum}: not in the bundle to begin with")
            else:
                for target in targets:
                    shutil.rmtree(target) if target.is_dir() else target.unlink()
                failures = smoke(copy, manifest=False)  # the behaviour must show it, not only the file list
                print(f"  without {datum}: " + (failures[0][:160] if failures else "NOT DETECTED"), flush=True)
                if not failures:
                    missed.append(datum)
            shutil.rmtree(copy)
    return missed


def main() -> int:
    """Run the smoke test (and with --prove, the broken-bundle runs); exit 1 when anything failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="the bundle folder (dist/policy-matrix)")
    parser.add_argument("--prove", action="store_true", help="also show that a bundle missing a datum fails")
    args = parser.parse_args()
    failures = smoke(args.folder)
    for failure in failures:
        print(f"FAILED {failure}")
    print(f"smoke test of {args.folder}: " + ("failed" if failures else f"all {len(STEPS) + 1} steps passed"))
    if args.prove and not failures:
        print("the same smoke test on copies each missing one datum:")
        missed = prove(args.folder)
        for datum in missed:
            print(f"FAILED the smoke test passed without {datum}")
        failures += missed
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
