"""One JSON Lines reader serves the engine's files and the offer import's streams."""

from __future__ import annotations

import io

import pytest

from bank.matching import BadCatalogueLine, NeedRecord, read_jsonl


def test_a_file_and_a_stream_of_the_same_lines_read_alike(tmp_path):
    raw = b'\xef\xbb\xbf{"id": "o1"}\n\n  \n{"id": "o2", "tags": ["\xc3\xa6ble"]}\n'
    path = tmp_path / "offers.jsonl"
    path.write_bytes(raw)
    expected = [(1, {"id": "o1"}), (4, {"id": "o2", "tags": ["æble"]})]
    assert list(read_jsonl(path)) == expected
    assert list(read_jsonl(io.BytesIO(raw), "offers.jsonl")) == expected
    text = io.StringIO(raw.decode("utf-8"))
    assert list(read_jsonl(text, "offers.jsonl")) == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"capacity": NaN}', "not valid JSON (NaN is not a JSON number)"),
        (b'{"capacity": 1e999}', "not valid JSON (number 1e999 is out of range)"),
        (b"[1, 2]", "the line is not a JSON object"),
        (b'{"id": "o1"', "not valid JSON"),
        (b'{"id": "\xff"}', "the line is not UTF-8 text (byte 9 of the line)"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON is nested too deeply"),
    ],
)
def test_a_bad_line_is_named_by_its_stream_and_line(line, reason):
    stream = io.BytesIO(b'{"id": "o1"}\n' + line + b"\n")
    with pytest.raises(BadCatalogueLine) as caught:
        list(read_jsonl(stream, "import.jsonl"))
    assert (caught.value.path, caught.value.line) == ("import.jsonl", 2)
    assert caught.value.reason.startswith(reason)


def test_a_text_stream_that_cannot_be_decoded_is_refused_as_a_whole():
    stream = io.TextIOWrapper(io.BytesIO(b'{"id": "o1"}\n\xff\n'), encoding="utf-8")
    with pytest.raises(BadCatalogueLine) as caught:
        list(read_jsonl(stream, "import.jsonl"))
    assert caught.value.line is None and caught.value.reason == "the file is not UTF-8 text"


def test_a_need_goes_to_its_interchange_dict_and_back_unchanged():
    need = NeedRecord("7", "Mentor", "En voksen", goals=("Job",), tags=("mentor",), age=17)
    assert need.to_dict() == {
        "id": "7",
        "title": "Mentor",
        "description": "En voksen",
        "goals": ["Job"],
        "tags": ["mentor"],
        "age": 17,
    }
    assert NeedRecord.from_dict(need.to_dict()) == need
