"""Schemathesis against /api/v1/openapi.json: generated and invalid requests for every operation.

No 500s, every response (200, 400, 404) conforms to the schema and content type the document
declares, and requests the schema says are invalid are refused.
"""

from datetime import datetime

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from portal.measures.openapi import openapi_document
from portal.measures.seeds import seed_measures
from tests.factories import make_reference_data
from tests.measures.factories import make_mixed

schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture
def measures_with_answers():
    make_reference_data()
    seed_measures()
    make_mixed(
        14, 6, dont_know=3, submitted_at=datetime(2026, 8, 3), age_band="11-15", cohort="ehcp"
    )
    make_mixed(2, 1, submitted_at=datetime(2026, 8, 3), channel="paper")


def test_the_served_document_is_the_one_fuzzed(app, client):
    served = client.get("/api/v1/openapi.json").get_json()
    assert served == openapi_document(
        server_url=app.config["PUBLIC_BASE_URL"] + "/"
    )  # never the Host header


@schema.parametrize()
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_own_openapi_document(case, app, measures_with_answers):
    case.call_and_validate(app=app)
