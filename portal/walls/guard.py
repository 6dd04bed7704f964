"""Handlers' side of the wall: refuse a page that would show text the user may not read."""

from flask import abort, make_response, render_template
from flask_login import current_user

from portal.walls import rules
from portal.walls.services import note_read, organisation_label


def require_readable(contribution, *, where):
    """Abort with a 403 page (naming the owner, never the text) unless the current user may read the
    contribution's text in full. A safeguarding lead's read of another organisation's text is
    audited."""
    if not note_read(current_user, contribution, where=where):
        abort(
            make_response(
                render_template(
                    "walls/walled.html", owner=organisation_label(contribution.owner_organisation)
                ),
                403,
            )
        )


def template_helpers():
    """Jinja helpers: wall_reason(item) and wall_owner(item)."""
    return {
        "wall_reason": lambda item: rules.read_reason(current_user, item),
        "wall_owner": lambda item: organisation_label(item.owner_organisation),
        "wall_quotable": lambda item: rules.can_quote(current_user, item),
    }
