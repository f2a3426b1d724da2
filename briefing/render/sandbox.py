"""Templates rendered in Jinja2's sandbox, bounded in output size and time.

A project folder may come from someone else, and its ``templates/`` with it: opening the
project must not run its code. Every template therefore renders in Jinja2's sandbox (no
``__globals__``, no private attributes, no unsafe methods; the immutable variant, so a
template cannot change the lists and mappings it is given either), and within bounds
(``TemplateLimits``):

- time: a deadline checked at every call, attribute, filter and arithmetic operation of the
  template, and in the main thread also by a timer signal, so that even a loop that calls
  nothing (``{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}``)
  ends with a ``TemplateTimeoutError`` naming the template's line;
- size: the text a template writes, the text it captures (``{% set %}…{% endset %}``, macros),
  and the strings and lists it builds (``"x" * 10**9``, ``"%999999999d" % 1``, doubling a
  namespace's value) never exceed ``max_chars``; ``**`` with huge exponents is refused;
- files: only templates inside the template's own folder, none larger than ``max_file_bytes``,
  no symbolic link that leads out of the folder (a template cannot print a local file).
"""

from __future__ import annotations

import contextlib
import math
import re
import signal
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, cast

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator
    from pathlib import Path
    from types import FrameType

__all__ = [
    "DEFAULT_TEMPLATE_LIMITS",
    "BoundedEnvironment",
    "TemplateLimits",
    "TemplateTimeoutError",
    "TooLargeError",
]

