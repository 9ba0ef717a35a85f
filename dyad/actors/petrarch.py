"""PETRARCH and TABARI dictionaries, so users of the older coders can bring theirs.

Actors files (``*.actors.txt``)::

    UNITED_STATES  [USA]          # a name, its CAMEO code, a comment
    +U.S.                         # an alias of the name above
    GOLLUM                        # a name whose codes follow on indented lines
    +SMEAGOL
        [HOB <950601]             # before 1995-06-01
        [HOBGOV 19950601 - 19990815]
        [HOBREB >990816]          # after 1999-08-16
    <!-- a comment block, possibly over several lines -->

Underscores join words; a name without a trailing underscore is a stem (TABARI's
"ARGENTIN" also matches "Argentina"); six-digit dates are YYMMDD with years below 30 in
the 2000s; ``[---]`` marks a name that stands for no actor; names on consecutive lines
before their codes are synonyms (Phoenix writes some blocks so).

Agents files (``*.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # a substitution set
    FOREIGN_MINISTER [~GOVFRM]    # the code follows the actor's: USA + GOVFRM
    HUMAN_RIGHTS_BODY  [NGO~]     # the code goes before the actor's: NGO + USA
    TROOPS {} [~MIL]              # {}: no plural; {THIEVES}: the irregular plural
    CONGRESS!PERSON! [~LEG]       # expands to CONGRESSMAN, CONGRESSMEN, ...

Both loaders are lenient: a line they do not understand is skipped and recorded in the
result's ``skipped`` list with its number and the reason. The parsing is Dyad's own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.actors._text import DATA_DIR, key, read_table
from dyad.actors.dictionary import ActorDictionary, ActorEntry, SkippedLine
from dyad.actors.knowledge import country_index
from dyad.actors.sectors import plural
from dyad.errors import DictionaryError

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*")
_DATE_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_SUBSTITUTION = re.compile(r"^\s*(![A-Za-z0-9_]+!)\s*=\s*(.+)$")
_AGENT = re.compile(
    r"^\s*(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[\s*(?P<code>[^\]}]*?)\s*[\]}]"
)
_SUBSTITUTION_MARK = re.compile(r"![A-Za-z0-9_]+!")
_SMALL_WORDS = {"of", "the", "and", "in", "for", "on", "to", "al", "el", "de", "du", "la", "le"}


# --- CAMEO codes ----------------------------------------------------------------------
@dataclass(frozen=True)
class _CameoTable:
    countries: dict[str, str]  # old or special first parts -> ISO3
    international: dict[str, str]  # IGO, NGO, IMG ... -> PLOVER code
    regions: frozenset[str]
    organisations: dict[str, str]  # later parts that change an IGO's code (UNO, EEC)
    roles: dict[str, str | None]  # role part -> PLOVER sector
    religions: frozenset[str]


@lru_cache(maxsize=1)
def _cameo_table(path: Path = DATA_DIR / "cameo_codes.tsv") -> _CameoTable:
    kinds: dict[str, dict[str, str]] = {}
    for number, row in read_table(path, ("code", "kind", "value")):
        if row["kind"] not in ("country", "international", "region", "organisation", "role", "religion"):
            raise DictionaryError(str(path), number, f"unknown kind {row['kind']!r}")
        kinds.setdefault(row["kind"], {})[row["code"]] = row["value"]
    return _CameoTable(
        kinds.get("country", {}), kinds.get("international", {}), frozenset(kinds.get("region", {})),
        kinds.get("organisation", {}), {k: v or None for k, v in kinds.get("role", {}).items()},
        frozenset(kinds.get("religion", {})),
    )


def cameo_parts(code: str) -> list[str]:
    """The 3-letter parts of a CAMEO code: "~PSEREBHMS" -> ["PSE", "REB", "HMS"]; the
    first of alternatives ("ELR/GAL") is used, digits (CAMEO-RCS "NGOHINDEN211DEV") break
    parts."""
    first = code.strip().strip("~").split("/")[0].upper()
    return [run[i : i + 3] for run in re.findall(r"[A-Z]+", first) for i in range(0, len(run), 3)]


@lru_cache(maxsize=4096)
def split_cameo_code(code: str | None, agent: bool = False) -> tuple[str | None, str | None]:
    """(country, PLOVER sector) of a CAMEO actor or agent code: "USAGOV" -> ("USA", "GOV"),
    "IGOUNO" -> ("UNO", None), "IGOEUREEC" -> ("EUR", None), "RUSMIL" -> ("RUS", "MIL"),
    "PSEREBHMS" -> ("PSE", "REB"), "GOVFRM" -> (None, "GOV"), "NGOHLHIRC" -> ("NGO", "MED").
    A region gives country None; a code of the dictionary's own (a fictional "GON")
    is kept as the country, so that users' own actor universes survive coding.
    An agent code (``agent=True``, or written with its "~": "~MUSUAF") has no country part:
    its "MUS" is Muslim, not Mauritius."""
    parts = cameo_parts(code or "")
    if not parts:
        return None, None
    table, first = _cameo_table(), parts[0]
    country, rest = None, parts[1:]
    if agent or (code or "").strip().startswith("~"):
        rest = parts
    elif first in table.countries:
        country = table.countries[first]
    elif first in table.international:
        country = table.international[first]
    elif first in country_index().codes:
        country = first
    elif first in table.roles or first in table.religions:
        rest = parts
    elif first not in table.regions and len(first) == 3:
        country = first  # the dictionary's own actor ("GON" in the validation suite), kept as written
    if country == "IGO":
        country = next((table.organisations[p] for p in rest if p in table.organisations), country)
    sector = next((table.roles[p] for p in rest if table.roles.get(p)), None)
    if sector is None and country != "IMG" and any(p in table.religions for p in rest):
        sector = "REL"
    return country, sector


# --- actors ---------------------------------------------------------------------------
@dataclass
class _Block:
    line: int
    names: list[str]
    codes: list[tuple[int, str]]  # (line, text inside the brackets)
    last: int  # line of the last name or alias


def load_petrarch_actors(path: str | Path, stems: bool = True) -> ActorDictionary:
    """A PETRARCH/TABARI actors file as an :class:`ActorDictionary` whose entries carry
    the CAMEO code (``entry.code``, e.g. "USAGOV") with country and sector split from it.
    ``stems=False`` makes every name match whole words only."""
    path = Path(path)
    dictionary = ActorDictionary(str(path))
    block: _Block | None = None
    for number, content in content_lines(path):
        name_part = content.split("[", 1)[0].strip()
        codes = [(number, c) for c in _CODE_BLOCK.findall(content)]
        if "[" in content and not codes:
            dictionary.skipped.append(SkippedLine(number, content.strip(), "unclosed ["))
        elif name_part.startswith("+"):
            if block is None:
                dictionary.skipped.append(SkippedLine(number, content.strip(), "alias before any name"))
            else:
                block.names.append(name_part[1:].strip())
                block.codes.extend(codes)
                block.last = number
        elif name_part and block is not None and not block.codes and block.last == number - 1:
            block.names.append(name_part)  # names on consecutive lines share the codes after
            block.codes.extend(codes)
            block.last = number
        elif name_part:
            _finish(block, dictionary, stems)
            block = _Block(number, [name_part], codes, number)
        elif block is None:
            dictionary.skipped.append(SkippedLine(number, content.strip(), "code before any name"))
        else:
            block.codes.extend(codes)
    _finish(block, dictionary, stems)
    return dictionary


def content_lines(path: Path):
    """(number, text) of lines with content: ``#`` comments, ``<!-- -->`` blocks and
    blank lines removed."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as err:
        raise DictionaryError(str(path), None, f"cannot read: {err}") from err
    in_comment = False
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<!"):
            in_comment = "-->" not in stripped
            continue
        content = raw.split("#", 1)[0]
        if content.strip():
            yield number, content.rstrip()


