"""HTTP load from a separate process (wrk), with requests a second and latency percentiles."""
import os
import re
import shutil
import subprocess
import tempfile

LUA_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""
LUA_POST = """
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("WRK_COOKIE")
"""


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, seconds=5, connections=8, threads=2, post_body=None, cookie=None):
    """Load `url` for `seconds`; returns dict(rps, p50_ms, p95_ms, requests, errors)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write((LUA_POST if post_body is not None else "") + LUA_REPORT)
    env = {**os.environ, "WRK_BODY": post_body or "", "WRK_COOKIE": cookie or ""}
    try:
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True, text=True, env=env, timeout=seconds + 30, check=True).stdout
    finally:
        os.unlink(script.name)
    match = re.search(r"RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+) (\d+)", output)
    requests, micros, p50, p95, status_errors, socket_errors = match.groups()
    return {"rps": int(requests) / (int(micros) / 1e6), "p50_ms": float(p50), "p95_ms": float(p95),
            "requests": int(requests), "errors": int(status_errors) + int(socket_errors)}
