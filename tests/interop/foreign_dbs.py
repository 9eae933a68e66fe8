"""Small made-up SQLite stores with the real table layouts: Thunderbird's calendar-data/local.sqlite
(storage schema 23, as calStorageUpgrade creates it) and Evolution's contacts.db (EBookSqlite 12)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
ALLDAY = 8
HAS_ATTENDEES, HAS_PROPERTIES, HAS_RECURRENCE, HAS_EXCEPTIONS = 2, 4, 16, 32

TB_SCHEMA = """
CREATE TABLE cal_calendar_schema_version (version INTEGER);
INSERT INTO cal_calendar_schema_version VALUES (23);
CREATE TABLE cal_events (cal_id TEXT, id TEXT, time_created INTEGER, last_modified INTEGER, title TEXT,
  priority INTEGER, privacy TEXT, ical_status TEXT, flags INTEGER, event_start INTEGER, event_end INTEGER,
  event_stamp INTEGER, event_start_tz TEXT, event_end_tz TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT,
  alarm_last_ack INTEGER, offline_journal INTEGER);
CREATE TABLE cal_todos (cal_id TEXT, id TEXT, time_created INTEGER, last_modified INTEGER, title TEXT,
  priority INTEGER, privacy TEXT, ical_status TEXT, flags INTEGER, todo_entry INTEGER, todo_due INTEGER,
  todo_completed INTEGER, todo_complete INTEGER, todo_entry_tz TEXT, todo_due_tz TEXT, todo_completed_tz TEXT,
  recurrence_id INTEGER, recurrence_id_tz TEXT, alarm_last_ack INTEGER, todo_stamp INTEGER, offline_journal INTEGER);
CREATE TABLE cal_recurrence (item_id TEXT, cal_id TEXT, icalString TEXT);
CREATE TABLE cal_attendees (item_id TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT, cal_id TEXT,
  icalString TEXT);
CREATE TABLE cal_properties (item_id TEXT, key TEXT, value BLOB, recurrence_id INTEGER, recurrence_id_tz TEXT,
  cal_id TEXT);
CREATE TABLE cal_parameters (cal_id TEXT, item_id TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT,
  key1 TEXT, key2 TEXT, value TEXT);
CREATE TABLE cal_alarms (cal_id TEXT, item_id TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT, icalString TEXT);
CREATE TABLE cal_relations (cal_id TEXT, item_id TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT,
  icalString TEXT);
CREATE TABLE cal_attachments (item_id TEXT, cal_id TEXT, recurrence_id INTEGER, recurrence_id_tz TEXT,
  icalString TEXT);
CREATE TABLE cal_metadata (cal_id TEXT, item_id TEXT UNIQUE, value BLOB);
CREATE TABLE cal_tz_version (version TEXT);
CREATE INDEX idx_cal_events_cal_id ON cal_events (cal_id, recurrence_id);
CREATE INDEX idx_cal_attendees_item ON cal_attendees (cal_id, item_id, recurrence_id);
CREATE INDEX idx_cal_recurrence_item ON cal_recurrence (cal_id, item_id);
CREATE INDEX idx_cal_properties_item ON cal_properties (cal_id, item_id, recurrence_id);
"""


def us(moment: dt.datetime) -> int:
    """Thunderbird's PRTime: microseconds since 1970 (UTC). A naive moment is read as UTC (floating)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp()) * 1_000_000


