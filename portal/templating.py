"""Rendering shortcuts that keep work between pages: a cheaper Jinja import, shared partials and
whole pages that everyone not signed in sees alike."""

import secrets

from flask import current_app, g, render_template, request, session
from jinja2 import Template, pass_context
from markupsafe import Markup

from portal.sessions import signed_in


@pass_context
def shared_partial(context, name):
    """Render the partial `name` (the page header or footer) as `{% include %}` would.

    Everyone not signed in sees the same header and footer on a page (they differ only by the page,
    for the menu's current item, and by event mode), so for them each is rendered once per page and
    process and kept. Signed-in people, whose header holds their own sign-out form, get a fresh one.
    """
    if signed_in() or current_app.debug:
        return Markup(context.environment.get_template(name).render(context.get_all()))
    kept = current_app.extensions.setdefault("portal.shared_partials", {})
    key = (name, request.endpoint, bool(context.get("kiosk_mode")), request.script_root)
    html = kept.get(key)
    if html is None:
        template = context.environment.get_template(name)
        html = kept[key] = Markup(template.render(context.get_all()))
    return html


class PortalTemplate(Template):
    """Jinja's Template, with a cheaper check on each `{% from ... import %}` (base.html has four).

    Jinja compares the page's global names with the imported template's on every import, key by
    key through a ChainMap (a tenth of a plain page's render time); the same comparison on plain
    sets gives the same answer at a fraction of the cost.
    """

    def _get_default_module(self, ctx=None):
        if ctx is not None and ctx.globals_keys.difference(set(self.globals)):
            return super()._get_default_module(ctx)  # new globals: Jinja builds a fresh module
        if self._module is None:
            self._module = self.make_module()
        return self._module


# What a page rendered for keeping has where each response's CSP nonce goes: random per process, so
# nothing a page shows can contain it.
_NONCE_MARK = "nonce" + secrets.token_hex(16)
# Session keys a kept page would not show: a flashed message, or event mode (its own header).
_OWN_PAGE_KEYS = ("_flashes", "kiosk")
_KEPT_PAGES = "portal.ready_pages"


def plain_visitor():
    """True when this request would be shown what every visitor not signed in sees: not signed
    in, no message waiting to be shown, not in event mode, a GET, not debugging."""
    return (
        request.method == "GET"
        and not current_app.debug
        and not signed_in()
        and not any(key in session for key in _OWN_PAGE_KEYS)
    )


# Most pages kept at once per process (a question page is kept per version, question, progress and
# chosen answers): past this the kept pages are dropped and rendered again as asked for.
KEPT_PAGES_MAX = 2_000


def render_ready(name, ready_key, variant=None, fills=None, lazy=None, **context):
    """render_template(name, **context), rendered once and kept while `ready_key` is unchanged for
    plain visitors (see plain_visitor); everyone else gets a fresh render.

    `variant` keeps one page per value (for /results, each valid period), so it must come from a
    small set, never straight from what a visitor typed.
    `ready_key` must change whenever anything the page shows could (for the home page, its
    FrontDoor). The kept page has a marker where the CSP nonce goes, replaced per response, so each
    response's nonce is its own and matches its header. `fills` ({marker: function}) puts other
    per-response values in the same way (a question page's CSRF token): the page is rendered with
    each marker, and each response, kept or fresh, gets the function's value in its place.
    `lazy`, a function returning more context, is called only when the page is rendered, so a kept
    page skips building what only rendering needs (a question page's form).
    """
    if not plain_visitor():
        return _filled(render_template(name, **context, **_more(lazy)), None, fills)
    kept = current_app.extensions.setdefault(_KEPT_PAGES, {})
    slot = (name, request.script_root, variant)
    found = kept.get(slot)
    if found is None or found[0] != ready_key:
        nonce = getattr(request, "csp_nonce", None)
        request.csp_nonce = _NONCE_MARK
        try:
            html = render_template(name, **context, **_more(lazy))
        finally:
            request.csp_nonce = nonce
        if _holds_csrf_token(html):  # a form's token is this visitor's own: never kept
            return _filled(html, nonce or "", fills)
        if len(kept) >= KEPT_PAGES_MAX:
            kept.clear()
        found = kept[slot] = (ready_key, html)
    return _filled(found[1], getattr(request, "csp_nonce", None) or "", fills)


def _more(lazy):
    return lazy() if lazy is not None else {}


def _filled(html, nonce, fills):
    if nonce is not None:
        html = html.replace(_NONCE_MARK, nonce)
    for marker, value in (fills or {}).items():
        html = html.replace(marker, str(value()))
    return html


def _holds_csrf_token(html):
    """Whether `html` shows the CSRF token signed for this request (Flask-WTF keeps it in g)."""
    token = g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
    return bool(token) and token in html
