"""``assistant show`` and ``assistant crosswalk`` (issue 12) on the session index of the bundled corpus."""

from __future__ import annotations

import json

import pytest
from conftest import Built, invoke, one_line, search_json


@pytest.mark.parametrize("command", ["show", "crosswalk"])
def test_help_has_an_example(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0 and "Example: assistant " + command in out


def test_show_json_has_hit_fields_and_links(built_index: Built) -> None:
    code, out, err = invoke("show", "B1-K1-W4", "--dossier", "PW", "--version", "2015", "--json",
                            "--index", str(built_index.index_dir))
    assert code == 0, err
    record = json.loads(out)
    (unit,) = record["units"]
    assert (unit["code"], unit["dossier"], unit["version"]) == ("B1-K1-W4", "Pedagogisch Werk", "2015-08-01")
    assert [c["code"] for c in unit["links"]["competences"]] == ["E", "H", "Q"]
    assert {c["code"] for c in unit["links"]["counterparts"]} == {"B1-K1-W5"}
    assert unit["links"]["vakkennis"][0]["kerntaak"] == "B1-K1"


def test_show_text_and_bad_code(built_index: Built) -> None:
    code, out, _ = invoke("show", "P3-K2-W2", "--dossier", "OA", "--version", "2021",
                          "--index", str(built_index.index_dir))
    assert code == 0 and "tegenhanger:" in out and "P3-K2-W4" in out
    code, _, err = invoke("show", "X9-K9", "--index", str(built_index.index_dir))
    assert code == 2 and "onbekende code" in one_line(err)


def test_crosswalk_json_and_text(built_index: Built) -> None:
    code, out, err = invoke("crosswalk", "--from", "OA 2021", "--to", "PW 2015", "--json",
                            "--index", str(built_index.index_dir))
    assert code == 0, err
    record = json.loads(out)
    assert (record["from"], record["to"]) == ("OA 2021", "PW 2015")
    pairs = {p["from"]["code"]: p for p in record["pairs"]}
    assert pairs["P3-K2-W2"]["to"]["code"] == "P3-K2-W4"
    assert pairs["P3-K1-W1"]["to"] is None and isinstance(pairs["P3-K1-W1"]["score"], float)
    assert set(pairs["P3-K2-W2"]["from"]) == {"dossier", "version", "profile", "code", "title"}
    code, out, _ = invoke("crosswalk", "--from", "SW 2015", "--to", "SW 2020", "--index", str(built_index.index_dir))
    assert code == 0 and "geen tegenhanger" in out


def test_crosswalk_unknown_scope_lists_the_valid_ones(built_index: Built) -> None:
    code, _, err = invoke("crosswalk", "--from", "Bakker 2015", "--to", "PW 2015", "--index",
                          str(built_index.index_dir))
    assert code == 2 and "PW 2015" in one_line(err)


def test_search_json_hits_gain_links(built_index: Built) -> None:
    found = search_json(built_index.index_dir, "welke werkprocessen van sociaal werk horen bij klantgerichtheid?")
    assert all("links" in hit for hit in found["hits"])