_MAX_POWER_BITS: Final = 4096
"""The largest number ``**`` may make: far beyond any count a briefing shows."""
_FORMAT_NUMBER: Final = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?|\{[^{}]*?(\d{4,})[^{}]*\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateLimits:
    """How much a template may do."""

    seconds: float = 60.0
    """Wall-clock seconds for one rendering (the default briefing of 1,460 articles: ~1 s)."""
    max_chars: int = 50_000_000
    """Characters of text (or items of a list) a template may write or build."""
    max_file_bytes: int = 1_000_000
    """The largest template file read."""


DEFAULT_TEMPLATE_LIMITS: Final = TemplateLimits()


class TemplateTimeoutError(jinja2.TemplateRuntimeError):
    """The template ran past its time limit."""


class TooLargeError(jinja2.TemplateRuntimeError):
    """The template wrote or built more text than its limit."""


class _Loader(jinja2.FileSystemLoader):
    """Templates from one folder only: no link leading out of it, no file over the limit."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self.max_bytes = max_bytes

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The source of ``template``, refused when it lies outside the folder or is huge."""
        candidate = self.folder.joinpath(*jinja2.loaders.split_template_path(template))
        try:
            inside = candidate.resolve().is_relative_to(self.folder.resolve())
            size = candidate.stat().st_size
        except OSError:
            return super().get_source(environment, template)  # it says what is missing
        # TemplateNotFound is an OSError: raised outside the ``try`` above.
        if not inside:
            raise jinja2.TemplateNotFound(
                template, f"{template} leads out of the templates folder; copy it in"
            )
        if size > self.max_bytes:
            raise jinja2.TemplateNotFound(
                template, f"{template} is larger than {self.max_bytes:,} bytes"
            )
        return super().get_source(environment, template)


class _BoundedNamespace(Namespace):
    """``namespace()`` whose values are size-checked when set."""

    limit = DEFAULT_TEMPLATE_LIMITS.max_chars

    def __setitem__(self, name: str, value: Any) -> None:
        _check_size(value, type(self).limit)  # Namespace serves attributes from its items
        super().__setitem__(name, value)


def _check_size(value: object, limit: int) -> None:
    if isinstance(value, str | list | tuple | dict) and len(value) > limit:
        raise TooLargeError(f"the template built a value of more than {limit:,} characters")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox whose templates run within ``TemplateLimits`` (see the module docstring)."""

    intercepted_binops = frozenset(["*", "**", "%", "//", "+"])

    def __init__(self, folder: Path, limits: TemplateLimits, **options: Any) -> None:
        super().__init__(loader=_Loader(folder, limits.max_file_bytes), **options)
        self.limits = limits
        self.deadline = math.inf
        namespace = type("namespace", (_BoundedNamespace,), {"limit": limits.max_chars})
        self.globals["namespace"] = namespace
        self.filters = {name: self._bounded(f) for name, f in self.filters.items()}

    # -- time -------------------------------------------------------------------------------

    def tick(self) -> None:
        """Raise ``TemplateTimeoutError`` once the deadline has passed."""
        if time.monotonic() > self.deadline:
            raise TemplateTimeoutError(
                f"the template ran for more than {self.limits.seconds:g} seconds (an endless "
                "or very long loop?) and was stopped"
            )

    @contextlib.contextmanager
    def clock(self) -> Iterator[None]:
        """Run the ``with`` body against the deadline; a timer signal backs it up in the main
        thread, where Python delivers signals, so a loop that calls nothing stops too."""
        self.deadline = time.monotonic() + self.limits.seconds
        main = threading.current_thread() is threading.main_thread()
        alarm = main and hasattr(signal, "setitimer")
        if not alarm:
            yield
            return

        def ring(_signum: int, _frame: FrameType | None) -> None:
            self.tick()

        previous = signal.signal(signal.SIGALRM, ring)
        # Rings at the deadline, then every half second should the error be swallowed.
        signal.setitimer(signal.ITIMER_REAL, self.limits.seconds + 0.01, 0.5)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    # -- the sandbox's hooks ----------------------------------------------------------------

    def call(
        __self,  # noqa: N805 -- the sandbox's own signature (keeps ``self`` free for kwargs)
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """A call from the template: deadline, argument sizes, then the sandbox's checks."""
        __self.tick()
        for value in (*args, *kwargs.values()):
            _check_size(value, __self.limits.max_chars)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, range):
            return _Ticking(result, __self.tick)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        """An attribute read by the template, after the deadline check."""
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """An item read by the template, after the deadline check."""
        self.tick()
        return super().getitem(obj, argument)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        """Arithmetic whose result could be huge is checked before it is computed."""
        self.tick()
        limit = self.limits.max_chars
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if sized and len(sequence) * count > limit:
                    raise TooLargeError(
                        f"the template built a value of more than {limit:,} characters"
                    )
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if abs(left) > 1 and right * math.log2(abs(left)) > _MAX_POWER_BITS:
                raise SecurityError("the template computes a power too large to print")
        elif operator == "%" and isinstance(left, str):
            _check_format(left, right, limit)
        result = super().call_binop(context, operator, left, right)
        _check_size(result, limit)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` from a template, with its widths bounded."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)
        limit = self.limits.max_chars

        def bounded(*args: Any, **kwargs: Any) -> str:
            _check_format(pattern, (*args, *kwargs.values()), limit)
            return wrapped(*args, **kwargs)

        return bounded

    def concat(self, parts: Iterable[str]) -> str:
        """Captured text (``{% set %}`` blocks, macros) joined, within the size limit."""
        collected = list(parts)
        if sum(len(part) for part in collected) > self.limits.max_chars:
            raise TooLargeError(
                f"the template wrote more than {self.limits.max_chars:,} characters"
            )
        return "".join(collected)

    def _bounded(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter that checks the deadline and refuses huge widths and results."""

        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            limit = self.limits.max_chars
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and value > limit:
                    raise TooLargeError(f"a filter argument of {value:,} is too large")
                _check_size(value, limit)
            result = function(*args, **kwargs)
            _check_size(result, limit)
            return result

        for marker in ("jinja_pass_arg",):  # pass_context / pass_environment survive wrapping
            if hasattr(function, marker):
                setattr(bounded, marker, getattr(function, marker))
        return bounded

    # -- rendering --------------------------------------------------------------------------

    def render(self, template: jinja2.Template, variables: dict[str, Any]) -> str:
        """The template's text, stopped at the deadline or at ``max_chars``."""
        out: list[str] = []
        size = 0
        with self.clock():
            # generate() is a generator; the stubs only say Iterator.
            chunks = cast("Generator[str, None, None]", template.generate(variables))
            for chunk in chunks:
                try:
                    size += len(chunk)
                    if size > self.limits.max_chars:
                        raise TooLargeError(
                            f"the template wrote more than {self.limits.max_chars:,} characters"
                        )
                    out.append(chunk)
                except (TooLargeError, TemplateTimeoutError) as error:
                    # Raised here (the timer may ring between two chunks): thrown into the
                    # template where it stands, so the error carries the template's line.
                    chunks.throw(error)
        return "".join(out)


def _check_format(pattern: str, values: Any, limit: int) -> None:
    """Refuse a format string whose widths or precisions would build a huge string."""
    for match in _FORMAT_NUMBER.finditer(pattern):
        for number in match.groups():
            if number == "*":
                stars = values if isinstance(values, tuple) else (values,)
                if any(isinstance(v, int) and v > limit for v in stars):
                    raise TooLargeError("the template formats a value wider than the limit")
            elif number and int(number) > limit:
                raise TooLargeError("the template formats a value wider than the limit")


class _Ticking:
    """A ``range`` whose iteration checks the deadline every thousand items."""

    __slots__ = ("_range", "_tick")

    def __init__(self, numbers: range, tick: Callable[[], None]) -> None:
        self._range = numbers
        self._tick = tick

    def __iter__(self) -> Iterator[int]:
        for index, number in enumerate(self._range):
            if index % 1024 == 0:
                self._tick()
            yield number

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: int) -> int:
        return self._range[index]

    def __contains__(self, number: object) -> bool:
        return number in self._range
