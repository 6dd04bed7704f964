"""Every page's HTML is valid under the Nu Html Checker (vnu-jar from npm, run on the machine's
Java)."""

import json
import os
import shutil
import subprocess

import pytest

from portal.demo import load_demo_data
from tests.fixtures.pages import rendered_pages

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VNU = os.path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")


def _checker_missing():
    if not shutil.which("java"):
        return "java is not installed"
    if not os.path.exists(VNU):
        return "vnu-jar is not installed (npm ci)"
    return None


def require_checker():
    """Skip without Java or vnu-jar, unless CI requires the checks (PORTAL_REQUIRE_BROWSER=1): then
    fail."""
    if reason := _checker_missing():
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def html_problems(files):
    """The Nu Html Checker's errors for {path: label}, one line each ([] when every file is
    valid)."""
    result = subprocess.run(
        ["java", "-jar", VNU, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line "
        f"{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
    ]


def test_every_page_is_valid_html(app, client, login_as, tmp_path):
    require_checker()
    load_demo_data()
    files = {}
    for endpoint, url, html in rendered_pages(app, client, login_as):
        path = tmp_path / f"{endpoint}.html"
        path.write_text(html)
        files[str(path)] = url
    problems = html_problems(files)
    assert problems == [], "\n".join(problems)
    assert len(files) >= 8
