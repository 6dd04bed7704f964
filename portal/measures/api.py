"""The public, read-only JSON API of measures (described at /api/v1/openapi.json)."""

from flask import Blueprint, current_app, jsonify, request

from portal.measures import published
from portal.measures.openapi import openapi_document
from portal.measures.periods import UnknownWindow, resolve_window, window_names
from portal.measures.queries import BREAKDOWNS
from portal.measures.results import api_view, measure_result
from portal.measures.services import find_measure, list_measures
from portal.permissions import public
from portal.urls import public_base_url

bp = Blueprint("api", __name__, url_prefix="/api/v1")
RETIRED_PARAMETERS = ("from", "to")


class BadParameter(ValueError):
    """A query parameter the API cannot use; its message goes back to the caller."""


def _error(message, status):
    return jsonify({"error": message}), status


def parse_query(args):
    """(by, Window) from query arguments; raises BadParameter with a clear message.

    Only named, closed reporting periods are accepted: arbitrary from/to days would let anyone
    subtract two windows a day apart (docs/disclosure-control.md).
    """
    retired = [name for name in RETIRED_PARAMETERS if name in args]
    if retired:
        names = " and ".join(repr(name) for name in retired)
        raise BadParameter(
            f"{names} {'is' if len(retired) == 1 else 'are'} not accepted: figures are published "
            f"for named, closed reporting periods only. Use period= one of: {window_names()}"
        )
    by = args.get("by") or None
    if by is not None and by not in BREAKDOWNS:
        raise BadParameter(f"'by' must be one of: {', '.join(BREAKDOWNS)}")
    try:
        return by, resolve_window(args.get("period") or None)
    except UnknownWindow as error:
        raise BadParameter(str(error)) from None


@bp.route("/measures")
@public
def measures():
    return jsonify(
        [
            {"slug": m.slug, "name": m.name, "audience": m.audience, "source": m.source}
            for m in list_measures(public_only=True)
        ]
    )


def measure_json(measure, by, window):
    """One public measure's API answer for a closed window, as JSON text (what is stored)."""
    result = measure_result(
        measure,
        by=by,
        date_from=window.start,
        date_to=window.end,
        since_baseline=False,
        threshold=current_app.config["SMALL_NUMBER_THRESHOLD"],
    )
    return current_app.json.dumps({**api_view(result), "period": window.key})


def stored_measure_json(slug, by, window):
    """The stored answer (JSON text) for a published measure, computed on a miss; None for no such
    measure.

    Only public measures are ever stored, and any change to a measure makes stored answers stale,
    so a stored answer is served without reading the measure.
    """
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    key = dict(period=window.key, threshold=threshold, measure=slug, breakdown=by or "")
    found = published.read("api", **key)
    if found is None:
        measure = find_measure(slug)
        if measure is None or not measure.public:
            return None
        found = published.stored("api", compute=lambda: measure_json(measure, by, window), **key)
    return found[0]


@bp.route("/measures/<slug>")
@public
def measure(slug):
    try:
        by, window = parse_query(request.args)
    except BadParameter as error:
        found = find_measure(slug)
        if found is None or not found.public:
            return _error(f"No published measure is called '{slug}'", 404)
        return _error(str(error), 400)
    payload = stored_measure_json(slug, by, window)
    if payload is None:
        return _error(f"No published measure is called '{slug}'", 404)
    return current_app.response_class(payload + "\n", mimetype="application/json")


@bp.route("/openapi.json")
@public
def openapi():
    return jsonify(openapi_document(public_base_url() + "/"))  # never the request's Host header
