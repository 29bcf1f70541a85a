"""A cached attribute for the model's read-only views."""
from __future__ import annotations


class lazy:  # noqa: N801 (used like functools.cached_property)
    """A cached attribute without functools.cached_property's per-instance lock (Python < 3.12),
    which costs more than most of what it caches here."""

    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value
