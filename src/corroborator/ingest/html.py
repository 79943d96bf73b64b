"""Read one HTML page into a Document: clean body, comments set apart, metadata, or a reason it is not an article.

trafilatura finds the main text and the comment section; this module adds what the
product needs on top: metadata with the time zone intact (trafilatura keeps only the
day), a title without the outlet's suffix, authors as a list, comments one by one,
page furniture set apart, and a small explainable test for pages that are not
articles (index, listing and collection pages, script-only shells).
"""

from __future__ import annotations

import html as html_entities
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from dateutil import parser as date_parser
from lxml import etree
from trafilatura.utils import load_html

from corroborator.errors import Reason
from corroborator.ingest.fingerprint import document_id
from corroborator.model import Document, Rejection

METHOD = "corroborator.html.v1"

# Elements whose text a reader never sees (noscript is seen: some sites serve their whole text there).
_INVISIBLE = {"script", "style", "template", "svg", "head", "iframe", "object"}
_WORD = re.compile(r"\w+", re.UNICODE)
# Chinese and Japanese run words together: count each character, as a word count would count words.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
    "scholarlyarticle", "techarticle", "liveblogposting", "report", "socialmediaposting",
    "posting", "review", "satiricalarticle", "medicalscholarlyarticle", "advertisercontentarticle",
}
_LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "offercatalog", "blog"}
_PRODUCT_TYPES = {"product", "productgroup", "individualproduct", "productmodel", "car", "offer"}


# ---------------------------------------------------------------- the reader


def read_html(html: str, path: str, url: str | None = None) -> Document | Rejection:
    """Read a decoded HTML page into a Document, or a Rejection saying why it is not an article."""
    if not html or not html.strip():
        return Rejection(path, Reason.BLANK)
    try:
        # trafilatura's loader declines fragments with no <html> (a bare run of <script> tags); lxml reads them.
        tree = load_html(html)
        if tree is None:
            tree = lxml.html.document_fromstring(html)
    except Exception as error:  # lxml raises several kinds on broken markup
        return Rejection(path, Reason.HTML_UNREADABLE.format(error=f"{type(error).__name__}: {str(error)[:120]}".splitlines()[0]))

    page = _read_page(tree)
    if page.visible_words == 0:
        return Rejection(path, Reason.SCRIPT_ONLY if page.script_chars > 0 else Reason.NO_VISIBLE_TEXT)

    url = url or page.meta.get("canonical") or page.meta.get("og:url") or None
    extracted = _extract(tree, url)
    if extracted is None or not (extracted.text or "").strip():
        return Rejection(path, Reason.NO_MAIN_TEXT)

    comments = _comments(tree, extracted)
    paragraphs, furniture = _clean_body(_paragraphs(extracted.text), comments)
    source = _source(page, extracted, url)
    title = _title(page, extracted, source, url)
    # The headline is the title's, not the body's first paragraph.
    if paragraphs and _norm(paragraphs[0]) in {_norm(title or ""), *map(_norm, page.h1)}:
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    if not body:
        return Rejection(path, Reason.ONLY_FURNITURE)
    if len(body) < 300 and _NEEDS_SCRIPT.search(body):
        return Rejection(path, Reason.NEEDS_SCRIPTS)

    authors = _authors(page, extracted, source)
    published, precision = _published(page, extracted)
    features = _features(page, paragraphs, authors, published)
    reason = not_an_article(features)
    if reason is None and features.long_paragraphs <= 2 and not (features.og_article or features.json_ld_article):
        # Only pages with little prose can be link lists; measuring it costs a second extraction.
        features.body_link_share = _main_text_link_share(tree, url)
        reason = not_an_article(features)
    if reason:
        return Rejection(path, reason)

    return Document(
        id=document_id(body),
        path=path,
        body=body,
        title=title,
        url=url,
        source=source,
        authors=authors,
        published=published,
        published_precision=precision,
        comments=comments,
        comment_count=max(len(comments), _stated_comment_count(tree)),
        language=_language(page, extracted),
        furniture=furniture,
        method=METHOD,
    )


