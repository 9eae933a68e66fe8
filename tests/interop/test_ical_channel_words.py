"""Call words in a calendar event's LOCATION, in the languages relj reads (issue 13): a call, not a place."""

from __future__ import annotations

import pytest

from relj.interop.ical_channel import is_call_location, is_physical

CALLS = [
    # English, German, French, Spanish, Italian, Swedish, Finnish (the first set) ...
    "Conference Call", "Dial-in: +44 20 7946 0958, PIN 1234", "Phone", "Bridge", "Telefonkonferenz",
    "Conférence téléphonique", "Llamada", "Teleconferenza", "Telefonmöte", "Puhelinkokous",
    # ... and Portuguese, Dutch, Danish, Norwegian and Polish (found missing by an audit).
    "Chamada", "Chamada telefônica", "Ligação", "Teleconferência", "Telefone", "Por telefone",
    "Telefoongesprek", "Telefonisch gesprek", "Telefoonvergadering", "Telefonmøde", "Telefonmøte", "Opkald",
    "Rozmowa telefoniczna", "Telekonferencja",
]
PLACES = ["Tower Bridge", "Conference Room 3", "Call Center Café, Main St 4", "Rua da Chamada 12, Lisboa",
          "Café Lume", "Telefonplan tunnelbanestation"]


@pytest.mark.parametrize("location", CALLS)
def test_call_words_make_a_call(location: str) -> None:
    assert is_call_location(location) and not is_physical(location)


@pytest.mark.parametrize("location", PLACES)
def test_places_that_contain_such_words_stay_places(location: str) -> None:
    assert is_physical(location) and not is_call_location(location)
