"""The engine's file-based command line: formats, order, top K, filters and every error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bank.engine_cli import (
    ENGINE_COMMANDS,
    bench_command,
    evaluate_command,
    match_command,
    overlaps_command,
)
from tests.unit.engine_support import need_dict, offer_dict, write_jsonl

OFFERS = [
    offer_dict(
        "o1",
        "Mentor til job i fritiden",
        description="En mentor hjælper med job.",
        tags=["job", "mentor"],
        age_min=15,
        age_max=25,
        step=2,
    ),
    offer_dict(
        "o2",
        "Jobmentor",
        description="En mentor hjælper unge med job.",
        tags=["job", "mentor"],
        age_min=15,
        age_max=25,
        step=2,
        status="draft",
    ),
    offer_dict(
        "o3",
        "Job og mentor for voksne",
        description="En mentor hjælper med job.",
        tags=["job", "mentor"],
        age_min=26,
        age_max=30,
        step=2,
    ),
    offer_dict("o4", "Lektiecafé", description="Hjælp til lektier.", tags=["skole"]),
    offer_dict(
        "o5",
        "Lektiehjælp i klubben",
        description="Hjælp til lektier i klubben.",
        tags=["skole"],
        unit="Klubben",
        status="retired",
    ),
]
NEEDS = [
    need_dict("n2", "Lektier", description="Jeg får ikke lavet mine lektier.", age=14),
    need_dict(
        "n1", "Fritidsjob", description="Jeg vil have et job og en mentor.", tags=["job"], age=17
    ),
]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_jsonl(tmp_path / "offers.jsonl", OFFERS), write_jsonl(
        tmp_path / "needs.jsonl", NEEDS
    )


def run(command, *args: str):
    return CliRunner().invoke(command, list(args))


def test_the_commands_are_exported_for_the_bank_group():
    assert [c.name for c in ENGINE_COMMANDS] == ["match", "overlaps", "evaluate", "bench"]


def test_match_writes_one_json_object_per_need_in_the_order_of_the_needs(files):
    offers, needs = files
    result = run(match_command, "--offers", str(offers), "--needs", str(needs))
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["need"] for line in lines] == ["n2", "n1"]
    best = lines[1]["matches"][0]
    assert set(best) == {"offer", "score", "why"} and best["offer"] == "o1"
    assert 0 <= best["score"] <= 1 and best["why"]["tags"] == ["job"]
    assert "terms" in best["why"]


def test_match_never_returns_unpublished_or_out_of_age_offers(files):
    offers, needs = files
    lines = run(match_command, "--offers", str(offers), "--needs", str(needs)).stdout
    returned = {m["offer"] for line in lines.splitlines() for m in json.loads(line)["matches"]}
    assert not returned & {"o2", "o3", "o5"}


def test_match_holds_at_most_top_k_offers_best_first(files):
    offers, needs = files
    lines = run(match_command, "--offers", str(offers), "--needs", str(needs), "--top", "1")
    for line in lines.stdout.splitlines():
        assert len(json.loads(line)["matches"]) <= 1
    wide = run(match_command, "--offers", str(offers), "--needs", str(needs), "--top", "5")
    for line in wide.stdout.splitlines():
        scores = [m["score"] for m in json.loads(line)["matches"]]
        assert scores == sorted(scores, reverse=True)


def test_overlaps_writes_one_object_with_pairs_and_groups(tmp_path):
    homework = "Frivillige hjælper unge med lektier, matematik og afleveringer i {}."
    offers = write_jsonl(
        tmp_path / "offers.jsonl",
        [
            offer_dict(
                "b",
                "Lektiecafé i klubben",
                description=homework.format("klubben"),
                tags=["skole"],
                step=1,
            ),
            offer_dict(
                "a",
                "Lektiecafé i Beboerhuset",
                description=homework.format("Beboerhuset"),
                tags=["skole"],
                step=1,
            ),
            offer_dict(
                "c",
                "Lektiecafé på biblioteket",
                description=homework.format("biblioteket"),
                tags=["skole"],
                step=1,
                status="retired",
            ),
            offer_dict("d", "Budget og gæld", description="Hjælp til gæld.", tags=["okonomi"]),
        ],
    )
    result = run(overlaps_command, "--offers", str(offers))
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"pairs", "groups"}
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [("a", "b")]
    assert report["groups"] == [["a", "b"]]
    strict = json.loads(run(overlaps_command, "--offers", str(offers), "--threshold", "1").stdout)
    assert strict == {"pairs": [], "groups": []}
    partial = run(overlaps_command, "--offers", str(offers), "--with-partial").stdout
    assert "partial" in json.loads(partial)


BAD_LINES = {
    "not JSON": '{"id": "o9", "title": ',
    "missing field": json.dumps({"id": "o9", "title": "Uden beskrivelse", "unit": "U"}),
    "duplicate id": json.dumps(offer_dict("o1", "Igen")),
    "wrong type": json.dumps(offer_dict("o9", "Alder som tekst", age_min="femten")),
    "not an object": "[1, 2, 3]",
}


@pytest.mark.parametrize("problem", sorted(BAD_LINES))
@pytest.mark.parametrize("command", ["match", "overlaps"])
def test_a_bad_offers_line_names_file_and_line_and_writes_nothing(tmp_path, problem, command):
    offers = write_jsonl(tmp_path / "offers.jsonl", [OFFERS[0], OFFERS[3], BAD_LINES[problem]])
    needs = write_jsonl(tmp_path / "needs.jsonl", NEEDS)
    args = ["--offers", str(offers)] + (["--needs", str(needs)] if command == "match" else [])
    result = run(match_command if command == "match" else overlaps_command, *args)
    assert result.exit_code != 0
    assert result.stdout == ""
    assert str(offers) in result.stderr and "line 3" in result.stderr


def test_a_bad_needs_line_names_file_and_line_and_writes_nothing(tmp_path, files):
    offers, _ = files
    needs = write_jsonl(tmp_path / "bad-needs.jsonl", [NEEDS[0], need_dict("n2", "Igen")])
    result = run(match_command, "--offers", str(offers), "--needs", str(needs))
    assert result.exit_code != 0 and result.stdout == ""
    assert str(needs) in result.stderr and "line 2" in result.stderr
    assert "duplicate id 'n2'" in result.stderr


def test_a_missing_file_is_named_and_nothing_is_written(tmp_path, files):
    _, needs = files
    missing = tmp_path / "nowhere.jsonl"
    result = run(match_command, "--offers", str(missing), "--needs", str(needs))
    assert result.exit_code != 0 and result.stdout == ""
    assert str(missing) in result.stderr
    result = run(overlaps_command, "--offers", str(missing))
    assert result.exit_code != 0 and result.stdout == "" and str(missing) in result.stderr


def test_blank_lines_are_skipped(tmp_path):
    offers = write_jsonl(tmp_path / "offers.jsonl", [OFFERS[0], "", "   ", OFFERS[3]])
    needs = write_jsonl(tmp_path / "needs.jsonl", NEEDS)
    result = run(match_command, "--offers", str(offers), "--needs", str(needs))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_evaluate_prints_the_metrics_for_the_engine_and_bm25_side_by_side(tmp_path, files):
    offers, needs = files
    judgments = write_jsonl(
        tmp_path / "judgments.jsonl",
        [{"need": "n1", "offer": "o1", "grade": 3}, {"need": "n2", "offer": "o4", "grade": 2}],
    )
    duplicates = write_jsonl(
        tmp_path / "duplicates.jsonl", [{"a": "o1", "b": "o4", "label": "distinct"}]
    )
    result = run(
        evaluate_command,
        "--offers",
        str(offers),
        "--needs",
        str(needs),
        "--judgments",
        str(judgments),
        "--duplicates",
        str(duplicates),
        "--pg-url",
        "",
        "--json",
    )
    assert result.exit_code == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert set(numbers) >= {"engine", "bm25"}
    assert numbers["engine"]["ndcg@5"] == pytest.approx(1.0)
    assert {"ndcg@10", "mrr", "recall@10", "dup precision", "dup recall", "dup F1"} <= set(
        numbers["engine"]
    )
    table = run(
        evaluate_command,
        "--offers",
        str(offers),
        "--needs",
        str(needs),
        "--judgments",
        str(judgments),
        "--pg-url",
        "",
    )
    assert "| NDCG@5 |" in table.stdout and "engine" in table.stdout


def test_evaluate_names_a_bad_judgments_line(tmp_path, files):
    offers, needs = files
    judgments = write_jsonl(tmp_path / "judgments.jsonl", [{"need": "n1", "grade": 3}])
    result = run(
        evaluate_command,
        "--offers",
        str(offers),
        "--needs",
        str(needs),
        "--judgments",
        str(judgments),
        "--pg-url",
        "",
    )
    assert result.exit_code != 0 and result.stdout == ""
    assert str(judgments) in result.stderr and "line 1" in result.stderr


def test_bench_generates_a_small_catalogue_and_reports_every_number():
    result = run(bench_command, "--offers", "300", "--needs", "20", "--seed", "3", "--json")
    assert result.exit_code == 0, result.stderr
    numbers = json.loads(result.stdout)
    for key in (
        "build_s",
        "build_peak_rss_mib",
        "rank_p50_ms",
        "rank_p95_ms",
        "scan_s",
        "scan_peak_rss_mib",
        "planted_pairs",
        "planted_found",
        "machine",
    ):
        assert key in numbers
    assert numbers["offers"] == 300 and numbers["planted_found"] <= numbers["planted_pairs"]
    table = run(bench_command, "--offers", "300", "--needs", "5")
    assert "| build index |" in table.stdout
