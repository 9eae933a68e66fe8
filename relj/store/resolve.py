"""WHO: finding the one person a command means, by #ID, email, name, first name or the start of a name."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from relj.domain import Person
from relj.errors import Ambiguous, NotFound, UserError
from relj.store.base import fts_query
from relj.store.people import PeopleMixin

#: How many people an "ambiguous" or "not found" message names at most (it stays one line).
_LISTED = 8
_SUGGESTED = 3
#: How alike (difflib ratio, 0..1) a name must be to what was typed to be suggested.
_CLOSE = 0.66  # one slip in three letters: "Zeo" for "Zoe"


def name_key(name: str) -> str:
    """A name as compared by people: case and accents folded, whitespace collapsed ("Zoë  X" is "zoe x")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFKC", bare).split())


@dataclass(frozen=True, slots=True)
class _Named:
    id: int
    name: str
    key: str  # name_key of the display name
    first: str  # name_key of the given name, else of the display name's first word

    @classmethod
    def of(cls, pid: int, name: str, given: str) -> _Named:
        key = name_key(name)
        first = name_key(given or "") or key.split(" ", 1)[0]
        return cls(pid, name, key, first)


def _listing(people: Sequence[_Named], limit: int) -> str:
    shown = ", ".join(f"{p.name} (#{p.id})" for p in people[:limit])
    return shown + (f" and {len(people) - limit} more" if len(people) > limit else "")


class ResolveMixin(PeopleMixin):
    """``resolve``: what the CLI calls WHO."""

    def resolve(self, who: str) -> Person:
        """Find one person by ``#ID``, an email address, their display name or nickname, their
        first name, or the start of their display name; in that order, the first rule that
        matches anyone decides. Names compare without case or accents.

        Raises Ambiguous (naming the candidates) when the deciding rule matches several people,
        and NotFound (with a close name, when there is one) when no rule matches.
        """
        who = who.strip()
        if not who:
            raise UserError("no person given")
        if who.startswith("#") and who[1:].isdigit():
            number = int(who[1:])
            if number > 2**63 - 1:
                raise NotFound(f"no person {who}")
            return self.person(number)
        if "@" in who:
            found = self.person_by_email(who)
            if found:
                return found
        rows = self._q(
            "SELECT id, display_name FROM person WHERE display_name = ? COLLATE NOCASE ORDER BY id", [" ".join(who.split())]
        )
        if not rows:
            rows = self._q(
                "SELECT id, display_name FROM person WHERE nickname = ? COLLATE NOCASE ORDER BY id", [who]
            )
        if len(rows) > 1:
            listing = ", ".join(f"#{r['id']} {r['display_name']}" for r in rows)
            raise Ambiguous(f"{who!r} matches {len(rows)} people: {listing}; use #ID or an email")
        if rows:
            return self.person(rows[0]["id"])
        key = name_key(who)
        candidates = self._named_like(who)
        for rule in (
            lambda p: p.key == key,  # the whole name, accents aside: "zoe martin" is "Zoë Martin"
            lambda p: p.first == key,  # the first name: "Maya" is "Maya Okafor"
            lambda p: p.key.startswith(key),  # the start of the name: "Maya O" is "Maya Okafor"
        ):
            named = [p for p in candidates if rule(p)]
            if len(named) == 1:
                return self.person(named[0].id)
            if named:
                raise Ambiguous(f"{who!r} matches {len(named)} people; did you mean: {_listing(named, _LISTED)}?")
        close = self._close_names(key) if "@" not in who else []
        hint = f"; did you mean {_listing(close, _SUGGESTED)}?" if close else ""
        raise NotFound(f"no person called {who!r}{hint}")

    def _named_like(self, who: str) -> list[_Named]:
        """People whose name words start with the words typed (the search index folds accents),
        by id: a superset of those whose name, or first name, starts with ``who``."""
        match = fts_query(who)
        if match is None:
            return []
        return [_Named.of(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT p.id, p.display_name, p.given_name FROM person p WHERE p.id IN "
            "(SELECT rowid FROM person_fts WHERE person_fts MATCH ?) ORDER BY p.id",
            ["{name} : (" + match + ")"],
        )]

    def _close_names(self, key: str) -> list[_Named]:
        """People whose name or first name is spelled almost like ``key``, closest first.

        Only names with a word that starts with the same letter are compared (one FTS lookup):
        a slip rarely changes the first letter, and comparing every name of a large journal
        would cost a tenth of a second on each keystroke of the quick log.
        """
        letter = next((ch for ch in key if ch.isalnum()), "")
        if not letter:
            return []
        import difflib  # only when a name is not found as typed

        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)  # compared with every name: difflib caches the second sequence
        scored: list[tuple[float, _Named]] = []
        for pid, name, given in self.conn.execute(
            "SELECT p.id, p.display_name, p.given_name FROM person p WHERE p.id IN "
            "(SELECT rowid FROM person_fts WHERE person_fts MATCH ?) ORDER BY p.id",
            ['{name} : "' + letter.replace('"', '""') + '"*'],
        ):
            person = _Named.of(pid, name, given)
            best = 0.0
            for text in {person.key, person.first}:
                matcher.set_seq1(text)
                if matcher.real_quick_ratio() >= _CLOSE and matcher.quick_ratio() >= _CLOSE:
                    best = max(best, matcher.ratio())
            if best >= _CLOSE:
                scored.append((best, person))
        scored.sort(key=lambda s: (-s[0], s[1].id))
        return [p for _, p in scored[:_SUGGESTED]]
