"""Countries and international bodies by code (to be extended by the extraction lexicons)."""
from __future__ import annotations

_COUNTRY_NAMES = {"AZ": "Azerbaijan", "CN": "China"}
_INTERNATIONAL_BODIES = {"NATO", "UN", "EU", "ASEAN", "SCO", "CSTO", "AFU"}


def country_name(code: str) -> str | None:
    return _COUNTRY_NAMES.get(code)


def is_international_body(code: str) -> bool:
    return code in _INTERNATIONAL_BODIES
