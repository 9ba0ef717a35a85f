"""The shipped codebook tables and the API over them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dyad import codebook as cb
from dyad.errors import DyadError

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "dyad" / "data" / "codebook"
DATASETS = REPO.parent / "shared" / "datasets"

# The PLOVER manual's quad category of each type (each type's own section).
QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def all_codes() -> list[cb.EventCode]:
    return list(cb.codebook().codes.values())


@pytest.mark.parametrize("event_type", cb.EVENT_TYPES)
def test_code_for_default_has_the_types_quad_class(event_type):
    code = cb.code_for(event_type, None)
    assert (code.event_type, code.mode) == (event_type, None)
    assert code.quad_class == QUADS[event_type]


def test_code_for_quad_class_differs_from_cameo_only_where_plover_regrouped():
    # PLOVER makes CONCEDE verbal (CAMEO 08 yield is material) and PROTEST material (CAMEO 14
    # is verbal); two modes borrow codes from other CAMEO roots.
    expected = {"CONCEDE", "PROTEST", "ACCUSE investigate", "SANCTION convict"}
    differ = [c for c in all_codes() if cb.cameo_info(c.cameo)[2] != c.quad_class]
    named = {c.event_type if c.event_type in expected else f"{c.event_type} {c.mode}" for c in differ}
    assert named == expected


def test_code_for_goldstein_sign_follows_cooperation():
    assert cb.code_for("SUPPORT", None).goldstein > 0
    assert cb.code_for("ASSAULT", None).goldstein < 0


def test_code_for_known_codes():
    assert cb.code_for("AGREE", None).cameo == "030"
    assert cb.code_for("CONSULT", None).cameo == "040"
    assert cb.code_for("CONSULT", "phone").cameo == "041"
    assert cb.code_for("CONSULT", "visit").cameo == "042"
    assert cb.code_for("RETREAT", "release").cameo == "0841"
    assert cb.code_for("ASSAULT", "aerial").cameo == "195"


def test_code_for_goldstein_is_the_cameo_codes():
    for code in all_codes():
        assert code.goldstein == cb.cameo_info(code.cameo)[1]


def test_code_for_unknown_mode_falls_back_to_type_default():
    assert cb.code_for("AID", "humanitarian") == cb.code_for("AID", None)
    assert cb.code_for("CONSULT", "") == cb.code_for("CONSULT", None)


def test_code_for_unknown_type_raises_dyad_error():
    with pytest.raises(cb.CodebookError):
        cb.code_for("FIGHT", None)
    assert issubclass(cb.CodebookError, DyadError)


def test_modes_follow_the_manual():
    assert set(cb.modes("CONSULT")) == {"visit", "third-party", "multilateral", "phone"}
    assert cb.modes("RETREAT") == ("withdraw", "release", "disarm", "ceasefire", "access", "resign")
    assert {"aerial", "firearms", "explosives", "drone"} <= set(cb.modes("ASSAULT"))
    assert cb.modes("AGREE") == ()
    with pytest.raises(cb.CodebookError):
        cb.modes("DEMAND")


def test_modes_each_has_its_own_code():
    for event_type in cb.EVENT_TYPES:
        for mode in cb.modes(event_type):
            assert cb.code_for(event_type, mode).mode == mode


def test_plover_for_cameo_follows_the_2021_table():
    assert cb.plover_for_cameo("0841") == ("RETREAT", "release")
    assert cb.plover_for_cameo("0874") == ("RETREAT", "disarm")  # "retreat or surrender militarily"
    assert cb.plover_for_cameo("057") == ("SUPPORT", None)  # sign formal agreement
    assert cb.plover_for_cameo("173") == ("COERCE", "arrest")


def test_plover_for_cameo_maps_old_names_and_modes():
    assert cb.plover_for_cameo("090") == ("ACCUSE", "investigate")
    assert cb.plover_for_cameo("186") == ("ASSAULT", "targeted")  # 2021: assassinate
    assert cb.plover_for_cameo("195") == ("ASSAULT", "aerial")  # 2021: heavy-weapons


def test_plover_for_cameo_drops_statements_and_appeals():
    assert cb.plover_for_cameo("010") is None
    assert cb.plover_for_cameo("0231") is None
    assert cb.plover_for_cameo("02") is None


def test_plover_for_cameo_falls_back_to_prefix_and_root():
    assert cb.plover_for_cameo("0875") == cb.plover_for_cameo("087")
    assert cb.plover_for_cameo("19") == ("ASSAULT", None)
    assert cb.plover_for_cameo("99") is None


def test_plover_for_cameo_round_trips_types_except_cross_type_judgements():
    # RETREAT resign and SANCTION convict borrow the CAMEO code of another PLOVER type.
    crossed = {("RETREAT", "resign"), ("SANCTION", "convict")}
    for code in all_codes():
        if (code.event_type, code.mode) not in crossed:
            assert cb.plover_for_cameo(code.cameo)[0] == code.event_type


def test_cameo_info_reads_names_goldstein_and_quad():
    name, goldstein, quad = cb.cameo_info("0874")
    assert "surrender" in name.lower() and goldstein == 10.0 and quad == 2
    assert cb.cameo_info("106")[1:] == (-5.0, 3)  # missing from GDELT's lookup as a row
    with pytest.raises(cb.CodebookError):
        cb.cameo_info("999")


def test_cameo_table_codes_are_strings_with_leading_zeros():
    codes = cb.codebook().cameo
    assert {"01", "040", "0874", "2042"} <= codes.keys()
    assert all(len(c) in (2, 3, 4) and c.isdigit() for c in codes)
    assert all(1 <= e.quad_class <= 4 and -10 <= e.goldstein <= 10 for e in codes.values())


def test_every_plover_code_is_a_cameo_code():
    assert all(code.cameo in cb.codebook().cameo for code in all_codes())


def test_every_cameo_code_has_a_plover_mapping_row():
    assert cb.codebook().mapping.keys() == cb.codebook().cameo.keys()


def test_tables_name_their_sources_and_licences():
    for name in ("cameo.tsv", "plover.tsv", "cameo_to_plover.tsv"):
        first = (TABLES / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#") and "CC BY-SA 4.0" in first
    assert "GDELT" in (TABLES / "cameo.tsv").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.skipif(not DATASETS.is_dir(), reason="../shared/datasets is absent")
def test_tables_equal_what_build_codebook_makes_now(tmp_path):
    script = REPO / "train" / "build_codebook.py"
    subprocess.run([sys.executable, str(script), "--datasets", str(DATASETS), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("cameo.tsv", "plover.tsv", "cameo_to_plover.tsv"):
        made = (tmp_path / name).read_text(encoding="utf-8")
        assert made == (TABLES / name).read_text(encoding="utf-8"), name
