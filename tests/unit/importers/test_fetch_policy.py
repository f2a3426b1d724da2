"""Where ``briefing add URL`` may be sent, and how long it may take: against local servers only.

Every connection these tests make goes to 127.0.0.1 or 127.0.0.2: the ``loopback_only``
fixture makes any other connection fail before a packet leaves, so a broken policy fails the
test instead of sending traffic to a private or link-local address. A page "on the internet"
is a server on 127.0.0.2 that the policy is told to see as public. The servers' loops are
bounded and stop with the test.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest

from briefing.errors import InputError
from briefing.importers import netguard
from briefing.importers.fetch import fetch
from briefing.importers.netguard import AddressKind, kind_of

if TYPE_CHECKING:
    from collections.abc import Iterator

PAGE = (
    Path(__file__).resolve().parents[2] / "fixtures" / "html" / "wordpress-blog.html"
).read_bytes()
TRICKLE_BYTES = 400
"""A slow server sends at most this many bytes (one each 50 ms: 20 s), then gives up."""


class _Handler(BaseHTTPRequestHandler):
    """Redirects where asked, counts down a chain of redirects, trickles bytes."""

    seen: ClassVar[list[str]]

    def do_GET(self) -> None:
        self.server.seen.append(self.path)  # type: ignore[attr-defined]
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/to":
            self._redirect(query["url"])
        elif url.path.startswith("/chain/"):
            left = int(url.path.rsplit("/", 1)[1])
            if left:
                self._redirect(f"/chain/{left - 1}")
            else:
                self._send(PAGE)
        elif url.path == "/trickle-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self._trickle(b"<p>" + b"x" * TRICKLE_BYTES)
        elif url.path == "/page":
            self._send(PAGE)
        else:
            self.send_error(404)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, data: bytes) -> None:
        for index in range(min(len(data), TRICKLE_BYTES)):
            try:
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
            except OSError:
                return  # the client gave up: stop
            time.sleep(0.05)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class _SlowHeadHandler(_Handler):
    """Sends its status line and headers a byte at a time, then a page."""

    def do_GET(self) -> None:
        head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"y" * 300
        self._trickle(head + b"\r\n\r\n")


class _Server:
    def __init__(self, host: str, handler: type[BaseHTTPRequestHandler] = _Handler) -> None:
        self.httpd = ThreadingHTTPServer((host, 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.seen = []  # type: ignore[attr-defined]
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def seen(self) -> list[str]:
        return self.httpd.seen  # type: ignore[attr-defined,no-any-return]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Connections are made only to 127.0.0.0/8; every attempt is recorded."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,127.0.0.2,localhost")
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        host = str(address[0]) if isinstance(address, tuple) else ""
        if not host.startswith("127."):
            raise ConnectionRefusedError(f"test guard: no traffic to {host}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


@pytest.fixture
def local() -> Iterator[_Server]:
    server = _Server("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture
def public(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Server]:
    """A server standing for a page on the internet: 127.0.0.2 counts as public."""
    real = netguard.kind_of

    def kind(address: str) -> AddressKind:
        return AddressKind.PUBLIC if address == "127.0.0.2" else real(address)

    monkeypatch.setattr(netguard, "kind_of", kind)
    server = _Server("127.0.0.2")
    yield server
    server.stop()


def test_address_kinds() -> None:
    assert kind_of("93.184.216.34") is AddressKind.PUBLIC
    assert kind_of("2606:4700::1111") is AddressKind.PUBLIC
    assert kind_of("127.0.0.1") is AddressKind.LOOPBACK
    assert kind_of("::1") is AddressKind.LOOPBACK
    assert kind_of("::ffff:127.0.0.1") is AddressKind.LOOPBACK
    assert kind_of("169.254.169.254") is AddressKind.LINK_LOCAL
    assert kind_of("fe80::1%eth0") is AddressKind.LINK_LOCAL
    for address in ("10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fd00::1"):
        assert kind_of(address) is AddressKind.PRIVATE
    for address in ("0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.1"):
        assert kind_of(address) is AddressKind.RESERVED


def test_a_redirect_to_another_scheme_is_refused_without_connecting(
    local: _Server, loopback_only: list[Any]
) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    ftp = f"ftp://127.0.0.1:{listener.getsockname()[1]}/file.txt"
    try:
        with pytest.raises(InputError) as caught:
            fetch(f"{local.url}/to?url={urllib.parse.quote(ftp)}", timeout=2)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody knocked
    finally:
        listener.close()
    assert "redirects to a ftp: address" in str(caught.value)
    assert "only http and https addresses are followed" in str(caught.value)
    assert len(loopback_only) == 1


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://10.0.0.1/admin", "an address on a private network"),
        ("http://[fd00::1]/", "an address on a private network"),
    ],
    ids=["metadata", "private", "private-v6"],
)
def test_a_redirect_from_this_machine_to_other_local_networks_is_refused(
    local: _Server, loopback_only: list[Any], target: str, kind: str
) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{local.url}/to?url={urllib.parse.quote(target)}", timeout=2)

    assert kind in str(caught.value)
    assert "give it to briefing add yourself" in str(caught.value)
    assert all(str(address[0]).startswith("127.") for address in loopback_only)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_page_on_the_internet_cannot_send_the_fetch_to_this_machine(
    public: _Server, local: _Server, host: str
) -> None:
    target = local.url.replace("127.0.0.1", host) + "/page"

    with pytest.raises(InputError) as caught:
        fetch(f"{public.url}/to?url={urllib.parse.quote(target)}", timeout=2)

    assert "an address of this machine" in str(caught.value)
    assert public.seen == [f"/to?url={urllib.parse.quote(target)}"]
    assert local.seen == []  # the local server never heard of it


def test_a_page_on_this_machine_may_redirect_on_this_machine(local: _Server) -> None:
    fetched = fetch(f"{local.url}/to?url={urllib.parse.quote(local.url + '/page')}")
    assert fetched.final_url == f"{local.url}/page"
    assert fetched.data == PAGE


def test_five_redirects_are_followed_and_a_sixth_is_refused(local: _Server) -> None:
    assert fetch(f"{local.url}/chain/5").final_url == f"{local.url}/chain/0"

    with pytest.raises(InputError) as caught:
        fetch(f"{local.url}/chain/6")

    assert f"more than 5 redirects (the last to {local.url}/chain/0)" in str(caught.value)
    assert local.seen[-1] == "/chain/1"


def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_total_time(
    local: _Server,
) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{local.url}/trickle-body", timeout=5, total_timeout=1.5)

    assert "it took more than 1.5 seconds in all (the server sends too slowly)" in str(caught.value)


def test_headers_sent_a_byte_at_a_time_are_cut_off_at_the_total_time() -> None:
    server = _Server("127.0.0.1", _SlowHeadHandler)
    try:
        with pytest.raises(InputError) as caught:
            fetch(f"{server.url}/", timeout=5, total_timeout=1.5)
    finally:
        server.stop()
    assert "it took more than 1.5 seconds in all" in str(caught.value)
