"""``briefing init``: a new project folder with commented settings, ``articles/`` and ignores.

Nothing existing is overwritten: a folder that already has ``briefing.yaml`` is refused, and
missing pieces are added to one that has only some of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from briefing.config import SETTINGS_FILE, TLP_LABELS
from briefing.errors import InputError
from briefing.files import write_atomic
from briefing.ingest import ARTICLES_DIR
from briefing.timeline.lock import LOCK_NAME

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SETTINGS_TEXT", "init"]

SETTINGS_TEXT: Final = f"""\
# The settings of this briefing project. Every setting is optional: take the "# " off a
# line to use it. Flags of `briefing build` (--title, --marking, --template, --citations)
# override them for one run.

# title: Situation briefing     # the document's title
# subtitle: As reported in open sources   # a line under the title
# author: Analysis desk         # author or organisation, shown in the title block
# marking: TLP:AMBER            # in header and footer: {", ".join(TLP_LABELS)}; empty for none
# template: briefing            # briefing (full), summary (one page), or a path to a .md.j2 file
# language: en                  # the language the briefing is written in (document metadata)
# summary: >-                   # bottom line up front, printed above the chronology
#   Two sentences an executive reads first.
# citations: marks              # marks: [1] linked to the Sources list; footnotes: notes
# keywords: [Mali, Wagner]      # what the story is about: stored in the PDF and Word
#                               # properties, and they raise the salience of events using them
# max_events: 40                # the most key events in the chronology (default: from the
#                               # number of articles and the weeks they span, 10 to 60)
# annex: true                   # add "Full chronology": every other dated event, in order
"""
"""``briefing.yaml`` as ``init`` writes it: every setting, commented out, with what it does."""

GITIGNORE_TEXT: Final = f"""\
# Made and used by briefing; safe to delete, never worth committing.
.briefing-cache/
{LOCK_NAME}
"""


def init(folder: Path) -> tuple[Path, ...]:
    """Make ``folder`` a project; returns what was created, in order.

    Raises:
        InputError: the folder already has a ``briefing.yaml``, or cannot be written.
    """
    settings = folder / SETTINGS_FILE
    if settings.exists():
        raise InputError(
            f"already a briefing project ({SETTINGS_FILE} exists); nothing was changed. "
            f"Add articles with `briefing add FILE --inputs {folder}`",
            path=folder,
        )
    created: list[Path] = []
    articles = folder / ARTICLES_DIR
    try:
        if not articles.is_dir():
            articles.mkdir(parents=True)
            created.append(articles)
    except OSError as error:
        raise InputError(
            f"cannot create the project folder ({error.strerror or error})", path=folder
        ) from error
    write_atomic(settings, SETTINGS_TEXT.encode("utf-8"))
    created.append(settings)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, GITIGNORE_TEXT.encode("utf-8"))
        created.append(ignore)
    return tuple(created)
