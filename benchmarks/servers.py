"""Start gunicorn servers on loopback for the load benchmarks (the tests' own helper), and stop
them."""

from tests.fixtures.servers import gunicorn as _gunicorn

WORKERS = 2  # this machine has 2 cores; both apps get the same


def gunicorn(target, env=None, path="/", workers=WORKERS):
    return _gunicorn(target, env=env, path=path, workers=workers)
