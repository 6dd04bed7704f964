"""The OpenAPI 3.1 description of the public, read-only measures API."""

_NUMBER_OR_NULL = {"type": ["number", "null"]}
_FRACTION_OR_NULL = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
_COUNT_OR_NULL = {"type": ["integer", "null"], "minimum": 0}
_ERROR = {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _error(description):
    return {**_ERROR, "description": description}


SCHEMAS = {
    "MeasureSummary": {
        "type": "object", "additionalProperties": False,
        "required": ["slug", "name", "audience", "source"],
        "properties": {
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "name": {"type": "string"},
            "audience": {"type": "string", "enum": ["parent_carer", "young_person", "professional", "all"]},
            "source": {"type": "string", "enum": ["survey", "staff"],
                       "description": "survey: favourable / valid survey answers; staff: figures staff enter"},
        },
    },
    "Baseline": {
        "type": "object", "additionalProperties": False,
        "required": ["value", "n", "ci_low", "ci_high", "period"],
        "description": "The locked baseline: stored when locked and never recomputed.",
        "properties": {"value": {"type": "number"}, "n": {"type": "integer", "minimum": 0},
                       "ci_low": _FRACTION_OR_NULL, "ci_high": _FRACTION_OR_NULL, "period": {"type": "string"}},
    },
    "Change": {
        "type": "object", "additionalProperties": False,
        "required": ["difference", "ci_low", "ci_high", "verdict"],
        "description": "Current minus baseline with Newcombe's hybrid score 95% interval.",
        "properties": {"difference": {"type": "number", "minimum": -1, "maximum": 1},
                       "ci_low": {"type": "number", "minimum": -1, "maximum": 1},
                       "ci_high": {"type": "number", "minimum": -1, "maximum": 1},
                       "verdict": {"type": "string", "enum": ["improved", "no clear change", "worse"]}},
    },
    "BreakdownCell": {
        "type": "object", "additionalProperties": False,
        "required": ["key", "label", "value", "n", "ci_low", "ci_high", "suppressed"],
        "properties": {"key": {"type": "string"}, "label": {"type": "string"}, "value": _NUMBER_OR_NULL,
                       "n": _COUNT_OR_NULL, "ci_low": _FRACTION_OR_NULL, "ci_high": _FRACTION_OR_NULL,
                       "suppressed": {"type": "boolean"}},
    },
    "MeasureResult": {
        "type": "object", "additionalProperties": False,
        "required": ["measure", "name", "value", "n", "favourable", "ci_low", "ci_high", "suppressed",
                     "baseline", "change", "target", "rag", "breakdown"],
        "properties": {
            "measure": {"type": "string"}, "name": {"type": "string"},
            "value": {**_NUMBER_OR_NULL, "description": "A fraction from 0 to 1 for survey measures; "
                                                        "the mean figure for staff-entered ones"},
            "n": {**_COUNT_OR_NULL, "description": "Valid answers (null when below the small-number threshold)"},
            "favourable": _COUNT_OR_NULL,
            "ci_low": _FRACTION_OR_NULL, "ci_high": _FRACTION_OR_NULL,
            "suppressed": {"type": "boolean"},
            "baseline": {"oneOf": [{"$ref": "#/components/schemas/Baseline"}, {"type": "null"}]},
            "change": {"oneOf": [{"$ref": "#/components/schemas/Change"}, {"type": "null"}]},
            "target": _NUMBER_OR_NULL,
            "rag": {"type": "string", "enum": ["green", "amber", "red", "grey"]},
            "breakdown": {"type": "array", "items": {"$ref": "#/components/schemas/BreakdownCell"}},
        },
    },
    "Error": {
        "type": "object", "additionalProperties": False, "required": ["error"],
        "properties": {"error": {"type": "string"}},
    },
}

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def openapi_document(server_url="/"):
    """Return the OpenAPI document as a dict (served as JSON at /api/v1/openapi.json)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "SEND voice measures API", "version": "1.0.0",
                 "description": "Read-only confidence and satisfaction measures with the same small-number "
                                "suppression as the public results page. Proportions are fractions from 0 to 1."},
        "servers": [{"url": server_url}],
        "paths": {
            "/api/v1/measures": {"get": {
                "operationId": "listMeasures", "summary": "List the published measures",
                "responses": {"200": {"description": "The measures", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/MeasureSummary"}}}}}},
            }},
            "/api/v1/measures/{slug}": {"get": {
                "operationId": "getMeasure", "summary": "One measure's figures for a period",
                "description": "With neither from nor to, the period is everything since the locked baseline's "
                               "period (or everything, when there is no baseline). change is null when the "
                               "period overlaps the baseline's or a figure is suppressed.",
                "parameters": [
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "by", "in": "query", "required": False, "schema": {
                        "type": "string", "enum": ["locality", "role", "age_band", "cohort", "channel", "quarter"]}},
                    {"name": "from", "in": "query", "required": False, "schema": _DATE,
                     "description": "First day of the period (inclusive)"},
                    {"name": "to", "in": "query", "required": False, "schema": _DATE,
                     "description": "Last day of the period (inclusive); not before from"},
                ],
                "responses": {
                    "200": {"description": "The measure", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/MeasureResult"}}}},
                    "400": _error("A bad query parameter (unknown by, a bad date, or from after to)"),
                    "404": _error("No published measure has this slug"),
                },
            }},
        },
        "components": {"schemas": SCHEMAS},
    }
