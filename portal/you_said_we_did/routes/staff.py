"""Editors' pages: drafting (also from an insight explorer selection), evidence, review, publish,
status."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forms_util import ConfirmForm, apply_errors
from portal.metrics.disclosure import published_count
from portal.permissions import Role, can_edit, role_required
from portal.reference.services import active_localities
from portal.you_said_we_did import queries, services
from portal.you_said_we_did.evidence import (
    candidates,
    check_evidence,
    evidence_count,
    parse_ids,
    public_quotes,
)
from portal.you_said_we_did.forms import EntryForm, EvidenceForm, ReturnForm, StatusForm
from portal.you_said_we_did.models import STATE_LABELS, Entry, EntryState
from portal.you_said_we_did.routes.blueprint import bp


def review_panel():
    if not can_edit(current_user):
        return []
    return [
        {
            "title": "\u201cYou said, we did\u201d waiting for review",
            "value": queries.count_waiting_review(),
            "url": url_for("you_said_we_did.staff_index", state="in_review"),
            "link_text": "Review entries",
        }
    ]


def _entry_form(entry=None):
    return EntryForm(
        queries.active_themes(),
        active_localities(),
        obj=entry,
        data=None
        if entry
        else {"status": "planned", "owner_organisation": current_user.organisation},
    )


@bp.route("/staff/you-said-we-did/")
@role_required(Role.EDITOR)
def staff_index():
    state = request.args.get("state") if request.args.get("state") in set(EntryState) else None
    return render_template(
        "you_said_we_did/manage/index.html",
        entries=queries.staff_list(state),
        state=state,
        state_labels=STATE_LABELS,
    )


def _preselect(form):
    """Fill a new entry's themes, localities and evidence from ?theme=&locality=&contributions=."""
    themes = {t.slug: t.id for t in queries.active_themes()}
    localities = {loc.slug: loc.id for loc in active_localities()}
    form.themes.data = [themes[s] for s in request.args.getlist("theme") if s in themes]
    form.localities.data = [
        localities[s] for s in request.args.getlist("locality") if s in localities
    ]
    form.contributions.data = request.args.get("contributions", "")
    try:
        check_evidence(parse_ids(form.contributions.data))
    except ValidationFailed as error:
        apply_errors(form, error)


@bp.route("/staff/you-said-we-did/new", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def new():
    form = _entry_form()
    if request.method == "GET":
        _preselect(form)
    elif form.validate_on_submit():
        try:
            entry = services.save_entry(
                editor=current_user,
                data={**form.values(), "evidence_ids": parse_ids(form.contributions.data)},
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash(
                "Draft saved. Check the evidence and quotes, then publish or ask for a review.",
                "success",
            )
            return redirect(url_for("you_said_we_did.evidence", entry_id=entry.id))
    return render_template("you_said_we_did/manage/edit.html", form=form, entry=None)


@bp.route("/staff/you-said-we-did/<int:entry_id>")
@role_required(Role.EDITOR)
def show(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    return render_template(
        "you_said_we_did/manage/show.html",
        entry=entry,
        quotes=public_quotes(entry),
        count=published_count(evidence_count(entry), current_app.config["SMALL_NUMBER_THRESHOLD"]),
        problems=services.ready_problems(entry),
        confirm=ConfirmForm(),
        state_labels=STATE_LABELS,
        may_review=services.may_review(entry, current_user),
    )


@bp.route("/staff/you-said-we-did/<int:entry_id>/edit", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    form = _entry_form(entry)
    if request.method == "GET":
        form.themes.data, form.localities.data = (
            [t.id for t in entry.themes],
            [loc.id for loc in entry.localities],
        )
    if form.validate_on_submit():
        try:
            services.save_entry(entry, editor=current_user, data=form.values())
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash("Saved.", "success")
            return redirect(url_for("you_said_we_did.show", entry_id=entry.id))
    return render_template("you_said_we_did/manage/edit.html", form=form, entry=entry)


@bp.route("/staff/you-said-we-did/<int:entry_id>/evidence", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def evidence(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    form = EvidenceForm(candidates(entry))
    if request.method == "GET":
        form.evidence.data = [e.contribution_id for e in entry.evidence]
        form.quotes.data = [
            e.contribution_id
            for e in sorted(entry.evidence, key=lambda e: e.quote_position or 9)
            if e.quote_position
        ]
    elif form.validate_on_submit():
        try:
            services.save_evidence(
                entry,
                editor=current_user,
                evidence_ids=form.evidence.data or [],
                quote_ids=form.quotes.data or [],
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash("Evidence and quotes saved.", "success")
            return redirect(url_for("you_said_we_did.show", entry_id=entry.id))
    return render_template(
        "you_said_we_did/manage/evidence.html",
        form=form,
        entry=entry,
        contributions=candidates(entry),
    )


def _transition(entry_id, action, done_message):
    entry = db.get_or_404(Entry, entry_id)
    if ConfirmForm().validate_on_submit():
        try:
            action(entry, editor=current_user)
            flash(done_message, "success")
        except (InvalidTransition, NotAllowed, ValidationFailed) as error:
            flash(str(error), "information")
    return redirect(url_for("you_said_we_did.show", entry_id=entry_id))


@bp.route("/staff/you-said-we-did/<int:entry_id>/request-review", methods=["POST"])
@role_required(Role.EDITOR)
def request_review(entry_id):
    return _transition(
        entry_id, services.request_review, "Sent for review. Another editor can now publish it."
    )


@bp.route("/staff/you-said-we-did/<int:entry_id>/publish", methods=["POST"])
@role_required(Role.EDITOR)
def publish(entry_id):
    return _transition(
        entry_id, services.publish, "Published. People who asked for updates are being told."
    )


@bp.route("/staff/you-said-we-did/<int:entry_id>/return", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def return_to_draft(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    form = ReturnForm()
    if form.validate_on_submit():
        try:
            services.return_to_draft(entry, reviewer=current_user, note=form.note.data)
        except (InvalidTransition, NotAllowed, ValidationFailed) as error:
            apply_errors(form, error)
        else:
            flash("Sent back to the author with your note.", "success")
            return redirect(url_for("you_said_we_did.show", entry_id=entry.id))
    return render_template("you_said_we_did/manage/return.html", form=form, entry=entry)


@bp.route("/staff/you-said-we-did/<int:entry_id>/status", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def change_status(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            services.change_status(
                entry,
                editor=current_user,
                status=form.status.data,
                note=form.note.data,
                reason=form.not_possible_reason.data,
                completed_on=form.completed_on.data,
            )
        except (InvalidTransition, NotAllowed, ValidationFailed) as error:
            apply_errors(form, error)
        else:
            flash(
                "Status changed. It is in the public history and subscribers are being told.",
                "success",
            )
            return redirect(url_for("you_said_we_did.show", entry_id=entry.id))
    return render_template("you_said_we_did/manage/status.html", form=form, entry=entry)
