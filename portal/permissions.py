"""Roles, route guards and permission predicates (also exposed to templates)."""

from enum import StrEnum
from functools import wraps

from flask import abort
from flask_login import current_user

from portal.extensions import login_manager


class Role(StrEnum):
    YOUNG_PERSON = "young_person"
    VIEWER = "viewer"
    MODERATOR = "moderator"
    EDITOR = "editor"
    ADMIN = "admin"


STAFF_ROLES = (Role.VIEWER, Role.MODERATOR, Role.EDITOR, Role.ADMIN)
ROLE_LABELS = {
    Role.YOUNG_PERSON: "Young person",
    Role.VIEWER: "Viewer (board, reports)",
    Role.MODERATOR: "Moderator (PCF, SENDIASS, council)",
    Role.EDITOR: "Editor (officers)",
    Role.ADMIN: "Admin",
}
# Each role can do everything the roles listed after it can (DESIGN.md section 3).
_INHERITS = {
    Role.ADMIN: {Role.ADMIN, Role.EDITOR, Role.MODERATOR, Role.VIEWER},
    Role.EDITOR: {Role.EDITOR, Role.MODERATOR, Role.VIEWER},
    Role.MODERATOR: {Role.MODERATOR, Role.VIEWER},
    Role.VIEWER: {Role.VIEWER},
    Role.YOUNG_PERSON: {Role.YOUNG_PERSON},
}


def has_role(user, *roles):
    """True when `user` is signed in, active and holds one of `roles` directly or by inheritance."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    held = _INHERITS.get(Role(user.role), set())
    return any(Role(r) in held for r in roles)


def can_view_dashboards(user):
    """Viewers and every staff role above them."""
    return has_role(user, Role.VIEWER)


def can_moderate(user):
    """Moderators, editors and admins."""
    return has_role(user, Role.MODERATOR)


def can_edit(user):
    """Editors and admins: surveys, themes, measures, "you said, we did"."""
    return has_role(user, Role.EDITOR)


def can_admin(user):
    """Admins only: users, roles, reference data, retention."""
    return has_role(user, Role.ADMIN)


def is_staff(user):
    """Any staff role (not a young person's forum account)."""
    return has_role(user, *STAFF_ROLES)


def public(view):
    """Mark a view as open to anonymous visitors (checked by the URL-map test)."""
    view.is_public = True
    return view


def role_required(*roles):
    """Guard a view: anonymous users go to sign in, the wrong role gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not has_role(current_user, *roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = tuple(Role(r) for r in roles)
        return wrapped

    return decorator


TEMPLATE_PREDICATES = {
    "can_view_dashboards": can_view_dashboards,
    "can_moderate": can_moderate,
    "can_edit": can_edit,
    "can_admin": can_admin,
    "is_staff": is_staff,
}
