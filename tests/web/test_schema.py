"""Schema-driven tests: schemathesis generates requests from the served OpenAPI; none may get a 500.

Bounded: a fixed number of examples per operation, derandomised so a run is repeatable. The
operations are walked by hand (schemathesis' pytest fixture loader does not work with pytest 9).
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = 30


def test_no_generated_request_gets_a_server_error(app) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    tried: dict[str, int] = {}
    for operation in operations:
        check(operation, tried)()
    assert all(n > 0 for n in tried.values()) and len(tried) == len(operations)


def check(operation, tried: dict[str, int]):
    """A Hypothesis test sending generated requests to one operation."""
    label = f"{operation.method.upper()} {operation.path}"

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        response = case.call(headers={"Authorization": "Bearer wrong-token"})
        tried[label] = tried.get(label, 0) + 1
        assert response.status_code < 500, (label, case.formatted_path, case.query, response.text[:300])
        if response.status_code >= 400:
            ctype = response.headers.get("content-type")
            assert (ctype[0] if isinstance(ctype, list) else ctype) == "application/problem+json", label
            body = response.json()
            assert {"type", "title", "status", "detail"} <= set(body), label
            assert body["status"] == response.status_code, label
        case.validate_response(response, checks=[not_a_server_error])

    return run
