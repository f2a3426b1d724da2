"""Where a fetch may go: the redirect and address policy of ``briefing add URL``, enforced.

The policy (the README states it too):

- only ``http`` and ``https``, for the address given and for every redirect;
- at most ``MAX_REDIRECTS`` redirects;
- the address the user gives may be anything they choose (a news site, an intranet page,
  this machine); a redirect may lead only to public internet addresses, or to addresses of
  the same kind as the one the user gave (from an intranet page to the intranet, from this
  machine to this machine). A page on the internet can never send the fetch to this machine,
  to a private network, or to a link-local address such as a cloud's metadata service.

The address is checked where the connection is made, on the addresses the name resolves to,
and the connection goes to the address that passed (a name that resolves again differently,
"DNS rebinding", changes nothing). Behind a proxy the connection goes to the proxy; the
redirect's host name is then checked when it resolves here. ``Session`` also carries the
deadline of the whole download: when it passes, the socket in use is shut, which ends any
read at once however slowly the server sends.
"""

from __future__ import annotations

import contextlib
import enum
import http.client
import ipaddress
import socket
import threading
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_REDIRECTS", "SCHEMES", "AddressKind", "RefusedError", "Session", "kind_of"]

SCHEMES: Final = ("http", "https")
"""The only schemes fetched or followed."""
MAX_REDIRECTS: Final = 5
"""Redirects followed at most: news sites use one or two (http to https, then a canonical)."""

_PRIVATE: Final = tuple(
    ipaddress.ip_network(net)
    for net in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


class AddressKind(enum.StrEnum):
    """What kind of place an IP address is, as the redirect policy sees it."""

    PUBLIC = "a public internet address"
    PRIVATE = "an address on a private network"
    LOOPBACK = "an address of this machine"
    LINK_LOCAL = "a link-local address (such as a cloud metadata service)"
    RESERVED = "a reserved or multicast address"


def kind_of(address: str) -> AddressKind:
    """The kind of an IPv4 or IPv6 address (an IPv4-mapped IPv6 address counts as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("%eth0") aside
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return AddressKind.LOOPBACK
    if ip.is_link_local:
        return AddressKind.LINK_LOCAL
    if any(ip in network for network in _PRIVATE):
        return AddressKind.PRIVATE
    if ip.is_global and not ip.is_multicast:
        return AddressKind.PUBLIC
    return AddressKind.RESERVED


class RefusedError(OSError):
    """The policy refused a step of the fetch; the message says which and why.

    An ``OSError`` so that urllib hands it on inside its ``URLError`` like any network error.
    """


class Session:
    """One fetch: the hops so far, the kind of address the user gave, the deadline."""

    def __init__(self, url: str, total_timeout: float) -> None:
        self.url = url
        self.redirects = 0
        self.origin: AddressKind | None = None
        """The kind of the address the user's URL led to; set by its first connection."""
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(total_timeout, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Session:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        """Called by the timer: shut the socket in use, so a blocked read ends now."""
        with self._lock:
            self.expired = True
            if self._socket is not None:
                with contextlib.suppress(OSError):
                    self._socket.shutdown(socket.SHUT_RDWR)

    def _use(self, sock: socket.socket) -> None:
        with self._lock:
            self._socket = sock
            if self.expired:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def allows(self, kind: AddressKind) -> bool:
        """Whether a redirect may lead to an address of this kind."""
        return kind is AddressKind.PUBLIC or kind is self.origin

    def opener(self) -> urllib.request.OpenerDirector:
        """A urllib opener that follows this policy (proxy variables honoured)."""
        return urllib.request.build_opener(
            _Redirects(self), _Http(self), _Https(self), urllib.request.ProxyHandler()
        )

    # -- connections ------------------------------------------------------------------------

    def connect(
        self, address: tuple[str, int], timeout: float | None, source: Any = None
    ) -> socket.socket:
        """``socket.create_connection`` for this fetch: only to addresses the policy allows."""
        host, port = address
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        first_hop = self.redirects == 0
        if first_hop and self.origin is None:
            self.origin = kind_of(str(infos[0][4][0]))
        allowed = [info for info in infos if first_hop or self.allows(kind_of(str(info[4][0])))]
        if not allowed:
            raise self._refused_address(host, str(infos[0][4][0]))
        error: OSError | None = None
        for family, kind, proto, _name, sockaddr in allowed:
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not None:
                    sock.settimeout(timeout)
                if source:
                    sock.bind(source)
                self._use(sock)
                sock.connect(sockaddr)
            except OSError as failure:
                sock.close()
                error = failure
                continue
            return sock
        assert error is not None  # every allowed address failed: report the last failure
        raise error

    def check_name(self, host: str) -> None:
        """Refuse a redirect whose host resolves here to an address the policy forbids.

        Behind a proxy this is the only check; without one, ``connect`` checks again on the
        address it actually uses. A name that does not resolve here passes: behind a proxy
        the proxy resolves it, and without one the connection fails anyway.
        """
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return
        for info in infos:
            address = str(info[4][0])
            if not self.allows(kind_of(address)):
                raise self._refused_address(host, address)

    def _refused_address(self, host: str, address: str) -> RefusedError:
        kind = kind_of(address)
        where = host if host == address else f"{host} ({address})"
        return RefusedError(
            f"a redirect leads to {where}, {kind.value}, where a page on the web may not send "
            "briefing; if you trust that address, give it to briefing add yourself"
        )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to http(s), at most ``MAX_REDIRECTS`` times, to allowed hosts."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        """The next request, or ``RefusedError`` naming the step the policy does not allow."""
        try:
            self._check(req, newurl)
        except RefusedError:
            fp.close()  # urllib closes the redirect's response only when it follows it
            raise
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def _check(self, req: urllib.request.Request, newurl: str) -> None:
        target = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        if target.scheme.lower() not in SCHEMES:
            raise RefusedError(
                f"the server redirects to a {target.scheme or 'schemeless'}: address "
                f"({_short(newurl)}); only http and https addresses are followed"
            )
        if self.session.origin is None:
            self.session.origin = AddressKind.PUBLIC  # behind a proxy: assume the strictest
        self.session.redirects += 1
        if self.session.redirects > MAX_REDIRECTS:
            raise RefusedError(
                f"more than {MAX_REDIRECTS} redirects (the last to {_short(newurl)}); open the "
                "page in a browser and give briefing add the address it ends at"
            )
        self.session.check_name(target.hostname or "")


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "…"


def _factory(
    cls: type[http.client.HTTPConnection], session: Session, req: urllib.request.Request
) -> Callable[..., http.client.HTTPConnection]:
    """Connections whose sockets come from ``session.connect`` unless a proxy is in use."""
    proxied = req.has_proxy() or getattr(req, "_tunnel_host", None)

    def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = cls(host, **kwargs)
        if not proxied:
            connection._create_connection = session.connect  # type: ignore[attr-defined]  # http.client's documented seam for tests
        return connection

    return make


class _Http(urllib.request.HTTPHandler):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        """Open over a policed connection."""
        return self.do_open(_factory(http.client.HTTPConnection, self.session, req), req)


class _Https(urllib.request.HTTPSHandler):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        """Open over a policed TLS connection (certificates checked as usual)."""
        return self.do_open(
            _factory(http.client.HTTPSConnection, self.session, req),
            req,
            context=self._context,  # type: ignore[attr-defined]  # set by HTTPSHandler.__init__
        )
