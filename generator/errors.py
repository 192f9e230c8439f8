"""The errors a user can meet that stop a build as a whole (the previous site is kept);
``commands.failure`` tells them. Problems with one input file are ``model.Problem``s instead."""
from __future__ import annotations


class BuildError(Exception):
    """The build cannot produce a site at all (the previous site is left in place)."""
