"""Output formats: each module renders the same Report. Imported only when asked for."""
from importlib import import_module

FORMATS = {
    "text": "perflint.output.text",
    "json": "perflint.output.json_format",
}


def renderer(name: str):
    return import_module(FORMATS[name]).render
