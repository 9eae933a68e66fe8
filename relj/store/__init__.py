"""The journal store: the only package that speaks SQL."""

from relj.store.core import Store

__all__ = ["Store"]
