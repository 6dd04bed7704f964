"""The staff home page's panels. Features register a function returning panel dicts."""
_PROVIDERS = []


def register_panel(provider):
    """Register `provider() -> list[dict(title, value, detail, url)]` for the staff home page."""
    _PROVIDERS.append(provider)
    return provider


def panels():
    """Every registered panel, in registration order."""
    return [panel for provider in _PROVIDERS for panel in provider()]
