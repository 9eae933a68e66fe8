"""Packaging: one version everywhere, a desktop id that matches the app, icons, metainfo, installer."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import relj

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
APP_ID = relj.APP_ID
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def source_version() -> str:
    """__version__ as written in relj/__init__.py, read the way the spec reads it."""
    tree = ast.parse((ROOT / "relj" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            assert isinstance(node.value, ast.Constant)
            return str(node.value.value)
    raise AssertionError("no __version__ in relj/__init__.py")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def metainfo() -> ET.Element:
    return ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's IHDR chunk."""
    head = path.read_bytes()[:26]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height, head[25]


# -- one version -------------------------------------------------------------------------------


def test_the_package_version_comes_from_relj_init() -> None:
    project = pyproject()
    assert "version" in project["project"]["dynamic"]
    assert "version" not in project["project"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "relj.__version__"}
    assert relj.__version__ == source_version()


def test_the_spec_reads_the_version_from_relj_init_and_hardcodes_none() -> None:
    spec = (PACKAGING / "relj.spec").read_text(encoding="utf-8")
    assert '"relj" / "__init__.py"' in spec
    assert not re.search(r"['\"]\d+\.\d+(\.\d+)?['\"]", spec), "a version number is written into the spec"


def test_the_newest_metainfo_release_is_the_package_version() -> None:
    releases = metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == relj.__version__, "add a <release> for the new version, newest first"
    dates = [r.get("date") or "" for r in releases]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)
    assert dates == sorted(dates, reverse=True)


# -- one app id --------------------------------------------------------------------------------


def test_the_desktop_entry_is_named_and_iconed_by_the_app_id() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    # Exec starts the command that pyproject installs; the bundle's install links the same name.
    script = next(iter(pyproject()["project"]["scripts"]))
    assert entry["Exec"].split()[0] == script
    # X11 matches windows to the entry by WM_CLASS, which Qt takes from the application name.
    assert entry["StartupWMClass"] == "relj"
    assert {"Office", "Utility"} & set(entry["Categories"].rstrip(";").split(";"))


def test_the_metainfo_describes_the_same_app() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == next(iter(pyproject()["project"]["scripts"]))
    license = pyproject()["project"]["license"]  # a table {text = ...} or, in newer pyprojects, an SPDX string
    assert root.findtext("project_license") == (license["text"] if isinstance(license, dict) else license)
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert len(root.findall("description/p")) >= 1
    assert root.findtext("summary") and not root.findtext("summary", "").endswith(".")


def test_the_metainfo_has_screenshots_from_the_readme_folder() -> None:
    images = [i.text or "" for i in metainfo().findall("screenshots/screenshot/image")]
    assert images, "no screenshots"
    assert len(metainfo().findall("screenshots/screenshot[@type='default']")) == 1
    prefix = "https://raw.githubusercontent.com/relj/relj/main/docs/screenshots/"
    assert all(i.startswith(prefix) and i.endswith(".png") for i in images)
    shots = ROOT / "docs" / "screenshots"
    if shots.is_dir():  # once the README's screenshots exist, the metainfo must name real ones
        missing = [i for i in images if not (shots / i.removeprefix(prefix)).is_file()]
        assert not missing, f"metainfo screenshots not in docs/screenshots: {missing}"


# -- icons -------------------------------------------------------------------------------------


def test_the_svg_icon_is_square() -> None:
    svg = ET.parse(RESOURCES / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in svg.get("viewBox", "").split())
    assert (x, y) == (0, 0) and w == h


@pytest.mark.parametrize("size", ICON_SIZES)
def test_a_png_icon_exists_at_each_size(size: int) -> None:
    png = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png.is_file(), "run packaging/render_icons.py"
    assert png_size(png) == (size, size, 6)  # colour type 6: RGBA


def test_the_app_ships_the_same_icon() -> None:
    assets = ROOT / "relj" / "ui" / "assets"
    assert (assets / f"{APP_ID}.svg").is_file(), "relj/ui/assets has no icon"
    assert (assets / f"{APP_ID}.svg").read_bytes() == (RESOURCES / "icons" / f"{APP_ID}.svg").read_bytes()
    png = RESOURCES / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    assert (assets / f"{APP_ID}.png").read_bytes() == png.read_bytes()


# -- validators and scripts --------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", "--no-hints", str(RESOURCES / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_the_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(RESOURCES / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("script", ["packaging/build.sh", "packaging/install-linux.sh", "packaging/smoke-test.sh",
                                    ".ci/validate-desktop", ".ci/build-bundle"])
def test_the_scripts_are_executable_bash(script: str) -> None:
    path = ROOT / script
    assert os.access(path, os.X_OK)
    subprocess.run(["bash", "-n", str(path)], check=True)


def fake_bundle(where: Path) -> Path:
    bundle = where / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "relj"
    exe.write_text(f"#!/bin/sh\necho 'relj {relj.__version__}'\n", encoding="utf-8")
    exe.chmod(0o755)
    return bundle


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_install_linux_installs_for_the_user_and_uninstalls_exactly_that(tmp_path: Path) -> None:
    home = tmp_path / "my home"  # a space, as some home folders have
    journal = home / ".local" / "share" / "relj" / "journal.db"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"mine")
    before = tree(home)
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": ""}
    script = str(PACKAGING / "install-linux.sh")
    bundle = fake_bundle(tmp_path)

    subprocess.run([script, "--bundle", str(bundle)], env=env, check=True, capture_output=True)
    local = home / ".local"
    assert os.readlink(local / "bin" / "relj") == str(local / "lib" / "relj" / "relj")
    assert subprocess.run([local / "bin" / "relj", "--version"], capture_output=True, text=True,
                          check=True).stdout.strip() == f"relj {relj.__version__}"
    share = local / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{local}/bin/relj"' in entry  # a full path: the session's PATH may lack ~/.local/bin
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    # Installing again updates in place.
    subprocess.run([script, "--bundle", str(bundle)], env=env, check=True, capture_output=True)

    subprocess.run([script, "--uninstall"], env=env, check=True, capture_output=True)
    assert tree(home) == before
    assert journal.read_bytes() == b"mine"


def test_install_linux_leaves_a_foreign_relj_command_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pip_script = home / ".local" / "bin" / "relj"
    pip_script.parent.mkdir(parents=True)
    pip_script.write_text("#!/bin/sh\n", encoding="utf-8")
    result = subprocess.run([str(PACKAGING / "install-linux.sh"), "--bundle", str(fake_bundle(tmp_path))],
                            env={**os.environ, "HOME": str(home)}, capture_output=True, text=True)
    assert result.returncode == 1 and "not this install's" in result.stderr
    assert pip_script.read_text(encoding="utf-8") == "#!/bin/sh\n"
