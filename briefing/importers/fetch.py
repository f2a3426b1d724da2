"""Fetch one web page over HTTP(S), bounded in time and size, with errors that say what to do.

Why urllib and not requests or httpx: one GET with a timeout and a size cap needs nothing
more, and the standard library keeps the install small. It honours the usual proxy variables.
No retries and no cache: the analyst runs ``briefing add URL`` again when the network is back.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Final

from briefing.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "Fetched", "fetch", "is_url"]

DEFAULT_TIMEOUT: Final = 20.0
"""Seconds to wait for the server to connect or send anything."""
DEFAULT_MAX_BYTES: Final = 10 * 1024 * 1024
"""The largest page accepted: a news article is well under 1 MB; more is not an article."""
_USER_AGENT: Final = "briefing (article import for a news chronology)"
"""Sent as User-Agent: some sites refuse urllib's default one."""


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
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> Fetched:
    """GET ``url``, following redirects, reading at most ``max_bytes``.

    Raises:
        InputError: not an http(s) address, the network or server fails (offline, refused,
            timeout, HTTP error status), or the body is larger than ``max_bytes``.
    """
    if not is_url(url):
        raise InputError(f"{url!r} is not an http:// or https:// address")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(url, max_bytes)
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_large(url, max_bytes)
            final_url = response.geturl()
            content_type = response.headers.get_content_type() if response.headers else ""
            charset = response.headers.get_content_charset() or ""
    except urllib.error.HTTPError as error:
        raise InputError(
            f"cannot fetch {url}: the server answered HTTP {error.code} {error.reason}; "
            "check the address, or save the page from a browser and add the .html file"
        ) from error
    except urllib.error.URLError as error:
        raise InputError(
            f"cannot fetch {url} ({_reason(error.reason)}); check the address and the network "
            "connection, or save the page from a browser and add the .html file"
        ) from error
    except TimeoutError as error:
        raise InputError(
            f"cannot fetch {url}: no answer within {timeout:g} seconds; try again later, or "
            "save the page from a browser and add the .html file"
        ) from error
    except (http.client.HTTPException, ConnectionError) as error:
        raise InputError(
            f"cannot fetch {url}: the connection broke off ({error}); try again, or save the "
            "page from a browser and add the .html file"
        ) from error
    return Fetched(
        url=url, final_url=final_url, data=data, content_type=content_type, charset=charset
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
