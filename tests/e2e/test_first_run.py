"""A new user's path: ``init``, the Python API, the CLI's habits, fast ``status``/``check``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

import briefing
from briefing import clock, pipeline
from briefing.cli import main
from briefing.config import _KEYS, FORMATS, read_settings
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


# ---------------------------------------------------------------------------------------------
# 1. briefing init


def test_init_creates_a_project_and_says_what_to_do_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "wagner"
    assert main(["init", str(folder)]) == 0
    captured = capsys.readouterr()
    assert (folder / "articles").is_dir()
    assert (folder / "briefing.yaml").is_file()
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert ".briefing-cache/" in ignored
    assert ".briefing.lock" in ignored
    assert f"briefing add FILE|URL --inputs {folder}" in captured.err
    assert f"briefing build --inputs {folder}" in captured.err


def test_init_settings_explain_every_setting_and_read_back_when_uncommented(
    tmp_path: Path,
) -> None:
    assert main(["init", str(tmp_path / "p")]) == 0
    text = (tmp_path / "p" / "briefing.yaml").read_text(encoding="utf-8")
    assert read_settings(tmp_path / "p") == {}  # all commented: the defaults
    for key in _KEYS:
        assert re.search(rf"^# {key}:", text, re.M), key
    uncommented = re.sub(r"^# (?=\w+:|  )", "", text, flags=re.M)
    (tmp_path / "p" / "briefing.yaml").write_text(uncommented, encoding="utf-8")
    assert set(read_settings(tmp_path / "p")) == set(_KEYS)


def test_init_never_overwrites_a_project(
    sample_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (sample_project / "briefing.yaml").read_bytes()
    assert main(["init", str(sample_project)]) == 1
    assert "already a briefing project" in capsys.readouterr().err
    assert (sample_project / "briefing.yaml").read_bytes() == before


def test_inside_a_project_folder_no_inputs_flag_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``briefing init wagner``, ``cd wagner``, then ``add`` and ``build`` as they are."""
    assert main(["init", str(tmp_path / "wagner")]) == 0
    monkeypatch.chdir(tmp_path / "wagner")
    article = tmp_path / "kidal.txt"
    article.write_text("On 17 September 2024 the rebels attacked Kidal, the army said.\n")
    assert main(["add", str(article), "--published", "2024-09-18", "--publisher", "Wire"]) == 0
    assert len(list(Path("articles").iterdir())) == 1
    assert main(["-q", "build", "--format", "json"]) == 0, capsys.readouterr().err
    assert Path("out", "timeline.json").is_file()
    assert Path("timeline.yaml").is_file()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # not a project: inputs/ as before
    assert main(["build"]) == 1
    assert "briefing init inputs" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "update", "status", "check"])
def test_a_folder_without_a_project_points_to_init(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main([command, "--inputs", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert "no briefing project here" in err
    assert f"briefing init {tmp_path / 'empty'}" in err
    assert "lock" not in err
    assert not list((tmp_path / "empty").iterdir())  # nothing written


# ---------------------------------------------------------------------------------------------
# 2. The Python API


def test_build_from_python_reads_the_settings_and_dates_the_briefing_today(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = briefing.build(str(sample_project), out=tmp_path / "out", formats=("docx",))
    assert result.outputs[-1] == tmp_path / "out" / "briefing.docx"
    properties = docx.Document(str(result.outputs[-1])).core_properties
    assert properties.title == "Wagner in Mali"  # from the project's briefing.yaml
    assert properties.created is not None
    assert properties.created.date() == clock.today()
    assert briefing.options(sample_project).today == clock.today()


def test_options_made_by_hand_are_dated_today_not_1970() -> None:
    assert briefing.Options().today == clock.today()


def test_source_date_epoch_pins_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    options = briefing.Options()
    assert options.today.isoformat() == "2023-11-14"
    assert options.reproducible


def test_the_readme_shows_the_python_api() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "import briefing" in readme
    assert 'briefing.build("inputs")' in readme


# ---------------------------------------------------------------------------------------------
# 4. CLI habits


@pytest.mark.parametrize("command", ["init", "build", "update", "check", "status", "add", "dates"])
def test_every_command_help_has_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"briefing {command}" in out.split("examples:", 1)[1]


@pytest.mark.parametrize("where", ["before", "after"])
def test_traceback_is_accepted_before_or_after_the_command(tmp_path: Path, where: str) -> None:
    args = ["build", "--inputs", str(tmp_path / "missing")]
    argv = ["--traceback", *args] if where == "before" else [*args, "--traceback"]
    with pytest.raises(briefing.InputError):
        main(argv)


def test_quiet_hides_warnings_and_verbose_shows_notes(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sample_project / "articles" / "photo.jpg").write_bytes(b"\xff\xd8")  # skipped: a note
    args = ["build", "--inputs", str(sample_project), "--out", str(tmp_path), "--format", "json"]
    assert main(args) == 0
    normal = capsys.readouterr().err
    assert "warning:" in normal  # the sample's second article has no publication date
    assert "info:" not in normal
    assert main(["-q", *args]) == 0
    assert capsys.readouterr().err == ""
    assert main([*args, "-v"]) == 0
    assert "info:" in capsys.readouterr().err


def test_the_readme_usage_lists_every_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = re.search(r"--format ([a-z,-]+)\]", readme)
    assert usage is not None
    assert usage.group(1).split(",") == list(FORMATS)


def test_help_loads_no_heavy_library() -> None:
    code = (
        "import sys; from briefing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'reportlab', 'docx', 'trafilatura', 'jinja2', 'pypdf', 'ruamel', 'tqdm'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


# ---------------------------------------------------------------------------------------------
# 3. status and check read what the last build recorded


@pytest.fixture
def built(sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    args = ["build", "--inputs", str(sample_project), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "json"]) == 0
    capsys.readouterr()
    return sample_project


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole project was read again")

    monkeypatch.setattr(pipeline, "_curate", refuse)


def test_status_and_check_after_a_build_read_only_the_record(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--inputs", str(built)]) == 0
    expected = capsys.readouterr().out
    _no_reading(monkeypatch)
    assert main(["check", "--inputs", str(built), "-v"]) == 0
    captured = capsys.readouterr()
    assert captured.out == expected
    assert "[no-published-date]" in captured.out
    assert "from the record of the last build" in captured.err
    assert main(["status", "--inputs", str(built)]) == 0
    assert "new since the last build or update: 0\n" in capsys.readouterr().out


def test_an_added_article_is_read_alone_and_counted(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_reading(monkeypatch)
    (built / "articles" / "new.md").write_text(
        "---\ntitle: Convoy\n---\nThe convoy reached Anefis on 7 October 2024.\n",
        encoding="utf-8",
    )
    assert main(["status", "--inputs", str(built)]) == 0
    out = capsys.readouterr().out
    assert "articles: 3\n" in out
    assert "new since the last build or update: 1\n" in out
    assert main(["check", "--inputs", str(built)]) == 0
    assert f"{built / 'articles' / 'new.md'}:1: warning:" in capsys.readouterr().out


def test_an_edited_timeline_is_read_again(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    timeline = built / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("status: new", "status: rejected", 1), encoding="utf-8")
    assert main(["status", "--inputs", str(built), "-v"]) == 0
    captured = capsys.readouterr()
    assert f"project read again: {timeline} changed" in captured.err
    assert "  rejected: 1\n" in captured.out
