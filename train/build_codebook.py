"""Build Dyad's event codebook tables from the shared PLOVER and CAMEO sources.

    python train/build_codebook.py [--datasets ../shared/datasets] [--out dyad/data/codebook]

Writes three plain-text tables that ship with the package (see dyad/codebook.py):

- ``cameo.tsv``: every CAMEO event code with its root, level, quad class, Goldstein value
  and a terse label derived from the code's description.
- ``cameo_to_plover.tsv``: every CAMEO code -> PLOVER type and mode (empty when PLOVER
  drops the code), from the 2021 CAMEO->PLOVER table brought up to the current manual.
- ``plover.tsv``: the 16 PLOVER types and their modes as the manual lists them, each with
  its quad class, PLOVER score and the CAMEO code Dyad emits for it.

How a (type, mode) gets its CAMEO code (column ``basis`` says which applied):

- ``rule``: among the 3- and 4-digit codes that cameo_to_plover.tsv maps to exactly that
  type and mode (no mode for the type's own row), take the most general: fewest digits,
  then a code under the type's main CAMEO root (the root that gives the type most codes),
  then a root's residual "x0" code ("not specified below"), then the lowest code. A type
  with no mode-less code falls back to all of its codes.
- ``judgement``: JUDGEMENT below, where the rule finds no code (a mode CAMEO lacks) or
  picks a narrow or off-topic one; each entry says why.

Re-run after changing a rule; tests/test_codebook.py checks that the checked-in tables
equal this script's output.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from dyad.records import EVENT_TYPES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
DEFAULT_OUT = REPO / "dyad" / "data" / "codebook"

PLOVER_HEADER = (
    "# Made by train/build_codebook.py from the PLOVER manual and CAMEO->PLOVER table "
    "(openeventdata/PLOVER, Open Event Data Alliance, CC BY-SA 4.0); this table is CC BY-SA 4.0."
)
CAMEO_HEADER = (
    "# Made by train/build_codebook.py from the GDELT Project's CAMEO lookup tables "
    "(https://www.gdeltproject.org/, open data, attribution to the GDELT Project; CAMEO "
    "codebook, Goldstein scale) and the PLOVER CAMEO->PLOVER table (CC BY-SA 4.0)."
)

QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}

# PLOVER 0.5b1 type names that later merged into current types.
TYPE_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# Modes of the 2021 table that the current manual no longer lists: the current mode that
# covers the same action, or None where no current mode does.
MODE_UPDATES = {
    ("RETREAT", "return"): None,  # "return property" is commented out of the manual
    ("RETREAT", "ease"): None,  # the 2021 table itself notes 'ease' is no longer a mode
    ("THREATEN", "ban"): "restrict",  # restrict covers bans on parties and politicians
    ("THREATEN", "political"): "restrict",  # threats to restrict political freedoms
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "seize"): "destroy",  # 1712 destroy property
    ("ASSAULT", "assassinate"): "targeted",  # targeted covers (attempted) assassinations
    ("ASSAULT", "massacre"): "targeted",  # ... and deliberate mass killings
    ("ASSAULT", "cleansing"): None,  # commented out of the manual
    ("ASSAULT", "pro_autocracy"): None,  # a context written in the mode column (175)
}
# Codes whose 2021 mode predates a current mode that fits them exactly.
CODE_MODES = {"195": "aerial"}  # employ aerial weapons: 2021 said heavy-weapons

# GDELT's lookup names 101 and 105-108 after an older CAMEO draft (its 1051-1056 still
# read "demand ... yield") and lacks 106, 1213 and 1214: take their names from the
# CAMEO 1.1b3 wording that the PLOVER table quotes.
NAMES_FROM_PLOVER = {"101", "105", "106", "107", "108", "1213", "1214"}
TYPOS = {
    "matyerial": "material", "Apolgize": "Apologize", "adminstrative": "administrative",
    "Ostruct": "Obstruct", "radiologicalweapons": "radiological weapons",
    "intent allow": "intent to allow",
}

# (type, mode) -> (CAMEO code, why the rule's choice was not taken). Two cross types on
# purpose (RETREAT resign -> 0831, SANCTION convict -> 116): CAMEO files those acts elsewhere.
JUDGEMENT = {
    ("CONSULT", "multilateral"): ("040", "no CAMEO code; a plain consultation"),
    ("RETREAT", "withdraw"): ("0874", "retreating from territory, not 0872 easing a blockade"),
    ("RETREAT", "resign"): ("0831", "no RETREAT code; acceding to a leadership change is closest"),
    ("REQUEST", "yield"): ("105", "demand that the target yields, not one kind of yielding"),
    ("REJECT", "yield"): ("124", "refuse to yield, not 128 defying norms"),
    ("ACCUSE", "allege"): ("112", "accuse, not 114 complaining officially"),
    ("THREATEN", "arrest"): ("132", "no CAMEO code; threats of administrative sanctions are closest"),
    ("THREATEN", "relations"): ("1313", "threaten to reduce or break relations, not 133 protest"),
    ("THREATEN", "violence"): ("138", "threaten military force, not 137 repression"),
    ("PROTEST", "strike"): ("143", "conduct strike or boycott"),
    ("PROTEST", "vandalize"): ("145", "no CAMEO code; violent protest is closest"),
    ("SANCTION", "convict"): ("116", "find guilty or liable; CAMEO files it under disapprove"),
    ("MOBILIZE", "troops"): ("154", "mobilise armed forces, not 152 raising alert status"),
    ("MOBILIZE", "weapons"): ("152", "no CAMEO code; raising military alert status is closest"),
    ("MOBILIZE", "militia"): ("154", "no CAMEO code; mobilising armed forces is closest"),
    ("COERCE", "censor"): ("1721", "restrict freedoms of speech and expression"),
    ("COERCE", "withhold"): ("170", "no CAMEO code; plain coercion"),
    ("COERCE", "misinformation"): ("170", "no CAMEO code; plain coercion"),
    ("COERCE", "cyber"): ("170", "no CAMEO code; plain coercion"),
    ("ASSAULT", "targeted"): ("186", "assassinate, not 185 an attempt"),
    ("ASSAULT", "primitive"): ("182", "no CAMEO code; physical assault is closest"),
    ("ASSAULT", "explosives"): ("183", "non-military bombing, not 1832 car bombs only"),
    ("ASSAULT", "suicide-attack"): ("1831", "suicide bombing, not 183 any bombing"),
    ("ASSAULT", "drone"): ("195", "no CAMEO code; aerial weapons"),
    ("ASSAULT", "crowd-control"): ("175", "no CAMEO code; tactics of violent repression"),
}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def render_tsv(header: str, columns: list[str], rows: list[dict]) -> str:
    lines = [header, "\t".join(columns)]
    for row in rows:
        lines.append("\t".join("" if row[c] is None else str(row[c]) for c in columns))
    return "\n".join(lines) + "\n"


# --- the PLOVER manual ------------------------------------------------------------------

def live_latex(text: str) -> str:
    """The manual without commented-out lines: it keeps retired modes and tables as comments."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%"))


