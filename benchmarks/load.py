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
if wrk.method == "POST" then wrk.headers["Content-Type"] = "application/x-www-form-urlencoded" end
local expected = tonumber(os.getenv("WRK_EXPECT"))
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  wrong = 0
  -- This thread's people (every WRK_THREADS-th line of cookie, tab, body), none shared.
  mine, turn = {}, 0
  local n = 0
  for line in string.gmatch(os.getenv("WRK_PEOPLE"), "[^\\n]+") do
    if n % tonumber(os.getenv("WRK_THREADS")) == id then
      local cookie, body = line:match("^([^\\t]*)\\t(.*)$")
      table.insert(mine, {cookie = cookie, body = body})
    end
    n = n + 1
  end
end
if os.getenv("WRK_PEOPLE") ~= "" then
  -- Each request as the next of this thread's people in turn: with several people per
  -- connection, one person seldom has two requests in flight (people answer a page at a time).
  function request()
    turn = turn % #mine + 1
    wrk.headers["Cookie"] = mine[turn].cookie
    if mine[turn].body ~= "" then wrk.body = mine[turn].body end
    return wrk.format()
  end
end
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


def run_wrk(url, seconds=5, connections=8, threads=2, post=False, people=(), expect=None):
    """Load `url` for `seconds`; returns dict(rps, p50_ms, p95_ms, requests, errors).

    `people`: (cookie header, POST body) pairs, one per person; each request is sent as the next
    person of its wrk thread's share (at least `connections` people; with several times as many,
    one person seldom has two requests in flight). Without people every request is the same
    anonymous GET (or POST, with `post`).

    `errors` counts responses whose status was not `expect` (200, or 302 for a POST) plus socket
    errors.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    if people and len(people) < connections:
        raise ValueError(f"{len(people)} people cannot fill {connections} connections")
    expect = expect or (302 if post else 200)
    env = {
        **os.environ,
        "WRK_METHOD": "POST" if post else "GET",
        "WRK_PEOPLE": "\n".join(f"{cookie}\t{body or ''}" for cookie, body in people),
        "WRK_THREADS": str(threads),
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