_NEEDS_SCRIPT = re.compile(r"\b(?:enable|turn on|activate)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:required|disabled)", re.I)


# ---------------------------------------------------------------- the page as parsed


@dataclass(slots=True)
class _Page:
    """What the reader learns from the raw tree before extraction."""

    meta: dict[str, str]
    json_ld: list[dict]
    h1: list[str]
    html_lang: str | None
    visible_words: int
    link_words: int
    script_chars: int
    article_elements: int
    linked_headings: int
    headings: int
    time_candidates: list[str]
    anchor_texts: set[str]
    cards: int


def _read_page(tree) -> _Page:
    """Collect meta tags, JSON-LD, headings and word counts from the tree (it is not modified)."""
    meta: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in meta:
            meta[key] = value
    for node in tree.iter("link"):
        rel = (node.get("rel") or "").lower().split()
        if "canonical" in rel and node.get("href") and "canonical" not in meta:
            meta["canonical"] = node.get("href").strip()
    title_node = tree.find(".//title")
    if title_node is not None and title_node.text_content().strip():
        meta.setdefault("<title>", " ".join(title_node.text_content().split()))

    json_ld: list[dict] = []
    script_chars = 0
    for node in tree.iter("script"):
        text = node.text or ""
        if (node.get("type") or "").lower().strip() == "application/ld+json":
            json_ld.extend(_json_ld_nodes(text))
        else:
            script_chars += len(text.strip()) + (1 if node.get("src") else 0)

    visible, linked = _count_words(tree)
    headings = linked_headings = 0
    for node in tree.iter("h1", "h2", "h3", "h4"):
        headings += 1
        if node.find(".//a") is not None or (node.getparent() is not None and node.getparent().tag == "a"):
            linked_headings += 1
    times = []
    for node in tree.iter("time"):
        value = node.get("datetime") or ""
        if value.strip():
            attributes = " ".join(filter(None, [node.get("itemprop"), node.get("class"), node.get("pubdate")]))
            times.append((value.strip(), "publish" in attributes.lower() or "pubdate" in node.attrib))
    # A time marked as the publication time first, then the first one on the page.
    time_candidates = [v for v, marked in times if marked] + [v for v, marked in times[:1] if not marked]
    html_lang = tree.get("lang") or tree.get("xml:lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return _Page(
        meta=meta,
        json_ld=json_ld,
        h1=[" ".join(n.text_content().split()) for n in tree.iter("h1")][:3],
        html_lang=html_lang,
        visible_words=visible,
        link_words=linked,
        script_chars=script_chars,
        article_elements=sum(1 for _ in tree.iter("article")),
        linked_headings=linked_headings,
        headings=headings,
        time_candidates=time_candidates,
        anchor_texts={key for node in tree.iter("a") if len(key := _norm(node.text_content())) > 15},
        cards=_repeated_cards(tree),
    )


def _repeated_cards(tree) -> int:
    """The longest run of alike siblings that each hold a link and a few words: teaser cards of an index page."""
    best = 0
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < 4 or parent.tag in _INVISIBLE:
            continue
        groups: dict[tuple, int] = {}
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            key = (child.tag, child.get("class") or "")
            if key in groups and groups[key] < 0:
                continue
            link = child if child.tag == "a" else child.find(".//a")
            if link is None or len(child.text_content().split()) < 5 or child.find(".//p") is not None and len(child.text_content().split()) > 150:
                continue
            groups[key] = groups.get(key, 0) + 1
        if groups:
            best = max(best, max(groups.values()))
    return best


