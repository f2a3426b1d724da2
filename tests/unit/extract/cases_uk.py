"""placeholder"""

CASES: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
TRAPS: list[str] = []
