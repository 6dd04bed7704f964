"""Sign in and out, own password, and user administration for admins."""

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from portal.accounts import services, throttle
from portal.accounts.forms import EditStaffUserForm, NewStaffUserForm, PasswordForm, SignInForm
from portal.accounts.models import User
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db, limiter
from portal.forms_util import apply_errors
from portal.permissions import STAFF_ROLES, Role, public, role_required
from portal.urls import safe_next

bp = Blueprint("accounts", __name__)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(throttle.login_limit, methods=["POST"])
@limiter.limit(
    throttle.account_limit,
    key_func=throttle.account_key("email"),
    methods=["POST"],
    deduct_when=throttle.failed,
)
@public
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            session.clear()
            login_user(user)
            session.permanent = True
            flash("You are signed in.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("main.staff_home"))
        form.email.errors.append("Enter a correct email address and password")
    return render_template("accounts/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out():
    if current_user.is_authenticated:
        services.sign_out(current_user)
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("main.index"))


@bp.route("/staff/account/password", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user,
                actor=current_user,
                current_password=form.current_password.data,
                password=form.password.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            login_user(
                current_user._get_current_object()
            )  # this browser stays signed in; others do not
            flash("Your password has been changed.", "success")
            return redirect(url_for("main.staff_home"))
    return render_template("accounts/password.html", form=form)


@bp.route("/staff/users")
@role_required(Role.ADMIN)
def list_users():
    return render_template("accounts/manage/users.html", users=services.list_staff())


@bp.route("/staff/users/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_user():
    form = NewStaffUserForm()
    if form.validate_on_submit():
        try:
            user = services.create_staff_user(
                email=form.email.data,
                name=form.name.data or "",
                role=form.role.data,
                organisation=form.organisation.data,
                password=form.password.data,
                safeguarding_lead=form.safeguarding_lead.data,
                actor=current_user,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(f"Account created for {user.email}.", "success")
            return redirect(url_for("accounts.list_users"))
    return render_template("accounts/manage/user_form.html", form=form, user=None)


@bp.route("/staff/users/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id):
    user = db.get_or_404(User, user_id)
    if not user.is_staff:
        abort(404)
    form = EditStaffUserForm(obj=user, safeguarding_lead=user.is_safeguarding_lead)
    if form.validate_on_submit():
        try:
            services.update_staff_user(
                user,
                actor=current_user,
                email=form.email.data,
                name=form.name.data or "",
                role=form.role.data,
                organisation=form.organisation.data,
                safeguarding_lead=form.safeguarding_lead.data,
                active=form.active.data,
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash(f"Changes saved for {user.email}.", "success")
            return redirect(url_for("accounts.list_users"))
    return render_template("accounts/manage/user_form.html", form=form, user=user)