def _count_words(tree) -> tuple[int, int]:
    """Words a reader sees on the page, and how many of them are inside links."""
    visible = linked = 0

    def walk(node, in_link: bool) -> None:
        nonlocal visible, linked
        if not isinstance(node.tag, str) or node.tag in _INVISIBLE:
            return
        in_link = in_link or node.tag == "a"
        if node.text:
            count = len(_TOKEN.findall(node.text))
            visible += count
            linked += count if in_link else 0
        for child in node:
            walk(child, in_link)
            if child.tail:
                count = len(_TOKEN.findall(child.tail))
                visible += count
                linked += count if in_link else 0

    body = tree.find(".//body")
    walk(body if body is not None else tree, False)
    return visible, linked


def _json_ld_nodes(text: str) -> list[dict]:
    """Every object with an @type in one JSON-LD script, flattened out of lists and @graph."""
    text = text.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip().rstrip(";")
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[dict] = []

    def walk(value, depth: int) -> None:
        if depth > 4:
            return
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            if "@type" in value:
                found.append(value)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if key in value:
                    walk(value[key], depth + 1)

    walk(data, 0)
    return found


def _types(node: dict) -> set[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).lower() for kind in kinds if kind}


def _article_node(page: _Page) -> dict | None:
    return next((node for node in page.json_ld if _types(node) & _ARTICLE_TYPES), None)


# ---------------------------------------------------------------- main text and furniture


def _extract(tree, url: str | None, include_links: bool = False):
    """trafilatura's main text and comment section with its metadata.

    A second, recall-minded try runs when the first finds (almost) nothing.
    """
    extracted = None
    for favor_recall in (False, True):
        try:
            extracted = trafilatura.bare_extraction(
                tree,
                url=url,
                include_comments=True,
                with_metadata=True,
                include_tables=True,
                include_links=include_links,
                favor_recall=favor_recall,
            )
        except Exception:  # trafilatura can fail deep inside lxml on pathological pages
            extracted = None
        if extracted is not None and len(_TOKEN.findall(extracted.text or "")) >= 10:
            break
    return extracted


def _main_text_link_share(tree, url: str | None) -> float:
    """Share of the main text's words that are link text (a second extraction, keeping links)."""
    extracted = _extract(tree, url, include_links=True)
    if extracted is None or extracted.body is None:
        return 0.0
    link_words = sum(len(_TOKEN.findall("".join(ref.itertext()))) for ref in extracted.body.iter("ref"))
    words = len(_TOKEN.findall("".join(extracted.body.itertext())))
    return min(1.0, link_words / words) if words else 0.0


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


