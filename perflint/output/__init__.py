"""Output formats: each module renders the same Report. Imported only when asked for."""
from importlib import import_module

FORMATS = {
    "text": "perflint.output.text",
    "concise": "perflint.output.concise",
    "json": "perflint.output.json_format",
    "html": "perflint.output.html",
    "sarif": "perflint.output.sarif",
    "github": "perflint.output.github",
    "gitlab": "perflint.output.gitlab",
    "junit": "perflint.output.junit",
    "markdown": "perflint.output.markdown",
    "xlsx": "perflint.output.xlsx",
}
BINARY = {"xlsx"}  # written as bytes, and only to a file


def renderer(name: str):
    return import_module(FORMATS[name]).render
