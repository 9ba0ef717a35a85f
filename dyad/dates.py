"""Dates of events, resolved against the publication date.

``find_dates(text, published)`` finds the date expressions of one sentence and resolves
each to an ISO date no more precise than the words and the publication date support;
``resolve_event_date(mentions, anchor, text=...)`` picks the one that dates the event
whose trigger is at ``anchor``. Pure functions over regular expressions, no model.

Resolution rules (the publication date is "pub"):

- Absolute dates ("July 1, 2021", "10 November 2019", "2021-07-05", "January 2020",
  "in 2018", "mid-2019", "the summer of 2019") resolve without pub.
- Weekdays ("said Monday", "on Tuesday", "Monday's call", "late Monday") are the most
  recent such day on or before pub (pub's own weekday is pub itself), or the next one on
  or after pub when the clause speaks of the future ("will meet on Wednesday", "is heading
  to Moscow on Monday"); the future of a clause the date's own clause opens is not its
  own ("warned Taipei on Friday that it would retaliate" is a past Friday). "last Friday" is strictly before pub, "next Friday" strictly
  after, "this Friday" and "Friday this week" fall in pub's Monday-to-Sunday week.
- A month without a year ("in September") is the latest such month up to pub's month; a
  month and day ("on June 13") the latest that is at most about two months (61 days) after
  pub: news mostly reports the past, and a day a little ahead is a schedule. In a future
  clause ("will visit in September") either takes the first year that puts it on or after
  pub. "last November" is the latest November before pub's month.
- "last/this/next week" resolve to the month holding the same weekday of that week:
  a week has no ISO form at day, month or year precision, and the month is right most of
  the time. "N weeks ago" likewise.
- "last/this/next month" and "N months ago" give months; "last/this/next year",
  "earlier this year", "N years ago" give years; "today", "yesterday", "tomorrow",
  "last night", "N days ago" give days.
- When pub is less precise than an expression needs (a weekday against "2016-06"), the
  value is cut to pub's precision ("2016-06"); a month or day named without a year
  against a year-only pub is taken in that year.
- Without pub, relative expressions are reported with value None, precision
  'unresolved'; so are vague ones at any time ("soon", "in the near future", "recently",
  "over the last year", "the same day", "in March of that year") and decades ("in the
  1990s"), so that a coder can still fill ``date_text``.

Not covered: numeric day/month forms ("7/5/2021", ambiguous between US and European
order), centuries, holidays, fiscal years, ranges ("2014-2016" gives its first year
only), dates anchored in the story rather than at publication ("two days later", "the
following year": unresolved), and the tense of a clause beyond a few future markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from dyad.errors import InputError

_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the string given to ``find_dates``."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when it cannot be resolved
    precision: str  # 'day' | 'month' | 'year' | 'unresolved'

    @property
    def resolved(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class _Pub:
    day: date  # the publication day, or a stand-in inside the known month or year
    precision: str  # 'day' | 'month' | 'year'


# A handler's answer: the date (None: unresolved), the precision the words give, and the
# precision of pub the words need (None: absolute, pub not needed).
_Res = tuple[date | None, str, str | None]
_UNRESOLVED: _Res = (None, "unresolved", None)

# ---------------------------------------------------------------- vocabulary
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
}
_SHIFT = {"last": -1, "this": 0, "next": 1}

# Month names are matched case-sensitively, so "may" and "march" in lower case never are.
_MONTH_FULL = (r"(?P<mon>January|February|March|April|May|June|July|August|September|"
               r"October|November|December)")
_MONTH_ANY = (r"(?P<mon>January|February|March|April|May|June|July|August|September|"
              r"October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\w|[.,]\d)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?!\w|[.,]\d)"
_POSS = r"(?:['’]s)?"
_PREP = r"(?P<prep>(?i:in|on)\s+)?"  # kept in date_text: "in January 2020", "on Monday"
_EDGE = (r"(?P<edge>(?i:early|late|mid)(?:-|\s+)|"
         r"(?i:(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?")
_AS = r"(?:(?i:as\s+(?:recently|early|late)\s+as)\s+)?"
_SEASON = r"(?:(?i:(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\s+)?"
_B = r"(?<![\w'’-])"  # a mention starts at a word

# ---------------------------------------------------------------- patterns
_ISO = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?![\w-])")
_MDY = re.compile(_B + _PREP + _MONTH_ANY + r"\s+" + _DAY + r",?\s+" + _YEAR)
_DMY = re.compile(_B + _PREP + r"(?:(?i:the)\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH_ANY
                  + r",?\s+" + _YEAR)
_MY = re.compile(_B + _PREP + _AS + _EDGE + _MONTH_ANY + r"(?:,|\s+of)?\s+" + _YEAR + _POSS)
_MD = re.compile(_B + _PREP + _MONTH_ANY + r"\s+" + _DAY)
_DM = re.compile(_B + _PREP + r"(?:(?i:the)\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH_ANY
                 + r"(?!\w)")
_MONTH_REL = re.compile(
    _B + r"(?P<rel>(?i:this\s+past|this\s+coming|last|past|next|coming|this))\s+"
    + _MONTH_FULL + _POSS + r"(?!\w)")
_MONTH_OF_YEAR = re.compile(
    _B + _PREP + _EDGE + _MONTH_FULL + r"(?:\s+of)?\s+"
    r"(?P<rel>(?i:last|this|next|that|the\s+same|the\s+following|the\s+previous|the\s+next))"
    r"\s+(?i:year)(?!\w)")
_MONTH_BARE = re.compile(_B + _PREP + _EDGE + _MONTH_FULL + _POSS + r"(?!\w)")
_YEAR_P = re.compile(_B + _PREP + _AS + _EDGE + _SEASON + r"(?:(?i:the\s+year)\s+)?"
                     + r"(?<![\d.,$€£#/])" + _YEAR + _POSS)
_DECADE = re.compile(_B + _PREP + r"(?:(?i:the)\s+)?" + _EDGE
                     + r"(?:(?:1[89]|20)\d0s|['’]\d0s)(?!\w)")
_WEEKDAY = re.compile(
    _B + r"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|on|early|late|"
    r"earlier|later|late\s+on|early\s+on|earlier\s+on))\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)" + _POSS
    + r"(?:\s+(?i:of\s+)?(?P<wk>(?i:this|last|next))\s+(?i:week))?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?!\w)")
_DAY_WORD = re.compile(
    _B + r"(?P<w>(?i:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night))" + _POSS + r"(?!\w)")
_REL_UNIT = re.compile(
    _B + r"(?:(?i:early|earlier|late|later|so\s+far|(?:at\s+)?the\s+(?:end|beginning|start|"
    r"middle)\s+of)\s+)?(?<!the )(?P<rel>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))"
    + _POSS + r"(?!\w)")
_AGO = re.compile(
    _B + r"(?P<n>\d{1,3}|(?i:a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|some|many))\s+"
    r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago)(?!\w)")
_VAGUE = re.compile(_B + r"(?i:"
    r"(?:in\s+)?the\s+(?:near|foreseeable|distant|not[\s-]+too[\s-]+distant|immediate)\s+future|"
    r"(?:(?:in|over|during|for|within)\s+)?the\s+(?:past|last|previous|coming|next|following)\s+"
    r"(?:(?:few|several|couple\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?)|"
    r"(?:(?:in|over|during)\s+)?recent\s+(?:days|weeks|months|years|decades)|"
    r"(?:(?:in|on|during)\s+)?(?:the\s+same|that)\s+(?:day|week|month|year|time\s+frame|period)|"
    r"(?:in\s+)?the\s+past|at\s+the\s+time|soon|recently|lately)(?!\w)")

# ---------------------------------------------------------------- context tests
# A capitalised word right before a number names a thing ("Resolution 2334", "Vision 2030")
# unless it is one of these function words (capitalised at the start of a sentence).
_YEAR_LEADERS = frozenset(
    "in since by until till during before after from through throughout of the as for on at "
    "early late mid between and or to into".split())
_YEAR_LABELS = frozenset(
    "resolution article no no. nos number section paragraph page pages chapter item flight "
    "route highway road bus decree law bill order file case code model room unit brigade "
    "battalion division squadron regiment vol volume issue protocol about around some nearly "
    "almost over than least approximately roughly estimated only just another additional "
    "extra".split())
_COUNT_AFTER = re.compile(
    r"\s*(?:%|(?i:percent|per\s*cent|people|persons|troops|soldiers|police|policemen|officers|"
    r"fighters|militants|rebels|civilians|residents|citizens|members|prisoners|detainees|"
    r"refugees|migrants|families|children|women|men|students|workers|jobs|homes|houses|units|"
    r"votes|seats|cases|deaths|dead|casualties|victims|km|kilometers|kilometres|miles|meters|"
    r"metres|feet|tons|tonnes|dollars|euros|shekels|rubles|roubles|pounds|barrels|hours|hrs|"
    r"minutes|seconds|days|weeks|months|years|gmt|utc|local\s+time)\b)")
_PREV_WORD = re.compile(r"([^\s]+)\s+$")
_MONTH_SUPPORT = re.compile(
    r"(?i:\b(?:since|until|till|by|from|during|through|throughout|before|after|of|between|"
    r"every|each|last|next|this|until)\s+$)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:and|or|to|through|until)\s+$")
_NAME_DAYS = frozenset("black good cyber bloody easter palm ash holy super giving".split())
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|going\s+to|(?:is|are)\s+(?:to|due|set|scheduled|slated|expected|"
    r"planning|heading|headed)|plans?\s+to|scheduled|slated|upcoming)\b|['’]ll\b")
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|announced|told\s+\w+|reported|stated|added|wrote|tweeted|confirmed|"
    r"revealed|noted)\s+(?:on\s+)?$")
_BOUNDARY = re.compile(r"[,;:()\u2014\u2013\"“”]|\s-\s")
_SUBORDINATE = re.compile(
    r"(?i)\b(?:since|after|before|when|whenever|while|until|till|once|following|which|who|"
    r"whose|whom|where|although|though|because)\b")
_CLAUSE_OPENER = re.compile(r"(?i)\b(?:that|if|unless|whether)\b")
_DATE_AFTER_WEEKDAY = re.compile(r",?\s+(?:" + _MONTH_ANY + r"\s+[0-3]?\d(?!\d)|[0-3]?\d\s+"
                                 + _MONTH_ANY.replace("?P<mon>", "?:") + ")")
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:[T ].*)?)?)?")


# ---------------------------------------------------------------- date arithmetic
def _fmt(when: date, precision: str) -> str:
    return when.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def _add_months(when: date, months: int) -> date:
    year, month = divmod(when.year * 12 + when.month - 1 + months, 12)
    return date(year, month + 1, 1)


def _safe_date(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _weekday_on_or_before(pub: date, weekday: int, strict: bool = False) -> date:
    back = (pub.weekday() - weekday) % 7
    return pub - timedelta(days=back or (7 if strict else 0))


def _weekday_on_or_after(pub: date, weekday: int, strict: bool = False) -> date:
    ahead = (weekday - pub.weekday()) % 7
    return pub + timedelta(days=ahead or (7 if strict else 0))


def _pick_year(pub: _Pub, month: int, day: int | None, future: bool) -> int | None:
    """The year of a month (and day) named without one; see the module docstring."""
    if pub.precision == "year":
        return pub.day.year
    years = (pub.day.year - 1, pub.day.year, pub.day.year + 1)
    if day is None or pub.precision == "month":  # compare whole months
        here = pub.day.year * 12 + pub.day.month
        if future:
            return min(y for y in years if y * 12 + month >= here)
        ahead = 0 if day is None else 2
        return max(y for y in years if y * 12 + month <= here + ahead)
    dates = [d for d in (_safe_date(y, month, day) for y in years) if d is not None]
    if future:
        return min((d.year for d in dates if d >= pub.day), default=None)
    latest = pub.day + timedelta(days=61)
    return max((d.year for d in dates if d <= latest), default=None)


# ---------------------------------------------------------------- context
def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest boundaries. A fronted date
    ("On Wednesday, the two will meet") takes the clause after it."""
    before = [b.end() for b in _BOUNDARY.finditer(text, 0, start)]
    lo = before[-1] if before else 0
    after = _BOUNDARY.search(text, end)
    hi = after.start() if after else len(text)
    if not text[lo:start].strip() and after:
        following = _BOUNDARY.search(text, after.end())
        hi = following.start() if following else len(text)
    return lo, hi


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause of [start, end) speaks of the future; "said Monday" never does."""
    if _REPORTED.search(text, max(0, start - 40), start):
        return False
    lo, hi = _clause(text, start, end)
    # "warned Cambodia on Monday that it would cut aid": the future of a clause it opens is not its own
    opened = _CLAUSE_OPENER.search(text, end, hi)
    return bool(_FUTURE.search(text, lo, start) or _FUTURE.search(text, end, opened.start() if opened else hi))


def _previous_word(text: str, start: int) -> str:
    found = _PREV_WORD.search(text, max(0, start - 40), start)
    return found.group(1) if found else ""


def _names_a_thing(text: str, m: re.Match) -> bool:
    """A four-digit number that is a count or a label, not a year."""
    if _COUNT_AFTER.match(text, m.end("year")):
        return True
    if m.start("year") != m.start():  # "in 2018", "mid-2019": a date word leads
        return False
    word = _previous_word(text, m.start())
    bare = word.lower().strip("\"“(")
    if bare in _YEAR_LABELS or bare.endswith(("$", "€", "£")):
        return True
    possessive = bare.endswith(("'s", "’s"))
    return word[:1].isupper() and bare not in _YEAR_LEADERS and not possessive


def _bare_month_ok(text: str, m: re.Match) -> bool:
    """"in March", "since May", "late January" are dates; "Russia May respond", "protesters
    March on", "April Ryan" are not."""
    if m.group("prep") or m.group("edge"):
        return True
    if _MONTH_SUPPORT.search(text, max(0, m.start() - 40), m.start()):
        return True
    if m.group("mon") in ("May", "March"):
        return False
    if re.match(r"\s+[A-Z]", text[m.end():]):
        return False
    return not _previous_word(text, m.start())[:1].isupper() or m.start() == 0