def _finish(block: _Block | None, dictionary: ActorDictionary, stems: bool) -> None:
    if block is None:
        return
    if not block.codes:
        dictionary.skipped.append(SkippedLine(block.line, block.names[0], "name without a code"))
        return
    display = _display_name(block.names[0])
    for line, spec in block.codes:
        parsed = _parse_code(spec)
        if isinstance(parsed, str):
            dictionary.skipped.append(SkippedLine(line, f"[{spec}]", parsed))
            continue
        code, start, end = parsed
        entry = None if code == "---" else ActorEntry(display, *split_cameo_code(code), code=code)
        for name in block.names:  # only names of up to 3 letters must match in capitals
            short = len(name) <= 8 and sum(ch.isalpha() for ch in name) <= 3
            dictionary.add([name], entry, start, end, stem=stems and not name.endswith("_"),
                           case_sensitive=short)


def _parse_code(spec: str) -> tuple[str, dt.date | None, dt.date | None] | str:
    """("USAGOV", start, end) from "USAGOV >990816" and the like; a string says why not."""
    parts = spec.strip().split(None, 1)
    if not parts:
        return "empty code"
    code, restriction = parts[0].upper(), (parts[1].strip() if len(parts) > 1 else "")
    if code != "---" and not _CODE.fullmatch(code):
        return f"not a code: {code!r}"
    try:
        if not restriction:
            return code, None, None
        if restriction[0] == "<":
            return code, None, _yymmdd(restriction[1:]) - dt.timedelta(days=1)
        if restriction[0] == ">":
            return code, _yymmdd(restriction[1:]) + dt.timedelta(days=1), None
        if match := _DATE_RANGE.match(restriction):
            return code, _yymmdd(match[1]), _yymmdd(match[2])
        return code, _yymmdd(restriction), None  # a bare date: from then on
    except ValueError:
        return f"bad date restriction {restriction!r}"


