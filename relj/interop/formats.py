"""The import formats and their names: a module of its own, so that what only names them (the
sources' kinds, the CLI's help) does not load the readers."""

from __future__ import annotations

#: Import formats, with what a file dialog calls them.
FORMATS: dict[str, str] = {
    "vcard": "vCard address book (.vcf)",
    "csv": "Contacts CSV (.csv)",
    "ics": "iCalendar (.ics, .vcs)",
    "mbox": "Mailbox (.mbox)",
    "maildir": "Maildir folder",
    "eml": "Email message (.eml)",
    "calls": "Android call log (calls.xml)",
    "sms": "Android texts (sms.xml)",
    "whatsapp": "WhatsApp chat export (.txt)",
    "thunderbird-calendar": "Thunderbird calendar (calendar-data/local.sqlite)",
    "evolution-contacts": "Evolution address book (contacts.db)",
}
