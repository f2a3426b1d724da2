"""Importing from a URL, against a local web server only: never the real internet."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.cli import main
from briefing.errors import InputError
from briefing.importers import ImportStatus, Limits, add
from briefing.importers.fetch import fetch, is_url
from briefing.ingest import text as text_reader

if TYPE_CHECKING:
    from collections.abc import Iterator

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
TODAY = dt.date(2025, 9, 1)
PAGE = (FIXTURES / "wordpress-blog.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    """Serves the WordPress fixture, a large body with and without a length, slow answers."""

    def do_GET(self) -> None:
        if self.path.startswith("/article"):
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif self.path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the body runs until the connection closes
            self.wfile.write(b"<p>" + b"y" * 5000 + b"</p>")
            self.close_connection = True
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, PAGE, "text/html")
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local server on a random port; proxies switched off so requests stay on this host."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    return tmp_path


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_only_http_addresses_are_urls() -> None:
    assert is_url("https://example.org/a")
    assert is_url("HTTP://example.org")
    assert not is_url("file:///etc/passwd")
    assert not is_url("articles/a.html")
    assert not is_url("http:relative")


def test_fetch_follows_redirects_and_reports_the_type(server: str) -> None:
    fetched = fetch(f"{server}/moved")
    assert fetched.final_url == f"{server}/article"
    assert (fetched.content_type, fetched.charset) == ("text/html", "utf-8")
    assert fetched.data == PAGE


def test_a_url_is_imported_with_its_access_date(server: str, project: Path) -> None:
    (result,) = add([f"{server}/article"], project, today=TODAY)
    assert result.status is ImportStatus.ADDED
    article, _ = text_reader.read(result.path)
    assert article.accessed == TODAY
    assert article.published == dt.date(2024, 7, 30)
    # the page's canonical address, not the local one it was fetched from
    assert article.url == "https://sahelwatch.example.org/2024/07/30/ambush-near-tinzaouaten/"
    assert "Grey Zone, acknowledged heavy losses" in article.text


def test_the_same_url_fetched_twice_is_added_once(server: str, project: Path) -> None:
    first, again, saved = add(
        [f"{server}/article", f"{server}/article", str(FIXTURES / "wordpress-blog.html")],
        project,
        today=TODAY,
    )
    assert first.status is ImportStatus.ADDED
    assert (again.status, again.path) == (ImportStatus.DUPLICATE, first.path)
    assert (saved.status, saved.path) == (ImportStatus.DUPLICATE, first.path)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_a_body_over_the_size_limit_is_refused(server: str, path: str) -> None:
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        fetch(f"{server}{path}", max_bytes=1000)


def test_a_missing_page_names_the_http_status(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{server}/gone")


def test_a_slow_server_times_out_with_a_clear_message(server: str) -> None:
    with pytest.raises(InputError, match=r"no answer within 0\.3 seconds"):
        fetch(f"{server}/slow", timeout=0.3)


def test_being_offline_gives_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"cannot fetch .*check the address and the network"):
        fetch(f"http://127.0.0.1:{_closed_port()}/article", timeout=2)


def test_content_that_is_not_a_page_is_refused(server: str, project: Path) -> None:
    (result,) = add([f"{server}/image"], project, today=TODAY, limits=Limits(timeout=5))
    assert result.status is ImportStatus.FAILED
    assert "cannot import image/png content" in result.reason


def test_the_command_line_records_the_pinned_date_and_reports_failures(
    server: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")  # 2024-09-01
    code = main(["add", f"{server}/article", "--inputs", str(project)])
    assert code == 0
    written = Path(capsys.readouterr().out.strip())
    assert "accessed: 2024-09-01\n" in written.read_text(encoding="utf-8")

    gone, offline = f"{server}/gone", f"http://127.0.0.1:{_closed_port()}/x"
    code = main(["add", gone, offline, "--inputs", str(project)])
    captured = capsys.readouterr()
    assert code == 1
    assert "HTTP 404" in captured.err
    assert "refused" in captured.err.lower()
    assert "Traceback" not in captured.err
