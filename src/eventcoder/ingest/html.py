"""HTML pages: the main article text (via trafilatura) plus title, URL, site and date meta tags.

Event offsets for HTML input are offsets into the *extracted* main text (``Article.text``), not
into the HTML source. Paragraphs are separated by a blank line so sentences do not run across
them, and boilerplate paragraphs ("Share this article", "Advertisement") are left out.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree

from eventcoder.errors import InputError
from eventcoder.ingest.boilerplate import is_boilerplate_line
from eventcoder.ingest.published import parse_published

__all__ = ["HtmlDocument", "declared_charset", "extract_html"]

log = logging.getLogger(__name__)

# Meta tags that carry a publication date, most specific first.
_DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "DC.date.issued"),
)


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What eventcoder keeps from an HTML page."""

    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    site_name: str | None


def _meta(tree: etree._Element, attr: str, value: str) -> str | None:
    lowered = value.lower()
    for el in tree.iter("meta"):
        if (el.get(attr) or "").lower() == lowered:
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _html_date(tree: etree._Element) -> dt.date | None:
    for attr, value in _DATE_META:
        found = _meta(tree, attr, value)
        if found and (day := parse_published(found)):
            return day
    for el in tree.iter("time"):
        day = parse_published(el.get("datetime") or "")
        if day:
            return day
    return None


def _title(tree: etree._Element) -> str | None:
    og = _meta(tree, "property", "og:title")
    if og:
        return og
    for el in tree.iter("title"):
        text = " ".join((el.text or "").split())
        if text:
            return text
    return None


def _url(tree: etree._Element) -> str | None:
    og = _meta(tree, "property", "og:url")
    if og:
        return og
    for el in tree.iter("link"):
        href = el.get("href")
        if (el.get("rel") or "").lower() == "canonical" and href:
            return str(href)
    return None


def extract_html(html: str, *, name: str) -> HtmlDocument:
    """The main text and metadata of an HTML page.

    Raises InputError when no article text can be extracted (an empty, broken or
    navigation-only page).
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError(
            f"{name}: HTML could not be parsed (no document structure found); "
            "check the file, or save the article text as .txt"
        )
    main = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True, deduplicate=False
    )
    if not main or not main.strip():
        raise InputError(
            f"{name}: no article text could be extracted from the HTML; "
            "check that it is a full article page, or save the article text as .txt"
        )
    paragraphs = [
        line.strip() for line in main.splitlines() if line.strip() and not is_boilerplate_line(line)
    ]
    if not paragraphs:
        raise InputError(
            f"{name}: the page's main text is only boilerplate (links, ads, copyright); "
            "give an article page"
        )
    text = "\n\n".join(paragraphs)
    site = _meta(tree, "property", "og:site_name")
    return HtmlDocument(
        text=text, title=_title(tree), published=_html_date(tree), url=_url(tree), site_name=site
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 kB, if any."""
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096])
    return m.group(1).decode("ascii").lower() if m else None
