import os
import sys

# `python -m perflint` puts the working directory first on sys.path: a `click.py` or `yaml.py`
# committed to the repository being linted would be imported instead of the real package. perflint
# itself is already imported; nothing else may come from there.
if sys.path and not getattr(sys.flags, "safe_path", False) and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from perflint.cli.main import main  # noqa: E402

main()
