"""Rendering shortcuts that keep work between pages: a cheaper Jinja import, shared partials."""

from flask import current_app, request
from flask_login import current_user
from jinja2 import Template, pass_context
from markupsafe import Markup


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