def _yymmdd(text: str) -> dt.date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with YY < 30 in the 2000s."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(text)
    if len(text) == 6:
        text = ("20" if int(text[:2]) < 30 else "19") + text
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _display_name(raw: str) -> str:
    """"PRESIDENT_GEORGE_W._BUSH_" -> "President George W. Bush"; short all-capital words
    ("USA", "U.N.") stay as they are."""
    out = []
    for i, word in enumerate(raw.replace("_", " ").split()):
        lower = word.lower()
        if lower in _SMALL_WORDS:
            out.append(lower if i else word.capitalize())
        elif (len(word) <= 3 and word.isupper()) or "." in word[:-1]:
            out.append(word)
        else:
            out.append(word.title().replace("'S", "'s"))
    return " ".join(out)


# --- agents ---------------------------------------------------------------------------
class AgentDictionary(dict):
    """Agent phrase (normalised as :func:`dyad.actors._text.key`: "foreign minister") ->
    CAMEO agent code without its "~" ("GOVFRM"). ``before`` holds the phrases whose code
    is written before the actor's ("NGO~"); ``skipped`` the lines not understood."""

    def __init__(self, source: str = "<memory>"):
        super().__init__()
        self.source = source
        self.before: set[str] = set()
        self.skipped: list[SkippedLine] = []

    def lookup(self, text: str) -> str | None:
        """The agent code of a phrase as written ("Foreign Ministers" -> "GOV")."""
        return self.get(key(text))

    def sector(self, text: str) -> str | None:
        """The PLOVER sector of a phrase's agent code ("troops" -> "MIL")."""
        code = self.lookup(text)
        return split_cameo_code(code, agent=True)[1] if code else None

    def combine(self, actor_code: str, text: str) -> str:
        """The CAMEO code of an actor with this agent: ("USA", "minister") -> "USAGOV"."""
        code = self.lookup(text)
        if code is None:
            return actor_code
        return code + actor_code if key(text) in self.before else actor_code + code


def load_petrarch_agents(path: str | Path) -> AgentDictionary:
    """A PETRARCH agents file as an :class:`AgentDictionary` (a ``dict[phrase, code]``),
    with substitution sets expanded and regular plurals added."""
    path = Path(path)
    agents = AgentDictionary(str(path))
    substitutions: dict[str, list[str]] = {}
    for number, content in content_lines(path):
        if match := _SUBSTITUTION.match(content):
            substitutions[match[1].upper()] = [w.strip() for w in match[2].split(",") if w.strip()]
            continue
        match = _AGENT.match(content)
        if not match:
            agents.skipped.append(SkippedLine(number, content.strip(), "not 'PHRASE [~CODE]'"))
            continue
        problem = _add_agent(agents, match, substitutions)
        if problem:
            agents.skipped.append(SkippedLine(number, content.strip(), problem))
    return agents


def _add_agent(agents: AgentDictionary, match: re.Match, substitutions: dict[str, list[str]]) -> str | None:
    raw_code = match["code"].replace(" ", "")
    before = raw_code.endswith("~") and not raw_code.startswith("~")
    code = raw_code.strip("~").upper()
    if not code or not _CODE.fullmatch(code):
        return f"not a code: {match['code']!r}"
    phrase = match["phrase"].strip()
    marks = _SUBSTITUTION_MARK.findall(phrase)
    unknown = [m for m in marks if m.upper() not in substitutions]
    if unknown:
        return f"unknown substitution set {unknown[0]}"
    forms = _expand(phrase, marks, substitutions)
    if not marks:
        plural = match["plural"]
        if plural is None:
            forms.append(_regular_plural(phrase))
        else:
            forms.extend(p for p in re.split(r"[\s,]+", plural) if p)
    for form in forms:
        k = key(form)
        if k and k not in agents:
            agents[k] = code
            if before:
                agents.before.add(k)
    return None


def _expand(phrase: str, marks: list[str], substitutions: dict[str, list[str]]) -> list[str]:
    """Every phrase the substitution sets make of ``phrase``."""
    forms = []
    for choice in itertools.product(*(substitutions[m.upper()] for m in marks)):
        form = phrase
        for mark, word in zip(marks, choice):
            form = form.replace(mark, word, 1)
        forms.append(form)
    return forms


def _regular_plural(phrase: str) -> str:
    """The phrase with its last word in the plural: FOREIGN_MINISTER -> FOREIGN_MINISTERS."""
    head, sep, last = phrase.rstrip("_ ").rpartition("_")
    if not sep:
        head, sep, last = phrase.strip().rpartition(" ")
    return head + sep + plural(last.lower()).upper() if last else phrase
