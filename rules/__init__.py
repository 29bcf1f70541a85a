"""Rule-set profiles (data). Shipped as the package `perflint.rulesets`; see pyproject.toml."""
