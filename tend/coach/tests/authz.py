"""The draft check in the authorization matrix (see ``tend/tests/authz.py``).

It reads what a signed-in person types and stores nothing, so everyone signed in may
use it and nobody else; it holds nothing of alice's to leak.
"""

from __future__ import annotations

from tend.tests.authz import Case, api_same, same, u

HARSH = {"text": "You never listen to me, you're so selfish."}

PAGES = {
    "coach:draft": [
        Case("GET", u("coach:draft"), same(200)),
        Case("POST", u("coach:draft"), same(200), data=lambda w: HARSH),
    ],
}

OPERATIONS = {
    "POST /api/v1/coach/check": [
        Case("POST", lambda w: "/api/v1/coach/check", api_same(200), data=lambda w: HARSH)
    ],
}
