"""Guarded fetching: refusals need no network; the positive path uses a server on 127.0.0.1 only."""

from __future__ import annotations

import http.server
import threading
import time

import httpx
import pytest

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest.feeds import read_feed
from thucydides.ingest.fetch import check_url, fetch_article, fetch_url, refusal_reason

PAGE = (
    b"<html><head><title>Curfew imposed in Jos</title>"
    b'<meta property="article:published_time" content="2023-04-02"></head><body><article>'
    b"<h1>Curfew imposed in Jos</h1><p>Authorities imposed a dusk-to-dawn curfew in Jos on Sunday after "
    b"clashes between youths and police left three people dead, a state government spokesman said.</p>"
    b"<p>Shops in the city centre stayed shut and soldiers patrolled the main roads.</p></article></body></html>"
)
ON = Settings(fetch_enabled=True)
ON_PRIVATE = Settings(fetch_enabled=True, fetch_allow_private=True, fetch_timeout=2.0)
PUBLIC_IP = "93.184.216.34"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server wants)
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
        elif self.path == "/slow":
            time.sleep(3.0)
            self._send(200, "text/html", PAGE)
        elif self.path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hung up on purpose (size and time caps): not worth a traceback


@pytest.fixture(scope="module")
def loopback():
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, got {request.url}")


def _resolver(mapping):
    def resolve(host, port):
        return mapping[host]

    return resolve


def test_fetching_is_off_by_default():
    with pytest.raises(InputError, match="fetching is off"):
        fetch_url("https://news.example/a", settings=Settings(), transport=httpx.MockTransport(_no_network))


def test_positive_path_on_loopback_when_private_is_allowed(loopback):
    page = fetch_url(f"{loopback}/page", settings=ON_PRIVATE)
    assert page.status == 200 and page.content_type == "text/html" and page.charset == "utf-8"
    assert page.body == PAGE
    article = fetch_article(f"{loopback}/redirect", settings=ON_PRIVATE)
    assert article.title == "Curfew imposed in Jos"
    assert "dusk-to-dawn curfew in Jos" in article.text
    assert article.url == f"{loopback}/page"  # where the redirect led


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:8080/admin", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]:9000/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
    ],
)
def test_private_and_special_addresses_are_refused_without_a_request(url, words):
    with pytest.raises(InputError, match=words) as caught:
        fetch_url(url, settings=ON, transport=httpx.MockTransport(_no_network))
    assert "fetch_allow_private" in caught.value.fix


def test_every_resolved_address_must_be_public():
    resolve = _resolver({"mixed.example": [PUBLIC_IP, "10.0.0.5"], "internal.example": ["172.16.3.4"]})
    for host in ("mixed.example", "internal.example"):
        with pytest.raises(InputError, match="refused: .* private"):
            fetch_url(f"https://{host}/x", settings=ON, resolver=resolve, transport=httpx.MockTransport(_no_network))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a", "javascript:alert(1)", "gopher://x/", "http:///nohost"])
def test_only_http_and_https_with_a_host(url):
    with pytest.raises(InputError):
        fetch_url(url, settings=ON, transport=httpx.MockTransport(_no_network))


