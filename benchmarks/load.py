"""HTTP load from a separate process (wrk), with requests a second, latency percentiles and wrong
answers.

Every response's status is checked against the one expected (200 for a page, 302 for a saved
answer), so a benchmark can never quietly time a redirect or an error page instead of the real one.
"""

import os
import re
import shutil
import subprocess
import tempfile

LUA = """
wrk.method = os.getenv("WRK_METHOD")
if os.getenv("WRK_BODY") ~= "" then
  wrk.body = os.getenv("WRK_BODY")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if os.getenv("WRK_COOKIE") ~= "" then wrk.headers["Cookie"] = os.getenv("WRK_COOKIE") end
local expected = tonumber(os.getenv("WRK_EXPECT"))
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) wrong = 0 end
function response(status, headers, body) if status ~= expected then wrong = wrong + 1 end end
done = function(summary, latency, requests)
  local unexpected = 0
  for _, thread in ipairs(threads) do unexpected = unexpected + thread:get("wrong") end
  io.write(string.format("RESULT %d %d %.3f %.3f %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, unexpected,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, seconds=5, connections=8, threads=2, post_body=None, cookie=None, expect=None):
    """Load `url` for `seconds`; returns dict(rps, p50_ms, p95_ms, requests, errors).

    `errors` counts responses whose status was not `expect` (200, or 302 for a POST) plus socket
    errors.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    expect = expect or (302 if post_body is not None else 200)
    env = {
        **os.environ,
        "WRK_METHOD": "POST" if post_body is not None else "GET",
        "WRK_BODY": post_body or "",
        "WRK_COOKIE": cookie or "",
        "WRK_EXPECT": str(expect),
    }
    try:
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            env=env,
            timeout=seconds + 30,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    match = re.search(r"RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+) (\d+)", output)
    requests, micros, p50, p95, wrong_status, socket_errors = match.groups()
    return {
        "rps": int(requests) / (int(micros) / 1e6),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "requests": int(requests),
        "errors": int(wrong_status) + int(socket_errors),
    }