_FURNITURE = re.compile(
    r"""^(?:
        (?:share|share\ this(?:\ (?:article|story|post|page))?|share\ on\ \w+|tweet|email|print|pin\ it|copy\ link
           |whatsapp|facebook|twitter|linkedin|reddit|telegram|flipboard|x|share\ via\ email)[\s:!.]*
      | advertisement | advert | sponsored | skip\ to\ (?:main\ )?content
      | (?:©|\(c\)|copyright\b).{0,200}
      | .{0,200}\ball\ rights\ reserved\b.{0,100}
      | (?:leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment|cancel\ reply|post\ comment|submit\ comment).{0,60}
      | your\ email\ address\ will\ not\ be\ published.{0,100}
      | required\ fields\ are\ marked.{0,20}
      | save\ my\ name,\ email.{0,200}
      | notify\ me\ of\ (?:follow-up\ comments|new\ posts).{0,100}
      | you\ must\ be\ logged\ in\ to\ post\ a\ comment.{0,40}
      | (?:sign\ up|subscribe)\ (?:for|to)\ (?:our|the)\ newsletter.{0,150}
      | .{0,200}\b(?:we|this\ (?:web)?site)\ uses?\ cookies\b.{0,300}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading after which a page lists other stories or the comment form, never the article.
_TAIL_START = re.compile(
    r"""^(?:leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment|related(?:\ (?:articles|posts|stories|content|news|reading))?
       |you\ (?:may|might)\ also\ like|recommended(?:\ for\ you)?|more\ from\ .{1,40}|read\ (?:more|next|also)
       |(?:most\ )?popular(?:\ (?:posts|stories|articles))?|trending(?:\ now)?|latest\ (?:news|posts|stories))[\s:.!]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def _clean_body(paragraphs: list[str], comments: list[str]) -> tuple[list[str], list[str]]:
    """Split extracted paragraphs into the article's and the page furniture's (share, cookie, copyright, forms)."""
    comment_texts = {_norm(c) for c in comments}
    body: list[str] = []
    furniture: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        # A "related"/"leave a reply" heading in the last quarter ends the article.
        if _TAIL_START.match(paragraph) and index >= 0.75 * len(paragraphs) and index > 0:
            furniture.extend(paragraphs[index:])
            break
        if (len(paragraph) < 400 and _FURNITURE.match(paragraph)) or _norm(paragraph) in comment_texts:
            furniture.append(paragraph)
        else:
            body.append(paragraph)
    return body, furniture


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


# ---------------------------------------------------------------- comments

_COMMENT_ITEM = etree.XPath(
    "//*[self::li or self::article or self::div]"
    "[contains(concat(' ', normalize-space(@class), ' '), ' comment ')"
    " or contains(@itemtype, 'schema.org/Comment') or contains(@class, 'comment-item')]"
)
_COMMENT_TEXT = etree.XPath(
    ".//*[contains(@class, 'comment-content') or contains(@class, 'comment-text') or contains(@class, 'comment-body')"
    " or contains(@class, 'comment__body') or contains(@class, 'comment__content') or @itemprop='text']"
)
_COMMENT_META = re.compile(r"comment-(?:meta|author|metadata|reply)|reply|vcard|avatar", re.IGNORECASE)


def _comments(tree, extracted) -> list[str]:
    """Reader comments one by one: from common comment markup, else trafilatura's comment section line by line."""
    found: list[str] = []
    for item in _COMMENT_ITEM(tree):
        text = _comment_text(item)
        if text and text not in found:
            found.append(text)
    if found:
        return found
    return _paragraphs(extracted.comments or "")


def _comment_text(item) -> str:
    """The words of one comment, without its nested replies, author line, date or reply button."""
    holders = [n for n in _COMMENT_TEXT(item) if _nearest_comment(n) is item]
    parts: list[str] = []
    for holder in holders[:1] or [item]:
        parts.append(_text_without(holder, item))
    return " ".join(" ".join(parts).split())


def _nearest_comment(node):
    node = node.getparent()
    while node is not None:
        if _COMMENT_ITEM_SELF(node):
            return node
        node = node.getparent()
    return None


_COMMENT_ITEM_SELF = etree.XPath(
    "self::*[self::li or self::article or self::div]"
    "[contains(concat(' ', normalize-space(@class), ' '), ' comment ')"
    " or contains(@itemtype, 'schema.org/Comment') or contains(@class, 'comment-item')]"
)


def _text_without(holder, item) -> str:
    """Text of holder, skipping nested comments, comment metadata and invisible elements."""
    pieces: list[str] = []

    def walk(node) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            skip = (
                child.tag in _INVISIBLE
                or child.tag in {"form", "button", "footer"}
                or (child is not item and _COMMENT_ITEM_SELF(child))
                or _COMMENT_META.search(child.get("class") or "")
            )
            if not skip:
                if child.text:
                    pieces.append(child.text)
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    if holder.text:
        pieces.append(holder.text)
    walk(holder)
    return " ".join(pieces)


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_STATED_COUNT = re.compile(
    r"^\s*(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:thoughts?\s+on\b|responses?\s+to\b|comments?|responses?|replies|reactions?)|^\s*comments?\s*[(\[]\s*(\d[\d,]*)\s*[)\]]",
    re.IGNORECASE,
)


_ABOUT_HEADLINE = re.compile(r"thoughts?\s+on|responses?\s+to", re.IGNORECASE)


def _stated_comment_count(tree) -> int:
    """The largest comment count the page states in a short label ("12 Comments", "5 thoughts on …")."""
    best = 0
    for node in tree.iter("h2", "h3", "h4", "h5", "span", "a", "div", "p", "strong"):
        # The label's own words and its first children's: enough for "<span>12</span> Comments", and linear in the page.
        text = (node.text or "") + "".join((child.text or "") + (child.tail or "") for child in node[:3] if isinstance(child.tag, str))
        match = _STATED_COUNT.match(text) if text.strip() else None
        # A long label is prose, unless it is the '5 thoughts on "<headline>"' form.
        if match and (len(text) <= 120 or _ABOUT_HEADLINE.search(match.group(0))):
            raw = (match.group(1) or match.group(2)).lower().replace(",", "")
            best = max(best, _NUMBER_WORDS.get(raw) or int(raw))
    return best


# ---------------------------------------------------------------- metadata


def _source(page: _Page, extracted, url: str | None) -> str | None:
    """The outlet's name: og:site_name, JSON-LD publisher, trafilatura's sitename, else the URL's domain."""
    candidates = [page.meta.get("og:site_name"), page.meta.get("application-name")]
    for node in page.json_ld:
        publisher = node.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            candidates.append(publisher["name"])
        if _types(node) & {"newsmediaorganization", "organization"} and isinstance(node.get("name"), str):
            candidates.append(node["name"])
    candidates.append(extracted.sitename)
    for candidate in candidates:
        if candidate and candidate.strip() and not candidate.strip().startswith("http"):
            return " ".join(candidate.split())
    domain = urlsplit(url or extracted.url or "").hostname or ""
    return domain.removeprefix("www.") or None


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|/)\s+")


