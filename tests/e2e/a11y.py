"""Accessibility and phone checks for the browser journeys.

``axe_faults(page)`` runs axe-core (vendored in ``static/vendor/axe-core/``, used by the tests only: no
template refers to it) on the page and returns its serious and critical violations. The script is
evaluated through the DevTools protocol rather than added as a ``<script>`` element: the pages'
Content-Security-Policy (``script-src 'self'``) rightly refuses an inline script, and the journeys fail on
anything the policy blocks.

``phone_faults(page)`` (on a 390 px wide page) returns what makes a phone user's life hard: the page
scrolls sideways, or a visible button, form control, tab or link standing alone (not a word of running
text or of a table cell) is less than 44 px tall (WCAG 2.5.5 target size), or a table row checkbox whose label
(its tap area) is smaller.

``crawl(page, site, start)`` walks what a role's navigation offers: the start page, every page its
navigation links to, and one page of each kind linked from those (the detail pages one level down).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "static" / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
MIN_TAP = 44
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}

_axe_source: str | None = None


def _axe() -> str:
    global _axe_source
    if _axe_source is None:
        _axe_source = AXE.read_text(encoding="utf-8") + "\n;true"
    return _axe_source


def axe_results(page) -> list[dict]:
    """Every axe violation on the page (WCAG 2.x A and AA rules and axe's best practices)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe())
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                          summary: (n.failureSummary || '').slice(0, 300)})),
            }));
        }"""
    )


def axe_faults(page) -> list[dict]:
    return [violation for violation in axe_results(page) if violation["impact"] in BLOCKING]


def desktop_axe_faults(page) -> list[dict]:
    """axe on the current page widened to 1366 px, where the top navigation is expanded (at 390 px it is
    collapsed and axe does not see its links), then the page is put back to the phone width."""
    page.set_viewport_size(DESKTOP)
    try:
        return axe_faults(page)
    finally:
        page.set_viewport_size(PHONE)


PHONE_SCRIPT = """(minTap) => {
    const faults = [];
    const root = document.documentElement;
    const clipped = (el) => {  // inside a box that scrolls or clips on its own (a .table-responsive)
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== 'visible') return true;
        }
        return false;
    };
    if (root.scrollWidth > root.clientWidth) {
        const wide = [];
        for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 1 && el.checkVisibility() && !clipped(el)) {
                if (!wide.some(parent => parent.contains(el))) wide.push(el);
            }
        }
        faults.push(`scrolls sideways: ${root.scrollWidth} px > ${root.clientWidth} px; too wide: ` +
            wide.slice(0, 4).map(el => el.outerHTML.slice(0, 120)).join(' | '));
    }
    const selector = 'button, .btn, select, textarea, .ts-control, ' +
        'input:not([type=hidden]):not([type=checkbox]):not([type=radio])';
    for (const el of document.querySelectorAll(selector)) {
        if (el.matches('.ts-control input')) continue;  // a searchable select: its whole box is the target
        if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        if (el.closest('.dropdown-menu, .navbar-collapse:not(.show), .modal:not(.show), [hidden]')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.height < minTap - 0.5) {
            faults.push(`tap target ${Math.round(box.height)} px tall: ${el.outerHTML.slice(0, 140)}`);
        }
    }
    // links standing alone and tabs are tap targets too: every link but a word of running text (in a
    // paragraph, a table cell, a label, a hint, an alert, a breadcrumb, or a block of more than a line of
    // words besides its links); a stretched link's target is its whole card
    const RUNNING = 'p, td, th, dd, label, .form-text, .breadcrumb, .alert, .dropdown-menu, .navbar-collapse, ' +
        '.modal:not(.show), [hidden], footer';
    const block = (el) => {
        for (let box = el.parentElement; box; box = box.parentElement) {
            if (!getComputedStyle(box).display.startsWith('inline')) return box;
        }
        return document.body;
    };
    const standalone = (link) => {
        if (link.closest(RUNNING)) return false;
        const holder = block(link);
        let rest = holder.innerText || '';
        for (const other of holder.querySelectorAll('a')) rest = rest.replace(other.innerText, '');
        return rest.replace(/\\s+/g, ' ').trim().length <= 60;
    };
    for (const el of document.querySelectorAll('main a[href], main .nav-link, main [role=tab]')) {
        if (el.matches('.btn, .stretched-link')) continue;
        if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        if (!el.matches('.nav-link, [role=tab]') && !standalone(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.height < minTap - 0.5) {
            faults.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px (a link standing ` +
                `alone): ${el.outerHTML.slice(0, 140)}`);
        }
    }
    // a row checkbox of a table or of a bulk form: a label around it (or pointing at it) makes the tap area 44 px
    for (const el of document.querySelectorAll('main td input[type=checkbox], main th input[type=checkbox], ' +
                                               'main input[type=checkbox][form]')) {
        if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        const label = el.closest('label') ||
            (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
        const box = (label || el).getBoundingClientRect();
        if (box.height < minTap - 0.5 || box.width < minTap - 0.5) {
            faults.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px (a row checkbox): ` +
                `${el.outerHTML.slice(0, 140)}`);
        }
    }
    // a destructive button at least 16 px away from any other button beside it
    const buttons = [...document.querySelectorAll('.btn')].filter(el => el.checkVisibility() &&
        !el.closest('.dropdown-menu, .modal:not(.show)'));
    for (const danger of buttons.filter(el => el.matches('.btn-danger, .btn-outline-danger'))) {
        const a = danger.getBoundingClientRect();
        for (const other of buttons) {
            if (other === danger || other.matches('.btn-danger, .btn-outline-danger')) continue;
            const b = other.getBoundingClientRect();
            const sameRow = a.top < b.bottom && b.top < a.bottom;
            const gap = Math.max(b.left - a.right, a.left - b.right);
            if (sameRow && gap >= 0 && gap < 16) {
                faults.push(`destructive button ${Math.round(gap)} px from another: ` +
                    `${danger.textContent.trim().slice(0, 40)} | ${other.textContent.trim().slice(0, 40)}`);
            }
        }
    }
    return faults;
}"""


def phone_faults(page) -> list[str]:
    """The page at its current (phone) width: no sideways scrolling, every tap target ≥ 44 px tall."""
    return page.evaluate(PHONE_SCRIPT, MIN_TAP)


# --- the crawl ---------------------------------------------------------------------------------------

SKIP = re.compile(
    r"/download/|/export|/print|\.(pdf|docx|xlsx|csv|zip)$|/logout|/admin/|/media/|/static/|/jobs/\d+/file"
)


def shape(path: str) -> str:
    """One page of each kind: the numbers and signed tokens of a path do not make another page."""
    path = re.sub(r"/\d+(?=/)", "/#", path)
    return re.sub(r"/[A-Za-z0-9_:-]{20,}(?=/)", "/*", path)


@dataclass
class Visit:
    url: str
    level: int
    axe: list[dict] = field(default_factory=list)
    desktop_axe: list[dict] = field(default_factory=list)  # the same page at 1366 px (navigation expanded)
    phone: list[str] = field(default_factory=list)


def _links(page, selector: str, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        selector, "els => els.filter(a => !a.hasAttribute('download')).map(a => a.href)"
    )
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or SKIP.search(parts.path):
            continue
        url = f"{origin}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        if url not in found:
            found.append(url)
    return found


NAV = "#mainNav a.nav-link[href]:not([href='#']), #mainNav a.dropdown-item[href]"
IN_PAGE = "main a[href]:not([href^='#'])"


def crawl(
    page,
    start: str,
    *,
    check: Callable[[object, Visit], None],
    limit: int = 60,
    per_section: int = 3,
    details_seen: set[str] | None = None,
) -> list[Visit]:
    """Visit the start page, its navigation, and one page of each kind one level down; ``check`` each.

    ``details_seen`` (shared between the roles of one journey) keeps a detail page of a kind another role
    has already had checked from being checked again: every role's own sections are walked, the pages
    below them once.
    """
    details_seen = set() if details_seen is None else details_seen
    parts = urlsplit(start)
    origin = f"{parts.scheme}://{parts.netloc}"
    visits: list[Visit] = []
    seen: set[str] = set()

    def visit(url: str, level: int) -> bool:
        key = shape(urlsplit(url).path)
        if key in seen or len(visits) >= limit or (level == 2 and key in details_seen):
            return False
        seen.add(key)
        if level == 2:
            details_seen.add(key)
        response = page.goto(url)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            return False
        assert response.status < 400, f"{url} answered {response.status}"
        item = Visit(url=page.url, level=level)
        check(page, item)
        visits.append(item)
        return True

    visit(start, 0)
    sections = _links(page, NAV, origin) + _links(page, IN_PAGE, origin)
    opened: list[str] = [url for url in sections if visit(url, 1)]
    for section in opened:
        page.goto(section)
        section_path = urlsplit(section).path
        below = [
            url
            for url in _links(page, IN_PAGE, origin)
            if urlsplit(url).path.startswith(section_path) and urlsplit(url).path != section_path
        ]
        taken = 0
        for url in below:
            if taken >= per_section:
                break
            taken += visit(url, 2)
    return visits


def describe(visits: Iterable[Visit]) -> str:
    lines = []
    for item in visits:
        for width, violation in [("390", v) for v in item.axe] + [("1366", v) for v in item.desktop_axe]:
            first = violation["nodes"][0]
            lines.append(
                f"{item.url} at {width} px: axe {violation['impact']} {violation['id']} ({violation['help']}) on "
                f"{len(violation['nodes'])} element(s), first {first['html']}: {first['summary']}"
            )
        lines.extend(f"{item.url}: {fault}" for fault in item.phone)
    return "\n".join(lines)
