"""The public JSON API against its own OpenAPI document, with the same suppression as the pages."""

from datetime import datetime

import jsonschema
import pytest
from jsonschema.validators import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from portal.measures.seeds import seed_measures
from tests.factories import make_reference_data
from tests.measures.factories import make_mixed


def _validator(client, name):
    document = client.get("/api/v1/openapi.json").get_json()
    registry = Registry().with_resource("urn:api", DRAFT202012.create_resource(document))
    return Draft202012Validator({"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry)


def test_openapi_document_is_valid_openapi_31(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    assert {"/api/v1/measures", "/api/v1/measures/{slug}"} <= set(document["paths"])
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_list_matches_schema(client):
    seed_measures()
    body = client.get("/api/v1/measures").get_json()
    assert len(body) == 12
    for item in body:
        _validator(client, "MeasureSummary").validate(item)
    assert {
        "slug": "parent-carer-satisfaction",
        "name": "Parent carer satisfaction",
        "audience": "parent_carer",
        "source": "survey",
    } in body


@pytest.mark.parametrize(
    "by", ["locality", "role", "age_band", "cohort", "channel", "quarter", None]
)
def test_measure_matches_schema_for_every_breakdown(client, by):
    make_reference_data()
    seed_measures()
    make_mixed(
        14, 6, dont_know=3, submitted_at=datetime(2026, 8, 3), age_band="11-15", cohort="ehcp"
    )
    make_mixed(2, 1, submitted_at=datetime(2026, 8, 3), channel="paper")
    query = {"by": by, "period": "2026-27-Q2"} if by else {"period": "2026-27-Q2"}
    response = client.get("/api/v1/measures/parent-carer-satisfaction", query_string=query)
    assert response.status_code == 200
    body = response.get_json()
    _validator(client, "MeasureResult").validate(body)
    # 16 of 23 are published rounded to 5, and the share is worked out from the rounded counts.
    assert (body["favourable"], body["n"], body["value"], body["period"]) == (
        15,
        25,
        pytest.approx(0.6),
        "2026-27-Q2",
    )
    if by == "channel":
        cells = {cell["key"]: cell for cell in body["breakdown"]}
        assert (
            cells["paper"]["suppressed"]
            and cells["paper"]["n"] is None
            and cells["paper"]["value"] is None
        )
        assert cells["online"]["suppressed"]  # complementary: online = total - paper otherwise


def test_suppressed_measure_hides_value_interval_and_n(client):
    seed_measures()
    make_mixed(5, 4, submitted_at=datetime(2026, 8, 3))
    body = client.get("/api/v1/measures/parent-carer-satisfaction?period=2026-27-Q2").get_json()
    _validator(client, "MeasureResult").validate(body)
    assert body["suppressed"] is True
    assert [body[k] for k in ("value", "favourable", "ci_low", "ci_high", "n")] == [None] * 5
    assert body["rag"] == "grey"


def test_staff_measure_has_its_seeded_baseline(client):
    seed_measures()
    body = client.get("/api/v1/measures/tribunal-rate").get_json()
    _validator(client, "MeasureResult").validate(body)
    assert body["baseline"] == {
        "value": 0.7,
        "n": 1,
        "ci_low": None,
        "ci_high": None,
        "period": "2025",
    }


@pytest.mark.parametrize(
    "query,message",
    [
        ("by=postcode", "'by' must be one of"),
        ("from=2026-07-01", "'from' is not accepted"),
        ("to=9999-12-31", "'to' is not accepted"),
        ("from=2026-07-01&to=2026-09-30", "'from' and 'to' are not accepted"),
        ("period=2026-27-Q9", "is not a reporting period we publish"),
        ("period=2099-00-Q1", "closed financial-year quarters only: "),
    ],
)
def test_bad_parameters_get_a_clear_400(client, query, message):
    seed_measures()
    response = client.get(f"/api/v1/measures/parent-carer-satisfaction?{query}")
    assert response.status_code == 400 and response.is_json
    assert message in response.get_json()["error"]
    _validator(client, "Error").validate(response.get_json())


def test_unknown_measure_is_a_json_404(client):
    response = client.get("/api/v1/measures/no-such-thing")
    assert response.status_code == 404 and response.get_json()["error"]
    with pytest.raises(jsonschema.ValidationError):
        _validator(client, "MeasureSummary").validate({"slug": "x"})