def _title(page: _Page, extracted, source: str | None, url: str | None) -> str | None:
    """The headline without the outlet's or section's suffix (or prefix)."""
    titles = [_clean(page.meta.get(key)) for key in ("og:title", "twitter:title", "<title>")]
    titles = [t for t in titles if t]
    # The page's own heading, when a title tag or og:title is that heading plus decoration.
    for heading in page.h1:
        key = _norm(heading)
        containing = [t for t in titles if key and key in _norm(t) and len(key) >= 0.4 * len(_norm(t))]
        if containing and not _is_site(heading, source, url):
            return _strip_site(_clean(heading), source, url)
    article = _article_node(page)
    headline = article.get("headline") if article else None
    raw = next(iter(titles), None) or _clean(extracted.title) or _clean(headline if isinstance(headline, str) else None)
    if raw is None:
        return _clean(page.h1[0]) if page.h1 else None
    return _strip_site(raw, source, url)


def _clean(text: str | None) -> str | None:
    """Text with entities decoded (some pages escape twice) and whitespace collapsed, or None if empty."""
    if not text:
        return None
    text = " ".join(html_entities.unescape(html_entities.unescape(text)).split())
    return text or None


def _strip_site(title: str, source: str | None, url: str | None) -> str:
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    while len(parts) > 1 and (_is_site(parts[-1], source, url) or _looks_like_section(parts[-1], parts[0])):
        parts.pop()
    while len(parts) > 1 and _is_site(parts[0], source, url):
        parts.pop(0)
    separator = _TITLE_SEPARATOR.findall(title)[0]
    return separator.join(parts) if len(parts) > 1 else parts[0]


def _is_site(segment: str, source: str | None, url: str | None) -> bool:
    """Whether a title segment names the outlet (its name or its domain)."""
    site_keys = {_norm(source or "")}
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    if host:
        site_keys |= {_norm(host), _norm(host.rsplit(".", 1)[0])}
    site_keys.discard("")
    key = _norm(segment)
    compact = key.replace(" ", "")
    return any(key == s or compact == s.replace(" ", "") or (len(s) > 3 and (s in key or key in s)) for s in site_keys)


