"""Start gunicorn servers on loopback for the load benchmarks, and stop them."""
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKERS = 2  # this machine has 2 cores; both apps get the same


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(target, env=None, path="/", workers=WORKERS):
    """Serve `target` (module:app) with gunicorn on a free port; yields the base URL."""
    port = free_port()
    gunicorn_bin = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    process = subprocess.Popen(
        [gunicorn_bin, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning", target],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + path, timeout=2).read()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(process.stderr.read().decode()[-2000:])
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
