"""Translation: what lupdate finds is what the app asks for; the template is current; English plurals ship."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from relj.domain import CIRCLES, UNSORTED, Channel, Mode, Status
from relj.ui import i18n
from relj.ui.models import InterestsModel, PeopleTableModel, relative_day

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "relj" / "ui"
TEMPLATE = ROOT / "resources" / "translations" / "relj.ts"
ENGLISH = ROOT / "resources" / "translations" / "relj_en.ts"
BIN = Path(sys.executable).parent
REFRESH = ("run: .venv/bin/pyside6-lupdate -no-obsolete relj/ui/*.py -ts resources/translations/relj.ts "
           "(see README, Translations)")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def _lupdate(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *extra, *sorted(map(str, UI.glob("*.py"))), "-ts", str(out)],
                   check=True, capture_output=True, timeout=120)
    return out


def _compile(ts: Path, qm: Path) -> Path:
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   timeout=120)
    return qm


def test_template_has_every_string_lupdate_finds(tmp_path: Path) -> None:
    fresh = set(_messages(_lupdate(tmp_path, "-no-obsolete")))
    committed = set(_messages(TEMPLATE))
    assert not fresh - committed, f"{len(fresh - committed)} strings missing from relj.ts; {REFRESH}"
    assert not committed - fresh, f"{len(committed - fresh)} strings in relj.ts no longer in the code; {REFRESH}"


def test_template_has_headers_and_core_words() -> None:
    free = {source for (context, source) in _messages(TEMPLATE) if context == i18n.CONTEXT}
    words = {*PeopleTableModel.HEADERS, *InterestsModel.HEADERS, *(c.label for c in Channel),
             *(m.value for m in Mode), *(s.value for s in Status), *CIRCLES, UNSORTED}
    assert "Channel mix (year)" in words
    assert words <= free, sorted(words - free)


def test_import_format_labels_are_marked() -> None:
    from relj.interop.engine import FORMATS

    assert set(FORMATS.values()) <= set(i18n.FORMAT_LABELS)


def test_no_tr_called_on_another_object() -> None:
    # lupdate files `dialog.tr("x")` under a context named "dialog" that nothing asks for.
    pattern = re.compile(r"\b(?!self\b)[A-Za-z_][A-Za-z0-9_]*\.tr\(")
    found = [f"{path.name}:{n}" for path in UI.glob("*.py")
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found


def test_a_translation_reaches_headers_channels_and_plurals(qapp, tmp_path: Path, journal) -> None:
    """Translate a few strings of the real template; the models show the translations."""
    template = ET.parse(TEMPLATE)
    wanted = {"Channel mix (year)": "Canaux (année)", "in person": "en personne", "Interest": "Intérêt",
              "%n days ago": ("il y a %n jour", "il y a %n jours")}
    for ctx in template.getroot().iter("context"):
        if (ctx.findtext("name") or "") != i18n.CONTEXT:
            continue
        for msg in ctx.iter("message"):
            target = wanted.get(msg.findtext("source") or "")
            translation = msg.find("translation")
            if target is None or translation is None:
                continue
            translation.attrib.pop("type", None)
            if isinstance(target, tuple):
                for form in translation.findall("numerusform"):
                    translation.remove(form)
                for text in target:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = target
    template.getroot().set("language", "fr")
    ts = tmp_path / "relj_fr.ts"
    template.write(ts, encoding="utf-8", xml_declaration=True)
    translator = QTranslator()
    assert translator.load(str(_compile(ts, tmp_path / "relj_fr.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        people = PeopleTableModel(journal)
        horizontal = Qt.Orientation.Horizontal
        assert people.headerData(PeopleTableModel.MIX, horizontal) == "Canaux (année)"
        assert InterestsModel(journal).headerData(InterestsModel.NAME, horizontal) == "Intérêt"
        assert i18n.channel_label(Channel.IN_PERSON) == "en personne"
        import datetime as dt

        ref = dt.date(2025, 6, 1)
        assert relative_day(dt.date(2025, 5, 29), ref) == "il y a 3 jours"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def journal(store, qapp):
    from relj.ui.journal import Journal

    return Journal(store)


def test_english_plural_forms_are_complete_and_built(tmp_path: Path) -> None:
    fresh = {key for key, msg in _messages(_lupdate(tmp_path, "-no-obsolete", "-pluralonly")).items()
             if msg.get("numerus") == "yes"}
    english = _messages(ENGLISH)
    assert fresh <= set(english), f"plural strings missing from relj_en.ts: {sorted(s for _, s in fresh - set(english))}"
    for key in fresh:
        translation = english[key].find("translation")
        assert translation is not None and translation.get("type") is None, key
        assert [bool(f.text) for f in translation.findall("numerusform")] == [True, True], key
    built = _compile(ENGLISH, tmp_path / "relj_en.qm").read_bytes()
    assert built == i18n.ENGLISH_PLURALS.read_bytes(), (
        "relj/ui/assets/relj_en.qm is stale: .venv/bin/pyside6-lrelease resources/translations/relj_en.ts "
        "-qm relj/ui/assets/relj_en.qm")


def test_english_plurals_read_right() -> None:
    import datetime as dt

    ref = dt.date(2025, 6, 1)
    assert relative_day(dt.date(2025, 6, 2), ref) == "in 1 day"
    assert relative_day(dt.date(2025, 6, 4), ref) == "in 3 days"
    assert relative_day(dt.date(2025, 5, 29), ref) == "3 days ago"
    translate = QCoreApplication.translate
    assert translate("PeopleView", "%Ln people", "", 1) == "1 person"
    assert translate("ReconnectView", "%Ln people need attention.", "", 1) == "One person needs attention."
    assert translate("ReconnectView", "%Ln people need attention.", "", 4) == "4 people need attention."


def test_counts_are_grouped_under_the_c_locale_and_a_real_locale_is_kept(tmp_path: Path) -> None:
    """LANG unset (the C locale): "12,345 interactions", as English writes it; German stays German."""
    script = ("import sys\n"
              "from PySide6.QtWidgets import QApplication\n"
              "from relj.ui.i18n import install_translators, tr\n"
              "app = QApplication(sys.argv[:1])\n"
              "install_translators(app)\n"
              "print(tr('%Ln interactions', '', 12345))\n")
    import os

    def run(lang: str) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
        env.update(LC_ALL=lang, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                              check=True)
        return done.stdout.strip()

    assert run("C") == "12,345 interactions"
    assert run("C.UTF-8") == "12,345 interactions"
    assert run("de_DE.UTF-8") in ("12.345 interactions", "12345 interactions")  # German (if the system has it)
