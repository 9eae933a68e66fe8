"""Phone numbers: normalise to E.164 for matching, with a fallback key for short codes."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat
from phonenumbers.phonenumberutil import ValidationResult

__all__ = ["clean_phone", "looks_like_phone", "normalise_phone", "phone_key", "readable_phone"]

# Invisible marks that phones and exporters wrap numbers in ("\u202a+44 20…\u202c" on Android,
# U+202D/U+202C in Google vCards, U+200E on iOS). They are not part of the number.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u061c\ufeff"),
    None,
)
# Extensions are not part of E.164; "ext. 12", "x12", ";ext=12", "#12" are cut off.
_EXTENSION = re.compile(r"(?:;\s*ext\s*=|\bext\.?|\bextension\b|\bx(?=\s*\d)|#).*$", re.IGNORECASE)
_NANP = frozenset({"US", "CA", "AG", "AI", "AS", "BB", "BM", "BS", "DM", "DO", "GD", "GU", "JM", "KN", "KY", "LC",
                   "MP", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"})  # fmt: skip
# Longer than any real number with its formatting: refuse early instead of scanning megabytes.
_MAX_INPUT = 64


def clean_phone(raw: str) -> str:
    """The number as written, without invisible bidi marks, "tel:" and surrounding space."""
    text = unicodedata.normalize("NFKC", raw.translate(_INVISIBLE)).strip()
    if text[:4].lower() == "tel:":
        text = text[4:].strip()
    return text


def _region(region: str | None) -> str | None:
    if not region:
        return None
    code = region.strip().upper()
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def normalise_phone(raw: str, region: str | None) -> str | None:
    """Return the number in E.164 ("+442079460000"), or ``None`` if it is not a plausible number.

    ``region`` is the owner's ISO country ("GB"), used for numbers written without a country
    code; with ``None`` only international forms ("+44…", "0044…", "011 44…") can be read.
    A number is plausible when its length fits its country: fictional ranges (07700 900xxx)
    and ranges newer than the metadata still normalise, short codes and sender names do not.
    """
    text = clean_phone(raw)
    if not text or len(text) > _MAX_INPUT:
        return None
    text = _EXTENSION.sub("", text).strip()
    # Letters mean a sender name ("AMAZON") or a vanity number; phonenumbers would turn the
    # letters into digits and invent a number, so refuse them.
    if not text or any(ch.isalpha() for ch in text):
        return None
    if not re.fullmatch(r"[+\d\s().\-/\u00a0]+", text):
        return None
    compact = re.sub(r"[\s.\-/\u00a0]", "", text)
    code = _region(region)
    # International call prefixes: phonenumbers reads them only for a known region, so write
    # them as "+". "00" starts no national number anywhere; "011" (North America) does
    # elsewhere (0113 is Leeds), so it is rewritten only when the region allows it.
    if compact.startswith("00"):
        text = "+" + compact[2:]
    elif compact.startswith("011") and (code is None or code in _NANP):
        text = "+" + compact[3:]
    # "+44 (0)20 …" is left to phonenumbers: it drops the bracketed trunk zero, but keeps the
    # zero that Italian numbers really have.
    if not text.startswith("+") and code is None:
        return None
    try:
        number = phonenumbers.parse(text, code)
    except NumberParseException:
        return None
    if phonenumbers.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def readable_phone(raw: str) -> bool:
    """True when a contact's phone value can be a number: it has a digit.

    "cell number" and "xxxxxxxxxxxxxx" are labels or placeholders, left out as an email
    without "@" is; "1" is kept (a short code or an extension is still a number to dial).
    """
    return any(ch.isdigit() for ch in clean_phone(raw)[: _MAX_INPUT * 4])


def phone_key(raw: str, region: str | None) -> str:
    """A key for matching: E.164 when possible, else the digits (short codes, odd forms).

    A sender name with letters ("AMAZON", "Vodafone UK") keys to its letters and digits in
    lower case, so it still matches itself. An empty or unreadable value keys to "".
    """
    e164 = normalise_phone(raw, region)
    if e164:
        return e164
    text = clean_phone(raw)[:_MAX_INPUT]
    if any(ch.isalpha() for ch in text):
        return "".join(ch for ch in text.casefold() if ch.isalnum())
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_phone(text: str) -> bool:
    """True for a display name that is really a number ("+44 7700 900123"), as WhatsApp shows."""
    cleaned = clean_phone(text)
    return bool(re.fullmatch(r"\+[\d\s().\-\u00a0]{6,30}", cleaned)) and normalise_phone(cleaned, None) is not None
