"""Sign-in throttling with Redis storage, as in production (runs where PORTAL_TEST_REDIS_URL is
set)."""

import os
import subprocess
import sys
import textwrap

import pytest

REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL")

# A separate process, because the limiter is one object per process and the suite's own app
# keeps memory storage.
SCRIPT = textwrap.dedent("""
    import sys
    from portal import create_app
    from portal.extensions import db, limiter
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://",
                      "RATELIMIT_STORAGE_URI": sys.argv[1], "RATELIMIT_SWALLOW_ERRORS": False,
                      "LOGIN_RATE_LIMIT": "3 per minute"})
    with app.app_context():
        db.create_all()
        limiter.reset()
        client = app.test_client()
        form = {"email": "a@b.test", "password": "x"}
        print(" ".join(str(client.post("/sign-in", data=form).status_code) for _ in range(5)))
        limiter.reset()
""")


@pytest.mark.skipif(
    not REDIS_URL, reason="set PORTAL_TEST_REDIS_URL to test Redis-backed rate limits"
)
def test_sign_in_throttled_with_redis_storage():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, REDIS_URL],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "200", "200", "429", "429"]
