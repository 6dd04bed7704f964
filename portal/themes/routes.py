"""Staff pages: the theme taxonomy (editors) and tagging contributions with themes (moderators)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.contributions.models import SOURCE_LABELS, STATUS_LABELS, Contribution
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forms_util import ConfirmForm, apply_errors
from portal.permissions import Role, role_required
from portal.reference.services import active_localities
from portal.themes import services, tagging
from portal.themes.forms import AddThemeForm, ThemeForm
from portal.themes.models import Theme
from portal.urls import db_id, page_arg, safe_next

bp = Blueprint("themes", __name__, url_prefix="/staff/themes")


@bp.route("/")
@role_required(Role.EDITOR)
def index():
    return render_template("themes/manage/index.html", themes=services.all_themes())


@bp.route("/new", methods=["GET", "POST"], defaults={"theme_id": None})
@bp.route("/<int:theme_id>", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit(theme_id):
    theme = db.get_or_404(Theme, theme_id) if theme_id else None
    form = ThemeForm(data=services.theme_form_data(theme))
    if form.validate_on_submit():
        try:
            services.save_theme(
                theme,
                actor=current_user,
                slug=form.slug.data,
                label=form.label.data,
                description=form.description.data,
                keywords=services.parse_lines(form.keywords.data),
                aliases=services.parse_lines(form.aliases.data),
                local_offer_url=form.local_offer_url.data,
                active=form.active.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Theme saved. The next analysis uses it.", "success")
            return redirect(url_for("themes.index"))
    return render_template("themes/manage/edit.html", form=form, theme=theme)


def _tagging_filters():
    args = request.args
    return {
        "untagged": args.get("untagged") == "1",
        "theme_id": args.get("theme", type=db_id),
        "source": args.get("source", "")[:12] or None,
        "locality_id": args.get("locality", type=db_id),
        "status": args.get("status", "")[:12] or None,
    }


@bp.route("/tagging")
@role_required(Role.MODERATOR)
def tagging_list():
    filters, themes = _tagging_filters(), services.active_themes()
    pager = db.paginate(
        tagging.tagging_query(viewer=current_user, **filters),
        page=page_arg(),
        per_page=50,
        error_out=False,
    )
    return render_template(
        "themes/tagging.html",
        pager=pager,
        filters=filters,
        themes=themes,
        bulk_form=AddThemeForm(themes, label="Theme to confirm on the selected items"),
        localities=active_localities(),
        sources=SOURCE_LABELS,
        statuses=STATUS_LABELS,
    )


def _back(contribution):
    return redirect(
        safe_next(request.form.get("next"))
        or url_for("moderation.item", item_id=contribution.id) + "#themes"
    )


@bp.route("/tagging/<int:item_id>/add", methods=["POST"])
@role_required(Role.MODERATOR)
def add(item_id):
    contribution = db.get_or_404(Contribution, item_id)
    form = AddThemeForm(services.active_themes())
    if not form.validate_on_submit():
        flash(form.theme.errors[0] if form.theme.errors else "Select a theme to add", "error")
        return _back(contribution)
    try:
        theme = tagging.confirm_theme(
            contribution, actor=current_user, theme_id=int(form.theme.data)
        )
    except ValidationFailed as error:
        flash(error.errors.get("theme", str(error)), "error")
    except NotAllowed as error:
        flash(str(error), "error")
    else:
        flash(f"Theme confirmed on item {contribution.id}: {theme.label}.", "success")
    return _back(contribution)


@bp.route("/tagging/<int:item_id>/remove", methods=["POST"])
@role_required(Role.MODERATOR)
def remove(item_id):
    contribution = db.get_or_404(Contribution, item_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        theme = tagging.remove_theme(
            contribution, actor=current_user, theme_id=request.form.get("theme", type=db_id)
        )
    except NotAllowed as error:
        flash(str(error), "error")
    else:
        flash(f"Theme removed from item {contribution.id}: {theme.label}.", "success")
    return _back(contribution)


@bp.route("/tagging/bulk", methods=["POST"])
@role_required(Role.MODERATOR)
def bulk():
    form = AddThemeForm(services.active_themes())
    back = safe_next(request.form.get("next")) or url_for("themes.tagging_list")
    ids = [int(i) for i in request.form.getlist("item") if i.isdigit()]
    if not form.validate_on_submit():
        flash(form.theme.errors[0] if form.theme.errors else "Select a theme", "error")
        return redirect(back)
    try:
        changed = tagging.bulk_confirm_theme(ids, actor=current_user, theme_id=int(form.theme.data))
    except ValidationFailed as error:
        flash(next(iter(error.errors.values())), "error")
    else:
        flash(f"Theme confirmed on {changed} item(s).", "success")
    return redirect(back)
