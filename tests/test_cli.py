"""The ``assistant`` command line against the public interface (../shared/docs/interface.md).

Most searches run in-process with click's CliRunner (the ``use`` model is loaded
once); a few run the real console script to check exit codes and stderr.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import (
    DATA,
    HIT_KEYS,
    KD_TEXT,
    PROFILE_TEXT,
    PW_XML,
    REPORT_KEYS,
    Built,
    invoke,
    one_line,
    require_same_pipeline,
    run_cli,
    search_json,
)

from assistant.cli import main

COMMAND_OPTIONS = {
    "ingest": ("--index", "--json"),
    "search": ("--batch", "-k", "--json", "--dossier", "--profile", "--kind", "--level", "--version", "--index"),
}


def check_hit(hit: dict) -> None:
    """Every HIT field of the interface is there, with the documented type (or null)."""
    missing = [key for key in HIT_KEYS if key not in hit]
    assert not missing, missing
    assert isinstance(hit["id"], str) and hit["id"]
    assert isinstance(hit["score"], (int, float))
    assert isinstance(hit["kind"], str) and hit["kind"]
    for key in ("dossier", "dossier_abbr", "profile", "version", "crebo", "code", "title", "competence"):
        assert hit[key] is None or isinstance(hit[key], str), key
    assert hit["level"] is None or hit["level"] in (1, 2, 3, 4)
    assert isinstance(hit["source"], str) and hit["source"]
    (unit, span), = hit["location"].items()
    assert unit in ("lines", "pages") and len(span) == 2 and 1 <= span[0] <= span[1]
    assert isinstance(hit["text"], str) and hit["text"].strip()
    assert isinstance(hit["also_in"], list) and all(isinstance(x, str) for x in hit["also_in"])


def hits(built: Built, query: str, *options: str) -> list[dict]:
    result = search_json(built.index_dir, query, *options)
    assert result["query"] == query
    for hit in result["hits"]:
        check_hit(hit)
    scores = [hit["score"] for hit in result["hits"]]
    assert scores == sorted(scores, reverse=True), "higher is better: hits come best first"
    return result["hits"]


# --------------------------------------------------------------------------- help


def test_group_help():
    code, out, err = run_cli("--help")
    assert code == 0, err
    for command in ("ingest", "search"):
        assert command in out


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_help(command: str):
    code, out, err = run_cli(command, "--help")
    assert code == 0, err
    assert f"assistant {command}" in out  # the usage line
    for option in COMMAND_OPTIONS.get(command, ()):
        assert option in out, option
    params = [p for p in main.commands[command].params if p.param_type_name == "option"]
    for param in params:
        assert any(opt in out for opt in param.opts), param.opts


@pytest.mark.parametrize("command", ["eval", "serve", "bench"])
def test_interface_commands_exist(command: str):
    if command not in main.commands:
        pytest.skip(f"`assistant {command}` is in interface.md but not implemented yet")
    code, out, _ = invoke(command, "--help")
    assert code == 0
    if command in ("eval", "bench"):
        assert "--json" in out


# --------------------------------------------------------------------------- ingest


def test_ingest_json_is_one_object(built_index: Built, tmp_path: Path):
    require_same_pipeline(built_index)
    index_dir = tmp_path / "index"
    shutil.copytree(built_index.index_dir, index_dir)
    code, out, err = run_cli("ingest", str(DATA), "--index", str(index_dir), "--json")
    assert code == 0, err
    assert err.strip() == ""  # quiet with --json
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert isinstance(report, dict) and set(REPORT_KEYS) <= set(report)
    assert report["unchanged"] == 6 and report["failed"] == []
    assert report["chunks"] == built_index.report["chunks"]


def test_ingest_nonexistent_path(tmp_path: Path):
    code, out, err = run_cli("ingest", str(tmp_path / "no-such-folder"), "--index", str(tmp_path / "ix"), "--json")
    assert code == 2
    assert out.strip() == ""
    assert "no-such-folder" in one_line(err)
    assert not (tmp_path / "ix" / "CURRENT").exists()


def test_ingest_with_unknown_embedder(tmp_path: Path):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy2(PROFILE_TEXT, folder / PROFILE_TEXT.name)
    code, out, err = run_cli(
        "ingest", str(folder), "--index", str(tmp_path / "ix"), "--json", env={"ASSISTANT_EMBEDDER": "bogus"}
    )
    assert code == 1 and out.strip() == ""
    assert "bogus" in one_line(err)


# --------------------------------------------------------------------------- search: the JSON contract


def test_search_json_contract_console_script(built_index: Built):
    code, out, err = run_cli("search", "B1-K1-W7 pedagogisch werk", "--json", "--index", str(built_index.index_dir))
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) >= {"query", "hits"}
    assert result["query"] == "B1-K1-W7 pedagogisch werk"
    assert result["hits"]
    for hit in result["hits"]:
        check_hit(hit)
    top = result["hits"][0]
    assert (top["code"], top["dossier"], top["source"]) == ("B1-K1-W7", "Pedagogisch Werk", PW_XML.name)


def test_not_applicable_fields_are_null(built_index: Built):
    top = hits(built_index, "Coachen niveau 2", "-k", "1")[0]
    assert top["code"] is None and top["crebo"] is None
    top = hits(built_index, "B1-K1-W7 pedagogisch werk", "-k", "1")[0]
    assert top["competence"] is None and top["level"] is None


def test_k_limits_hits(built_index: Built):
    assert 1 <= len(hits(built_index, "samenwerken met ouders", "-k", "3")) <= 3
    assert len(hits(built_index, "samenwerken met ouders", "-k", "1")) == 1
    assert len(hits(built_index, "samenwerken met ouders", "-k", "12")) == 12


def test_code_query_finds_the_werkproces(built_index: Built):
    top = hits(built_index, "B1-K1-W7 pedagogisch werk")[0]
    assert top["code"] == "B1-K1-W7"
    assert top["dossier"] == "Pedagogisch Werk" and top["version"] == "2015-08-01" and top["crebo"] == "23183"
    assert top["title"] == "Zorgt voor een veilig pedagogisch klimaat"


def test_competence_level_query(built_index: Built):
    top = hits(built_index, "Coachen niveau 2")[0]
    assert (top["kind"], top["competence"], top["level"]) == ("competentieniveau", "Coachen", 2)
    assert top["source"] == PROFILE_TEXT.name
    (unit, (start, _)), = top["location"].items()
    assert unit == "lines"
    lines = PROFILE_TEXT.read_text(encoding="utf-8").splitlines()
    assert lines[start - 1].strip() == "Niveau 2"
    assert "zelfstandig handelen" in top["text"]


def test_hits_of_identical_passages_carry_also_in(built_index: Built):
    found = hits(built_index, "B1-K1-W5 werkt samen met andere betrokkenen in de omgeving van het kind",
                 "--version", "2021-08-01")
    top = next(h for h in found if h["also_in"])
    assert top["code"] == "B1-K1-W5"
    # GPM and OA share the wording; PMK's differs (issue 12): nearly the same, its own hit
    assert len(top["also_in"]) == 1 and top["dossier_abbr"] not in top["also_in"]
    assert {top["dossier_abbr"], *top["also_in"]} == {"GPM", "OA"} and top["similar_in"] == ["PMK"]


def test_identical_passage_is_one_hit(built_index: Built):
    # -k 100 with a filter: every 2021 unit is a candidate, so the result does not depend on ranking
    found = hits(built_index, "B1-K1-W5 werkt samen met andere betrokkenen in de omgeving van het kind",
                 "--version", "2021-08-01", "-k", "100")
    shared = [h for h in found if h["code"] == "B1-K1-W5" and {"GPM", "OA"} >= {h["dossier_abbr"]}]
    assert len(shared) == 1, [(h["dossier_abbr"], h["also_in"]) for h in shared]
    assert len([h for h in found if h["code"] == "B1-K1-W5" and h["dossier_abbr"] == "PMK"]) == 1


# --------------------------------------------------------------------------- search: filters


QUERY = "samenwerken met ouders en collega's"


def test_filter_dossier(built_index: Built):
    found = hits(built_index, QUERY, "--dossier", "OA", "-k", "10")
    assert found
    assert all(h["dossier_abbr"] == "OA" or h["dossier"] == "Onderwijsassistent" for h in found)
    by_name = hits(built_index, QUERY, "--dossier", "onderwijsassistent", "-k", "10")
    assert [h["id"] for h in by_name] == [h["id"] for h in found]


def test_filter_kind(built_index: Built):
    found = hits(built_index, QUERY, "--kind", "werkproces", "-k", "10")
    assert found and all(h["kind"] == "werkproces" for h in found)


def test_filter_level(built_index: Built):
    found = hits(built_index, QUERY, "--level", "3", "-k", "10")
    assert found and all(h["level"] == 3 for h in found)


def test_filter_version(built_index: Built):
    found = hits(built_index, QUERY, "--version", "2015-08-01", "-k", "10")
    assert found and all(h["version"] == "2015-08-01" for h in found)
    found = hits(built_index, QUERY, "--version", "2021-08-01", "-k", "10")
    assert found and all(h["version"] == "2021-08-01" for h in found)


def test_filter_profile(built_index: Built):
    found = hits(built_index, QUERY, "--profile", "Onderwijsassistent", "-k", "10")
    # the basisdeel is part of every profile: included, labelled (issue 12)
    assert found and all(h["profile"] == "Onderwijsassistent" or (h["basisdeel"] and h["profile"] is None)
                         for h in found)
    assert {h["version"] for h in found} <= {"2015-08-01", "2021-08-01"}


def test_filter_profile_by_abbreviation_equals_by_name(built_index: Built):
    by_abbr = hits(built_index, QUERY, "--profile", "OA", "-k", "40")
    by_name = hits(built_index, QUERY, "--profile", "Onderwijsassistent", "-k", "40")
    assert [h["id"] for h in by_abbr] == [h["id"] for h in by_name]


def test_filters_combine(built_index: Built):
    found = hits(built_index, QUERY, "--dossier", "PW", "--kind", "werkproces", "--profile", "GPM", "-k", "10")
    assert found
    assert all((h["dossier_abbr"], h["kind"]) == ("PW", "werkproces") for h in found)
    assert all(h["profile"] == "Gespecialiseerd pedagogisch medewerker" or (h["basisdeel"] and h["profile"] is None)
               for h in found)


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [
        ("--dossier", "XYZ", ("OA", "Pedagogisch Werk")),
        ("--profile", "Astronaut", ("Onderwijsassistent",)),
        ("--kind", "recept", ("werkproces", "competentieniveau")),
        ("--version", "1999-01-01", ("2015-08-01", "2021-08-01")),
        ("--level", "7", ("1", "4")),
    ],
)
def test_unknown_filter_value(built_index: Built, option: str, value: str, listed: tuple[str, ...]):
    code, out, err = invoke("search", QUERY, "--json", "--index", str(built_index.index_dir), option, value)
    assert code == 2 and out.strip() == ""
    line = one_line(err)
    assert value in line
    for valid in listed:
        assert valid in line, valid


def test_unknown_filter_value_console_script(built_index: Built):
    code, out, err = run_cli("search", QUERY, "--index", str(built_index.index_dir), "--kind", "recept")
    assert code == 2 and out.strip() == ""
    assert "werkproces" in one_line(err)


# --------------------------------------------------------------------------- search: batch


def test_batch_json_lines_in_input_order(built_index: Built, tmp_path: Path):
    queries = [
        "Coachen niveau 2",
        "B1-K1-W7 pedagogisch werk",
        "How does a teaching assistant work with parents?",
        "x" * 1_000_000,
        "<script>alert('x')</script> pedagogisch klimaat",
        "onderwijsassistent 👩‍🏫🎉 samenwerken",
        "kinderen\x07\x1b[31m begeleiden\x0b\x0c\u200b bij hun ontwikkeling",
        "kerntaak B1-K1 sociaal werk",
    ]
    batch = tmp_path / "queries.txt"
    batch.write_text("\n".join(queries) + "\n", encoding="utf-8")
    code, out, err = run_cli("search", "--batch", str(batch), "--json", "-k", "3", "--index",
                             str(built_index.index_dir))
    assert code == 0, err[:500]
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == len(queries)
    results = [json.loads(line) for line in lines]
    assert [r["query"] for r in results] == queries
    for result in results:
        assert len(result["hits"]) <= 3
        for hit in result["hits"]:
            check_hit(hit)
    assert results[0]["hits"][0]["competence"] == "Coachen" and results[0]["hits"][0]["level"] == 2
    assert results[1]["hits"][0]["code"] == "B1-K1-W7"


def test_batch_with_filters(built_index: Built, tmp_path: Path):
    batch = tmp_path / "queries.txt"
    batch.write_text("samenwerken met ouders\nveiligheid van kinderen\n", encoding="utf-8")
    code, out, err = invoke("search", "--batch", str(batch), "--json", "--kind", "werkproces", "--index",
                            str(built_index.index_dir))
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [r["query"] for r in results] == ["samenwerken met ouders", "veiligheid van kinderen"]
    assert all(h["kind"] == "werkproces" for r in results for h in r["hits"])


# --------------------------------------------------------------------------- search: bad and odd input


@pytest.mark.parametrize("query", ["", "   ", " \t "])
def test_empty_query(built_index: Built, query: str):
    code, out, err = run_cli("search", query, "--json", "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    one_line(err)


def test_control_characters_only_is_empty(built_index: Built):
    code, out, err = invoke("search", "\x00\x01\x1b\u200b", "--json", "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    one_line(err)


def test_query_or_batch_required(built_index: Built, tmp_path: Path):
    code, out, err = invoke("search", "--json", "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    one_line(err)
    batch = tmp_path / "q.txt"
    batch.write_text("kinderen\n", encoding="utf-8")
    code, out, err = invoke("search", "kinderen", "--batch", str(batch), "--index", str(built_index.index_dir))
    assert code == 2 and out.strip() == ""
    one_line(err)


def test_one_megabyte_query(built_index: Built):
    query = ("pedagogisch klimaat veiligheid " * 40_000)[:1_000_000]
    result = search_json(built_index.index_dir, query, "-k", "3")
    assert len(result["hits"]) <= 3
    for hit in result["hits"]:
        check_hit(hit)


@pytest.mark.parametrize(
    "query",
    [
        "kinderen\x07 begeleiden\x1b[31m bij\x00 ontwikkeling\u200b\ufeff",
        "👩‍🏫 onderwijsassistent 🎉🎉 samenwerken 🤝",
        "<script>alert('x')</script><b>pedagogisch</b> klimaat &amp; veiligheid",
        "'; DROP TABLE chunks; -- \" OR 1=1",
        "B1-K1-W7" * 500,
    ],
)
def test_odd_queries(built_index: Built, query: str):
    result = search_json(built_index.index_dir, query, "-k", "3")
    assert result["query"] == query
    for hit in result["hits"]:
        check_hit(hit)
    code, out, err = invoke("search", query, "--index", str(built_index.index_dir), "-k", "2")  # text output
    assert code == 0, err
    assert out.strip()


def test_text_output(built_index: Built):
    code, out, err = invoke("search", "Coachen niveau 2", "-k", "2", "--index", str(built_index.index_dir))
    assert code == 0, err
    assert "Coachen" in out and PROFILE_TEXT.name in out


def test_search_needs_an_index(tmp_path: Path):
    code, out, err = invoke("search", "kinderen", "--json", "--index", str(tmp_path / "none"))
    assert code == 1 and out.strip() == ""
    assert "assistant ingest" in one_line(err)


def test_search_with_unknown_embedder(built_index: Built):
    code, out, err = invoke("search", "kinderen", "--json", "--index", str(built_index.index_dir),
                            env={"ASSISTANT_EMBEDDER": "bogus"})
    assert code == 1 and out.strip() == ""
    one_line(err)


def test_default_index_comes_from_environment(built_index: Built):
    code, out, err = invoke("search", "Coachen niveau 2", "--json", "-k", "1",
                            env={"ASSISTANT_INDEX": str(built_index.index_dir)})
    assert code == 0, err
    assert json.loads(out)["hits"][0]["competence"] == "Coachen"


def test_kd_text_hit_cites_lines(built_index: Built):
    top = hits(built_index, "B1-K1-W5 onderwijsassistent werkt samen met andere betrokkenen",
               "--dossier", "OA", "-k", "1")[0]
    assert top["source"] == KD_TEXT.name and top["code"] == "B1-K1-W5"
    (unit, (start, _)), = top["location"].items()
    assert unit == "lines"
    assert KD_TEXT.read_text(encoding="utf-8").splitlines()[start - 1].startswith("B1-K1-WS5")
