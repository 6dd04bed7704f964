"""Explicit wiring (issue 16): commands and demo loaders are listed in one place each, and nothing
is registered because a module happened to be imported."""

import re
import subprocess
import sys
from pathlib import Path

import click
from flask.cli import ScriptInfo

ROOT = Path(__file__).resolve().parent.parent

# Imports every portal module in a fresh interpreter, without building an app, and prints what the
# explicit lists hold; each list must hold the same whatever was imported first.
_IMPORT_ALL = r"""
import importlib, pkgutil, portal
for info in pkgutil.walk_packages(portal.__path__, "portal."):
    importlib.import_module(info.name)
import portal.cli, portal.demo
print(sorted(c.name for c in portal.cli.COMMANDS))
print([loader.__module__ for loader in portal.demo.LOADERS])
"""


def _fresh_interpreter(code):
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_importing_every_module_adds_no_command_or_demo_loader():
    import portal.cli
    import portal.demo

    commands, loaders = _fresh_interpreter(_IMPORT_ALL)
    assert commands == str(sorted(c.name for c in portal.cli.COMMANDS))
    assert loaders == str([loader.__module__ for loader in portal.demo.LOADERS])
    assert len(portal.demo.LOADERS) == len(set(portal.demo.LOADERS))


# Imports every portal module, noting the size of each module-level list, dict and set the moment
# that module's own code has run; anything that grows later was filled by another module's import.
_WATCH_IMPORTS = r"""
import importlib, importlib.machinery, pkgutil, sys
sizes = {}

def containers(module):
    return {f"{module.__name__}.{attr}": len(value) for attr, value in list(vars(module).items())
            if isinstance(value, (list, dict, set)) and not attr.startswith("__")}

class Watch:
    def find_spec(self, name, path=None, target=None):
        if not (name == "portal" or name.startswith("portal.")):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            run = spec.loader.exec_module
            def exec_module(module, run=run):
                run(module)
                sizes.update(containers(module))
            spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Watch())
import portal
for info in pkgutil.walk_packages(portal.__path__, "portal."):
    importlib.import_module(info.name)
for name, module in list(sys.modules.items()):
    if name.startswith("portal"):
        for key, size in containers(module).items():
            if key in sizes and sizes[key] != size:
                print(f"{key} grew from {sizes[key]} to {size} after its module was imported")
"""


def test_no_import_fills_another_modules_registry():
    assert _fresh_interpreter(_WATCH_IMPORTS) == []


def test_demo_loaders_keep_their_order():
    from portal.demo import LOADERS

    modules = [loader.__module__ for loader in LOADERS]
    assert modules.index("portal.surveys.demo") < modules.index("portal.measures.demo")
    assert modules.index("portal.measures.demo") < modules.index("portal.measure_actions.demo")
    assert modules.index("portal.measures.demo") < modules.index("portal.disagreements.demo")
    assert modules[-1] == "portal.insight_summaries.demo"


def test_building_many_apps_doubles_nothing(app):
    from portal import create_app, wiring
    from portal.cli import COMMANDS
    from portal.demo import LOADERS

    before = (list(COMMANDS), list(LOADERS))
    apps = [create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}) for _ in range(2)]
    assert (list(COMMANDS), list(LOADERS)) == before
    for built in [app, *apps]:
        wired = built.extensions["portal.wiring"]
        assert wired.nav_items == wiring.NAV_ITEMS and wired.staff_panels == wiring.STAFF_PANELS
        assert wired.on_analysed == wiring.ON_ANALYSED and wired.mail_passes == wiring.MAIL_PASSES
    endpoints = [item.endpoint for item in wiring.NAV_ITEMS]
    assert len(endpoints) == len(set(endpoints))
    assert all(endpoint in app.view_functions for endpoint in endpoints)
    assert all(endpoint in app.view_functions for endpoint, _ in wiring.HOME_LINKS)


def _readme_commands():
    table = re.findall(
        r"^\| `portal ([a-z][a-z -]*?)(?: \[| [A-Z-]|`)", (ROOT / "README.md").read_text(), re.M
    )
    return [words.split() for words in table]


def test_every_command_in_the_readme_table_exists(app):
    listed = _readme_commands()
    assert ["demo-data"] in listed and ["measures", "check"] in listed  # the table was read
    from portal.cli import main

    # As a context manager: get_command pushes an app context onto it, popped (and its database
    # connection returned) when the context closes; left open it leaks a connection.
    with click.Context(main, info_name="portal", obj=ScriptInfo(create_app=lambda: app)) as context:
        for words in listed:
            group, command = main, None
            for word in words:
                command = group.get_command(context, word)
                assert command is not None, (
                    f"`portal {' '.join(words)}` is in README.md but not a command"
                )
                group = command


def test_portal_help_lists_the_portal_commands(runner):
    result = runner.invoke(args=["--help"])
    assert result.exit_code == 0
    for name in ["create-user", "demo-data", "send-mail", "measures", "text", "analyse", "purge"]:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.output, re.M), name
