"""The public, read-only JSON API of measures (described at /api/v1/openapi.json)."""
import re
from datetime import date

from flask import Blueprint, current_app, jsonify, request

from portal.measures.openapi import openapi_document
from portal.measures.queries import BREAKDOWNS
from portal.measures.results import api_view, measure_result
from portal.measures.services import find_measure, list_measures
from portal.permissions import public
from portal.urls import public_base_url

bp = Blueprint("api", __name__, url_prefix="/api/v1")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BadParameter(ValueError):
    """A query parameter the API cannot use; its message goes back to the caller."""


def _error(message, status):
    return jsonify({"error": message}), status


def parse_date(name, value):
    """A YYYY-MM-DD query parameter as a date, or None when absent; BadParameter otherwise."""
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"'{name}' must be a real date written YYYY-MM-DD, like 2026-07-01") from None


def parse_query(args):
    """(by, date_from, date_to) from query arguments; raises BadParameter with a clear message."""
    by = args.get("by") or None
    if by is not None and by not in BREAKDOWNS:
        raise BadParameter(f"'by' must be one of: {', '.join(BREAKDOWNS)}")
    date_from, date_to = parse_date("from", args.get("from")), parse_date("to", args.get("to"))
    if date_from and date_to and date_from > date_to:
        raise BadParameter("'from' must be on or before 'to'")
    return by, date_from, date_to


@bp.route("/measures")
@public
def measures():
    return jsonify([{"slug": m.slug, "name": m.name, "audience": m.audience, "source": m.source}
                    for m in list_measures(public_only=True)])


@bp.route("/measures/<slug>")
@public
def measure(slug):
    found = find_measure(slug)
    if found is None or not found.public:
        return _error(f"No published measure is called '{slug}'", 404)
    try:
        by, date_from, date_to = parse_query(request.args)
    except BadParameter as error:
        return _error(str(error), 400)
    result = measure_result(found, by=by, date_from=date_from, date_to=date_to,
                            threshold=current_app.config["SMALL_NUMBER_THRESHOLD"])
    return jsonify(api_view(result))


@bp.route("/openapi.json")
@public
def openapi():
    return jsonify(openapi_document(public_base_url() + "/"))  # never the request's Host header
