"""Fetch one web page over HTTP(S), bounded in time and size, with errors that say what to do.

Why urllib and not requests or httpx: one GET with a timeout and a size cap needs nothing
more, and the standard library keeps the install small. It honours the usual proxy variables.
Where the fetch may go (schemes, redirects, addresses) is ``briefing.importers.netguard``'s
policy; the whole download, not only each wait, is bounded in time. No retries and no cache:
the analyst runs ``briefing add URL`` again when the network is back.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Final

from briefing.errors import InputError
from briefing.importers.netguard import RefusedError, Session

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "Fetched",
    "fetch",
    "is_url",
]

DEFAULT_TIMEOUT: Final = 20.0
"""Seconds to wait for the server to connect or send anything."""
DEFAULT_TOTAL_TIMEOUT: Final = 60.0
"""Seconds the whole fetch may take, redirects and download included: a server that sends a
byte at a time never keeps ``add`` busy for longer."""
DEFAULT_MAX_BYTES: Final = 10 * 1024 * 1024
"""The largest page accepted: a news article is well under 1 MB; more is not an article."""
_USER_AGENT: Final = "briefing (article import for a news chronology)"
"""Sent as User-Agent: some sites refuse urllib's default one."""
_ADVICE: Final = "save the page from a browser and add the .html file"


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A fetched resource: its bytes and what the server said about them."""

    url: str
    """The address as asked for."""
    final_url: str
    """The address after redirects."""
    data: bytes
    """The body."""
    content_type: str
    """The media type without parameters, lower case (``text/html``), "" when not sent."""
    charset: str
    """The ``charset`` parameter of the content type, "" when not sent."""


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) address rather than a file name."""
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    return scheme in ("http", "https") and "://" in source


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
) -> Fetched:
    """GET ``url``, following allowed redirects, reading at most ``max_bytes``.

    Raises:
        InputError: not an http(s) address; a redirect the policy refuses (another scheme,
            more than five, an address the page may not send us to); the network or server
            fails (offline, refused, no answer within ``timeout``, HTTP error status); the
            whole fetch takes more than ``total_timeout``; or the body is larger than
            ``max_bytes``.
    """
    if not is_url(url):
        raise InputError(f"{url} is not an http:// or https:// address")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    with Session(url, total_timeout) as session:
        try:
            return _get(session, request, timeout=timeout, max_bytes=max_bytes)
        except (OSError, http.client.HTTPException, ValueError) as error:
            # OSError covers urllib's URLError and HTTPError, timeouts and refused steps;
            # ValueError an address urllib cannot parse (a bad port, a broken IPv6 literal).
            if session.expired:
                raise InputError(
                    f"cannot fetch {url}: it took more than {total_timeout:g} seconds in all "
                    f"(the server sends too slowly); try again later, or {_ADVICE}"
                ) from error
            raise _failure(url, error, timeout) from error


def _get(
    session: Session, request: urllib.request.Request, *, timeout: float, max_bytes: int
) -> Fetched:
    url = request.full_url
    with session.opener().open(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(url, max_bytes)
        data = response.read(max_bytes + 1)
        if session.expired:  # the deadline shut the socket: what was read is cut short
            raise TimeoutError("the whole fetch took too long")
        if len(data) > max_bytes:
            raise _too_large(url, max_bytes)
        final_url = response.geturl()
        content_type = response.headers.get_content_type() if response.headers else ""
        charset = response.headers.get_content_charset() or ""
    return Fetched(
        url=url, final_url=final_url, data=data, content_type=content_type, charset=charset
    )


def _failure(
    url: str, error: OSError | http.client.HTTPException | ValueError, timeout: float
) -> InputError:
    """The error a user reads for a failed fetch: what happened and what to do."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(error, urllib.error.HTTPError):
        return InputError(
            f"cannot fetch {url}: the server answered HTTP {error.code} {error.reason}; "
            f"check the address, or {_ADVICE}"
        )
    if isinstance(reason, RefusedError):
        return InputError(f"cannot fetch {url}: {reason}")
    if isinstance(reason, TimeoutError):
        return InputError(
            f"cannot fetch {url}: no answer within {timeout:g} seconds; try again later, or "
            f"{_ADVICE}"
        )
    if isinstance(error, urllib.error.URLError):
        return InputError(
            f"cannot fetch {url} ({_reason(error.reason)}); check the address and the network "
            f"connection, or {_ADVICE}"
        )
    if isinstance(error, ValueError):
        return InputError(f"cannot fetch {url}: not a valid address ({_reason(error)})")
    return InputError(
        f"cannot fetch {url}: the connection broke off ({_reason(error)}); try again, or {_ADVICE}"
    )


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return str(text) or "network error"


def _too_large(url: str, max_bytes: int) -> InputError:
    return InputError(
        f"cannot fetch {url}: larger than {max_bytes // (1024 * 1024) or max_bytes} "
        f"{'MB' if max_bytes >= 1024 * 1024 else 'bytes'}, which is no news article; "
        "save the article text and add that file instead"
    )
