"""Templates from someone else's project: no code runs, no endless loop, no runaway output.

Each hostile template ends with a ``TemplateError`` that names the template file and line.
The time limit is set low here so that a template that would loop for hours ends in a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import TemplateError
from briefing.render.compose import render_markdown
from briefing.render.sandbox import TemplateLimits

QUICK = TemplateLimits(seconds=1.0, max_chars=1_000_000)
"""For the time limit: a template that would loop for hours ends in a second."""
SMALL = TemplateLimits(seconds=60.0, max_chars=1_000_000)
"""For the size limits: time enough on a loaded machine, a small output."""


def _render(tmp_path: Path, text: str, limits: TemplateLimits = SMALL) -> str:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    template = folder / "briefing.md.j2"
    template.write_text(text, encoding="utf-8")
    return render_markdown(template, {"title": "T", "events": [1, 2, 3]}, limits=limits)


def _fails(
    tmp_path: Path, text: str, message: str, *lines: int, limits: TemplateLimits = SMALL
) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, text, limits)
    error = caught.value
    assert message in error.message
    assert error.path == tmp_path / "templates" / "briefing.md.j2"
    assert error.line in lines
    return error


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ joiner.__init__.__globals__['os'].system('touch MARKER') }}",
        "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
        "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    ],
    ids=["cycler-globals", "subclasses", "joiner-globals", "lipsum-globals", "self-context"],
)
def test_a_template_cannot_run_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "# {{ title }}\n\n" + payload + "\n"

    error = _fails(tmp_path, text, "the template tried something templates may not do", 3)

    assert "unsafe" in error.message
    assert not (tmp_path / "MARKER").exists()


def test_a_template_cannot_change_what_it_is_given(tmp_path: Path) -> None:
    _fails(tmp_path, "{{ events.append(4) }}\n", "templates may not do", 1)


def test_an_endless_loop_ends_with_a_clear_error_on_its_line(tmp_path: Path) -> None:
    text = (
        "# {{ title }}\n\n"
        "{% for a in range(99999) %}{% for b in range(99999) %}\n"
        "{% endfor %}{% endfor %}\n"
    )
    _fails(tmp_path, text, "the template ran for more than 1 seconds", 3, 4, limits=QUICK)


def test_an_endless_loop_over_literals_ends_too(tmp_path: Path) -> None:
    loops = "".join(f"{{% for x{n} in [0,1,2,3,4,5,6,7,8,9] %}}" for n in range(12))
    ends = "{% endfor %}" * 12
    with pytest.raises(TemplateError, match="ran for more than 1 seconds"):
        _render(tmp_path, f"{loops}{ends}\n", QUICK)


def test_runaway_output_is_stopped_at_the_limit(tmp_path: Path) -> None:
    text = "# {{ title }}\n{% for i in range(99999) %}\n{{ 'words ' * 100 }}\n{% endfor %}\n"
    _fails(tmp_path, text, "the template wrote more than 1,000,000 characters", 2, 3, 4)


@pytest.mark.parametrize(
    ("expression", "line"),
    [
        ('{{ "x" * 10**10 }}', 2),
        ("{{ [0] * 10**10 }}", 2),
        ('{{ "%999999999d" % 1 }}', 2),
        ('{{ "{:999999999}".format(1) }}', 2),
        ('{{ "x" | center(999999999) }}', 2),
        ("{{ 2 ** 99999999 }}", 2),
    ],
    ids=["string-times", "list-times", "percent-width", "format-width", "center", "power"],
)
def test_huge_values_are_refused_before_they_are_built(
    tmp_path: Path, expression: str, line: int
) -> None:
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, f"# {{{{ title }}}}\n{expression}\n")
    assert caught.value.line == line


def test_a_value_doubled_in_a_namespace_is_stopped(tmp_path: Path) -> None:
    text = (
        '{% set ns = namespace(s="x") %}\n'
        "{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n"
    )
    _fails(tmp_path, text, "more than 1,000,000 characters", 2)


def test_captured_text_is_bounded_too(tmp_path: Path) -> None:
    text = (
        "{% set big %}{% for i in range(2000) %}{{ 'y' * 900 }}{% endfor %}{% endset %}\n"
        "{{ big | length }}\n"
    )
    _fails(tmp_path, text, "more than 1,000,000 characters", 1)


def test_a_macro_calling_itself_without_end_is_an_error(tmp_path: Path) -> None:
    text = "# {{ title }}\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}\n"
    error = _fails(tmp_path, text, "the template calls itself without end", 2)
    assert error.path is not None


def test_an_included_template_is_named_with_its_own_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    part = folder / "part.md.j2"
    part.write_text("one\ntwo\n{{ no_such_variable }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        _render(tmp_path, '# {{ title }}\n{% include "part.md.j2" %}\n')
    assert (caught.value.path, caught.value.line) == (part, 3)


def test_a_template_cannot_include_a_file_outside_its_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "notes.md.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="leads out of the templates folder") as caught:
        _render(tmp_path, '# {{ title }}\n{% include "notes.md.j2" %}\n')
    assert caught.value.line == 2
    with pytest.raises(TemplateError):
        _render(tmp_path, '{% include "../secret.txt" %}\n')


def test_an_ordinary_template_renders_as_before(tmp_path: Path) -> None:
    text = (
        "# {{ title }}\n{% set ns = namespace(n=0) %}"
        "{% for e in events %}{% set ns.n = ns.n + e %}{% endfor %}"
        "{{ ns.n }} {{ range(3) | list | length }} {{ '%05.1f' % 3.14159 }} {{ '{:>4}'.format(7) }}"
        " {{ 'a' * 3 }} {{ 2 ** 10 }} {{ 'x' | center(5) }}|\n"
    )
    assert _render(tmp_path, text) == "# T\n6 3 003.1    7 aaa 1024   x  |\n"