def type_section(manual: str, event_type: str) -> str:
    start = manual.index("\\section{%s}" % event_type)
    end = re.compile(r"\\(section|chapter)\{").search(manual, start + 1).start()
    return manual[start:end]


def section_modes(section: str) -> tuple[str, ...]:
    """Names in the first column of the section's "Name & Content" table, if it has one."""
    if "Name & Content" not in section:
        return ()
    body = section.split("Name & Content", 1)[1].split("\\end{tabular}", 1)[0]
    names = []
    for row in body.replace("\\hline", "").split("\\\\")[1:]:
        name = row.split("&", 1)[0].strip()
        if name:  # an empty first cell continues the previous row
            if not re.fullmatch(r"[a-z][a-z-]*", name):
                raise ValueError(f"unexpected mode name {name!r}")
            names.append(name)
    return tuple(names)


def section_quad(section: str) -> int:
    return QUADS[re.search(r"Quad category: ([A-Z ]+)\}", section).group(1)]


def plover_scores(manual: str) -> dict[tuple[str, str | None], float]:
    """The manual's conflict-cooperation score per type ("AGREE") and mode ("CONSULT: Visit")."""
    table = manual.split("CATEGORY: Mode", 1)[1].split("\\end{tabular}", 1)[0]
    table = re.sub(r"\\cellcolor\{[^}]*\}|\\hline|\\textbf\{[^}]*\}", "", table)
    scores = {}
    for row in table.split("\\\\"):
        cells = [c.strip() for c in row.split("&")]
        for label, score in zip(cells[0::2], cells[1::2]):
            if label and score:
                event_type, _, mode = label.partition(":")
                scores[(event_type.strip(), mode.strip().lower() or None)] = float(score)
    return scores


def xlate_roots(manual: str) -> dict[str, str | None]:
    """CAMEO root -> PLOVER type from the manual's cue-category table; None where dropped."""
    table = manual.split("\\label{tab:xlate}", 1)[0].rsplit("CAMEO code & CAMEO text", 1)[1]
    roots: dict[str, str | None] = {}
    for root, _, category in re.findall(r"(\d\d)\s*&([^&]*)&\s*([A-Za-z]+)", table):
        category = TYPE_RENAMES.get(category, category)
        roots.setdefault(root, None if category == "dropped" else category)
    return roots


