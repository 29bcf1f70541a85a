"""perflint: a compliance linter for budget performance declarations."""

__version__ = "0.1.0"
