"""Which configuration applies to a path: the one given with --config, else the nearest
`.perflint.yaml`, `.perflint.yml` or `pyproject.toml` with `[tool.perflint]` from the path's folder
upward (nearest wins, like ruff), else the one found from the working directory, else the defaults.

The working directory's configuration also holds the settings of the run as a whole (the language,
`fail-on`): the command line's settings apply on top of every configuration.
"""
from __future__ import annotations

import os
from pathlib import Path

from perflint.config.loader import CONFIG_FILES, config_from, configures_perflint, find_config, load_config
from perflint.config.model import Config


class Configs:
    def __init__(self, config_path: str | None, cli: dict, cwd: Path):
        self.cli = cli
        self.cwd = cwd
        self.fixed = load_config(config_path, cli, cwd) if config_path else None
        self._found: dict[str, Path | None] = {}  # folder → the configuration file that governs it
        self._loaded: dict[Path | None, Config] = {}
        self.fallback = self.fixed or self._load(find_config(cwd))

    def _load(self, path: Path | None) -> Config:
        if path not in self._loaded:
            self._loaded[path] = config_from(path, self.cli, self.cwd)
        return self._loaded[path]

    def for_dir(self, folder: str, names=None) -> Config:
        """The configuration of files in ``folder``; ``names`` (its entries, from a walk that listed
        them anyway) spares the look-ups for configuration files that are not there."""
        if self.fixed:
            return self.fixed
        path = self._governing(os.path.abspath(folder), names)
        return self.fallback if path is None else self._load(path)

    def for_file(self, path: str) -> Config:
        return self.for_dir(os.path.dirname(path) or ".")

    def _governing(self, folder: str, names=None) -> Path | None:
        chain = []
        found = None
        while True:
            if folder in self._found:
                found = self._found[folder]
                break
            chain.append(folder)
            here = self._config_in(folder, names if len(chain) == 1 else None)
            if here is not None:
                found = here
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for f in chain:
            self._found[f] = found
        return found

    @staticmethod
    def _config_in(folder: str, names=None) -> Path | None:
        for name in CONFIG_FILES:
            if names is not None and name not in names:
                continue
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            if name == "pyproject.toml" and not configures_perflint(Path(path)):
                continue
            return Path(path)
        return None

