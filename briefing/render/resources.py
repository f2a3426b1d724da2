"""Where the default templates and the reference document are, installed or in a checkout.

They live in the repository's top-level ``templates/`` folder, where a user finds them; a wheel
carries them inside the package as ``briefing/templates`` (``package-dir`` in pyproject.toml).
This module only finds folders: it reads no file.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_SUFFIX = ".md.j2"


def default_templates() -> Path:
    """The folder of the templates that ship with briefing.

    ``briefing/templates`` where pip installed a wheel; ``templates/`` beside the package in a
    source checkout, which is what an editable install and the test suite import.
    """
    installed = _PACKAGE / "templates"
    if (installed / f"briefing{TEMPLATE_SUFFIX}").is_file():
        return installed
    return _PACKAGE.parent / "templates"


def default_reference() -> Path:
    """The reference document whose styles the Word writer uses (pandoc's ``--reference-doc``);
    ``tools/make_reference_docx.py`` builds it."""
    return default_templates() / "reference.docx"
