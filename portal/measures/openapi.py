"""The OpenAPI 3.1 description of the public, read-only measures API."""

PERIOD_PATTERN = r"^\d{4}-\d{2}-Q[1-4]$"
_NUMBER_OR_NULL = {"type": ["number", "null"]}
_FRACTION_OR_NULL = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
_COUNT_OR_NULL = {"type": ["integer", "null"], "minimum": 0}
_ERROR = {
    "description": "",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _error(description):
    return {**_ERROR, "description": description}


SCHEMAS = {
    "MeasureSummary": {
        "type": "object",
        "additionalProperties": False,
        "required": ["slug", "name", "audience", "source"],
        "properties": {
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "name": {"type": "string"},
            "audience": {
                "type": "string",
                "enum": ["parent_carer", "young_person", "professional", "all"],
            },
            "source": {
                "type": "string",
                "enum": ["survey", "staff"],
                "description": "survey: favourable / valid survey answers; staff: figures staff "
                "enter",
            },
        },
    },
    "Baseline": {
        "type": "object",
        "additionalProperties": False,
        "required": ["value", "n", "ci_low", "ci_high", "period"],
        "description": "The locked baseline: stored when locked and never recomputed.",
        "properties": {
            "value": {"type": "number"},
            "n": {"type": "integer", "minimum": 0},
            "ci_low": _FRACTION_OR_NULL,
            "ci_high": _FRACTION_OR_NULL,
            "period": {"type": "string"},
        },
    },
    "Change": {
        "type": "object",
        "additionalProperties": False,
        "required": ["difference", "ci_low", "ci_high", "verdict"],
        "description": "Current minus baseline with Newcombe's hybrid score 95% interval.",
        "properties": {
            "difference": {"type": "number", "minimum": -1, "maximum": 1},
            "ci_low": {"type": "number", "minimum": -1, "maximum": 1},
            "ci_high": {"type": "number", "minimum": -1, "maximum": 1},
            "verdict": {"type": "string", "enum": ["improved", "no clear change", "worse"]},
        },
    },
    "BreakdownCell": {
        "type": "object",
        "additionalProperties": False,
        "required": ["key", "label", "value", "n", "ci_low", "ci_high", "suppressed"],
        "properties": {
            "key": {"type": "string"},
            "label": {"type": "string"},
            "value": _NUMBER_OR_NULL,
            "n": _COUNT_OR_NULL,
            "ci_low": _FRACTION_OR_NULL,
            "ci_high": _FRACTION_OR_NULL,
            "suppressed": {"type": "boolean"},
        },
    },
    "MeasureResult": {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "measure",
            "name",
            "period",
            "value",
            "n",
            "favourable",
            "ci_low",
            "ci_high",
            "suppressed",
            "baseline",
            "change",
            "target",
            "rag",
            "breakdown",
        ],
        "properties": {
            "measure": {"type": "string"},
            "name": {"type": "string"},
            "period": {
                "type": "string",
                "pattern": PERIOD_PATTERN,
                "description": "The closed financial-year quarter these figures are for",
            },
            "value": {
                **_NUMBER_OR_NULL,
                "description": "A fraction from 0 to 1 for survey measures; "
                "the mean figure for staff-entered ones",
            },
            "n": {
                **_COUNT_OR_NULL,
                "description": "Valid answers, rounded to the nearest 5 (null when below "
                "the small-number threshold)",
            },
            "favourable": {
                **_COUNT_OR_NULL,
                "description": "Favourable answers, rounded to the nearest 5",
            },
            "ci_low": _FRACTION_OR_NULL,
            "ci_high": _FRACTION_OR_NULL,
            "suppressed": {"type": "boolean"},
            "baseline": {"oneOf": [{"$ref": "#/components/schemas/Baseline"}, {"type": "null"}]},
            "change": {"oneOf": [{"$ref": "#/components/schemas/Change"}, {"type": "null"}]},
            "target": _NUMBER_OR_NULL,
            "rag": {
                "type": "string",
                "enum": ["green", "amber", "red", "unclear", "grey"],
                "description": "against this year's target; unclear when the 95% interval "
                "contains it",
            },
            "breakdown": {"type": "array", "items": {"$ref": "#/components/schemas/BreakdownCell"}},
        },
    },
    "Error": {
        "type": "object",
        "additionalProperties": False,
        "required": ["error"],
        "properties": {"error": {"type": "string"}},
    },
}

DISCLOSURE = (
    "Figures are protected so that nobody can be identified, even by comparing several answers: "
    "they are published only for closed financial-year quarters (period=2026-27-Q2 is July to "
    "September 2026), so they never change as new answers arrive and no two periods differ by a "
    "day; any count under the small-number threshold (10) is hidden (null, suppressed true), and a "
    "second cell is hidden where the first could otherwise be worked out; every other count is "
    "rounded to the nearest 5 (the Office for National Statistics 10-5 rule), and value, ci_low, "
    "ci_high and the change against the baseline are worked out from the rounded counts. Arbitrary "
    "from/to dates are not accepted."
)


def openapi_document(server_url="/"):
    """Return the OpenAPI document as a dict (served as JSON at /api/v1/openapi.json)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "SEND voice measures API",
            "version": "1.0.0",
            "description": "Read-only confidence and satisfaction measures, with the same "
            "protection as "
            "the public results page. Proportions are fractions from 0 to 1. " + DISCLOSURE,
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/v1/measures": {
                "get": {
                    "operationId": "listMeasures",
                    "summary": "List the published measures",
                    "responses": {
                        "200": {
                            "description": "The measures",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/MeasureSummary"},
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/v1/measures/{slug}": {
                "get": {
                    "operationId": "getMeasure",
                    "summary": "One measure's figures for a period",
                    "description": "Without period, the latest closed quarter. change is null when "
                    "the period "
                    "overlaps the baseline's or a figure is suppressed. " + DISCLOSURE,
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "by",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "string",
                                "enum": [
                                    "locality",
                                    "role",
                                    "age_band",
                                    "cohort",
                                    "channel",
                                    "quarter",
                                ],
                            },
                        },
                        {
                            "name": "period",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "pattern": PERIOD_PATTERN},
                            "description": "A closed financial-year quarter, like 2026-27-Q2 (July "
                            "to September 2026). A quarter that has not ended, or anything else, "
                            "is a 400 that lists the periods that exist.",
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The measure",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/MeasureResult"}
                                }
                            },
                        },
                        "400": _error(
                            "A bad query parameter (unknown by, a period we do not publish, or "
                            "from/to dates); the message lists the periods that exist"
                        ),
                        "404": _error("No published measure has this slug"),
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
