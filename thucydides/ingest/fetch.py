"""Fetching a web page over the network, safely. Off unless ``settings.fetch_enabled``.

A fetched URL comes from a feed or a user, so it is untrusted: it could point the server at
its own network (SSRF). Every hop is therefore checked before any byte is sent:
- only ``http``/``https``;
- the host is resolved and EVERY address must be public (not private, loopback, link-local,
  multicast, reserved or unspecified) unless ``settings.fetch_allow_private``;
- the connection goes to the address that was checked (the URL's host is replaced by it and the
  name is kept for the Host header and TLS), so a second DNS answer cannot swap it (rebinding);
- redirects are followed by hand, at most ``fetch_max_redirects``, each target checked again;
- the body is capped at ``fetch_max_bytes`` and the whole fetch at ``fetch_timeout`` seconds;
- only HTML, XML and plain text are accepted, and nothing fetched is ever executed.

The resolver and the httpx transport are injectable, so the tests need no network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence
from urllib.parse import urljoin, urlsplit

from thucydides.config import Settings
from thucydides.errors import InputError

if TYPE_CHECKING:
    import httpx

    from thucydides.model import Article

log = logging.getLogger(__name__)

Resolver = Callable[[str, int], Sequence[str]]

ACCEPTED_CONTENT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
    }
)
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "thucydides (+https://github.com/thucydides; news event coding)"
_FIX_PRIVATE = "only public addresses are fetched; set fetch_allow_private = true to allow it"
# (attribute of ipaddress, words for the error); the narrow kinds before "private", because
# ipaddress counts 127.0.0.1, 169.254.x.x and 240.x.x.x as private too and the narrower word helps
_REFUSED_KINDS = (
    ("is_unspecified", "an unspecified"),
    ("is_loopback", "a loopback"),
    ("is_link_local", "a link-local"),
    ("is_multicast", "a multicast"),
    ("is_reserved", "a reserved"),
    ("is_private", "a private"),
)


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched response body: ``url`` is where it finally came from (after redirects)."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal_reason(address: str) -> str | None:
    """Why ``address`` must not be fetched from, or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        # an IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that host
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            reason = refusal_reason(str(embedded))
            return f"{address} wraps {reason}" if reason else None
    for attribute, words in _REFUSED_KINDS:
        if getattr(ip, attribute):
            return f"{address} is {words} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class _Target:
    url: str  # the URL with its host replaced by the checked address
    host_header: str
    hostname: str
    https: bool


def check_url(url: str, *, settings: Settings, resolver: Resolver = system_resolver) -> _Target:
    """The pinned target of ``url``, or ``InputError`` when its scheme or any address is refused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InputError(url, f"is not a valid URL ({error})", "give an http(s):// URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, f"uses {scheme or 'no'} scheme; only http and https are fetched", "give an http(s):// URL")
    hostname = parts.hostname
    if not hostname:
        raise InputError(url, "has no host", "give an http(s):// URL")
    port = port or (443 if scheme == "https" else 80)
    if _is_ip_literal(hostname):
        addresses: Sequence[str] = [hostname]
    else:
        try:
            addresses = resolver(hostname, port)
        except (OSError, UnicodeError) as error:
            raise InputError(url, f"host {hostname!r} cannot be resolved ({error})", "check the URL") from None
    if not addresses:
        raise InputError(url, f"host {hostname!r} has no address", "check the URL")
    if not settings.fetch_allow_private:
        for address in addresses:
            reason = refusal_reason(address)
            if reason:
                raise InputError(url, f"refused: {reason}", _FIX_PRIVATE)
    address = addresses[0]
    netloc_host = f"[{address}]" if ":" in address else address
    default_port = port == (443 if scheme == "https" else 80)
    host_header = hostname if default_port else f"{hostname}:{port}"
    if ":" in hostname and not hostname.startswith("["):
        host_header = f"[{hostname}]" if default_port else f"[{hostname}]:{port}"
    pinned = parts._replace(scheme=scheme, netloc=f"{netloc_host}:{port}", fragment="").geturl()
    return _Target(url=pinned, host_header=host_header, hostname=hostname, https=scheme == "https")


def fetch_url(
    url: str,
    *,
    settings: Settings,
    resolver: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """GET ``url`` under the rules of this module's docstring; ``InputError`` names any refusal."""
    if not settings.fetch_enabled:
        raise InputError(url, "not fetched: fetching is off", "set fetch_enabled = true (THUCYDIDES_FETCH_ENABLED=1)")
    import httpx

    resolver = resolver or system_resolver
    deadline = time.monotonic() + settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    current = url
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            target = check_url(current, settings=settings, resolver=resolver)
            try:
                page, location = _get(client, current, target, settings=settings, deadline=deadline)
            except httpx.TimeoutException:
                raise InputError(url, f"timed out after {settings.fetch_timeout:g} s (fetch_timeout)", "try again later") from None
            except httpx.HTTPError as error:
                raise InputError(url, f"cannot be fetched ({type(error).__name__}: {error})", "check the URL") from None
            if page is not None:
                return page
            log.debug("%s redirects to %s", current, location)
            current = location
    raise InputError(
        url, f"redirects more than {settings.fetch_max_redirects} times (fetch_max_redirects)", "give the final URL"
    )


