"""Settings: briefing.yaml read, validated, overridden by flags; bad settings name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Citations, options_from, read_settings
from briefing.errors import InputError
from tests.conftest import SAMPLE


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "briefing.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_sample_settings_are_valid_and_unmarked() -> None:
    settings = read_settings(SAMPLE)
    assert settings["title"] == "Wagner in Mali"
    assert options_from(settings).marking == ""


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    assert read_settings(tmp_path) == {}


def test_command_line_value_overrides_the_file(tmp_path: Path) -> None:
    settings = read_settings(write(tmp_path, "title: From file\ncitations: footnotes\n"))
    options = options_from(settings, title="From flag", marking=None)
    assert options.title == "From flag"
    assert options.citations is Citations.FOOTNOTES


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "title: ok\nauthor: [unclosed\nmarking: x\n")
    with pytest.raises(InputError) as caught:
        read_settings(tmp_path)
    assert caught.value.path == tmp_path / "briefing.yaml"
    assert caught.value.line is not None
    assert caught.value.line >= 2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("marking: SECRET\n", "TLP 2.0"),
        ("titel: x\n", "unknown setting"),
        ("title: [1, 2]\n", "must be a str"),
        ("citations: endnotes\n", "marks"),
        ("- a list\n", "mapping"),
    ],
)
def test_bad_setting_says_what_to_do(tmp_path: Path, text: str, fragment: str) -> None:
    write(tmp_path, text)
    with pytest.raises(InputError, match=fragment):
        read_settings(tmp_path)
