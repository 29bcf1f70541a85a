"""The declaration JSON Schema. Shipped as the package `perflint.schemas`; see pyproject.toml."""
