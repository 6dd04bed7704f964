"""Template globals and filters: permission predicates and plain-English formatting."""

import functools
import hashlib
import os
from datetime import date, datetime

from flask import current_app, request, url_for
from flask_login import current_user
from jinja2 import Template, pass_context
from markupsafe import Markup

from portal.permissions import TEMPLATE_PREDICATES
from portal.urls import copyable_args, public_url


def format_date(value):
    """'3 September 2026' (GOV.UK style), or '' for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def format_datetime(value):
    """'3 September 2026 at 2:05pm', or '' for None."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{format_date(value)} at {hour}:{value:%M}{'am' if value.hour < 12 else 'pm'}"


def format_percent(value, places=0):
    """0.514 -> '51%'; None -> ''."""
    if value is None:
        return ""
    return f"{value * 100:.{places}f}%"


def format_number(value):
    """1234 -> '1,234'; None -> ''."""
    return "" if value is None else f"{value:,}"


def utcnow_naive():
    from portal.accounts.models import utcnow

    return utcnow()


def url_with(**changes):
    """The current page's URL with some query arguments changed (for pagers and filters)."""
    args = {**request.view_args, **copyable_args(request.args.to_dict()), **changes}
    return url_for(request.endpoint, **args)


@functools.cache
def _file_version(path, mtime):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:10]


def asset(filename):
    """A static file's URL with a content hash, so it can be cached for a year and still change.

    A deployed process hashes each file once and builds its URL once per mount point (static files
    change only with a deploy, which restarts it): every page links several, so no page stats or
    builds them again. In debug and tests the file is looked at every time, so edits show at once.
    """
    if current_app.debug or current_app.testing:
        return url_for("static", filename=filename, v=_version(filename))
    urls = current_app.extensions.setdefault("portal.asset_urls", {})
    key = (filename, request.script_root)
    url = urls.get(key)
    if url is None:
        url = urls[key] = url_for("static", filename=filename, v=_version(filename))
    return url


def _version(filename):
    path = os.path.join(current_app.static_folder, filename)
    return _file_version(path, os.path.getmtime(path)) if os.path.exists(path) else "0"


@pass_context
def shared_partial(context, name):
    """Render the partial `name` (the page header or footer) as `{% include %}` would.

    Everyone not signed in sees the same header and footer on a page (they differ only by the page,
    for the menu's current item, and by event mode), so for them each is rendered once per page and
    process and kept. Signed-in people, whose header holds their own sign-out form, get a fresh one.
    """
    if current_user.is_authenticated or current_app.debug:
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


def register_jinja(app):
    app.jinja_env.template_class = PortalTemplate
    app.jinja_env.globals.update(TEMPLATE_PREDICATES)
    app.jinja_env.globals.update(
        today=date.today,
        url_with=url_with,
        asset=asset,
        public_url=public_url,
        shared_partial=shared_partial,
    )
    from portal.navigation import home_links, nav_items

    app.jinja_env.globals.update(nav_items=nav_items, home_links=home_links)
    app.jinja_env.filters.update(
        date=format_date, datetime=format_datetime, percent=format_percent, number=format_number
    )
    from portal.glossary.services import mark_up
    from portal.surveys.services import format_code

    app.jinja_env.filters.update(
        glossary=mark_up, capitalize_first=lambda text: text[:1].upper() + text[1:]
    )
    app.jinja_env.globals.update(
        format_code=format_code, now=utcnow_naive, endpoints=lambda: app.view_functions
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    from govuk_frontend_wtf.main import WTFormsHelpers

    WTFormsHelpers(app)

    @app.context_processor
    def service_details():
        return {
            "service_name": app.config["SERVICE_NAME"],
            "partnership_name": app.config["PARTNERSHIP_NAME"],
            "contact_email": app.config["CONTACT_EMAIL"],
            "contact_phone": app.config["CONTACT_PHONE"],
        }