def _looks_like_section(segment: str, first: str) -> bool:
    """A short, capitalised trailing segment ("World News", "The Outlet") rather than part of the headline."""
    words = segment.split()
    return 0 < len(words) <= 4 and len(segment) < len(first) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


_BY = re.compile(r"^\s*(?:by|written by|posted by|von|par|por|di)\s*[:\s]\s*", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\bund\b|\bet\b|\by\b|\|)\s*", re.IGNORECASE)


def _authors(page: _Page, extracted, source: str | None) -> list[str]:
    """Author names as a list: JSON-LD article authors, else trafilatura's byline, else meta author."""
    names: list[str] = []
    article = _article_node(page)
    if article is not None:
        names = _json_ld_names(article.get("author"))
    if not names and extracted.author:
        names = [extracted.author]
    if not names:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator"):
            value = page.meta.get(key)
            if value and not value.startswith("http"):
                names = [value]
                break
    result: list[str] = []
    for name in names:
        name = re.split(r"\s+[-–—|]\s+", _clean(name) or "")[0]  # "Jane Doe - Staff Writer"
        for part in _AUTHOR_SPLIT.split(_BY.sub("", name)):
            part = _BY.sub("", part).strip(" .-–|")
            if (
                part
                and len(part) <= 60
                and not part.startswith("http")
                and "@" not in part
                and part not in result
            ):
                result.append(part)
    return result


def _json_ld_names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
        elif isinstance(item, str) and not item.startswith("http"):
            names.append(item)
    return names


_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "article.published", "pubdate",
    "publishdate", "publish-date", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date", "date", "og:published_time", "cxenseparse:recs:publishtime",
)


def _published(page: _Page, extracted) -> tuple[str | None, str | None]:
    """Publication time as ISO 8601 with its offset where the page gives one, and its precision.

    htmldate (through trafilatura) weighs many cues to find the publication day but keeps
    no time of day; the page's own time stamps keep it. A stamp is taken when htmldate
    agrees on the day (give or take one, for time zones), else htmldate's day stands.
    """
    article = _article_node(page)
    candidates = [page.meta.get("article:published_time")]
    if article is not None:
        candidates.append(article.get("datePublished"))
    candidates += [page.meta.get(key) for key in _DATE_META[1:]]
    candidates += page.time_candidates
    candidates += [node.get("datePublished") for node in page.json_ld if node is not article]
    parsed = [p for p in map(_parse_time, candidates) if p]
    day = _parse_time(extracted.date)
    if day is None:
        return parsed[0] if parsed else (None, None)
    for stamp in parsed:
        if abs((date.fromisoformat(stamp[0][:10]) - date.fromisoformat(day[0][:10])).days) <= 1:
            return stamp
    return day


