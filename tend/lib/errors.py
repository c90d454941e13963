"""An error a person can read: a rule of the product was broken.

Services raise a subclass with a sentence that is safe to show (it never quotes
anyone's private writing). Pages show it as a form error or a message; the API
answers ``{"detail": message}`` with :attr:`RuleBroken.status`.
"""

from __future__ import annotations


class RuleBroken(Exception):
    """The request was understood but breaks a rule (answer twice, react before opening)."""

    status = 400

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
