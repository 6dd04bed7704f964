"""The public glossary page and the editors' pages for changing it."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from portal.errors import ValidationFailed
from portal.extensions import db
from portal.forms_util import ConfirmForm, apply_errors
from portal.glossary import services
from portal.glossary.forms import TermForm
from portal.glossary.models import GlossaryTerm
from portal.permissions import Role, public, role_required

bp = Blueprint("glossary", __name__)


@bp.route("/glossary")
@public
def index():
    return render_template("glossary/index.html", terms=services.all_terms())


@bp.route("/staff/glossary")
@role_required(Role.EDITOR)
def manage():
    return render_template(
        "glossary/manage/index.html", terms=services.all_terms(), form=ConfirmForm()
    )


@bp.route("/staff/glossary/new", methods=["GET", "POST"], defaults={"term_id": None})
@bp.route("/staff/glossary/<int:term_id>", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit_term(term_id):
    term = db.get_or_404(GlossaryTerm, term_id) if term_id else None
    form = TermForm(obj=term)
    if form.validate_on_submit():
        try:
            services.save_term(
                term,
                actor=current_user,
                term=form.term.data,
                expansion=form.expansion.data,
                explanation=form.explanation.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Glossary term saved.", "success")
            return redirect(url_for("glossary.manage"))
    return render_template("glossary/manage/term.html", form=form, term=term)


@bp.route("/staff/glossary/<int:term_id>/delete", methods=["POST"])
@role_required(Role.EDITOR)
def delete_term(term_id):
    term = db.get_or_404(GlossaryTerm, term_id)
    if ConfirmForm().validate_on_submit():
        services.delete_term(term, actor=current_user)
        flash(f"{term.term} removed from the glossary.", "success")
    return redirect(url_for("glossary.manage"))
