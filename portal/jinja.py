"""Registers template globals and filters (the formatting lives in portal.formatting)."""

import functools
import hashlib
import os
from datetime import date

from flask import current_app, request, url_for

from portal.clock import utcnow
from portal.formatting import format_date, format_datetime, format_number, format_percent
from portal.glossary.services import mark_up
from portal.navigation import home_links, nav_items
from portal.permissions import TEMPLATE_PREDICATES
from portal.surveys.services import format_code
from portal.templating import PortalTemplate, shared_partial
from portal.urls import copyable_args, public_url


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

    app.jinja_env.globals.update(nav_items=nav_items, home_links=home_links)
    app.jinja_env.filters.update(
        date=format_date, datetime=format_datetime, percent=format_percent, number=format_number
    )

    app.jinja_env.filters.update(
        glossary=mark_up, capitalize_first=lambda text: text[:1].upper() + text[1:]
    )
    app.jinja_env.globals.update(
        format_code=format_code, now=utcnow, endpoints=lambda: app.view_functions
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