def test_connection_goes_to_the_checked_address_with_the_name_in_host_header():
    seen = []

    def handler(request):
        seen.append((request.url.host, request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE)

    resolve = _resolver({"news.example": [PUBLIC_IP]})
    page = fetch_url("https://news.example/story?id=3#top", settings=ON, resolver=resolve, transport=httpx.MockTransport(handler))
    assert seen == [(PUBLIC_IP, "news.example", "news.example")]
    assert page.url == "https://news.example/story?id=3#top"


def test_redirect_to_a_private_address_is_refused_at_that_hop():
    def handler(request):
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    resolve = _resolver({"news.example": [PUBLIC_IP]})
    with pytest.raises(InputError, match="link-local"):
        fetch_url("https://news.example/a", settings=ON, resolver=resolve, transport=httpx.MockTransport(handler))


def test_redirect_to_a_name_that_resolves_privately_is_refused():
    def handler(request):
        return httpx.Response(301, headers={"location": "http://sneaky.example/"})

    resolve = _resolver({"news.example": [PUBLIC_IP], "sneaky.example": ["127.0.0.1"]})
    with pytest.raises(InputError, match="loopback"):
        fetch_url("https://news.example/a", settings=ON, resolver=resolve, transport=httpx.MockTransport(handler))


def test_redirects_are_capped():
    hops = []

    def handler(request):
        hops.append(request.url.path)
        return httpx.Response(302, headers={"location": f"/hop{len(hops)}"})

    resolve = _resolver({"news.example": [PUBLIC_IP]})
    with pytest.raises(InputError, match="more than 3 times"):
        fetch_url("https://news.example/start", settings=ON, resolver=resolve, transport=httpx.MockTransport(handler))
    assert hops == ["/start", "/hop1", "/hop2", "/hop3"]


def test_size_is_capped_by_header_and_while_streaming(loopback):
    small = Settings(fetch_enabled=True, fetch_allow_private=True, fetch_max_bytes=10_000)
    with pytest.raises(InputError, match="fetch_max_bytes"):
        fetch_url(f"{loopback}/huge", settings=small)

    def announced(request):
        return httpx.Response(200, headers={"content-type": "text/html", "content-length": "999999999"}, content=b"")

    with pytest.raises(InputError, match="999,999,999 bytes"):
        fetch_url(f"{loopback}/x", settings=small, transport=httpx.MockTransport(announced))


def test_time_is_capped(loopback):
    quick = Settings(fetch_enabled=True, fetch_allow_private=True, fetch_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(InputError, match="fetch_timeout|timed out"):
        fetch_url(f"{loopback}/slow", settings=quick)
    assert time.monotonic() - started < 2.5  # did not wait for the 3 s answer


def test_non_page_content_and_http_errors(loopback):
    with pytest.raises(InputError, match="application/pdf"):
        fetch_url(f"{loopback}/pdf", settings=ON_PRIVATE)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch_url(f"{loopback}/missing", settings=ON_PRIVATE)


def test_refusal_reasons():
    assert refusal_reason(PUBLIC_IP) is None
    assert refusal_reason("2606:4700:4700::1111") is None
    assert "not a public" in refusal_reason("100.64.0.1")  # carrier-grade NAT
    assert "reserved" in refusal_reason("240.0.0.1")
    assert "private" in refusal_reason("fc00::1")
    assert "link-local" in refusal_reason("fe80::1%eth0")
    assert "wraps" in refusal_reason("2002:0a00:0001::1")  # 6to4 around 10.0.0.1
    target = check_url("http://news.example:8080/a", settings=ON, resolver=_resolver({"news.example": [PUBLIC_IP]}))
    assert target.url == f"http://{PUBLIC_IP}:8080/a" and target.host_header == "news.example:8080"


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Plateau News</title>'
    b"<item><title>Curfew in Jos</title><link>LINK</link><description>Short teaser.</description></item>"
    b"</channel></rss>"
)


def test_feed_item_reads_its_linked_page_when_fetching_is_on(loopback):
    feed = FEED.replace(b"LINK", f"{loopback}/page".encode())
    [article] = read_feed("f.xml", feed, settings=ON_PRIVATE)
    assert "dusk-to-dawn curfew in Jos" in article.text and "Short teaser" not in article.text
    assert article.url == f"{loopback}/page"


def test_feed_item_keeps_its_own_text_when_the_fetch_is_refused(loopback):
    feed = FEED.replace(b"LINK", f"{loopback}/page".encode())
    [article] = read_feed("f.xml", feed, settings=ON)  # loopback refused: private not allowed
    assert article.text == "Curfew in Jos\n\nShort teaser."
    [article] = read_feed("f.xml", feed, settings=Settings())  # fetching off: the item's text
    assert article.text == "Curfew in Jos\n\nShort teaser."
