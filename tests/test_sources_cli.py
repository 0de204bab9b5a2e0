"""``assistant sources`` and ``assistant remove`` on the real bundled corpus (interface.md)."""

from __future__ import annotations

import json

from conftest import CORPUS, current_name, invoke, one_line, search_json
from filelock import FileLock

SOURCE_KEYS = ("source", "format", "dossiers", "versions", "crebo", "profiles", "units", "chunks", "updated",
               "status", "error")


def sources(index_dir) -> dict:
    code, out, err = invoke("sources", "--json", "--index", str(index_dir))
    assert code == 0, err
    return json.loads(out)


def test_sources_json_lists_every_file_with_its_format_and_scope(built_index):
    found = sources(built_index.index_dir)
    assert found["embedder"] == "use" and isinstance(found["schema"], int)
    by_name = {s["source"]: s for s in found["sources"]}
    assert set(by_name) == {p.name for p in CORPUS}
    for entry in found["sources"]:
        assert tuple(entry) == SOURCE_KEYS
        assert entry["status"] == "ok" and entry["error"] is None and entry["updated"]
        assert entry["units"] > 0 and entry["chunks"] >= 1
    assert sum(s["chunks"] for s in found["sources"]) == found["chunks"] == built_index.report["chunks"]
    assert by_name["2635-pedagogisch-werk.xml"]["format"] == "sbb_xml"
    assert by_name["2635-pedagogisch-werk.xml"]["dossiers"] == ["Pedagogisch Werk"]
    assert "2015-08-01" in by_name["2635-pedagogisch-werk.xml"]["versions"]
    assert by_name["2635-pedagogisch-werk.xml"]["crebo"]
    assert by_name["competentieprofiel-sociaalwerker-b.txt"]["format"] == "competence"
    assert by_name["ankerpunten-interprofessioneel-samenwerken-kd.txt"]["format"] == "kd_text"
    assert "Onderwijsassistent" in by_name["ankerpunten-interprofessioneel-samenwerken-kd.txt"]["dossiers"]


def test_sources_text_names_each_file(built_index):
    code, out, _ = invoke("sources", "--index", str(built_index.index_dir))
    assert code == 0
    assert all(p.name in out for p in CORPUS)
    assert "embedder use" in out


def test_sources_without_index_is_one_line_exit_1(tmp_path):
    code, _, err = invoke("sources", "--index", str(tmp_path / "none"))
    assert code == 1
    assert "assistant ingest" in one_line(err)


def test_remove_drops_a_source_from_sources_and_search(index_copy):
    before = current_name(index_copy)
    assert search_json(index_copy, "Coachen niveau 2")["hits"][0]["source"] == "competentieprofiel-sociaalwerker-b.txt"
    code, out, err = invoke("remove", "competentieprofiel-sociaalwerker-b.txt", "--index", str(index_copy), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["removed"] == 1 and report["build"] != before
    assert current_name(index_copy) == report["build"]
    names = {s["source"] for s in sources(index_copy)["sources"]}
    assert "competentieprofiel-sociaalwerker-b.txt" not in names and len(names) == len(CORPUS) - 1
    hits = search_json(index_copy, "Coachen niveau 2", "-k", "20")["hits"]
    assert hits and all(h["source"] != "competentieprofiel-sociaalwerker-b.txt" for h in hits)


def test_remove_unknown_name_exits_2_and_lists_the_known(index_copy):
    before = current_name(index_copy)
    code, _, err = invoke("remove", "../../etc/passwd", "--index", str(index_copy))
    assert code == 2
    line = one_line(err)
    assert "2635-pedagogisch-werk.xml" in line and "onbekende bron" in line
    assert current_name(index_copy) == before


def test_remove_while_another_writer_holds_the_lock_exits_1(index_copy):
    before = current_name(index_copy)
    with FileLock(str(index_copy / ".ingest.lock")):
        code, _, err = invoke("remove", "2637-sociaal-werk.xml", "--index", str(index_copy))
    assert code == 1
    assert "another ingest" in one_line(err)
    assert current_name(index_copy) == before


def test_remove_without_index_exits_1(tmp_path):
    code, _, err = invoke("remove", "x.pdf", "--index", str(tmp_path / "none"))
    assert code == 1
    one_line(err)


def test_help_has_an_example():
    for command in ("sources", "remove"):
        code, out, _ = invoke(command, "--help")
        assert code == 0 and "Example:" in out and f"assistant {command}" in out


def test_sources_shows_failed_and_stale_files_with_the_reason(fresh_index, tmp_path):
    from conftest import PROFILE_TEXT, copy_files, ingest

    docs = copy_files([PROFILE_TEXT], tmp_path / "docs")
    (docs / "kapot.xml").write_text("<kd><niet-af>", encoding="utf-8")
    ingest([docs], fresh_index)
    by_name = {s["source"]: s for s in sources(fresh_index)["sources"]}
    assert by_name["kapot.xml"]["status"] == "failed" and "XML" in by_name["kapot.xml"]["error"]
    assert by_name["kapot.xml"]["chunks"] == 0
    assert by_name[PROFILE_TEXT.name]["status"] == "ok"
    (docs / PROFILE_TEXT.name).write_bytes(b"\x00\x01 binary now")
    ingest([docs], fresh_index)
    stale = {s["source"]: s for s in sources(fresh_index)["sources"]}[PROFILE_TEXT.name]
    assert stale["status"] == "stale" and "binair" in stale["error"] and stale["chunks"] > 0
