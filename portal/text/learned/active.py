"""Which learned model analysis uses. The shipped default is named in model_files/ACTIVE; the
portal's text-model feature registers a resolver that reads the version an admin activated."""

from functools import lru_cache
from pathlib import Path

from portal.text.learned.model import SHIPPED_DIR, ModelFileError, StoredModel

ACTIVE = object()  # "use the active model" (the default of analyse())
_resolver = None  # callable -> (version, [extra folders to look in]) or None
_search_dirs = []


@lru_cache(maxsize=1)
def shipped_default_version():
    path = SHIPPED_DIR / "ACTIVE"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def set_resolver(resolver):
    """Register `resolver()` returning the active version or None (then the shipped default)."""
    global _resolver
    _resolver = resolver


def add_search_dir(folder):
    if Path(folder) not in _search_dirs:
        _search_dirs.append(Path(folder))


def model_path(version):
    """The file holding `version`, shipped first, then candidates (for example
    instance/text-models)."""
    if not version or "/" in version or "\\" in version or version.startswith("."):
        raise ModelFileError(f"not a model version: {version!r}")
    for folder in [SHIPPED_DIR, *_search_dirs]:
        path = folder / f"{version}.json"
        if path.is_file():
            return path
    raise ModelFileError(f"no model file for version {version}")


@lru_cache(maxsize=4)
def load_version(version):
    model = StoredModel.load(model_path(version))
    if model.version != version:
        raise ModelFileError(f"{version}.json holds version {model.version}")
    return model


def active_version():
    version = _resolver() if _resolver else None
    return version or shipped_default_version()


def current_model():
    """The active StoredModel, or None when no model is shipped (the rules then work alone)."""
    version = active_version()
    return load_version(version) if version else None
