"""The bundle recipe's own logic (.ci/bundle/): what is left out, the icons, the Linux desktop integration.

The bundle itself is built and smoke-tested by `make bundle bundle-smoke` (.ci/run); these tests need no build.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
RECIPE = ROOT / ".ci" / "bundle"
LINUX = RECIPE / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def load(name: str) -> ModuleType:
    """Import a module of the recipe (.ci/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bundle_{name}", RECIPE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim = load("trim")


# ---- what the bundle leaves out --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),  # the Windows wheel's layout
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),  # a library, not a plugin: the link closure decides
        ("docx/templates/default.docx", True),
    ],
)
def test_only_the_plugins_the_app_uses_are_kept(name: str, kept: bool) -> None:
    assert trim.keep_plugin(name) is kept


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_es.qm", True),
        ("PySide6\\translations\\qtbase_es.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_es.qm", False),
        ("ui/i18n/policy_matrix_es.qm", True),  # ours, not Qt's
    ],
)
def test_only_qts_own_translations_of_our_languages_are_kept(name: str, kept: bool) -> None:
    assert trim.keep_translation(name) is kept


def test_a_library_stays_only_when_something_kept_links_to_it() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/w/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/w/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/w/libpython3.11.so.1.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/w/libQt6XcbQpa.so.6", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/w/libQt6Network.so.6", "BINARY"),
    ]
    links = {
        "/w/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/w/libQt6Gui.so.6": ["libQt6Core.so.6", "libfontconfig.so.1"],
        "/w/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/usr/lib/libfontconfig.so.1": ["libexpat.so.1"],
    }
    kept = [entry[0] for entry in trim.linked_closure(binaries, lambda path: links.get(path, []))]
    assert kept == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libpython3.11.so.1.0",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    ]  # fontconfig is the system's (and expat only it needed); nothing kept links to QtNetwork


def test_links_to_dropped_libraries_go_with_them() -> None:
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("matrices/data/field_model.json", "/w/field_model.json", "DATA"),
    ]
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY")]
    assert [name for name, _s, _k in trim.without_dangling_links(datas, binaries)] == [
        "libQt6Core.so.6",
        "matrices/data/field_model.json",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="objdump reads ELF files")
def test_direct_links_are_read_from_the_binary() -> None:
    import PySide6

    core = Path(PySide6.__file__).parent / "QtCore.abi3.so"
    assert any(name.startswith("libQt6Core.so") for name in trim.linked_libraries(str(core)))


# ---- icons -------------------------------------------------------------------------------------------------------


def test_the_icons_are_drawn_for_every_desktop(qapp: QApplication, tmp_path: Path) -> None:
    icons = load("icons")
    icons.write_icons(tmp_path)
    for size in icons.PNG_SIZES:
        image = QImage(str(tmp_path / "png" / f"{size}x{size}.png"))
        assert image.size() == QSize(size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the drawing, not an empty canvas
    ico = QImageReader(str(tmp_path / "policy-matrix.ico"))
    assert ico.imageCount() == len(icons.ICO_SIZES)
    sizes = set()
    for index in range(ico.imageCount()):
        ico.jumpToImage(index)
        sizes.add(ico.read().width())
    assert sizes == set(icons.ICO_SIZES)
    icns = QImageReader(str(tmp_path / "policy-matrix.icns"))
    assert icns.canRead()
    assert icns.imageCount() == len(icons.ICNS_TYPES)


# ---- Linux desktop integration --------------------------------------------------------------------------------


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_declares_the_pmx_type_of_the_mime_file() -> None:
    entry = desktop_entry(LINUX / "policy-matrix.desktop")
    mime = ET.parse(LINUX / "policy-matrix.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    assert entry["MimeType"] == f"{mime.get('type')};"
    assert [glob.get("pattern") for glob in mime.iter(f"{MIME_NS}glob")] == ["*.pmx"]
    assert entry["Icon"] == "policy-matrix"
    assert entry["Exec"].endswith(" %f")


def install_desktop(tmp_path: Path, *command: str) -> Path:
    """Run install-desktop.sh for a user whose XDG data folder is under tmp_path; return that folder."""
    data = tmp_path / "share"
    icons = load("icons")
    icons.write_icons(tmp_path / "icons")
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    subprocess.run(
        ["sh", str(LINUX / "install-desktop.sh"), "--icons", str(tmp_path / "icons" / "png"), *command],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return data


def test_install_desktop_writes_the_entry_type_and_icons_for_this_user(qapp: QApplication, tmp_path: Path) -> None:
    program = tmp_path / 'Mis "programas" $HOME' / "policy-matrix"
    data = install_desktop(tmp_path, str(program))
    entry = desktop_entry(data / "applications" / "policy-matrix.desktop")
    # Quoted for the Exec key: \ " ` $ escaped inside double quotes, then backslashes doubled (an escaped string).
    assert (
        entry["Exec"] == '"' + str(tmp_path).replace("\\", "\\\\") + r'/Mis \\"programas\\" \\$HOME/policy-matrix" %f'
    )
    assert (data / "mime" / "packages" / "policy-matrix.xml").read_bytes() == (LINUX / "policy-matrix.xml").read_bytes()
    icons = load("icons")
    for size in icons.PNG_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "policy-matrix.png").is_file()


def test_install_desktop_registers_the_type_with_the_mime_database(qapp: QApplication, tmp_path: Path) -> None:
    if shutil.which("update-mime-database") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install shared-mime-info (.ci/run)")
        pytest.skip("update-mime-database (shared-mime-info) is not installed")
    data = install_desktop(tmp_path, "/opt/policy-matrix/policy-matrix")
    globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-policy-matrix:*.pmx" in globs


def test_the_desktop_entries_are_valid(qapp: QApplication, tmp_path: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install desktop-file-utils (.ci/run)")
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    installed = install_desktop(tmp_path, str(tmp_path / "dos palabras" / "100% policy-matrix"))
    for entry in (LINUX / "policy-matrix.desktop", installed / "applications" / "policy-matrix.desktop"):
        done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout == "", done.stdout  # not even a hint
