"""The channel of a calendar event (video, phone, in person), from its location, links and words.

The rules, first that applies (also in :mod:`relj.interop.ical` and docs/formats.md):

1. ``X-RELJ-CHANNEL`` (written by ``relj export ics``) names the channel.
2. VIDEO: a video-meeting link in LOCATION, DESCRIPTION, URL, CONFERENCE or the Microsoft/Google
   meeting-URL properties; a CONFERENCE with ``FEATURE=VIDEO``; a LOCATION naming a video service.
3. PHONE: a LOCATION that is a call rather than a place: a phone number, or call words
   ("Conference Call", "Dial-in", "Phone", "Bridge", "Telefonkonferenz", "conférence
   téléphonique", "llamada"...).
4. IN_PERSON: a LOCATION that is a physical place (not empty, not a URL, not a call).
5. PHONE: a ``tel:`` CONFERENCE or one with ``FEATURE=PHONE``, or a call word in SUMMARY or
   DESCRIPTION.
6. Otherwise IN_PERSON: a calendar entry with no clue at all is most often a meeting.
"""

from __future__ import annotations

import re
from typing import Any

from relj.domain import Channel
from relj.interop.ical_read import params_of, text, values

_VIDEO_LINK = re.compile(
    r"zoom\.us|zoomgov\.com|meet\.google\.com|hangouts\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|meet\.jit\.si|jitsi|gotomeeting|gotomeet\.me|bluejeans\.com|facetime"
    r"|skype|8x8\.vc|chime\.aws|meet\.lync\.com|/call/[a-z0-9]",
    re.IGNORECASE,
)
_VIDEO_WORDS = re.compile(
    r"\b(zoom|skype|facetime|teams|webex|whereby|jitsi|google meet|hangouts?|video ?(call|chat|conference)?"
    r"|videocall|visio|videoconferen\w*|videollamada|videochiamata|videoanruf)\b",
    re.IGNORECASE,
)
_CALL_WORDS = re.compile(
    r"\b(call|phone|phonecall|ring|telephone|anruf|telefon|telefonat|telefonisch|appel|t[ée]l[ée]phone"
    r"|llamada|tel[ée]fono|telefonata|chiamata|bellen|telefoon|samtal|puhelu)\b",
    re.IGNORECASE,
)
#: Phrases that make a LOCATION a call wherever they appear in it.
_CALL_PHRASES = re.compile(
    r"\b(conf(erence)?[ .-]?call|conference (line|bridge|number)|call[ -]?(in|bridge)|dial[ -]?in|phone ?call"
    r"|phone (conference|meeting)|tele[ -]?conf[ée]ren\w*|telco|audio[ -]?conf[ée]ren\w*|(by|via|on the) phone"
    r"|bridge (line|number)|telefon[ -]?konferenz|telefonisch|per telefon|telefonat|anruf"
    r"|conf[ée]rence t[ée]l[ée]phonique|appel t[ée]l[ée]phonique|par t[ée]l[ée]phone|audioconf[ée]rence"
    r"|conferencia telef[óo]nica|por tel[ée]fono|llamada( telef[óo]nica)?|teleconferenza|audioconferenza"
    r"|chiamata|per telefono|telefonata|telefoonvergadering|telefonisch overleg|telefonmöte|telefonsamtal"
    r"|puhelinkokous|puhelinneuvottelu|puhelu"
    # Portuguese, Dutch, Danish and Norwegian, Polish.
    r"|chamada telef[ôo]nica|liga[çc][ãa]o telef[ôo]nica|teleconfer[êe]ncia|audioconfer[êe]ncia|por telefone"
    r"|telefoongesprek|telefonisch gesprek|telefonm[øo]de|telefonm[øo]te|telefonsamtale|opkald"
    r"|rozmowa telefoniczna|telekonferencja|po[łl][ąa]czenie telefoniczne)\b",
    re.IGNORECASE,
)
#: Words that make a LOCATION a call when it holds nothing else (numbers and PINs aside):
#: "Bridge" alone is a conference bridge, "Tower Bridge" a place.
_CALL_ONLY = re.compile(
    r"^(call|phone|telephone|tel|bridge|telefon|t[ée]l[ée]phone|appel|tel[ée]fono|telefono|telefoon|puhelin"
    r"|samtal|ring|telefone|chamada|liga[çc][ãa]o|telefoongesprek|opkald|telefonsamtale)$",
    re.IGNORECASE,
)
_CALL_FILLER = re.compile(
    r"^(pin|code|access|id|passcode|password|meeting|number|no|nr|host|guest|participant|ext|x|line|dial|tbd"
    r"|and|or|the|on|via|by|per|par|por|mit|avec|con|code|conference|conf|us|uk|toll|free|intl|international)$",
    re.IGNORECASE,
)
_PHONE_NUMBER = re.compile(r"^(tel:)?\s*\+?[\d\s().\-/]{6,}(\s*(x|ext\.?)\s*\d+)?$", re.IGNORECASE)
_URL = re.compile(r"^\s*[a-z][a-z0-9+.\-]*://|^\s*www\.", re.IGNORECASE)
_MEETING_URL_PROPS = (
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
    "X-GOOGLE-CONFERENCE",
    "X-GOOGLE-HANGOUT",
)


def is_call_location(location: str) -> bool:
    """A LOCATION that names a call (phone number, "Conference Call", "Dial-in: ... PIN ...")."""
    loc = location.strip()
    if not loc:
        return False
    if _PHONE_NUMBER.match(loc) or loc.lower().startswith("tel:") or _CALL_PHRASES.search(loc):
        return True
    words = [w for w in re.findall(r"[^\W\d_]+", loc) if not _CALL_FILLER.match(w)]
    return bool(words) and all(_CALL_ONLY.match(w) for w in words)


def is_physical(location: str) -> bool:
    """A LOCATION that is a place: not empty, not a URL, not a video service, not a call."""
    loc = location.strip()
    if not loc or _URL.search(loc) or is_call_location(loc):
        return False
    return not (_VIDEO_LINK.search(loc) or _VIDEO_WORDS.search(loc))


def infer_channel(event: Any) -> Channel:
    """The channel of a VEVENT, by the rules in the module docstring."""
    explicit = text(event, "X-RELJ-CHANNEL").strip().lower()
    if explicit in {c.value for c in Channel}:
        return Channel(explicit)
    location = text(event, "LOCATION")
    summary = text(event, "SUMMARY")
    description = text(event, "DESCRIPTION")
    conferences = values(event, "CONFERENCE")
    links = [location, description, text(event, "URL")]
    links += [str(c) for c in conferences]
    links += [text(event, name) for name in _MEETING_URL_PROPS]
    if any(_VIDEO_LINK.search(link) for link in links if link):
        return Channel.VIDEO
    if any("VIDEO" in params_of(c).get("FEATURE", "").upper() for c in conferences):
        return Channel.VIDEO
    if location and (_VIDEO_WORDS.search(location) and not _URL.search(location)):
        return Channel.VIDEO
    if is_call_location(location):
        return Channel.PHONE
    if is_physical(location):
        return Channel.IN_PERSON
    for conf in conferences:
        if str(conf).strip().lower().startswith("tel:") or "PHONE" in params_of(conf).get("FEATURE", "").upper():
            return Channel.PHONE
    if _CALL_WORDS.search(summary) or _CALL_WORDS.search(description):
        return Channel.PHONE
    return Channel.IN_PERSON
