"""The import engine: match parsed records to people and apply them in one transaction.

Its parts: ``dispatch`` (formats, parsers, run_import, undo_import), ``apply`` (what each
record means), ``report`` (options and summaries) and ``export`` (vCard and iCalendar out).

Parsers (vcard, csvio, ical, mail, android, whatsapp) turn files into the neutral records of
relj.interop.records. This module decides what each record means for the journal; the SQL
is in relj.store.imports. The rules, in short (docs for users: ``relj import --help``):

* **All or nothing.** One transaction for the whole file. A BadRecord stops the import with
  nothing added, unless ``skip_bad``; a parser's UserError always does. ``dry_run`` does the
  whole import and rolls it back, so its summary is exactly what a real run would report.
* **Idempotent.** Interactions are keyed on (source, source_key): a re-import adds nothing.
  A contact whose email (any of theirs, any case) is already known updates that person.
  Failing that, a phone number (E.164 in the owner's region) identifies a person when the
  card or the person has no email; failing that, a card with no email at all is the person
  of the same name when there is exactly one and their phone numbers don't disagree.
* **Fill, never overwrite.** An update only fills empty fields and adds contact points and
  interests. The display name is never changed.
* **Categories.** A vCard CATEGORIES / CSV group that names a circle ("Family", "Friends",
  "Colleagues", "Clients", "Close", "Acquaintances", and singular forms) puts a *new* person
  in that circle. The other categories are kept as a "Categories: …" line in the notes
  (system groups such as Google's "* myContacts" are dropped).
* **Address books sort people.** A person that a mail or phone import created ("unsorted",
  untracked) who turns up in an address book is moved to the category's circle (else the
  default circle) and tracked.
* **Parties.** Matched by email (case-insensitive) or by phone (normalised to E.164 with
  the owner's region, against every phone of every person); WhatsApp's name-only senders by
  display name (exact, case-insensitive, unique). Me (the owner's addresses, ``me_addresses``,
  ``me_names``) is never a participant and never a person. An event with no known party is
  skipped as "no known person" unless ``create_people``, which creates people (unsorted,
  untracked) for parties seen in at least ``min_messages`` events.
* **Duplicates.** A new person whose name is already someone else's is reported, not merged.
* **Undo** removes what an import added (see ImportTables.undo); fields it filled stay.
"""

from relj.interop.engine.apply import Progress
from relj.interop.engine.dispatch import (
    FORMATS,
    RecordSource,
    guess_format,
    open_records,
    run_import,
    undo_import,
    whatsapp_names,
)
from relj.interop.engine.export import export_ics, export_vcard
from relj.interop.engine.report import (
    CONTACT_FORMATS,
    Duplicate,
    ImportCancelled,
    ImportOptions,
    ImportSummary,
    summary_lines,
)

__all__ = [
    "CONTACT_FORMATS",
    "FORMATS",
    "Duplicate",
    "ImportCancelled",
    "ImportOptions",
    "ImportSummary",
    "Progress",
    "RecordSource",
    "export_ics",
    "export_vcard",
    "guess_format",
    "open_records",
    "run_import",
    "summary_lines",
    "undo_import",
    "whatsapp_names",
]