def _get(
    client: httpx.Client, url: str, target: _Target, *, settings: Settings, deadline: float
) -> tuple[FetchedPage | None, str]:
    """The page at ``target``, or (None, where it redirects to)."""
    headers = {"Host": target.host_header, "User-Agent": _USER_AGENT, "Accept": "text/html, application/xml;q=0.9, */*;q=0.1"}
    extensions = {"sni_hostname": target.hostname} if target.https else {}
    with client.stream("GET", target.url, headers=headers, extensions=extensions) as response:
        if response.status_code in _REDIRECT_STATUSES and response.headers.get("location"):
            return None, urljoin(url, response.headers["location"])
        if response.status_code >= 400:
            raise InputError(url, f"answered HTTP {response.status_code}", "check the URL")
        content_type, charset = _content_type(response.headers.get("content-type", ""))
        if content_type and content_type not in ACCEPTED_CONTENT_TYPES:
            raise InputError(url, f"is {content_type}, not a web page or feed", "give the URL of an HTML page")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.fetch_max_bytes:
            raise InputError(url, f"is {int(declared):,} bytes, over fetch_max_bytes ({settings.fetch_max_bytes:,})", "raise fetch_max_bytes")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.fetch_max_bytes:
                raise InputError(url, f"is over fetch_max_bytes ({settings.fetch_max_bytes:,} bytes)", "raise fetch_max_bytes")
            if time.monotonic() > deadline:
                raise InputError(url, f"took over fetch_timeout ({settings.fetch_timeout:g} s)", "raise fetch_timeout")
            chunks.append(chunk)
        return FetchedPage(url=url, status=response.status_code, content_type=content_type, charset=charset, body=b"".join(chunks)), url


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind.strip().lower(), charset


def fetch_article(
    url: str,
    *,
    settings: Settings,
    resolver: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Article:
    """The Article of the web page at ``url`` (fetched, then read like an .html file)."""
    from thucydides.ingest.articles import make_article
    from thucydides.ingest.webpage import extract_page

    page = fetch_url(url, settings=settings, resolver=resolver, transport=transport)
    text = decode_fetched(page)
    content = extract_page(url, text, url=page.url)
    return make_article(
        content.body,
        title=content.title,
        source_name=url,
        url=content.url or page.url,
        published=content.published,
        source=content.source,
        origin=url,
    )


def decode_fetched(page: FetchedPage) -> str:
    """The body as text: the charset the server declared, else what the page itself says."""
    from thucydides.ingest.decode import decode_text

    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: body is not %s as declared; sniffing", page.url, page.charset)
    return decode_text(page.url, page.body, html=True)