# ---------------------------------------------------------------- handlers
def _absolute_day(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else _month_number(mon)
    when = _safe_date(int(m.group("year")), month, int(m.group("day"))) if month <= 12 else None
    return (when, "day", None) if when else None


def _absolute_month(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    return _safe_date(int(m.group("year")), _month_number(m.group("mon"))), "month", None


def _absolute_year(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    if _names_a_thing(text, m):
        return None
    return date(int(m.group("year")), 1, 1), "year", None


def _decade(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    return _UNRESOLVED


def _vague(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    return _UNRESOLVED


def _month_day(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    month, day = _month_number(m.group("mon")), int(m.group("day"))
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
        return None
    if pub is None:
        return _UNRESOLVED
    year = _pick_year(pub, month, day, _is_future(text, m.start(), m.end()))
    when = _safe_date(year, month, day) if year else None
    return (when, "day", "year") if when else _UNRESOLVED


def _month(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    if not _bare_month_ok(text, m):
        return None
    if pub is None:
        return _UNRESOLVED
    month = _month_number(m.group("mon"))
    year = _pick_year(pub, month, None, _is_future(text, m.start(), m.end()))
    return date(year, month, 1), "month", "year"


def _month_rel(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    if pub is None:
        return _UNRESOLVED
    rel, month = " ".join(m.group("rel").lower().split()), _month_number(m.group("mon"))
    here = pub.day.year * 12 + pub.day.month
    years = (pub.day.year - 1, pub.day.year, pub.day.year + 1)
    if rel == "this":
        year = pub.day.year
    elif rel in ("last", "past", "this past"):
        year = max(y for y in years if y * 12 + month < here)
    else:
        year = min(y for y in years if y * 12 + month > here)
    return date(year, month, 1), "month", "month"


def _month_of_year(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    rel = m.group("rel").lower()
    if pub is None or rel not in _SHIFT:  # "that year", "the same year": the story's year
        return _UNRESOLVED
    return date(pub.day.year + _SHIFT[rel], _month_number(m.group("mon")), 1), "month", "year"


def _weekday(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    if _previous_word(text, m.start()).lower() in _NAME_DAYS and not m.group("rel"):
        return None  # "Black Friday", "Bloody Sunday"
    if _DATE_AFTER_WEEKDAY.match(text, m.end()):
        return None  # "Tuesday, July 6, 2021": the date that follows says it all
    if pub is None:
        return _UNRESOLVED
    target = _WEEKDAYS.index(m.group("wd").lower())
    rel = " ".join((m.group("rel") or "").lower().split())
    week = m.group("wk")
    if week or rel == "this":
        monday = pub.day - timedelta(days=pub.day.weekday())
        when = monday + timedelta(days=7 * _SHIFT[(week or "this").lower()] + target)
    elif rel in ("last", "past", "this past"):
        when = _weekday_on_or_before(pub.day, target, strict=True)
    elif rel in ("next", "coming", "this coming"):
        when = _weekday_on_or_after(pub.day, target, strict=True)
    elif _is_future(text, m.start(), m.end()):
        when = _weekday_on_or_after(pub.day, target)
    else:
        when = _weekday_on_or_before(pub.day, target)
    return when, "day", "day"


def _day_word(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    word = " ".join(m.group("w").lower().split())
    if word == "today" and m.group("w")[0].isupper() and m.start() > 0:
        if _previous_word(text, m.start())[:1].isupper():
            return None  # "USA Today", "Russia Today"
    if pub is None:
        return _UNRESOLVED
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return pub.day + timedelta(days=offset), "day", "day"


def _rel_unit(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    if pub is None:
        return _UNRESOLVED
    shift, unit = _SHIFT[m.group("rel").lower()], m.group("unit").lower()
    if unit == "week":
        return pub.day + timedelta(days=7 * shift), "month", "day"
    if unit == "month":
        return _add_months(pub.day, shift), "month", "month"
    return date(pub.day.year + shift, 1, 1), "year", "year"


def _ago(m: re.Match, text: str, pub: _Pub | None) -> _Res | None:
    raw = " ".join(m.group("n").lower().split())
    count = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
    if pub is None or count is None:  # "a few days ago", "several years ago"
        return _UNRESOLVED
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        return pub.day - timedelta(days=count), "day", "day"
    if unit == "week":
        return pub.day - timedelta(days=7 * count), "month", "day"
    if unit == "month":
        return _add_months(pub.day, -count), "month", "month"
    years = count * (10 if unit == "decade" else 1)
    return _safe_date(pub.day.year - years, 1, 1), "year", "year"


_Handler = Callable[[re.Match, str, "_Pub | None"], "_Res | None"]

# Words without which a pattern cannot match: most sentences hold no date, and these
# plain searches are much cheaper than the patterns, which try every position.
_ISO_CLUE = re.compile(r"\d{4}-")
_YEAR_CLUE = re.compile(r"1[89]\d\d|20\d\d")
_DECADE_CLUE = re.compile(r"0s")
_MONTH_CLUE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # the full names begin so too
_WEEKDAY_CLUE = re.compile("|".join(w.capitalize() for w in _WEEKDAYS))
_DAY_WORD_CLUE = re.compile(r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night", re.IGNORECASE)
_AGO_CLUE = re.compile(r"ago", re.IGNORECASE)
_UNIT_CLUE = re.compile(r"week|month|year", re.IGNORECASE)
_VAGUE_CLUE = re.compile(r"future|day|week|month|year|decade|past|time|period|soon|recent|lately", re.IGNORECASE)

# Where two mentions overlap the longer wins; on a tie, the earlier in this list.
_PATTERNS: tuple[tuple[re.Pattern, _Handler, re.Pattern], ...] = (
    (_ISO, _absolute_day, _ISO_CLUE), (_MDY, _absolute_day, _YEAR_CLUE), (_DMY, _absolute_day, _YEAR_CLUE),
    (_MY, _absolute_month, _YEAR_CLUE), (_MONTH_OF_YEAR, _month_of_year, _MONTH_CLUE),
    (_MONTH_REL, _month_rel, _MONTH_CLUE), (_MD, _month_day, _MONTH_CLUE), (_DM, _month_day, _MONTH_CLUE),
    (_DECADE, _decade, _DECADE_CLUE), (_YEAR_P, _absolute_year, _YEAR_CLUE), (_WEEKDAY, _weekday, _WEEKDAY_CLUE),
    (_DAY_WORD, _day_word, _DAY_WORD_CLUE), (_AGO, _ago, _AGO_CLUE), (_REL_UNIT, _rel_unit, _UNIT_CLUE),
    (_VAGUE, _vague, _VAGUE_CLUE), (_MONTH_BARE, _month, _MONTH_CLUE),
)


# ---------------------------------------------------------------- public API
def _parse_published(published: str | None) -> _Pub | None:
    """``YYYY-MM-DD`` (a time after it is ignored), ``YYYY-MM``, ``YYYY`` or None."""
    if published is None or not str(published).strip():
        return None
    found = _PUBLISHED.fullmatch(str(published).strip())
    parts = [int(p) for p in found.groups() if p] if found else []
    stand_in = {1: (7, 2), 2: (15,), 3: ()}.get(len(parts), ())
    when = _safe_date(*parts, *stand_in) if parts else None
    if when is None:
        raise InputError("published", f"not a YYYY-MM-DD, YYYY-MM or YYYY date: {published!r}")
    return _Pub(when, ("year", "month", "day")[len(parts) - 1])


def _finish(res: _Res, pub: _Pub | None) -> tuple[str | None, str]:
    """Value and precision, cut to pub's precision where the words need more of pub."""
    when, own, need = res
    if when is None:
        return None, "unresolved"
    if need is not None:
        if pub is None:
            return None, "unresolved"
        if _RANK[pub.precision] < _RANK[need]:
            own = min(own, pub.precision, key=_RANK.__getitem__)
    return _fmt(when, own), own


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression of ``text`` (a sentence), resolved against ``published``."""
    pub = _parse_published(published)
    found: list[tuple[int, int, int, tuple[str | None, str]]] = []
    clues: dict[re.Pattern, bool] = {}
    for rank, (pattern, handler, clue) in enumerate(_PATTERNS):
        if clue not in clues:
            clues[clue] = clue.search(text) is not None
        if not clues[clue]:
            continue
        for m in pattern.finditer(text):
            res = handler(m, text, pub)
            if res is not None:
                found.append((m.start(), m.end(), rank, _finish(res, pub)))
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))  # longest first, then pattern order
    taken: list[DateMention] = []
    for start, end, _, (value, precision) in found:
        if all(end <= t.start or start >= t.end for t in taken):
            taken.append(DateMention(text[start:end], start, end, value, precision))
    return sorted(taken, key=lambda t: t.start)


def _distance(mention: DateMention, anchor: int) -> float:
    """Characters from the trigger; a date before it counts double, since English puts
    the time of a clause after its verb more often than before it."""
    if mention.start >= anchor:
        return mention.start - anchor
    return 0 if mention.end > anchor else 2 * (anchor - mention.end)


def _nearest(pool: list[DateMention], anchor: int) -> DateMention | None:
    return min(pool, key=lambda m: _distance(m, anchor)) if pool else None


def _same_clause(text: str, mention: DateMention, anchor: int) -> bool:
    lo, hi = sorted((anchor, mention.start if mention.start >= anchor else mention.end))
    return not (_BOUNDARY.search(text, lo, hi) or _SUBORDINATE.search(text, lo, hi))


def _subordinate(text: str, mention: DateMention) -> bool:
    """Whether the mention sits in a clause opened by "since", "after", "which", ...: it
    dates another event ("since he took office last month")."""
    lo, _ = _clause(text, mention.start, mention.end)
    return bool(_SUBORDINATE.search(text, lo, mention.start))


def resolve_event_date(
    mentions: list[DateMention], anchor: int | None = None, text: str | None = None
) -> DateMention | None:
    """The mention that most likely dates the event whose trigger starts at ``anchor``.

    Without ``anchor``: the first resolved mention, else the first one. Without ``text``:
    the nearest resolved mention, else the nearest. With the sentence ``text`` (the string
    the mentions point into), in this order: the nearest resolved mention in the trigger's
    own clause; the nearest unresolved one there ("agreed to meet in the near future");
    the nearest resolved one in a main clause anywhere in the sentence ("..., the office
    said Monday"). A mention in another subordinate clause ("since he took office last
    month", "which fell on Tuesday") dates another event and is never chosen: None then
    lets the caller fall back on the article's context.
    """
    if not mentions:
        return None
    resolved = [m for m in mentions if m.resolved]
    if anchor is None:
        return (resolved or mentions)[0]
    if text is None:
        return _nearest(resolved, anchor) or _nearest(mentions, anchor)
    own = [m for m in mentions if _same_clause(text, m, anchor)]
    main = [m for m in resolved if not _subordinate(text, m)]
    return (_nearest([m for m in own if m.resolved], anchor) or _nearest(own, anchor)
            or _nearest(main, anchor))
