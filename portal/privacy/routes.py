"""The admin page for erasing one person's data."""

from flask import Blueprint, render_template
from flask_login import current_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired, Length

from portal.permissions import Role, role_required
from portal.privacy.services import erase_person

bp = Blueprint("privacy", __name__, url_prefix="/staff/erasure")


class EraseForm(FlaskForm):
    identifier = StringField(
        "Email address or forum username",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter an email address or username"), Length(max=254)],
    )
    submit = SubmitField("Erase their data", widget=GovSubmitInput())


@bp.route("/", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def erase():
    form, counts = EraseForm(), None
    if form.validate_on_submit():
        counts = erase_person(form.identifier.data, actor=current_user)
    return render_template("privacy/erase.html", form=form, counts=counts)
