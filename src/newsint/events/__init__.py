"""Events: who did what to whom, where, when and how many, coded in PLOVER, exported to ACLED.

``extract_events(doc)`` reads a processed spaCy ``Doc`` (entities, dates, quantities, places
and routes already attached by the other newsint components) and returns ``Event`` items.
Method: dependency-parse rules over PLOVER verb and noun lexicons, no training. Modules:
:mod:`.triggers` finds event words (:mod:`.lexicon`, :mod:`.wordclasses`),
:mod:`.arguments` their actor and target, :mod:`.actors` canonical names and sectors,
:mod:`.syntax` modality and attribution, :mod:`.coding` PLOVER's conventions,
:mod:`.linking` place, date, count and route, :mod:`.extract` puts it together;
:mod:`.acled` maps to ACLED; :mod:`.baseline` is the keyword baseline and
:mod:`.classify` the CASE 2021 classifier used by the evaluation.

Event types are the 18 PLOVER types of the gold-standard records (AGREE, CONSULT, SUPPORT,
CONCEDE, COOPERATE, AID, RETREAT, INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN,
PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT, FIGHT) plus two newsint extensions:

* ``MOVE``: movements of people — flee, escape, hide, cross a border, transit, travel,
  return, and the routes found by the geoparser (mode ``route``). PLOVER's RETREAT is a
  political act (withdrawing forces, resigning, releasing), not people on the move, so
  movements get their own type. A MOVE in a sentence with a route has the route's text in
  its evidence span (the span grows to cover it) and, when its clause names no place, the
  route's first place; the full route with its geometry stays in ``Analysis.routes``.
* ``CRIME``: smuggling, trafficking, robbery, extortion, laundering.

Modes name the means: COERCE/arrest, COERCE/detain, COERCE/abduct, COERCE/destroy,
COERCE/defuse (weapons seized or defused), ASSAULT/explosives, ASSAULT/suicide,
FIGHT/aerial, FIGHT/shelling, FIGHT/firearms, FIGHT/seize, FIGHT/regain, PROTEST/demo,
PROTEST/riot, MOVE/flee ... (the full list is the mode column of ``acled.ACLED_TABLE``).
"""

from __future__ import annotations

from .acled import ACLED_TABLE, fatalities, plover_to_acled
from .extract import extract_events
from .lexicon import EVENT_TYPES, EXTENSION_TYPES, PLOVER_TYPES

__all__ = [
    "ACLED_TABLE",
    "EVENT_TYPES",
    "EXTENSION_TYPES",
    "PLOVER_TYPES",
    "extract_events",
    "fatalities",
    "plover_to_acled",
]