def _parse_time(raw) -> tuple[str, str] | None:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 64:
        return None
    raw = raw.strip()
    try:
        moment = date_parser.isoparse(raw)
    except (ValueError, OverflowError):
        try:
            moment = date_parser.parse(raw, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1990 <= moment.year <= 2100:
        return None
    if not _HAS_TIME.search(raw):
        day = datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
        return day.isoformat(timespec="seconds"), "day"
    return moment.isoformat(timespec="seconds"), "minute"


def _language(page: _Page, extracted) -> str | None:
    for value in (page.html_lang, page.meta.get("og:locale"), page.meta.get("content-language"), extracted.language):
        if value and re.match(r"^[A-Za-z]{2,3}(?:[-_].*)?$", value.strip()):
            return re.split(r"[-_]", value.strip())[0].lower()
    return None


# ---------------------------------------------------------------- article or not


@dataclass(slots=True)
class PageFeatures:
    """The few page measurements the article test looks at."""

    visible_words: int
    link_share: float  # share of the page's visible words that are inside links
    body_words: int
    body_share: float  # share of the page's visible words kept as main text
    paragraphs: int
    long_paragraphs: int  # paragraphs of 30 words or more
    article_elements: int
    linked_headings: int
    headings: int
    og_article: bool
    json_ld_article: bool
    json_ld_listing: bool
    json_ld_product: bool
    byline: bool
    dated: bool
    body_link_share: float  # share of the main text's words that are link text
    teaser_share: float  # share of main-text paragraphs that are the text of a link (teaser titles)
    short_share: float  # share of main-text paragraphs under 12 words
    cards: int  # longest run of alike sibling blocks each holding a link

    @property
    def article_signals(self) -> int:
        return sum([self.og_article, self.json_ld_article, self.byline, self.dated, self.article_elements == 1])


def _features(page: _Page, paragraphs: list[str], authors: list[str], published: str | None) -> PageFeatures:
    body_words = sum(len(_TOKEN.findall(p)) for p in paragraphs)
    kinds = set().union(*(_types(node) for node in page.json_ld)) if page.json_ld else set()
    return PageFeatures(
        visible_words=page.visible_words,
        link_share=page.link_words / page.visible_words if page.visible_words else 0.0,
        body_words=body_words,
        body_share=min(1.0, body_words / page.visible_words) if page.visible_words else 0.0,
        paragraphs=len(paragraphs),
        long_paragraphs=sum(1 for p in paragraphs if len(_TOKEN.findall(p)) >= 30),
        article_elements=page.article_elements,
        linked_headings=page.linked_headings,
        headings=page.headings,
        og_article=page.meta.get("og:type", "").lower() == "article",
        json_ld_article=bool(kinds & _ARTICLE_TYPES),
        json_ld_listing=bool(kinds & _LISTING_TYPES),
        json_ld_product=bool(kinds & _PRODUCT_TYPES),
        byline=bool(authors),
        dated=published is not None,
        body_link_share=0.0,  # measured separately, only when it matters
        teaser_share=sum(1 for p in paragraphs if _norm(p) in page.anchor_texts) / len(paragraphs) if paragraphs else 0.0,
        short_share=sum(1 for p in paragraphs if len(_TOKEN.findall(p)) < 12) / len(paragraphs) if paragraphs else 0.0,
        cards=page.cards,
    )


def not_an_article(f: PageFeatures) -> str | None:
    """Why a page is not an article (an index, listing or collection page), or None when it may be one.

    Each rule needs the absence of prose (few paragraphs of 30 words or more), so a real
    article with a long link list still passes; thresholds were set on the wcxb dev pages
    to keep about 99.7% of articles.
    """
    prose = f.long_paragraphs
    claimed = f.og_article or f.json_ld_article  # the page says it is an article
    if f.body_words < 5:
        return f"not an article: only {f.body_words} words of main text"
    if f.link_share >= 0.70 and prose <= 3 and f.body_words < 1000:
        return f"not an article: {f.link_share:.0%} of the text is links (an index or listing page)"
    if f.link_share >= 0.40 and f.body_share <= 0.20 and prose <= 1:
        return (
            f"not an article: {f.link_share:.0%} of the text is links and the main text is only "
            f"{f.body_share:.0%} of the page (an index or listing page)"
        )
    if f.body_link_share >= 0.30 and prose <= 2 and not claimed:
        return f"not an article: {f.body_link_share:.0%} of the main text is links (an index or listing page)"
    if claimed or f.byline:
        return None
    if f.short_share >= 0.9 and f.paragraphs >= 15 and prose <= 1:
        return f"not an article: {f.paragraphs} short items and no paragraph of prose (a listing or collection page)"
    if f.cards >= 20 and f.body_share <= 0.35 and prose <= 3:
        return (
            f"not an article: {f.cards} alike blocks of links and little prose, "
            f"the main text being {f.body_share:.0%} of the page (a listing or collection page)"
        )
    return None
