"""Fetching one page by URL for the ingest endpoint, refusing anything but public addresses.

Each hop's host is resolved and every address checked before connecting, and the connection goes
to the checked address itself (the name is sent as Host and TLS server name), so a second lookup
cannot swap in a private one. Redirects are followed by hand, each re-checked.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from corroborator.web import errors

MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = "corroborator (+https://github.com/corroborator)"


class FetchError(Exception):
    """A URL that was refused or could not be fetched; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Page:
    """What a URL gave: the final URL after redirects, its bytes and content type."""

    url: str
    data: bytes
    content_type: str | None


def address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address must not be fetched (loopback, private, …), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address_kind(address.ipv4_mapped)
    for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified", "site_local"):
        if getattr(address, f"is_{kind}", False):
            return kind.replace("_", "-")
    if not address.is_global:
        return "non-global"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to; raises FetchError when there is none or one is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(errors.UNRESOLVABLE.format(host=host, error=getattr(error, "strerror", None) or error)) from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        if kind := address_kind(address):
            raise FetchError(errors.REFUSED_ADDRESS.format(host=host, address=text, kind=kind))
    if not addresses:
        raise FetchError(errors.UNRESOLVABLE.format(host=host, error="no addresses"))
    return addresses


def checked_target(url: str, resolver=resolve) -> tuple[str, str, str]:
    """(URL to connect to, with the checked address in place of the name; Host header; TLS server name)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(errors.BAD_SCHEME.format(scheme=parts.scheme))
    host = parts.hostname
    if not host:
        raise FetchError(errors.NO_HOST.format(url=url))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolver(host, port)[0]
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc += f":{parts.port}"
    host_header = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, "")), host_header, host


def fetch(url: str, max_bytes: int, client: httpx.Client | None = None, resolver=resolve) -> Page:
    """GET a public http(s) URL, following up to MAX_REDIRECTS redirects, each hop checked; at most `max_bytes`."""
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False, trust_env=False)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            target, host_header, server_name = checked_target(url, resolver)
            request = client.build_request(
                "GET", target, headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"},
                extensions={"sni_hostname": server_name},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as error:
                raise FetchError(errors.FETCH_FAILED.format(url=url, error=error), 502) from error
            try:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(errors.FETCH_STATUS.format(url=url, status=response.status_code), 502)
                return Page(url, _read_limited(response, url, max_bytes), response.headers.get("content-type"))
            finally:
                response.close()
        raise FetchError(errors.TOO_MANY_REDIRECTS.format(limit=MAX_REDIRECTS, url=url))
    finally:
        if own:
            client.close()


def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(errors.PAGE_TOO_LARGE.format(url=url, limit=max_bytes), 413)
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(errors.PAGE_TOO_LARGE.format(url=url, limit=max_bytes), 413)
            chunks.append(chunk)
    except httpx.HTTPError as error:
        raise FetchError(errors.FETCH_FAILED.format(url=url, error=error), 502) from error
    return b"".join(chunks)