class Thunderbird:
    """Writes a calendar store the way Thunderbird's storage provider does."""

    def __init__(self, path: Path, cal_id: str = "3f2d1b7e-local") -> None:
        self.path = path
        self.cal_id = cal_id
        self.conn = sqlite3.connect(path)
        self.conn.executescript(TB_SCHEMA)
        self.conn.commit()

    def event(self, uid: str, title: str, start: dt.datetime | dt.date, end: dt.datetime | dt.date, *,
              tz: str = "Europe/Berlin", status: str | None = "CONFIRMED", flags: int = 0,
              recurrence_id: int | None = None, rid_tz: str | None = None, offline: int | None = None) -> None:
        if not isinstance(start, dt.datetime):  # all day: midnight, floating
            start = dt.datetime.combine(start, dt.time())
            end = dt.datetime.combine(end, dt.time())  # type: ignore[arg-type]
            tz, flags = "floating", flags | ALLDAY
        assert isinstance(end, dt.datetime)
        zone = None if tz in ("floating", "UTC") else ZoneInfo(tz)
        begin = start.replace(tzinfo=zone or dt.UTC) if start.tzinfo is None else start
        finish = end.replace(tzinfo=zone or dt.UTC) if end.tzinfo is None else end
        self.conn.execute(
            "INSERT INTO cal_events (cal_id, id, time_created, last_modified, title, priority, privacy, ical_status,"
            " flags, event_start, event_end, event_stamp, event_start_tz, event_end_tz, recurrence_id,"
            " recurrence_id_tz, alarm_last_ack, offline_journal) VALUES (?,?,?,?,?,0,NULL,?,?,?,?,?,?,?,?,?,NULL,?)",
            (self.cal_id, uid, us(dt.datetime(2024, 1, 1)), us(dt.datetime(2024, 1, 2)), title, status, flags,
             us(begin), us(finish), us(dt.datetime(2024, 1, 2)), tz, tz, recurrence_id, rid_tz, offline))

    def attendee(self, uid: str, line: str, recurrence_id: int | None = None, rid_tz: str | None = None) -> None:
        self.conn.execute("INSERT INTO cal_attendees VALUES (?,?,?,?,?)", (uid, recurrence_id, rid_tz, self.cal_id, line))

    def rule(self, uid: str, line: str) -> None:
        self.conn.execute("INSERT INTO cal_recurrence VALUES (?,?,?)", (uid, self.cal_id, line))

    def prop(self, uid: str, key: str, value: str, recurrence_id: int | None = None) -> None:
        self.conn.execute("INSERT INTO cal_properties VALUES (?,?,?,?,?,?)",
                          (uid, key, value, recurrence_id, None, self.cal_id))

    def close(self) -> Path:
        self.conn.commit()
        self.conn.close()
        return self.path


EDS_SCHEMA = """
CREATE TABLE folders (folder_id TEXT PRIMARY KEY, version INTEGER, multivalues TEXT, lc_collate TEXT,
  countrycode VARCHAR(2));
CREATE TABLE keys (key TEXT PRIMARY KEY, value TEXT, folder_id TEXT REFERENCES folders);
"""
_EDS_CONTACTS = """
CREATE TABLE {t} (uid TEXT PRIMARY KEY, Rev TEXT, file_as TEXT, file_as_localized TEXT, nickname TEXT,
  full_name TEXT, given_name TEXT, given_name_localized TEXT, family_name TEXT, family_name_localized TEXT,
  is_list INTEGER, list_show_addresses INTEGER, wants_html INTEGER, x509Cert INTEGER, pgpCert INTEGER,
  vcard TEXT, bdata TEXT);
CREATE TABLE {e} (uid TEXT NOT NULL REFERENCES {t} (uid), value TEXT, value_localized TEXT);
"""


class Evolution:
    """Writes an address book the way evolution-data-server's EBookSqlite does (schema 12)."""

    def __init__(self, path: Path, folder: str = "folder_id") -> None:
        self.path = path
        self.folder = folder
        self.conn = sqlite3.connect(path)
        self.conn.executescript(EDS_SCHEMA)
        self.conn.execute("INSERT INTO folders VALUES (?, 12, 'email;tel', 'en_US.utf8', 'US')", (folder,))
        self.conn.executescript(_EDS_CONTACTS.format(t=f'"{folder}"', e=f'"{folder}_email_list"'))
        self.conn.commit()

    def card(self, uid: str, vcard: str | None, *, name: str = "", is_list: bool = False) -> None:
        self.conn.execute(f'INSERT INTO "{self.folder}" (uid, Rev, full_name, is_list, vcard) VALUES (?,?,?,?,?)',
                          (uid, "2024-01-01T00:00:00Z(1)", name, int(is_list), vcard))

    def close(self) -> Path:
        self.conn.commit()
        self.conn.close()
        return self.path


def vcard(uid: str, name: str, email: str, phone: str) -> str:
    family, given = name.split(" ")[-1], name.split(" ")[0]
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"UID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
            f"X-EVOLUTION-FILE-AS:{family}\\, {given}\r\n"
            f"EMAIL;TYPE=HOME:{email}\r\nTEL;TYPE=CELL:{phone}\r\n"
            "REV:2024-01-01T00:00:00Z\r\nEND:VCARD")
