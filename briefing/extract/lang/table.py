"""The shape of one language's date vocabulary (filled in by the generated ``tables``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageTable:
    """Month, weekday and unit words of one language, in every grammatical form we know."""

    code: str
    """ISO 639-1 code."""
    months: Mapping[str, int]
    """Lower-case month name or form (genitive, locative...) -> month number."""
    weekdays: Mapping[str, int]
    """Lower-case weekday form -> ISO weekday number."""
    units: Mapping[str, str]
    """Lower-case unit word in any case or number -> ``Y``, ``M``, ``W`` or ``D``."""
    relative: Mapping[str, tuple[str, int]]
    """Lower-case phrase ("hier", "минулого року") -> (unit, shift from the reference date)."""
    numbers: Mapping[str, int]
    """Cardinal number words 1-100 and a few round ones ("dix-huit", "veintidós") -> value."""
    ordinals: Mapping[str, int]
    """Ordinal words 1-31 ("premier", "tercero", "третій") -> value."""
    ago: tuple[str, ...]
    """Words that make "N units" a past date ("il y a", "vor", "тому")."""
    ago_after: bool
    """Whether the ago word follows the quantity ("3 дні тому") or precedes it ("vor 3 Tagen")."""
    later: tuple[str, ...]
    """Words that make "N units" a future date ("dans", "через")."""