def read_manual(datasets: Path) -> dict:
    manual = live_latex((datasets / "plover-codebook" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8"))
    sections = {t: type_section(manual, t) for t in EVENT_TYPES}
    return {
        "modes": {t: section_modes(s) for t, s in sections.items()},
        "quads": {t: section_quad(s) for t, s in sections.items()},
        "scores": plover_scores(manual),
        "roots": xlate_roots(manual),
    }


# --- CAMEO codes ------------------------------------------------------------------------

def label(description: str) -> str:
    """A terse label: no "not specified below", asides or examples; roots out of upper case."""
    for wrong, right in TYPOS.items():
        description = description.replace(wrong, right)
    text = re.sub(r"\d{2,4}:\[.*$", "", description)  # a glued-on line (see glued_codes)
    text = re.sub(r",?\s*not spec(ified)? below", "", text)
    text = text.replace("“", "").replace("”", "")
    text = re.sub(r"\s*\([^)]*\)|,? such as .*$", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text.capitalize() if text.isupper() else text


def glued_codes(datasets: Path) -> dict[str, float]:
    """Codes that GDELT's lookup glued onto the end of another line ("...106:[-5.0] Demand ...")."""
    lookup = datasets / "cameo-codebook" / "gdelt-lookups" / "CAMEO.eventcodes.txt"
    found = re.findall(r"(\d{2,4}):\[(-?\d+(?:\.\d+)?)\]", lookup.read_text(encoding="utf-8"))
    return {code: float(value) for code, value in found}


def check_goldstein(datasets: Path, cameo: list[dict[str, str]]) -> None:
    """The derived TSV must agree with GDELT's own Goldstein lookup."""
    lookup = read_tsv(datasets / "cameo-codebook" / "gdelt-lookups" / "CAMEO.goldsteinscale.txt")
    values = {row["CAMEOEVENTCODE"]: float(row["GOLDSTEINSCALE"]) for row in lookup}
    for row in cameo:
        if values[row["code"]] != float(row["goldstein"]):
            raise ValueError(f"Goldstein of {row['code']} differs between GDELT tables")


def cameo_row(code: str, goldstein: float, name: str) -> dict:
    root = code[:2]
    quad = 1 if root <= "05" else 2 if root <= "09" else 3 if root <= "14" else 4  # GDELT's rule
    return {"code": code, "root": root, "level": len(code) - 1, "quad_class": quad,
            "goldstein": goldstein, "name": label(name)}


def build_cameo(datasets: Path, table: list[dict[str, str]]) -> list[dict]:
    """GDELT's codes plus the CAMEO codes only the PLOVER table lists (106, 1213, 1214)."""
    gdelt = read_tsv(datasets / "cameo-codebook" / "cameo_event_codes.tsv")
    check_goldstein(datasets, gdelt)
    goldstein = {row["code"]: float(row["goldstein"]) for row in gdelt} | glued_codes(datasets)
    names = {row["code"]: row["name"] for row in gdelt}
    names |= {row["cameo_code"]: row["cameo_description"] for row in table
              if row["cameo_code"] in NAMES_FROM_PLOVER}
    for code in names.keys() - goldstein.keys():  # 1213, 1214: their parent's value
        goldstein[code] = goldstein[code[:3]]
    return [cameo_row(code, goldstein[code], names[code]) for code in sorted(names)]


# --- CAMEO -> PLOVER ----------------------------------------------------------------------

def current_mapping(row: dict[str, str], modes: dict[str, tuple[str, ...]]) -> tuple[str, str | None]:
    """One 2021-table row in current PLOVER terms: merged types renamed, retired modes updated."""
    event_type = TYPE_RENAMES.get(row["plover_event"], row["plover_event"])
    mode = row["plover_mode"] or ("investigate" if row["plover_event"] == "INVESTIGATE" else None)
    mode = CODE_MODES.get(row["cameo_code"], MODE_UPDATES.get((event_type, mode), mode))
    if mode is not None and mode not in modes[event_type]:
        raise ValueError(f"{row['cameo_code']}: {event_type} has no mode {mode!r}")
    return event_type, mode


def build_cameo_to_plover(cameo: list[dict], table: list[dict[str, str]], manual: dict) -> list[dict]:
    listed = {}
    for row in table:  # 175 is listed twice, alike
        listed[row["cameo_code"]] = current_mapping(row, manual["modes"])
    rows = []
    for code in (row["code"] for row in cameo):
        rows.append({"cameo": code, **_plover_of(code, listed, manual["roots"])})
    return rows


def _plover_of(code: str, listed: dict, roots: dict[str, str | None]) -> dict:
    if roots[code[:2]] is None:
        return {"event_type": None, "mode": None, "basis": "dropped"}
    if code in listed:
        return {"event_type": listed[code][0], "mode": listed[code][1], "basis": "table"}
    parent = code + "0" if len(code) == 2 else code[:-1]  # a root reads as its "x0" code
    if parent not in listed:
        raise ValueError(f"CAMEO {code} has no PLOVER mapping")
    return {"event_type": listed[parent][0], "mode": listed[parent][1], "basis": "parent"}


# --- PLOVER types and modes -----------------------------------------------------------------

def main_roots(mapping: list[dict]) -> dict[str, str]:
    """Each type's main CAMEO root: the one that gives it most codes."""
    counts = Counter((row["event_type"], row["cameo"][:2]) for row in mapping if row["event_type"])
    best: dict[str, str] = {}
    for (event_type, root), _ in counts.most_common():
        best.setdefault(event_type, root)
    return best


def by_rule(event_type: str, mode: str | None, mapping: list[dict], main_root: str) -> str | None:
    """The most general 3- or 4-digit code mapped to exactly (type, mode); see the module doc."""
    own = [r["cameo"] for r in mapping if r["event_type"] == event_type and len(r["cameo"]) > 2]
    exact = [r["cameo"] for r in mapping if (r["event_type"], r["mode"]) == (event_type, mode)
             and len(r["cameo"]) > 2]
    if not exact and mode is None:  # a type whose every code has a mode (ACCUSE)
        exact = own
    ranked = sorted(exact, key=lambda c: (len(c), c[:2] != main_root, not c.endswith("0"), c))
    return ranked[0] if ranked else None


def plover_row(event_type: str, mode: str | None, code: str | None, basis: str, manual: dict) -> dict:
    return {"event_type": event_type, "mode": mode, "quad_class": manual["quads"][event_type],
            "cameo": code, "plover_score": manual["scores"].get((event_type, mode)), "basis": basis}


def build_plover(mapping: list[dict], manual: dict) -> list[dict]:
    roots = main_roots(mapping)
    rows = []
    for event_type in EVENT_TYPES:
        for mode in (None, *manual["modes"][event_type]):
            if (event_type, mode) in JUDGEMENT:
                code, basis = JUDGEMENT[(event_type, mode)][0], "judgement"
            else:
                code, basis = by_rule(event_type, mode, mapping, roots[event_type]), "rule"
            if code is None:
                raise ValueError(f"{event_type} {mode}: no CAMEO code; add it to JUDGEMENT")
            rows.append(plover_row(event_type, mode, code, basis, manual))
    return rows


# --- writing ----------------------------------------------------------------------------

COLUMNS = {
    "cameo.tsv": ["code", "root", "level", "quad_class", "goldstein", "name"],
    "cameo_to_plover.tsv": ["cameo", "event_type", "mode", "basis"],
    "plover.tsv": ["event_type", "mode", "quad_class", "cameo", "plover_score", "basis"],
}
NOTES = {
    "cameo.tsv": "# quad_class by GDELT's root rule; 106 from GDELT's glued line; "
                 "1213/1214 take 121's value.",
    "cameo_to_plover.tsv": "# basis: table (2021 table in current names and modes), "
                           "parent (a root read as its x0 code), dropped (no PLOVER type).",
    "plover.tsv": "# cameo: the code Dyad emits; basis: rule or judgement "
                  "(see train/build_codebook.py).",
}


def build(datasets: Path) -> dict[str, str]:
    """File name -> text of each table."""
    table = read_tsv(datasets / "plover-codebook" / "cameo_to_plover_2021.tsv")
    manual = read_manual(datasets)
    cameo = build_cameo(datasets, table)
    mapping = build_cameo_to_plover(cameo, table, manual)
    rows = {"cameo.tsv": cameo, "cameo_to_plover.tsv": mapping, "plover.tsv": build_plover(mapping, manual)}
    headers = {"cameo.tsv": CAMEO_HEADER, "cameo_to_plover.tsv": PLOVER_HEADER, "plover.tsv": PLOVER_HEADER}
    return {name: render_tsv(headers[name] + "\n" + NOTES[name], COLUMNS[name], rows[name]) for name in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in build(args.datasets).items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"{args.out / name}: {text.count(chr(10)) - 3} rows")


if __name__ == "__main__":
    main()
