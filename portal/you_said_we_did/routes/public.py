"""The public "you said, we did" pages, decisions, the Atom feed and asking for updates."""

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for

from portal.accounts.models import ORGANISATION_LABELS
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db, limiter
from portal.forms_util import ConfirmForm, apply_errors
from portal.metrics.disclosure import published_count, published_counts
from portal.permissions import public
from portal.reference.services import active_localities
from portal.urls import page_arg, public_url
from portal.you_said_we_did import queries, subscriptions
from portal.you_said_we_did.evidence import evidence_count, public_quotes
from portal.you_said_we_did.feed import atom_feed
from portal.you_said_we_did.forms import SubscribeForm
from portal.you_said_we_did.models import (
    STATUS_LABELS,
    STATUS_TAGS,
    YOUNG_STATUS_LABELS,
    Entry,
    EntryState,
)
from portal.you_said_we_did.routes.blueprint import bp


@bp.app_template_filter("ysywd_text")
def plain_text(value):
    """Glossary <abbr> expansion when the glossary filter exists, else plain (autoescaped) text."""
    glossary = current_app.jinja_env.filters.get("glossary")
    return glossary(value) if glossary and value else value


@bp.app_template_filter("paragraphs")
def paragraphs(value):
    return [part.strip() for part in (value or "").split("\n\n") if part.strip()]


@bp.app_context_processor
def labels():
    return {
        "status_labels": STATUS_LABELS,
        "status_tags": STATUS_TAGS,
        "young_status_labels": YOUNG_STATUS_LABELS,
        "organisation_labels": ORGANISATION_LABELS,
    }


def _young():
    return request.args.get("version") == "young"


def _limit():
    return current_app.config["PUBLIC_POST_RATE_LIMIT"]


@bp.route("/you-said-we-did")
@public
def index():
    filters = {key: request.args.get(key) or None for key in ("theme", "locality", "status")}
    pager = db.paginate(
        queries.published_query(**filters), page=page_arg(), per_page=20, error_out=False
    )
    themes, localities = queries.filter_choices()
    return render_template(
        "you_said_we_did/index.html",
        pager=pager,
        filters=filters,
        young=_young(),
        themes=themes,
        localities=localities,
        counts=published_counts(
            queries.evidence_counts([e.id for e in pager.items]),
            current_app.config["SMALL_NUMBER_THRESHOLD"],
        ),
    )


def _published_or_404(entry_id):
    entry = db.get_or_404(Entry, entry_id)
    if entry.state != EntryState.PUBLISHED:
        abort(404)
    return entry


@bp.route("/you-said-we-did/<int:entry_id>")
@public
def entry(entry_id):
    entry = _published_or_404(entry_id)
    return render_template(
        "you_said_we_did/entry.html",
        entry=entry,
        young=_young(),
        quotes=public_quotes(entry),
        count=published_count(evidence_count(entry), current_app.config["SMALL_NUMBER_THRESHOLD"]),
    )


@bp.route("/you-said-we-did.atom")
@public
def feed():
    filters = {key: request.args.get(key) or None for key in ("theme", "locality", "status")}
    entries = db.session.scalars(queries.published_query(**filters).limit(50)).all()
    body = atom_feed(
        title="You said, we did - " + current_app.config["PARTNERSHIP_NAME"],
        self_url=public_url("you_said_we_did.feed", **filters),
        page_url=public_url("you_said_we_did.index", **filters),
        entries=entries,
        updated_at=queries.last_changed([e.id for e in entries]),
        entry_url=lambda e: public_url("you_said_we_did.entry", entry_id=e.id),
        author=current_app.config["PARTNERSHIP_NAME"],
    )
    return Response(body, mimetype="application/atom+xml")


@bp.route("/decisions")
@public
def decisions():
    return render_template("you_said_we_did/decisions.html", entries=queries.decision_entries())


@bp.route("/you-said-we-did/subscribe", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@public
def subscribe():
    form = SubscribeForm(
        queries.active_themes(),
        active_localities(),
        data={
            "themes": request.args.getlist("theme"),
            "localities": request.args.getlist("locality"),
        },
    )
    if form.validate_on_submit():
        if form.website.data:  # a robot filled the hidden field: look successful, keep nothing
            return redirect(url_for("you_said_we_did.check_email"))
        try:
            subscriptions.subscribe(
                email=form.email.data,
                theme_slugs=form.themes.data or [],
                locality_slugs=form.localities.data or [],
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            return redirect(url_for("you_said_we_did.check_email"))
    return render_template("you_said_we_did/subscribe.html", form=form)


@bp.route("/you-said-we-did/subscribe/check-your-email")
@public
def check_email():
    return render_template("you_said_we_did/check_email.html")


@bp.route("/you-said-we-did/confirm/<token>", methods=["GET", "POST"])
@public
def confirm(token):
    subscriber = subscriptions.find_by_token("confirm", token) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            subscriptions.confirm(subscriber)
            flash(
                "Thank you. We will email you when we publish or update something you asked about.",
                "success",
            )
        except InvalidTransition:
            flash("You had already confirmed. Nothing has changed.", "information")
        return redirect(url_for("you_said_we_did.index"))
    return render_template("you_said_we_did/confirm.html", form=form, subscriber=subscriber)


@bp.route("/you-said-we-did/unsubscribe/<token>", methods=["GET", "POST"])
@public
def unsubscribe(token):
    subscriber = subscriptions.find_by_token("unsubscribe", token) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        subscriptions.unsubscribe(subscriber)
        flash("You will not get any more updates. We have deleted your email address.", "success")
        return redirect(url_for("you_said_we_did.index"))
    return render_template("you_said_we_did/unsubscribe.html", form=form)
